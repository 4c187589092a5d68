/* SPDX-License-Identifier: MIT */
/* A text block whose placeholders are filled from the shown projects:
 * {projects}, {countries}, {regions}, {first_year}, {last_year},
 * {budget_total}, {top_region}, {top_sector}; {{ and }} are literal braces.
 * Anything else in braces is an error, so a typo never reaches print.
 * Option text_zh, when set, replaces text in a Chinese edition.
 *
 * The filled text is split into paragraphs at blank lines; the table has
 * one row per paragraph (key "1", "2", ...) with the paragraph in the text
 * column "text", and the render hook draws them as body text beside a thin
 * accent rule.
 *
 * {top_region} is the region with most projects (a project counts once in
 * each region it reaches), named in the section's language.  {top_sector}
 * is the sector with most projects, named as the rest of the report
 * names it (ssc_section_label: the report's label, else the data source's,
 * else the built-in one, else the code).  Regions or sectors that tie are
 * all named, in byte order of their keys ("Agriculture and Renewable
 * energy"), so that the text never picks one of equals. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option narrative_options[] = {
    {.name = "text",
     .type = SSC_OPTION_STRING,
     .help = "the text (required): paragraphs separated by a blank line, with placeholders "
             "{projects}, {countries}, {regions}, {first_year}, {last_year}, {budget_total}, "
             "{top_region}, {top_sector}; {{ and }} for literal braces"},
    {.name = "text_zh",
     .type = SSC_OPTION_STRING,
     .help = "the text for the Chinese edition (language \"zh\"), in place of text"},
    {.name = NULL},
};

#define NARRATIVE_KNOWN                                                                     \
    "{projects}, {countries}, {regions}, {first_year}, {last_year}, {budget_total}, "       \
    "{top_region}, {top_sector}"

/* ---- counting ---------------------------------------------------------- */

/* Strings with a count, open addressing, hashed by content. */
typedef struct narrative_count {
    const char *key; /* borrowed from the portfolio */
    double n;
} narrative_count;

typedef struct narrative_counter {
    narrative_count *slot;
    size_t mask, count;
} narrative_counter;

static uint32_t narrative_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

/* Grows the table, when it is half full, before an addition. */
static int narrative_count_room(narrative_counter *c)
{
    if ((c->count + 1) * 2 > c->mask + 1) {
        size_t nmask = c->mask ? c->mask * 2 + 1 : 31;
        narrative_count *ns = calloc(nmask + 1, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; c->slot && i <= c->mask; i++) {
            if (!c->slot[i].key)
                continue;
            size_t j = narrative_hash(c->slot[i].key) & nmask;
            while (ns[j].key)
                j = (j + 1) & nmask;
            ns[j] = c->slot[i];
        }
        free(c->slot);
        c->slot = ns;
        c->mask = nmask;
    }
    return 0;
}

/* Adds n to key's count. */
static int narrative_count_add(narrative_counter *c, const char *key, double n)
{
    if (narrative_count_room(c))
        return -1;
    size_t j = narrative_hash(key) & c->mask;
    for (; c->slot[j].key; j = (j + 1) & c->mask)
        if (c->slot[j].key == key || strcmp(c->slot[j].key, key) == 0)
            break;
    if (!c->slot[j].key) {
        c->slot[j].key = key;
        c->count++;
    }
    c->slot[j].n += n;
    return 0;
}

/* ---- counting by address ------------------------------------------------
 * A million projects mention a few hundred strings; hashing each mention's
 * text (above) cost more than the rest of the section (issue 10).  The
 * mentions are counted here by address, as a portfolio's equal strings are
 * one pointer (plugin.h), and then handed to the counter above once per
 * string, in the order they first appeared (with the growth a last mention
 * would have caused): the counter then holds the same counts in the same
 * slots as when it counted every mention, so the
 * leaders and their ties (which keep the first ones met past eight) are
 * read off it unchanged. */
typedef struct narrative_tally {
    const char *key;
    size_t n, first;
} narrative_tally;

typedef struct narrative_tallies {
    narrative_tally *slot;
    size_t mask, count;
    int tail; /* a mention came after the last string's first one */
} narrative_tallies;

static size_t narrative_slot_of(const narrative_tally *slot, size_t mask, const char *key)
{
    size_t j = (size_t)(((unsigned long long)(size_t)key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slot[j].key && slot[j].key != key)
        j = (j + 1) & mask;
    return j;
}

static int narrative_tally_add(narrative_tallies *t, const char *key)
{
    if ((t->count + 1) * 2 > t->mask + 1) {
        size_t nmask = t->mask ? t->mask * 2 + 1 : 31;
        narrative_tally *ns = calloc(nmask + 1, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; t->slot && i <= t->mask; i++)
            if (t->slot[i].key)
                ns[narrative_slot_of(ns, nmask, t->slot[i].key)] = t->slot[i];
        free(t->slot);
        t->slot = ns;
        t->mask = nmask;
    }
    narrative_tally *e = &t->slot[narrative_slot_of(t->slot, t->mask, key)];
    t->tail = e->key != NULL;
    if (!e->key) {
        e->key = key;
        e->first = t->count++;
    }
    e->n++;
    return 0;
}

/* Hands the tallies to c in the order of first appearance; frees them. */
static int narrative_tally_into(narrative_tallies *t, narrative_counter *c)
{
    narrative_tally *order = t->count ? malloc(t->count * sizeof *order) : NULL;
    int bad = t->count && !order;
    for (size_t i = 0; !bad && t->slot && i <= t->mask; i++)
        if (t->slot[i].key)
            order[t->slot[i].first] = t->slot[i];
    for (size_t i = 0; !bad && i < t->count; i++)
        bad = narrative_count_add(c, order[i].key, (double)order[i].n);
    /* counting every mention, a mention after the last new string grew a
     * half-full table too (and so ordered its slots anew) */
    if (!bad && t->tail)
        bad = narrative_count_room(c);
    free(order);
    free(t->slot);
    t->slot = NULL;
    return bad ? -1 : 0;
}

/* The key with the largest count, ties to the first in byte order; NULL
 * when empty. */
static const char *narrative_count_top(const narrative_counter *c)
{
    const narrative_count *best = NULL;
    for (size_t i = 0; c->slot && i <= c->mask; i++) {
        const narrative_count *e = &c->slot[i];
        if (!e->key)
            continue;
        if (!best || e->n > best->n || (e->n == best->n && strcmp(e->key, best->key) < 0))
            best = e;
    }
    return best ? best->key : NULL;
}

#define NARRATIVE_TIES 8 /* tied leaders named at most; more are "and N others" */

typedef struct narrative_facts {
    size_t projects, countries, regions, no_budget;
    int first_year, last_year;
    double budget;
    const char *top_region, *top_sector; /* borrowed; NULL when none */
    /* the tied leaders' keys, byte order, and how many tie in all */
    const char *region_ties[NARRATIVE_TIES], *sector_ties[NARRATIVE_TIES];
    size_t n_region_ties, n_sector_ties;
} narrative_facts;

/* The keys that share the largest count, in byte order, into keys (at
 * most NARRATIVE_TIES); returns how many tie in all. */
static size_t narrative_count_ties(const narrative_counter *c, const char *top, const char **keys)
{
    double best = -1;
    size_t n = 0;
    for (size_t i = 0; top && c->slot && i <= c->mask; i++)
        if (c->slot[i].key && (c->slot[i].key == top || strcmp(c->slot[i].key, top) == 0))
            best = c->slot[i].n;
    for (size_t i = 0; top && c->slot && i <= c->mask; i++) {
        const narrative_count *e = &c->slot[i];
        if (!e->key || e->n != best)
            continue;
        if (n < NARRATIVE_TIES) {
            size_t j = n;
            while (j > 0 && strcmp(keys[j - 1], e->key) > 0) {
                keys[j] = keys[j - 1];
                j--;
            }
            keys[j] = e->key;
        }
        n++;
    }
    return n;
}

static int narrative_gather(const ssc_portfolio *p, narrative_facts *f)
{
    narrative_counter countries = {0}, regions = {0}, sectors = {0};
    narrative_tallies tc = {0}, tr = {0}, ts = {0};
    int bad = 0;
    double usd;

    memset(f, 0, sizeof *f);
    f->projects = ssc_portfolio_count(p);
    for (size_t row = 0; row < f->projects && !bad; row++) {
        ssc_strings c = ssc_project_countries(p, row), r = ssc_project_regions(p, row);
        for (size_t k = 0; k < c.count; k++)
            bad |= narrative_tally_add(&tc, c.items[k]);
        for (size_t k = 0; k < r.count; k++)
            bad |= narrative_tally_add(&tr, r.items[k]);
        bad |= narrative_tally_add(&ts, ssc_project_sector(p, row));
        int y = ssc_project_start(p, row).year;
        if (y && (!f->first_year || y < f->first_year))
            f->first_year = y;
        if (y > f->last_year)
            f->last_year = y;
        if (ssc_project_budget(p, row, &usd))
            f->budget += usd;
        else
            f->no_budget++;
    }
    bad |= narrative_tally_into(&tc, &countries);
    bad |= narrative_tally_into(&tr, &regions);
    bad |= narrative_tally_into(&ts, &sectors);
    f->countries = countries.count;
    f->regions = regions.count;
    f->top_region = narrative_count_top(&regions);
    f->top_sector = narrative_count_top(&sectors);
    f->n_region_ties = narrative_count_ties(&regions, f->top_region, f->region_ties);
    f->n_sector_ties = narrative_count_ties(&sectors, f->top_sector, f->sector_ties);
    free(countries.slot);
    free(regions.slot);
    free(sectors.slot);
    return bad ? -1 : 0;
}

/* ---- filling ----------------------------------------------------------- */

typedef struct narrative_buf {
    char *s;
    size_t len, cap;
} narrative_buf;

static int narrative_append(narrative_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 256;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        char *ns = realloc(b->s, ncap);
        if (!ns)
            return -1;
        b->s = ns;
        b->cap = ncap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

/* A whole number with ',' between groups of three digits. */
static void narrative_thousands(char *buf, size_t len, double v)
{
    char digits[32];
    size_t n, o = 0;

    /* printf rounds to the nearest whole number; no libm needed */
    snprintf(digits, sizeof digits, "%.0f", v < 0 ? -v : v);
    n = strlen(digits);
    if (v <= -0.5 && o + 1 < len)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* The value of placeholder name[0..n) into buf; -1 when it is unknown. */
static int narrative_value(const narrative_facts *f, const char *name, size_t n, int zh,
                           char *buf, size_t len)
{
#define NARRATIVE_IS(lit) (n == sizeof lit - 1 && memcmp(name, lit, n) == 0)
    const char *none = "–"; /* no projects: nothing to name */

    if (NARRATIVE_IS("projects") || NARRATIVE_IS("countries") || NARRATIVE_IS("regions")) {
        size_t v = NARRATIVE_IS("projects") ? f->projects
                   : NARRATIVE_IS("countries") ? f->countries
                                               : f->regions;
        narrative_thousands(buf, len, (double)v);
    } else if (NARRATIVE_IS("first_year") || NARRATIVE_IS("last_year")) {
        int y = NARRATIVE_IS("first_year") ? f->first_year : f->last_year;
        if (y)
            snprintf(buf, len, "%d", y);
        else
            snprintf(buf, len, "%s", none);
    } else if (NARRATIVE_IS("budget_total")) {
        /* the engine's one money format: "US$2.69 million", "269.4万美元" */
        ssc_format_value(buf, len, f->budget, SSC_UNIT_USD, zh ? "zh" : "en");
    } else if (NARRATIVE_IS("top_region")) {
        snprintf(buf, len, "%s", f->top_region ? f->top_region : none);
    } else if (NARRATIVE_IS("top_sector")) {
        snprintf(buf, len, "%s", f->top_sector ? f->top_sector : none);
    } else {
        return -1;
    }
    return 0;
#undef NARRATIVE_IS
}

/* Which placeholders the text used, for the caption's rules. */
enum { NARRATIVE_USED_REGION = 1, NARRATIVE_USED_BUDGET = 2 };

/* Fills text into b; on a mistake in the text, an error naming it. */
/* 1 when what b holds ends a sentence or is empty: the next word opens one. */
static int narrative_opens_sentence(const narrative_buf *b)
{
    size_t n = b->s ? b->len : 0;
    while (n && (b->s[n - 1] == ' ' || b->s[n - 1] == '\t'))
        n--;
    return n == 0 || strchr(".!?\n", b->s[n - 1]) != NULL;
}

static int narrative_fill(const char *option, const char *text, const narrative_facts *f,
                          int zh, narrative_buf *b, int *used, ssc_error *err)
{
    char value[256];

    for (const char *s = text; *s;) {
        size_t plain = strcspn(s, "{}");
        if (narrative_append(b, s, plain) != 0)
            return ssc_error_set(err, "out of memory");
        s += plain;
        if (!*s)
            break;
        if (s[0] == s[1]) { /* "{{" or "}}" */
            if (narrative_append(b, s, 1) != 0)
                return ssc_error_set(err, "out of memory");
            s += 2;
            continue;
        }
        if (*s == '}')
            return ssc_error_set(err, "%s: a \"}\" without its \"{\" (write }} for a literal "
                                      "brace)",
                                 option);
        const char *name = s + 1, *close = strchr(name, '}');
        if (!close)
            return ssc_error_set(err, "%s: a \"{\" without its \"}\" (write {{ for a literal "
                                      "brace; known placeholders: " NARRATIVE_KNOWN ")",
                                 option);
        size_t n = (size_t)(close - name);
        if (narrative_value(f, name, n, zh, value, sizeof value) != 0)
            return ssc_error_set(err, "%s: unknown placeholder {%.*s} (known: " NARRATIVE_KNOWN ")",
                                 option, (int)(n > 60 ? 60 : n), name);
        if (n == 10 && memcmp(name, "top_region", n) == 0)
            *used |= NARRATIVE_USED_REGION;
        if (n == 12 && memcmp(name, "budget_total", n) == 0)
            *used |= NARRATIVE_USED_BUDGET;
        if (narrative_opens_sentence(b) && value[0] >= 'a' && value[0] <= 'z')
            value[0] = (char)(value[0] - 'a' + 'A');
        if (narrative_append(b, value, strlen(value)) != 0)
            return ssc_error_set(err, "out of memory");
        s = close + 1;
    }
    return SSC_OK;
}

/* ---- paragraphs -------------------------------------------------------- */

static int narrative_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* Adds paragraph s[0..n), trimmed, as the next row; empty ones are skipped. */
static int narrative_paragraph(ssc_table *out, int column, const char *s, size_t n, int zh,
                               size_t *count)
{
    char key[32], label[64];

    while (n && strchr(" \t\r\n", s[0]))
        s++, n--;
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    if (!n)
        return 0;
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, n);
    copy[n] = '\0';
    ++*count;
    snprintf(key, sizeof key, "%zu", *count);
    snprintf(label, sizeof label, zh ? "第 %zu 段" : "Paragraph %zu", *count);
    int row = ssc_table_row(out, key);
    int bad = row < 0 || ssc_table_set_label(out, row, label) != SSC_OK ||
              ssc_table_set_text(out, row, column, copy) != SSC_OK;
    free(copy);
    return bad ? -1 : 0;
}

/* Splits text at blank lines (lines of spaces only count as blank). */
static int narrative_split(ssc_table *out, int column, const char *text, int zh, size_t *count)
{
    const char *start = text, *line = text;

    *count = 0;
    while (*line) {
        const char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        if (narrative_blank(line, n)) {
            if (narrative_paragraph(out, column, start, (size_t)(line - start), zh, count) != 0)
                return -1;
            start = eol ? eol + 1 : line + n;
        }
        line = eol ? eol + 1 : line + n;
    }
    return narrative_paragraph(out, column, start, (size_t)(line - start), zh, count);
}

/* ---- the hooks --------------------------------------------------------- */

static void narrative_note(char *note, size_t len, int used, const narrative_facts *f, int zh)
{
    size_t o = 0;
    char n[32]; /* a count as the report writes numbers: "27,475" */

    ssc_format_value(n, sizeof n, (double)f->no_budget, SSC_UNIT_COUNT, zh ? "zh" : "en");
    note[0] = '\0';
    if (used & NARRATIVE_USED_REGION)
        o += (size_t)snprintf(note, len, "%s",
                              zh ? "在确定项目最多的地区时，一个项目在其所涉及的每个地区各计一次。"
                                 : "A project counts once in each region it reaches.");
    if ((used & NARRATIVE_USED_BUDGET) && o < len) {
        if (zh && f->no_budget)
            snprintf(note + o, len - o, "预算总额为已知项目预算之和；%s个项目没有预算。", n);
        else if (zh)
            snprintf(note + o, len - o, "预算总额为各项目预算之和。");
        else if (f->no_budget)
            snprintf(note + o, len - o,
                     "%sThe total budget is the sum of the budgets given; %s project%s no "
                     "budget.",
                     o ? " " : "", n, f->no_budget == 1 ? " has" : "s have");
        else
            snprintf(note + o, len - o, "%sThe total budget is the sum of the project budgets.",
                     o ? " " : "");
    }
}

/* Fills the text of the section's language into b (options.text_zh in a
 * Chinese edition when set, else options.text).  The other language's text
 * is filled too, and thrown away, so that `ssc-report check` finds its
 * mistakes in either edition. */
static int narrative_text(const ssc_section *s, const narrative_facts *f, int zh,
                          narrative_buf *b, int *used, ssc_error *err)
{
    const char *text = ssc_section_option_string(s, "text");
    const char *text_zh = ssc_section_option_string(s, "text_zh");
    int use_zh = zh && text_zh;
    narrative_buf other = {0};
    int other_used = 0;

    if (!text && !use_zh)
        return ssc_error_set(err, "options.text: missing; the narrative needs the text to show, "
                                  "e.g. options = { text = \"{projects} projects in {countries} "
                                  "countries.\"; }");
    if (narrative_fill(use_zh ? "options.text_zh" : "options.text", use_zh ? text_zh : text, f,
                       zh, b, used, err) != SSC_OK)
        return SSC_ERR;
    const char *rest = use_zh ? text : text_zh;
    int rc = rest ? narrative_fill(use_zh ? "options.text" : "options.text_zh", rest, f, zh,
                                   &other, &other_used, err)
                  : SSC_OK;
    free(other.s);
    return rc;
}

/* The tied leaders by name: "A", "A and B", "A, B and C" ("A、B和C");
 * past NARRATIVE_TIES, " and N others".  A name list too long for buf
 * keeps the first name only, never a cut one. */
static const char *narrative_names(const ssc_section *s, ssc_key_kind kind, const char **keys,
                                   size_t n, int zh, char *buf, size_t len)
{
    size_t named = n < NARRATIVE_TIES ? n : NARRATIVE_TIES, used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < named; i++) {
        const char *sep = i == 0 ? "" : i + 1 == named && named == n ? (zh ? "和" : " and ")
                                                                     : (zh ? "、" : ", ");
        int w = snprintf(buf + used, len - used, "%s%s", sep, ssc_section_label(s, kind, keys[i]));
        if (w < 0 || (size_t)w >= len - used)
            return ssc_section_label(s, kind, keys[0]);
        /* a sector is a common noun in an English sentence ("most are in
         * agriculture"), an acronym ("ICT") stays; a placeholder that
         * opens a sentence gets its capital back (narrative_fill) */
        char *name = buf + used + strlen(sep);
        if (!zh && kind == SSC_KEY_SECTOR && name[0] >= 'A' && name[0] <= 'Z' &&
            name[1] >= 'a' && name[1] <= 'z')
            name[0] = (char)(name[0] - 'A' + 'a');
        used += (size_t)w;
    }
    if (named < n) {
        int w = snprintf(buf + used, len - used, zh ? "等%zu项" : " and %zu others", n - named);
        if (w < 0 || (size_t)w >= len - used)
            return ssc_section_label(s, kind, keys[0]);
    }
    return buf;
}

static int narrative_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    narrative_facts facts;
    narrative_buf filled = {0};
    int used = 0;
    size_t paragraphs = 0;
    char note[512];

    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    int column = ssc_table_add_column(out, "text", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    if (column < 0 || ssc_table_set_column_title(out, column, zh ? "正文" : "Text") != SSC_OK ||
        narrative_gather(p, &facts) != 0)
        return ssc_error_set(err, "out of memory");
    /* names as the rest of the report shows them: the report's sector
     * labels, or the data source's (IATI sector names), in its language */
    char region_names[1024], sector_names[1024];
    if (facts.top_region)
        facts.top_region = narrative_names(s, SSC_KEY_REGION, facts.region_ties,
                                           facts.n_region_ties, zh, region_names,
                                           sizeof region_names);
    if (facts.top_sector)
        facts.top_sector = narrative_names(s, SSC_KEY_SECTOR, facts.sector_ties,
                                           facts.n_sector_ties, zh, sector_names,
                                           sizeof sector_names);
    if (narrative_text(s, &facts, zh, &filled, &used, err) != SSC_OK) {
        free(filled.s);
        return SSC_ERR;
    }
    int bad = narrative_split(out, column, filled.s ? filled.s : "", zh, &paragraphs) != 0;
    free(filled.s);
    if (bad)
        return ssc_error_set(err, "out of memory");
    if (paragraphs == 0)
        return ssc_error_set(err, "%s: empty; write the text to show",
                             zh && ssc_section_option_string(s, "text_zh") ? "options.text_zh"
                                                                            : "options.text");
    narrative_note(note, sizeof note, used, &facts, zh);
    if (note[0] && ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

/* The paragraphs in body type, indented beside a thin rule in the accent
 * colour that runs their full height. */
/* The paragraphs' height at width w, as narrative_render lays them out. */
static double narrative_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s,
                                double w)
{
    const double indent = 16, gap = 9;
    const ssc_text_style body = {.size = 0};
    double h = 4;
    size_t column = 0;
    (void)s;

    while (column < ssc_table_columns(t) && strcmp(ssc_table_column_name(t, column), "text"))
        column++;
    for (size_t i = 0; column < ssc_table_columns(t) && i < ssc_table_rows(t); i++)
        h += ssc_canvas_text_height(c, w - indent, ssc_table_text(t, i, column), &body) + gap;
    return h + 4;
}

static int narrative_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s,
                            ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    const double rule = 2.5, indent = 16, gap = 9, top = area.y + 4;
    const ssc_text_style body = {.size = 0};
    double y = top;
    size_t column = 0;
    (void)s;

    while (column < ssc_table_columns(t) && strcmp(ssc_table_column_name(t, column), "text"))
        column++;
    if (column == ssc_table_columns(t))
        return ssc_error_set(err, "the table has no text column");
    for (size_t i = 0; i < ssc_table_rows(t); i++) {
        ssc_box b = {area.x + indent, y, area.w - indent, area.y + area.h - y};
        y += ssc_canvas_text(c, b, ssc_table_text(t, i, column), &body) + gap;
    }
    y -= gap;
    if (y > area.y + area.h)
        return ssc_error_set(err, "the text is longer than the page; shorten it");
    if (y > top)
        ssc_canvas_fill(c, (ssc_box){area.x, top, rule, y - top}, ssc_canvas_palette(c, 0));
    return SSC_OK;
}

SSC_METRIC_PLUGIN(narrative, "narrative",
                  .summary = "A text block with figures filled in from the portfolio",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .options = narrative_options,
                  .compute = narrative_compute,
                  .render = narrative_render,
                  .measure = narrative_measure);
