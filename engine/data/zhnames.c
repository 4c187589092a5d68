/* SPDX-License-Identifier: MIT */
/* The Chinese names a portfolio gives its institutions (see zhnames.h).
 *
 * A portfolio names an institution in English in lead_institution and
 * partner_institutions, and may give its Chinese name beside it in
 * lead_institution_zh and partner_institutions_zh (item by item).  The
 * by-institution chart and the project table of the Chinese edition need
 * the Chinese name of any institution, whichever row named it, so the
 * pairs are collected once, as the rows are stored, into one list keyed by
 * the interned English name.  Portfolios name tens of institutions, not
 * thousands, so the list is searched linearly, by pointer first. */
#include "data/zhnames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/store_impl.h"

/* The extra column called name, or -1. */
static int zhnames_column(const ssc_store *st, const char *name)
{
    for (size_t i = 0; i < st->n_extra; i++)
        if (strcmp(st->extra_names[i], name) == 0)
            return (int)i;
    return -1;
}

static ssc_text zhnames_trim(const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return (ssc_text){s, len};
}

/* Records zh as the Chinese name of the institution en (both as given);
 * the first name given for an institution wins. */
static int zhnames_add(ssc_store *st, ssc_text en, ssc_text zh)
{
    const char *name, *cn;

    en = zhnames_trim(en.s, en.len);
    zh = zhnames_trim(zh.s, zh.len);
    if (en.len == 0 || zh.len == 0)
        return 0;
    name = ssc_intern_str(st->in, en.s, en.len);
    if (!name)
        return -1;
    for (size_t i = 0; i < st->n_zh_names; i++)
        if (st->zh_names[i].name == name)
            return 0;
    cn = ssc_intern_str(st->in, zh.s, zh.len);
    if (!cn)
        return -1;
    if (st->n_zh_names == st->cap_zh_names) {
        size_t cap = st->cap_zh_names ? 2 * st->cap_zh_names : 16;
        void *grown = realloc(st->zh_names, cap * sizeof *st->zh_names);
        if (!grown)
            return -1;
        st->zh_names = grown;
        st->cap_zh_names = cap;
    }
    st->zh_names[st->n_zh_names].name = name;
    st->zh_names[st->n_zh_names].zh = cn;
    st->n_zh_names++;
    return 0;
}

int ssc_zhnames_note(ssc_store *st, const ssc_project_in *p, ssc_error *err)
{
    int lead = zhnames_column(st, "lead_institution_zh");
    int partners = zhnames_column(st, "partner_institutions_zh");

    if (!p->extra)
        return SSC_OK;
    if (lead >= 0 && zhnames_add(st, p->lead, p->extra[lead]) != 0)
        return ssc_error_oom(err);
    if (partners < 0 || p->extra[partners].len == 0)
        return SSC_OK;

    /* item k of the Chinese list names partner k */
    const char *s = p->extra[partners].s, *end = s + p->extra[partners].len;
    size_t k = 0;
    while (s <= end) {
        const char *semi = memchr(s, ';', (size_t)(end - s));
        const char *stop = semi ? semi : end;
        ssc_text zh = {s, (size_t)(stop - s)};
        if (k >= p->n_partners && zhnames_trim(zh.s, zh.len).len > 0)
            return ssc_error_set(err,
                                 "line %ld: partner_institutions_zh: more names than "
                                 "partner_institutions has partners (%zu)",
                                 p->line, p->n_partners);
        if (k < p->n_partners && zhnames_add(st, p->partners[k], zh) != 0)
            return ssc_error_oom(err);
        k++;
        s = stop + 1;
    }
    return SSC_OK;
}

const char *ssc_zhnames_get(const ssc_store *st, const char *name)
{
    if (!st || !name)
        return NULL;
    for (size_t i = 0; i < st->n_zh_names; i++)
        if (st->zh_names[i].name == name)
            return st->zh_names[i].zh;
    for (size_t i = 0; i < st->n_zh_names; i++)
        if (strcmp(st->zh_names[i].name, name) == 0)
            return st->zh_names[i].zh;
    return NULL;
}
