/* SPDX-License-Identifier: MIT */
/* The project row of a finished activity, handed to the engine as the text
 * a portfolio CSV row would hold (docs/portfolio-csv.md), and the one
 * warning about the activities left out of money.  docs/iati.md has the
 * rules; iati-activity.c has gathered the activity's fields.
 *
 * Whoever reads an IATI file is seldom its publisher and cannot mend it,
 * so what an activity lacks or gets wrong and the portfolio rules would
 * refuse is filled in here by a documented fallback (docs/iati.md,
 * Fallbacks), counted for one warning per kind, instead of making the
 * project a bad row that would stop the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iati-internal.h"

static int iati_put(iati_reader *r, const char *column, const char *value, size_t len)
{
    if (ssc_source_set(r->src, column, value, len) != SSC_OK) {
        r->stop = IATI_OOM;
        return -1;
    }
    return 0;
}

static int iati_put_str(iati_reader *r, const char *column, const char *value)
{
    return iati_put(r, column, value, strlen(value));
}

/* Adds an item to the list being joined in r->row (the caller empties it). */
static int iati_row_item(iati_reader *r, const char *item)
{
    int rc = r->row.len ? iati_buf_add(&r->row, ";", 1, (size_t)-1) : 0;

    if (rc == 0)
        rc = iati_buf_add(&r->row, item, strlen(item), (size_t)-1);
    if (rc < 0)
        r->stop = IATI_OOM;
    return rc;
}

static int iati_put_place(iati_reader *r)
{
    iati_activity *act = &r->act;

    r->row.len = 0;
    for (size_t i = 0; i < act->n_countries; i++)
        if (iati_row_item(r, act->countries[i]) < 0)
            return -1;
    if (act->n_countries)
        return iati_put(r, "countries", r->row.s, r->row.len);
    /* No usable recipient-country: the region comes from recipient-region. */
    for (int i = 0; iati_region_name(i); i++)
        if ((act->region_mask >> i) & 1u && iati_row_item(r, iati_region_name(i)) < 0)
            return -1;
    return iati_put(r, "regions", r->row.len ? r->row.s : "Unspecified",
                    r->row.len ? r->row.len : strlen("Unspecified"));
}

static int iati_put_sector(iati_reader *r, char key[16])
{
    int c = iati_sector_choose(
        r->act.sectors, r->act.n_sectors < IATI_SECTORS_MAX ? r->act.n_sectors : IATI_SECTORS_MAX);

    if (c < 0)
        strcpy(key, "unspecified");
    else
        snprintf(key, 16, "%03d", c);
    return iati_put_str(r, "sector", key);
}

static int iati_put_sdgs(iati_reader *r)
{
    iati_activity *act = &r->act;
    char n[8];

    if (act->n_sdgs == 0)
        return 0; /* the project counts under no SDG */
    snprintf(n, sizeof n, "%d", act->sdgs[0]);
    if (iati_put_str(r, "sdg_primary", n) < 0)
        return -1;
    r->row.len = 0;
    for (size_t i = 1; i < act->n_sdgs; i++) {
        snprintf(n, sizeof n, "%d", act->sdgs[i]);
        if (iati_row_item(r, n) < 0)
            return -1;
    }
    return r->row.len ? iati_put(r, "sdg_secondary", r->row.s, r->row.len) : 0;
}

static int iati_put_money(iati_reader *r)
{
    iati_activity *act = &r->act;
    char usd[64];

    if (act->n_no_rate) {
        /* Left out of money: remembered for the one warning at the end. */
        if (r->no_rate_activities++ == 0)
            r->no_rate_line = act->line;
        for (size_t i = 0; i < act->n_no_rate; i++) {
            size_t k = 0;

            while (k < r->n_no_rate && strcmp(r->no_rate[k], act->no_rate[i]) != 0)
                k++;
            if (k == r->n_no_rate && k < IATI_CURRENCIES_MAX)
                memcpy(r->no_rate[r->n_no_rate++], act->no_rate[i], 4);
            else if (k == r->n_no_rate)
                r->no_rate_more = 1;
        }
        return 0;
    }
    if (act->budget_bad || act->n_values == 0)
        return 0;
    iati_format_decimal(act->budget_usd, usd, sizeof usd);
    return iati_put_str(r, "budget_usd", usd);
}

/* The id, else FILE#N (N the activity's place in the file), and the
 * title, else the id. */
static int iati_put_names(iati_reader *r)
{
    iati_activity *act = &r->act;
    const iati_buf *title = iati_pick_result(&act->title);
    char made[320];
    const char *id = act->id.s;
    size_t id_len = act->id.len;

    if (id_len == 0) {
        if (r->fallbacks[IATI_FALLBACK_ID].count == 0)
            r->first_unnamed = r->activities;
        iati_fallback_used(r, IATI_FALLBACK_ID, act->line);
        snprintf(made, sizeof made, "%.300s#%ld", r->file, r->activities);
        id = made;
        id_len = strlen(made);
    }
    if (iati_put(r, "id", id, id_len) < 0)
        return -1;
    if (title)
        return iati_put(r, "title", title->s, title->len);
    iati_fallback_used(r, IATI_FALLBACK_TITLE, act->line);
    return iati_put(r, "title", id, id_len);
}

/* The dates: an end before the start is left out, and an activity without
 * a start date is handed over without one (the engine then gives it no
 * start year, since iati.c declared start_date optional). */
static int iati_put_dates(iati_reader *r)
{
    iati_activity *act = &r->act;
    const char *start = act->dates[2][0] ? act->dates[2] : act->dates[1];
    const char *end = act->dates[4][0] ? act->dates[4] : act->dates[3];

    if (!*start)
        iati_fallback_used(r, IATI_FALLBACK_START, act->line);
    /* Both are YYYY-MM-DD (iati_parse_date), so text order is date order. */
    if (*start && *end && strcmp(end, start) < 0) {
        iati_fallback_used(r, IATI_FALLBACK_END, act->line);
        end = "";
    }
    if (*start && iati_put_str(r, "start_date", start) < 0)
        return -1;
    return *end ? iati_put_str(r, "end_date", end) : 0;
}

/* The status by its code, else from the actual dates as given: begun and
 * not ended is ongoing, anything else pipeline. */
static int iati_put_status(iati_reader *r)
{
    static const char *const status[7] = {NULL,        "pipeline",  "ongoing",  "completed",
                                          "completed", "cancelled", "suspended"};
    iati_activity *act = &r->act;

    if (act->status)
        return iati_put_str(r, "status", status[act->status]);
    iati_fallback_used(r, IATI_FALLBACK_STATUS, act->line);
    return iati_put_str(r, "status", act->dates[2][0] && !act->dates[4][0] ? "ongoing"
                                                                            : "pipeline");
}

static int iati_put_all(iati_reader *r, char sector[16])
{
    iati_activity *act = &r->act;
    const iati_buf *lead = iati_pick_result(&act->lead);

    if (!lead && act->lead_ref.len)
        lead = &act->lead_ref;
    if (iati_put_names(r) < 0 ||
        (lead && iati_put(r, "lead_institution", lead->s, lead->len) < 0) ||
        (act->partners.len &&
         iati_put(r, "partner_institutions", act->partners.s, act->partners.len) < 0) ||
        iati_put_place(r) < 0 || iati_put_sector(r, sector) < 0 || iati_put_sdgs(r) < 0 ||
        iati_put_dates(r) < 0 || iati_put_status(r) < 0 || iati_put_money(r) < 0)
        return -1;
    if (act->gender >= 0) {
        char g[2] = {(char)('0' + act->gender), '\0'};

        return iati_put_str(r, "gender_marker", g);
    }
    return 0;
}

/* Names the sector category once per file, from the IATI codelist. */
static void iati_label_sector(iati_reader *r, const char *key)
{
    const char *label = NULL;
    int c = atoi(key);

    if (strcmp(key, "unspecified") == 0) {
        if (r->labelled_unspecified)
            return;
        r->labelled_unspecified = 1;
        label = "Unspecified";
    } else if (c >= 0 && c < 1000 && !(r->labelled[c / 8] & (1u << (c % 8)))) {
        r->labelled[c / 8] |= (unsigned char)(1u << (c % 8));
        label = iati_sector_label(c);
    }
    if (label && ssc_source_set_label(r->src, SSC_KEY_SECTOR, key, label) != SSC_OK)
        r->stop = IATI_OOM;
}

void iati_activity_end(iati_reader *r)
{
    char sector[16] = "";

    r->act_depth = 0;
    if (r->stop)
        return;
    if (ssc_source_begin(r->src, r->act.line) != SSC_OK) {
        r->stop = IATI_OOM;
        return;
    }
    if (iati_put_all(r, sector) < 0)
        return;
    if (ssc_source_end(r->src) != SSC_OK) {
        r->stop = IATI_OOM;
        return;
    }
    iati_label_sector(r, sector);
}

void iati_money_summary(iati_reader *r)
{
    char list[IATI_CURRENCIES_MAX * 24 + 16] = "";
    size_t len = 0;

    if (r->no_rate_activities == 0)
        return;
    for (size_t i = 0; i < r->n_no_rate; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
                                r->no_rate[i][0] ? r->no_rate[i] : "(no currency given)");
    if (r->no_rate_more)
        snprintf(list + len, sizeof list - len, ", ...");
    ssc_source_warn(r->src, r->no_rate_line,
                    "%ld %s left out of money totals: no rate for %s (add %s to "
                    "data.currency_rates)",
                    r->no_rate_activities, r->no_rate_activities == 1 ? "activity" : "activities",
                    list, r->n_no_rate == 1 && !r->no_rate_more ? "it" : "them");
}
