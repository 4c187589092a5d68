/* SPDX-License-Identifier: MIT */
/* Projects per institution, in two roles: as the lead institution and as a
 * partner.  An institution appears when it leads or partners any shown
 * project; it counts once per project in each role (a partner named twice
 * on one project counts once).  Rows are sorted by lead count, then partner
 * count, largest first, then by name; option limit keeps the first rows and
 * sums the rest into one "Other" row, so that no institution is dropped
 * without a trace.  When the report lists its member_institutions, the
 * members come first and every other institution is marked as a
 * non-member, so the chart tells the network from its partners. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option by_institution_options[] = {
    {.name = "limit",
     .type = SSC_OPTION_INT,
     .min = 0,
     .max = 100000,
     .help = "show at most this many institutions, those with most projects first, and the "
             "rest summed as \"Other\" (0: all)"},
    {.name = NULL},
};

typedef struct institution {
    const char *name; /* borrowed from the portfolio */
    double lead, partner;
    double projects;    /* distinct projects it leads or partners */
    size_t partner_row; /* 1 + the last project counted as a partner; 0 none */
    size_t any_row;     /* 1 + the last project counted in projects; 0 none */
    int outside;        /* 1: not a member, when the report lists members */
} institution;

/* Institutions by name, open addressing, by the name's address: lead and
 * partner names are strings of one portfolio, and its equal strings are
 * one pointer (plugin.h).  Hashing each mention's text cost more than the
 * rest of the section at a million projects (issue 10); the slots' order
 * does not matter, as the list is sorted by name among equals. */
typedef struct institution_set {
    institution *slot;
    size_t mask, count;
} institution_set;

static size_t institution_hash(const char *s)
{
    return (size_t)(((unsigned long long)(size_t)s * 0x9E3779B97F4A7C15ull) >> 32);
}

static int institution_grow(institution_set *set)
{
    size_t nmask = set->mask ? set->mask * 2 + 1 : 63;
    institution *ns = calloc(nmask + 1, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; set->slot && i <= set->mask; i++) {
        if (!set->slot[i].name)
            continue;
        size_t j = institution_hash(set->slot[i].name) & nmask;
        while (ns[j].name)
            j = (j + 1) & nmask;
        ns[j] = set->slot[i];
    }
    free(set->slot);
    set->slot = ns;
    set->mask = nmask;
    return 0;
}

/* The entry for name, created with zero counts; NULL when out of memory. */
static institution *institution_get(institution_set *set, const char *name)
{
    if ((set->count + 1) * 2 > set->mask + 1 && institution_grow(set) != 0)
        return NULL;
    size_t j = institution_hash(name) & set->mask;
    for (; set->slot[j].name; j = (j + 1) & set->mask)
        if (set->slot[j].name == name)
            return &set->slot[j];
    set->slot[j].name = name;
    set->count++;
    return &set->slot[j];
}

static int institution_cmp(const void *pa, const void *pb)
{
    const institution *a = pa, *b = pb;
    if (a->outside != b->outside)
        return a->outside - b->outside;
    if (a->lead != b->lead)
        return a->lead > b->lead ? -1 : 1;
    if (a->partner != b->partner)
        return a->partner > b->partner ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int by_institution_count(const ssc_portfolio *p, institution_set *set)
{
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        institution *in = institution_get(set, ssc_project_lead(p, row));
        if (!in)
            return -1;
        in->lead += 1.0;
        in->projects += 1.0;
        in->any_row = row + 1;
        ssc_strings partners = ssc_project_partners(p, row);
        for (size_t k = 0; k < partners.count; k++) {
            if (!partners.items[k][0])
                continue;
            if (!(in = institution_get(set, partners.items[k])))
                return -1;
            if (in->partner_row != row + 1) {
                in->partner += 1.0;
                in->partner_row = row + 1;
            }
            /* leading and partnering one project is one project */
            if (in->any_row != row + 1) {
                in->projects += 1.0;
                in->any_row = row + 1;
            }
        }
    }
    return 0;
}

/* The sorted institutions into out: the first shown of them, then the rest
 * summed into one "Other" row. */
static int by_institution_fill(const ssc_portfolio *p, const char *lang, ssc_table *out,
                               const institution *list, size_t n, size_t shown, int zh)
{
    char label[512];
    int c_lead = ssc_table_add_column(out, "lead", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int c_partner = ssc_table_add_column(out, "partner", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    if (c_lead < 0 || c_partner < 0 ||
        ssc_table_set_column_title(out, c_lead, zh ? "牵头" : "As lead") != SSC_OK ||
        ssc_table_set_column_title(out, c_partner, zh ? "合作" : "As partner") != SSC_OK)
        return -1;
    for (size_t i = 0; i < shown; i++) {
        int row = ssc_table_row(out, list[i].name);
        /* keyed by the English name (data-out), labelled in the edition's */
        const char *name = ssc_institution_name(p, list[i].name, lang);
        if (list[i].outside)
            snprintf(label, sizeof label, zh ? "%s（非成员）" : "%s (non-member)", name);
        else
            snprintf(label, sizeof label, "%s", name);
        if (row < 0 || ssc_table_set_label(out, row, label) != SSC_OK ||
            ssc_table_add_to(out, row, c_lead, list[i].lead) != SSC_OK ||
            ssc_table_set_row_total(out, row, list[i].projects) != SSC_OK ||
            ssc_table_add_to(out, row, c_partner, list[i].partner) != SSC_OK)
            return -1;
    }
    if (shown < n) {
        double lead = 0.0, partner = 0.0;
        for (size_t i = shown; i < n; i++) {
            lead += list[i].lead;
            partner += list[i].partner;
        }
        /* no row total: a project may involve several of these
         * institutions, and a sum of many is no one's "most" (the
         * engine's summary ranks only rows with a total) */
        int row = ssc_table_row(out, "other");
        snprintf(label, sizeof label, zh ? "其他%zu个机构" : "Other (%zu institutions)", n - shown);
        if (row < 0 || ssc_table_set_label(out, row, label) != SSC_OK ||
            ssc_table_add_to(out, row, c_lead, lead) != SSC_OK ||
            ssc_table_add_to(out, row, c_partner, partner) != SSC_OK)
            return -1;
    }
    return 0;
}

static int by_institution_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                                  ssc_error *err)
{
    long limit = ssc_section_option_int(s, "limit", 0);
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    institution_set set = {0};
    institution *list = NULL;
    size_t n = 0, shown;
    char note[512];
    int bad;

    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    bad = by_institution_count(p, &set) != 0;
    if (!bad && set.count) {
        list = malloc(set.count * sizeof *list);
        bad = !list;
        for (size_t i = 0; !bad && i <= set.mask; i++)
            if (set.slot[i].name) {
                list[n] = set.slot[i];
                list[n].outside = ssc_section_is_member(s, list[n].name) == 0;
                n++;
            }
    }
    free(set.slot);
    /* members apart only when some are in the data: the bundled report run
     * on another portfolio would mark every bar "(non-member)" */
    size_t members = 0;
    for (size_t i = 0; !bad && i < n; i++)
        members += !list[i].outside;
    for (size_t i = 0; !bad && !members && i < n; i++)
        list[i].outside = 0;
    if (!bad && n > 1)
        qsort(list, n, sizeof *list, institution_cmp);
    shown = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
    if (shown + 1 == n)
        shown = n; /* one institution is shown, not summed as "Other" */
    if (!bad)
        bad = by_institution_fill(p, ssc_section_language(s), out, list, n, shown, zh) != 0;
    free(list);
    if (bad)
        return ssc_error_set(err, "out of memory");

    int used = snprintf(note, sizeof note, "%s",
                        zh ? "每个项目为其牵头机构计一次，并为每个合作机构各计一次。"
                           : "Each project counts once for its lead institution and once for "
                             "each partner institution.");
    if (shown < n && used > 0 && (size_t)used < sizeof note)
        used += snprintf(note + used, sizeof note - (size_t)used,
                         zh ? "共%zu个机构，其余%zu个合并为“其他”，其计数为各机构之和。"
                            : " Of %zu institutions, the last %zu are summed as \"Other\".",
                         n, n - shown);
    if (members && used > 0 && (size_t)used < sizeof note)
        snprintf(note + used, sizeof note - (size_t)used, "%s",
                 zh ? "网络成员机构列在前面，其他机构标为“非成员”。"
                    : " The network's member institutions come first; the others are marked "
                      "\"non-member\".");
    if (ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

SSC_METRIC_PLUGIN(by_institution, "by-institution",
                  .summary = "Projects per institution, as lead and as partner",
                  .version = "1.0",
                  .default_chart = SSC_CHART_GROUPED,
                  .options = by_institution_options,
                  .compute = by_institution_compute);
