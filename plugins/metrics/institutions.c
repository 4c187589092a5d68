/* SPDX-License-Identifier: MIT */
/* Institution profiles: one compact block per member institution of the
 * report's member_institutions list (ssc_section_members), in its order,
 * that leads or partners a shown project (the others are named in the
 * sentence under the profiles, not drawn as rows of zeros); without the
 * list, or when no member has a project here, every lead institution of
 * the shown projects, most projects led first (ties: by name).  Rows keyed by the institution's
 * name as the data spells it (label: its name in the report's language);
 * columns "led" and "partnered" (projects in each role), "countries"
 * (distinct countries of the projects it leads or partners), "budget"
 * (US$ of the projects it leads: a lead carries a project's whole budget)
 * and the text column "sectors" (the sectors of those projects, most
 * projects first, by their codes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option inst_options[] = {
    {.name = "limit",
     .type = SSC_OPTION_INT,
     .min = 1,
     .max = 16,
     .help = "at most this many profiles (default: every member institution, or the 12 "
             "institutions leading the most projects when the report lists no members)"},
    {.name = NULL},
};

enum { IC_LED, IC_PARTNERED, IC_COUNTRIES, IC_BUDGET, IC_SECTORS, IC_N };

typedef struct inst_sector_n {
    const char *code;
    int n;
} inst_sector_n;

typedef struct inst_tally {
    const char *name;
    double led, partnered, budget;
    /* its distinct countries as bits, by the countries' numbers (inst_map) */
    unsigned long *countries;
    size_t n_countries, words;
    inst_sector_n sectors[32];
    size_t n_sectors;
} inst_tally;

/* ---- strings by address ---------------------------------------------------
 * A portfolio's equal strings are one pointer (plugin.h), and a million
 * rows name a few hundred institutions and countries: a map from address
 * to number finds them without hashing or comparing their text per row
 * (issue 10: every metric one pass, a million projects in a second). */
typedef struct inst_map {
    const char **key; /* NULL: empty */
    long *val;
    size_t mask, n;
} inst_map;

static size_t inst_map_slot(const inst_map *m, const char *key)
{
    size_t i = (size_t)(((unsigned long long)(size_t)key >> 3) * 0x9E3779B97F4A7C15ull >> 20) &
               m->mask;
    while (m->key[i] && m->key[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

/* Whether key is in the map, and its value in *val. */
static int inst_map_get(const inst_map *m, const char *key, long *val)
{
    if (!m->key)
        return 0;
    size_t i = inst_map_slot(m, key);
    if (!m->key[i])
        return 0;
    *val = m->val[i];
    return 1;
}

/* Sets key's value; the map stays at most half full. */
static int inst_map_put(inst_map *m, const char *key, long val)
{
    if (!m->key || (m->n + 1) * 2 > m->mask + 1) {
        inst_map bigger = {NULL, NULL, m->key ? m->mask * 2 + 1 : 63, 0};
        bigger.key = calloc(bigger.mask + 1, sizeof *bigger.key);
        bigger.val = malloc((bigger.mask + 1) * sizeof *bigger.val);
        if (!bigger.key || !bigger.val) {
            free(bigger.key);
            free(bigger.val);
            return -1;
        }
        for (size_t i = 0; m->key && i <= m->mask; i++)
            if (m->key[i]) {
                size_t j = inst_map_slot(&bigger, m->key[i]);
                bigger.key[j] = m->key[i];
                bigger.val[j] = m->val[i];
                bigger.n++;
            }
        free(m->key);
        free(m->val);
        *m = bigger;
    }
    size_t i = inst_map_slot(m, key);
    m->n += !m->key[i];
    m->key[i] = key;
    m->val[i] = val;
    return 0;
}

static void inst_map_free(inst_map *m)
{
    free(m->key);
    free(m->val);
}

/* Marks country number c for t. */
static int inst_country(inst_tally *t, size_t c)
{
    size_t bits = 8 * sizeof *t->countries, w = c / bits;
    if (w >= t->words) {
        size_t words = t->words ? t->words : 4;
        while (words <= w)
            words *= 2;
        unsigned long *nc = realloc(t->countries, words * sizeof *nc);
        if (!nc)
            return -1;
        memset(nc + t->words, 0, (words - t->words) * sizeof *nc);
        t->countries = nc;
        t->words = words;
    }
    unsigned long bit = 1ul << (c % bits);
    t->n_countries += !(t->countries[w] & bit);
    t->countries[w] |= bit;
    return 0;
}

static void inst_sector(inst_tally *t, const char *code)
{
    /* by address: a portfolio's equal strings are one pointer (plugin.h) */
    for (size_t i = 0; i < t->n_sectors; i++)
        if (t->sectors[i].code == code) {
            t->sectors[i].n++;
            return;
        }
    if (t->n_sectors < sizeof t->sectors / sizeof *t->sectors) {
        t->sectors[t->n_sectors].code = code;
        t->sectors[t->n_sectors++].n = 1;
    }
}

/* What a project row brings to each institution it counts for, read once
 * per row: its budget, sector and countries' numbers. */
typedef struct inst_project {
    int has_budget;
    double usd;
    const char *sector;
    size_t *countries;
    size_t n_countries, cap;
} inst_project;

/* Counts project pr for t, which leads it (lead) or partners it. */
static int inst_count(const inst_project *pr, inst_tally *t, int lead)
{
    t->led += lead;
    t->partnered += !lead;
    if (lead && pr->has_budget)
        t->budget += pr->usd;
    inst_sector(t, pr->sector);
    for (size_t k = 0; k < pr->n_countries; k++)
        if (inst_country(t, pr->countries[k]))
            return -1;
    return 0;
}

/* ---- institutions by name -------------------------------------------------
 * An open-addressing table from name to tally, so that a portfolio of a
 * million rows and thousands of leads is one pass, not leads x rows
 * (issue 10: every metric one pass).  Names are looked up by address
 * first (inst_map); the text is hashed once per distinct string. */
typedef struct inst_index {
    size_t *slot; /* tally number + 1; 0: empty */
    size_t mask;
    inst_map seen;      /* a portfolio string's tally number, or -1 */
    inst_map countries; /* a country's number */
} inst_index;

static size_t inst_hash(const char *name)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (const unsigned char *q = (const unsigned char *)name; *q; q++)
        h = (h ^ *q) * 1099511628211u;
    return h;
}

static int inst_index_init(inst_index *x, size_t most)
{
    size_t cap = 16;
    while (cap < most * 2)
        cap *= 2;
    x->slot = calloc(cap, sizeof *x->slot);
    x->mask = cap - 1;
    return x->slot ? 0 : -1;
}

static void inst_index_free(inst_index *x)
{
    free(x->slot);
    inst_map_free(&x->seen);
    inst_map_free(&x->countries);
}

/* The tally named name, or NULL; with add, a new one at t[*nt] when the
 * name is not there yet (the table holds at least 2 x the most tallies). */
static inst_tally *inst_find(inst_index *x, inst_tally *t, size_t *nt, const char *name,
                             int add)
{
    size_t i = inst_hash(name) & x->mask;
    while (x->slot[i]) {
        inst_tally *it = &t[x->slot[i] - 1];
        /* members come from the report, not the portfolio: by text too */
        if (it->name == name || strcmp(it->name, name) == 0)
            return it;
        i = (i + 1) & x->mask;
    }
    if (!add)
        return NULL;
    t[*nt].name = name;
    x->slot[i] = ++*nt;
    return &t[*nt - 1];
}

/* inst_find for a portfolio string, by its address after the first time.
 * A miss is remembered too, so lookups without add must come after every
 * lookup with add (inst_gather adds first); *bad is set when out of
 * memory. */
static inst_tally *inst_find_interned(inst_index *x, inst_tally *t, size_t *nt,
                                      const char *name, int add, int *bad)
{
    long k;
    if (inst_map_get(&x->seen, name, &k))
        return k < 0 ? NULL : &t[k];
    inst_tally *it = inst_find(x, t, nt, name, add);
    if (inst_map_put(&x->seen, name, it ? (long)(it - t) : -1))
        *bad = 1;
    return it;
}

/* Reads row's budget, sector and countries (as numbers) into pr. */
static int inst_project_read(const ssc_portfolio *p, size_t row, inst_index *x,
                             inst_project *pr)
{
    ssc_strings c = ssc_project_countries(p, row);

    pr->has_budget = ssc_project_budget(p, row, &pr->usd);
    pr->sector = ssc_project_sector(p, row);
    if (c.count > pr->cap) {
        size_t *nc = realloc(pr->countries, c.count * sizeof *nc);
        if (!nc)
            return -1;
        pr->countries = nc;
        pr->cap = c.count;
    }
    pr->n_countries = c.count;
    for (size_t k = 0; k < c.count; k++) {
        long v;
        if (!inst_map_get(&x->countries, c.items[k], &v)) {
            v = (long)x->countries.n;
            if (inst_map_put(&x->countries, c.items[k], v))
                return -1;
        }
        pr->countries[k] = (size_t)v;
    }
    return 0;
}

/* Every project counted once for its lead and once for each partner
 * other than the lead (a name listed twice counts once). */
static int inst_tally_all(const ssc_portfolio *p, inst_index *x, inst_tally *t, size_t *nt,
                          int add_leads)
{
    size_t n = ssc_portfolio_count(p);
    inst_project pr = {0, 0, NULL, NULL, 0, 0};
    int bad = 0;

    for (size_t row = 0; row < n && !bad; row++) {
        const char *lead = ssc_project_lead(p, row);
        ssc_strings partners = ssc_project_partners(p, row);
        inst_tally *it = inst_find_interned(x, t, nt, lead, add_leads, &bad);
        int read = 0; /* the row is read for the first institution it counts for */
        if (it && !bad) {
            read = 1;
            bad = inst_project_read(p, row, x, &pr) || inst_count(&pr, it, 1);
        }
        for (size_t k = 0; k < partners.count && !bad; k++) {
            const char *name = partners.items[k];
            int seen = name == lead; /* one portfolio's strings: by address */
            for (size_t j = 0; j < k && !seen; j++)
                seen = partners.items[j] == name;
            it = seen ? NULL : inst_find_interned(x, t, nt, name, 0, &bad);
            if (!it || bad)
                continue;
            if (!read) {
                read = 1;
                bad = inst_project_read(p, row, x, &pr);
            }
            bad = bad || inst_count(&pr, it, 0);
        }
    }
    free(pr.countries);
    return bad ? -1 : 0;
}

static int inst_by_led(const void *a, const void *b)
{
    const inst_tally *x = a, *y = b;
    if (x->led != y->led)
        return x->led < y->led ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int inst_row(const ssc_portfolio *p, const ssc_section *s, inst_tally *t, ssc_table *out)
{
    const char *lang = ssc_section_language(s);
    char sectors[512];
    size_t o = 0;
    int r = ssc_table_row(out, t->name);

    if (r < 0 || ssc_table_set_label(out, r, ssc_institution_name(p, t->name, lang)) ||
        ssc_table_add_to(out, r, IC_LED, t->led) ||
        ssc_table_add_to(out, r, IC_PARTNERED, t->partnered) ||
        ssc_table_add_to(out, r, IC_COUNTRIES, (double)t->n_countries) ||
        ssc_table_add_to(out, r, IC_BUDGET, t->budget))
        return -1;
    /* most projects first (a stable selection: ties keep the data's order) */
    sectors[0] = '\0';
    for (size_t done = 0; done < t->n_sectors; done++) {
        size_t best = done;
        for (size_t i = done + 1; i < t->n_sectors; i++)
            if (t->sectors[i].n > t->sectors[best].n)
                best = i;
        if (best != done) {
            inst_sector_n tmp = t->sectors[best];
            memmove(&t->sectors[done + 1], &t->sectors[done],
                    (best - done) * sizeof t->sectors[0]);
            t->sectors[done] = tmp;
        }
        int w = snprintf(sectors + o, sizeof sectors - o, "%s%s", done ? "; " : "",
                         t->sectors[done].code);
        if (w < 0 || (size_t)w >= sizeof sectors - o)
            break;
        o += (size_t)w;
    }
    return ssc_table_set_text(out, r, IC_SECTORS, sectors);
}

/* The tallies of the members (members.count > 0) or of every lead
 * institution of the shown projects, into *t (*nt of them). */
static int inst_gather(const ssc_portfolio *p, ssc_strings members, inst_tally **t, size_t *nt)
{
    size_t n = ssc_portfolio_count(p);
    inst_index x = {NULL, 0, {NULL, NULL, 0, 0}, {NULL, NULL, 0, 0}};

    *nt = 0;
    *t = calloc((members.count ? members.count : n) + 1, sizeof **t);
    if (!*t || inst_index_init(&x, members.count ? members.count : n) != 0) {
        free(x.slot);
        return -1;
    }
    for (size_t i = 0; i < members.count; i++)
        inst_find(&x, *t, nt, members.items[i], 1);
    /* Without members, every lead is listed; partners count only for an
     * institution that leads somewhere, as the chart ranks leads.  Leads
     * are all added in a first pass, so a partner row before its first
     * lead row still counts. */
    int bad = 0;
    if (!members.count) {
        for (size_t row = 0; row < n && !bad; row++)
            inst_find_interned(&x, *t, nt, ssc_project_lead(p, row), 1, &bad);
    }
    bad = bad || inst_tally_all(p, &x, *t, nt, 0);
    inst_index_free(&x);
    if (!members.count && !bad)
        qsort(*t, *nt, sizeof **t, inst_by_led);
    return bad;
}

static void inst_free(inst_tally *t, size_t nt)
{
    for (size_t i = 0; t && i < nt; i++)
        free(t[i].countries);
    free(t);
}

/* Appends s to buf (len bytes, *o used); 0, or -1 when it would not fit. */
static int inst_put(char *buf, size_t len, size_t *o, const char *s)
{
    size_t k = strlen(s);
    if (*o + k >= len)
        return -1;
    memcpy(buf + *o, s, k + 1);
    *o += k;
    return 0;
}

/* The sentence under the profiles when some members have no project in
 * this portfolio (their profile would be a row of zeros, so it is left
 * out): "2 member institutions have no project in this portfolio: A and
 * B."  Names holding a comma are set off with semicolons ("A, Beijing;
 * and B"). */
static int inst_absent_sentence(const ssc_portfolio *p, const inst_tally *t, size_t nt, int zh,
                                ssc_table *out)
{
    size_t absent = 0, o = 0, k = 0;
    int comma = 0;
    char buf[8192], count[32];
    const char *lang = zh ? "zh" : "en";

    for (size_t i = 0; i < nt; i++)
        if (t[i].led + t[i].partnered == 0) {
            absent++;
            comma |= strchr(ssc_institution_name(p, t[i].name, lang), ',') != NULL;
        }
    if (!absent)
        return SSC_OK;
    ssc_format_value(count, sizeof count, (double)absent, SSC_UNIT_COUNT, lang);
    buf[0] = '\0';
    int bad = inst_put(buf, sizeof buf, &o, count);
    bad |= inst_put(buf, sizeof buf, &o,
                    zh ? "个成员机构在本项目组合中没有项目："
                       : absent == 1 ? " member institution has no project in this portfolio: "
                                     : " member institutions have no project in this portfolio: ");
    for (size_t i = 0; i < nt && !bad; i++) {
        if (t[i].led + t[i].partnered != 0)
            continue;
        if (k > 0) {
            int last = k + 1 == absent;
            bad |= inst_put(buf, sizeof buf, &o,
                            zh ? (last ? "和" : "、")
                               : comma ? (last ? "; and " : "; ")
                                       : (last ? " and " : ", "));
        }
        bad |= inst_put(buf, sizeof buf, &o, ssc_institution_name(p, t[i].name, lang));
        k++;
    }
    bad |= inst_put(buf, sizeof buf, &o, zh ? "。" : ".");
    if (bad) { /* too long to name them all: the count alone */
        snprintf(buf, sizeof buf,
                 zh ? "%s个成员机构在本项目组合中没有项目。"
                    : "%s member institution%s no project in this portfolio.",
                 count, absent == 1 ? " has" : "s have");
    }
    return ssc_table_set_summary(out, buf);
}

static int inst_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                        ssc_error *err)
{
    ssc_strings members = ssc_section_members(s), none = {NULL, 0};
    size_t nt = 0, present = 0;
    inst_tally *t = NULL;
    int zh = strcmp(ssc_section_language(s), "zh") == 0, bad = 0, fallback = 0;
    static const char *const cols[IC_N] = {"led", "partnered", "countries", "budget", "sectors"};
    static const char *const en[IC_N] = {"Led", "Partnered", "Countries", "Budget led", "Sectors"};
    static const char *const cn[IC_N] = {"牵头", "合作", "国家", "牵头项目预算", "领域"};

    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    for (int k = 0; k < IC_N; k++) {
        int c = ssc_table_add_column(out, cols[k],
                                     k == IC_SECTORS ? SSC_COLUMN_TEXT : SSC_COLUMN_NUMBER,
                                     k == IC_BUDGET ? SSC_UNIT_USD : SSC_UNIT_COUNT);
        if (c != k || ssc_table_set_column_title(out, c, zh ? cn[k] : en[k]))
            return ssc_error_set(err, "out of memory");
    }
    bad = inst_gather(p, members, &t, &nt);
    for (size_t i = 0; i < nt; i++)
        present += t[i].led + t[i].partnered > 0;
    /* A member with no project here would be a profile of zeros: it is
     * left out and the sentence under the profiles names it.  When no
     * member has one (the report run on another network's data), the
     * profiles are those of the leads, as without a member list. */
    if (!bad && members.count && present == 0 && ssc_portfolio_count(p) > 0) {
        inst_free(t, nt);
        fallback = 1;
        bad = inst_gather(p, none, &t, &nt);
    }
    if (!bad && members.count && !fallback)
        bad = inst_absent_sentence(p, t, nt, zh, out) != SSC_OK;
    size_t limit = (size_t)ssc_section_option_int(s, "limit", members.count && !fallback ? 0 : 12);
    size_t listed = fallback || !members.count ? nt : present, shown = 0;
    size_t most = limit && limit < listed ? limit : listed;
    for (size_t i = 0; i < nt && shown < most && !bad; i++) {
        if (t[i].led + t[i].partnered == 0)
            continue;
        bad = inst_row(p, s, &t[i], out);
        shown++;
    }
    inst_free(t, nt);
    if (bad)
        return ssc_error_set(err, "out of memory");
    char note[512];
    if (fallback) {
        char sentence[512];
        snprintf(sentence, sizeof sentence,
                 zh ? (shown < listed ? "报告列出的%zu个成员机构在本项目组合中均没有项目；"
                                        "这里列出牵头项目最多的%zu个机构。"
                                      : "报告列出的%zu个成员机构在本项目组合中均没有项目；"
                                        "这里列出牵头项目的%zu个机构。")
                    : (shown < listed ? "None of the %zu member institutions the report lists has "
                                        "a project in this portfolio; shown instead are the %zu "
                                        "institutions that lead the most projects."
                                      : "None of the %zu member institutions the report lists has "
                                        "a project in this portfolio; shown instead are the %zu "
                                        "institutions that lead projects."),
                 members.count, shown);
        if (ssc_table_set_summary(out, sentence))
            return ssc_error_set(err, "out of memory");
    }
    int o = snprintf(note, sizeof note, "%s",
                     zh ? "牵头项目的全部预算计入牵头机构；国家为其牵头或参与项目所覆盖的不同国家。"
                        : "A lead institution carries its projects' whole budget; countries are "
                          "the distinct countries of the projects it leads or partners.");
    if (shown < listed && o > 0 && (size_t)o < sizeof note)
        snprintf(note + o, sizeof note - (size_t)o,
                 zh ? "另有%zu个机构未列出。" : " %zu more institutions are not shown.",
                 listed - shown);
    else if ((!members.count || fallback) && o > 0 && (size_t)o < sizeof note)
        snprintf(note + o, sizeof note - (size_t)o, "%s",
                 zh ? "按牵头项目数排列。" : " Ordered by projects led.");
    return ssc_table_set_note(out, note) ? ssc_error_set(err, "out of memory") : SSC_OK;
}

/* ---- drawing -------------------------------------------------------------- */

#define INST_GAP 8.0
#define INST_PAD 7.0

/* The three lines of block i: name, figures, sectors (labels). */
static void inst_lines(ssc_canvas *c, const ssc_table *t, size_t i, const ssc_section *s,
                       char *line, size_t line_len, char *sectors, size_t sec_len)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    char budget[128], led[32], partnered[32], countries[32];
    size_t o = 0;

    /* each through the engine's format: "Led 2,185", not "Led 2185" */
    snprintf(budget, sizeof budget, "%s",
             ssc_canvas_format(c, ssc_table_number(t, i, IC_BUDGET), SSC_UNIT_USD));
    snprintf(led, sizeof led, "%s", ssc_canvas_format(c, ssc_table_number(t, i, IC_LED),
                                                      SSC_UNIT_COUNT));
    snprintf(partnered, sizeof partnered, "%s",
             ssc_canvas_format(c, ssc_table_number(t, i, IC_PARTNERED), SSC_UNIT_COUNT));
    snprintf(countries, sizeof countries, "%s",
             ssc_canvas_format(c, ssc_table_number(t, i, IC_COUNTRIES), SSC_UNIT_COUNT));
    snprintf(line, line_len,
             zh ? "牵头%s个项目，参与%s个 · %s个国家 · 牵头项目预算%s"
                : "Led %s, partnered %s \u00b7 %s countries \u00b7 %s led",
             led, partnered, countries, budget);
    sectors[0] = '\0';
    for (const char *q = ssc_table_text(t, i, IC_SECTORS); *q;) {
        char code[64];
        size_t k = strcspn(q, ";");
        snprintf(code, sizeof code, "%.*s", (int)(k < 63 ? k : 63), q);
        int wr = snprintf(sectors + o, sec_len - o, "%s%s", o ? (zh ? "、" : ", ") : "",
                          ssc_section_label(s, SSC_KEY_SECTOR, code));
        if (wr < 0 || (size_t)wr >= sec_len - o)
            break;
        o += (size_t)wr;
        q += k;
        while (*q == ';' || *q == ' ')
            q++;
    }
}

/* Text sizes at scale 1; a page that is short of room scales them down
 * (to 70%) rather than cut a name or leave a profile out. */
static ssc_text_style inst_style(int which, double scale)
{
    static const double size[] = {10.5, 9, 8.5};
    ssc_text_style st = {.size = size[which] * scale, .bold = which == 0,
                         .colour = which == 2 ? 0x555555 : 0};
    return st;
}

/* The height of block i laid out in width w (text wraps, never cut). */
static double inst_block_h(ssc_canvas *c, const ssc_table *t, size_t i, const ssc_section *s,
                           double w, double scale)
{
    char line[512], sectors[1024];
    ssc_text_style name = inst_style(0, scale), fig = inst_style(1, scale),
                   sec = inst_style(2, scale);
    inst_lines(c, t, i, s, line, sizeof line, sectors, sizeof sectors);
    w -= 2 * INST_PAD + 3;
    return 2 * INST_PAD + ssc_canvas_text_height(c, w, ssc_table_label(t, i), &name) + 3 +
           ssc_canvas_text_height(c, w, line, &fig) + 2 +
           (sectors[0] ? ssc_canvas_text_height(c, w, sectors, &sec) : 0);
}

/* Two columns of blocks; a row is as tall as its taller block. */
static double inst_height(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w,
                          double scale)
{
    double bw = (w - INST_GAP) / 2, h = 0;
    for (size_t i = 0; i < ssc_table_rows(t); i += 2) {
        double a = inst_block_h(c, t, i, s, bw, scale);
        double b = i + 1 < ssc_table_rows(t) ? inst_block_h(c, t, i + 1, s, bw, scale) : 0;
        h += (a > b ? a : b) + INST_GAP;
    }
    return h;
}

static double inst_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    return inst_height(c, t, s, w, 1.0);
}

static int inst_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    double w = (area.w - INST_GAP) / 2, y = area.y, scale = 1.0;
    unsigned long accent = ssc_canvas_palette(c, 0);
    size_t rows = ssc_table_rows(t);

    while (scale > 0.7 + 1e-9 && inst_height(c, t, s, area.w, scale) > area.h + 0.5)
        scale -= 0.05;
    if (inst_height(c, t, s, area.w, scale) > area.h + 0.5)
        return ssc_error_set(err, "%zu institution profiles do not fit on a page; "
                                  "set options.limit or split member_institutions",
                             rows);
    ssc_text_style fig = inst_style(1, scale), sec = inst_style(2, scale);
    for (size_t i = 0; i < rows; i += 2) {
        double a = inst_block_h(c, t, i, s, w, scale);
        double b = i + 1 < rows ? inst_block_h(c, t, i + 1, s, w, scale) : 0, h = a > b ? a : b;
        for (size_t k = i; k < i + 2 && k < rows; k++) {
            ssc_box bx = {area.x + (double)(k % 2) * (w + INST_GAP), y, w, h};
            ssc_text_style name = inst_style(0, scale);
            char line[512], sectors[1024];
            name.colour = accent;
            inst_lines(c, t, k, s, line, sizeof line, sectors, sizeof sectors);
            ssc_canvas_fill(c, bx, 0xF3F6F9);
            ssc_canvas_fill(c, (ssc_box){bx.x, bx.y, 3, bx.h}, accent);
            ssc_box in = {bx.x + INST_PAD + 3, bx.y + INST_PAD, bx.w - 2 * INST_PAD - 3,
                          bx.h - 2 * INST_PAD};
            in.y += ssc_canvas_text(c, in, ssc_table_label(t, k), &name) + 3;
            in.y += ssc_canvas_text(c, in, line, &fig) + 2;
            if (sectors[0])
                ssc_canvas_text(c, in, sectors, &sec);
        }
        y += h + INST_GAP;
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(institutions, "institutions",
                  .summary = "Institution profiles: projects led and partnered, countries, "
                             "sectors, budget of each member institution",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .options = inst_options,
                  .compute = inst_compute,
                  .render = inst_render,
                  .measure = inst_measure);
