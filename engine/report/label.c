/* SPDX-License-Identifier: MIT */
/* Labelling table keys (see label.h). */
#include "report/label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/intern.h"
#include "data/refdata.h"

const char *ssc_label_status(const char *status, const char *lang)
{
    static const char *const keys[] = {"pipeline", "ongoing", "completed", "cancelled",
                                       "suspended"};
    static const char *const en[] = {"Pipeline", "Ongoing", "Completed", "Cancelled",
                                     "Suspended"};
    static const char *const zh[] = {"筹备中", "进行中", "已完成", "已取消", "已暂停"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(keys[i], status) == 0)
            return strcmp(lang, "zh") == 0 ? zh[i] : en[i];
    return status;
}

/* A sector code that neither the report, the built-in sectors nor the
 * data source names, made readable the same way in every chart, table and
 * sentence of an English edition: '-' and '_' become spaces and a
 * lower-case ASCII first letter a capital ("health" -> "Health",
 * "disaster-risk" -> "Disaster risk"); the rest is as the data spells it
 * ("ICT" stays).  A Chinese edition never gets here: such a code stops its
 * check (label_lacks_zh).  The copies live in one interner for the
 * process, so a label handed to a plugin stays valid however many it asks
 * for; a code the interner cannot take is shown as given. */
static const char *label_readable_sector(const char *code)
{
    static ssc_intern *readable;
    size_t n = strlen(code);
    char *buf;
    const char *out = NULL;

    if (!readable && !(readable = ssc_intern_new()))
        return code;
    if (!(buf = malloc(n + 1)))
        return code;
    for (size_t i = 0; i <= n; i++)
        buf[i] = code[i] == '-' || code[i] == '_' ? ' ' : code[i];
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    out = ssc_intern_str(readable, buf, n);
    free(buf);
    return out ? out : code;
}

/* ssc_label_key in lang, whatever the report's language (the tie order
 * below names rows in English in both editions). */
static const char *label_key_in(const ssc_report *r, const ssc_store *st, ssc_key_kind kind,
                                const char *key, const char *lang, long *colour, char *buf,
                                size_t len)
{
    int zh = strcmp(lang, "zh") == 0;
    const char *label = NULL;

    if (colour)
        *colour = -1;
    switch (kind) {
    case SSC_KEY_REGION:
        if (strcmp(key, SSC_REGION_UNSPECIFIED) == 0)
            label = zh ? "未指明" : SSC_REGION_UNSPECIFIED;
        else if (ssc_store_region(key, strlen(key)))
            label = ssc_region_label(key, lang);
        break;
    case SSC_KEY_SECTOR:
        label = ssc_report_sector_label_in(r, key, lang);
        if (colour)
            *colour = ssc_report_sector_colour(r, key);
        /* the key itself comes back when neither the report nor the
         * built-in sectors name it */
        if (label == key)
            label = NULL;
        break;
    case SSC_KEY_SDG: {
        const ssc_sdg *g = ssc_sdg_get(atoi(key));
        if (g) {
            label = zh ? g->short_zh : g->short_en;
            if (buf) {
                snprintf(buf, len, "%d %s", g->goal, label);
                label = buf;
            }
            if (colour)
                *colour = (long)g->colour;
        }
        break;
    }
    case SSC_KEY_COUNTRY: {
        const ssc_country *c = ssc_country_by_alpha3(key, strlen(key));
        label = c ? ssc_country_label(c, lang) : NULL;
        break;
    }
    case SSC_KEY_YEAR:
        /* "2020年": a bare year reads as a number in a Chinese sentence */
        if (zh && buf) {
            snprintf(buf, len, "%s\u5e74", key);
            label = buf;
        }
        break;
    case SSC_KEY_STATUS:
        label = ssc_label_status(key, lang);
        if (label == key)
            label = NULL;
        break;
    default: break;
    }
    /* the engine's and the report's labels first, then the source's, then
     * a sector code made readable, then the key itself */
    if (!label && st)
        label = ssc_store_label(st, kind, key);
    if (!label && kind == SSC_KEY_SECTOR && !zh)
        label = label_readable_sector(key);
    if (!label && kind != SSC_KEY_TEXT && kind != SSC_KEY_PROJECT && kind != SSC_KEY_YEAR &&
        kind != SSC_KEY_GENDER)
        label = key;
    return label;
}

const char *ssc_label_key(const ssc_report *r, const ssc_store *st, ssc_key_kind kind,
                          const char *key, long *colour, char *buf, size_t len)
{
    return label_key_in(r, st, kind, key, r->language, colour, buf, len);
}

/* The Chinese edition never falls back to English for a name the engine
 * owns (shared/spec/names-and-maps.md), as it never draws a missing glyph:
 * the kind's name of key when it has no Chinese form, else NULL.  A label
 * the data source gave (an IATI sector name) is the data's, like a title,
 * and is shown as given. */
static const char *label_lacks_zh(const ssc_report *r, const ssc_store *st, ssc_key_kind kind,
                                  const char *key)
{
    if (st && ssc_store_label(st, kind, key))
        return NULL;
    switch (kind) {
    case SSC_KEY_SECTOR:
        return ssc_report_sector_has_zh(r, key) ? NULL : "sector";
    case SSC_KEY_REGION:
        return strcmp(key, SSC_REGION_UNSPECIFIED) == 0 || ssc_store_region(key, strlen(key))
                   ? NULL
                   : "region";
    case SSC_KEY_COUNTRY:
        return ssc_country_by_alpha3(key, strlen(key)) ? NULL : "country";
    case SSC_KEY_SDG:
        return ssc_sdg_get(atoi(key)) ? NULL : "SDG";
    case SSC_KEY_STATUS:
        return ssc_label_status(key, "zh") != key ? NULL : "status";
    default: return NULL;
    }
}

/* Rows of equal value stand in the order of their English names, in both
 * editions (so the two list them alike, and the codes' order, SDN before
 * SLV, never shows): countries, regions and sectors.  Goals, years and
 * statuses keep the order of their keys. */
static int label_order_ties(ssc_table *t, const ssc_report *r, const ssc_store *st)
{
    ssc_key_kind kind = ssc_table_key_kind(t);
    size_t n = ssc_table_rows(t);
    const char **names;
    int rc;

    if ((kind != SSC_KEY_COUNTRY && kind != SSC_KEY_REGION && kind != SSC_KEY_SECTOR) || n < 2)
        return SSC_OK;
    if (!(names = calloc(n, sizeof *names)))
        return SSC_ERR;
    for (size_t i = 0; i < n; i++) {
        const char *key = ssc_table_key(t, i);
        names[i] = ssc_table_label_override(t, i);
        if (!names[i])
            names[i] = label_key_in(r, st, kind, key, "en", NULL, NULL, 0);
    }
    rc = ssc_table_order_ties(t, names);
    free(names);
    return rc;
}

int ssc_label_table(ssc_table *t, const ssc_report *r, const ssc_store *st, ssc_error *err)
{
    int zh = strcmp(r->language, "zh") == 0;
    char buf[256];

    /* a plugin that named its one column "value" counts projects, or
     * what it declared it measures (ssc_table_set_measure) */
    char heading[128];
    if (ssc_table_measures_projects(t))
        snprintf(heading, sizeof heading, "%s", zh ? "项目数" : "Projects");
    else if (zh)
        snprintf(heading, sizeof heading, "%s", ssc_table_measure(t, SSC_MEASURE_ZH_NOUN));
    else {
        snprintf(heading, sizeof heading, "%s", ssc_table_measure(t, SSC_MEASURE_MANY));
        /* a heading starts with a capital; only ASCII letters are changed */
        if (heading[0] >= 'a' && heading[0] <= 'z')
            heading[0] = (char)(heading[0] - 'a' + 'A');
    }
    for (size_t c = 0; c < ssc_table_columns(t); c++)
        if (strcmp(ssc_table_column_name(t, c), "value") == 0 &&
            strcmp(ssc_table_column_title(t, c), "value") == 0 &&
            ssc_table_column_unit(t, c) == SSC_UNIT_COUNT &&
            ssc_table_set_column_title(t, (int)c, heading) != SSC_OK)
            return ssc_error_oom(err);

    for (size_t i = 0; zh && i < ssc_table_rows(t); i++) {
        const char *what = label_lacks_zh(r, st, ssc_table_key_kind(t), ssc_table_key(t, i));
        if (what && !ssc_table_label_override(t, i))
            return ssc_error_set(err,
                                 "the Chinese edition has no Chinese name for %s \"%s\"%s",
                                 what, ssc_table_key(t, i),
                                 strcmp(what, "sector") == 0
                                     ? ": give it label_zh in the report's sectors"
                                     : "");
    }
    if (label_order_ties(t, r, st) != SSC_OK)
        return ssc_error_oom(err);
    for (size_t i = 0; i < ssc_table_rows(t); i++) {
        long colour = -1;
        const char *label =
            ssc_label_key(r, st, ssc_table_key_kind(t), ssc_table_key(t, i), &colour, buf,
                          sizeof buf);
        if (colour >= 0 && ssc_table_colour(t, i) < 0 &&
            ssc_table_set_colour(t, i, (unsigned long)colour) != SSC_OK)
            return ssc_error_oom(err);
        if (label && !ssc_table_label_override(t, i) &&
            ssc_table_set_label(t, (int)i, label) != SSC_OK)
            return ssc_error_oom(err);
    }
    return SSC_OK;
}
