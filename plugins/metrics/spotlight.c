/* SPDX-License-Identifier: MIT */
/* Project spotlights: chosen projects told as half-page stories.  Option
 * ids names them ("PGTF-2001-01 PGTF-2005-02", spaces or commas, in that
 * order); without it, the `largest` (default 2) projects by budget that
 * started in the report's period (ties: by id), or, when none started in
 * it, in the whole portfolio shown.  One row per project (key: its id,
 * label: its title in the report's language); the number column
 * "budget_usd" and text columns "lead", "partners", "countries" (codes,
 * "; "), "start", "end", "sdgs" ("7; 1; 5") and "description" (the
 * portfolio's description or description_zh, empty when it has none).
 * The render hook draws each story with a locator: the project's
 * countries highlighted on the world tile map. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

/* A story takes half a page: a section tells at most two. */
#define SPOT_MAX 2

static const ssc_option spot_options[] = {
    {.name = "ids",
     .type = SSC_OPTION_STRING,
     .help = "the projects to tell, by id, in order (spaces or commas between; at most 2)"},
    {.name = "largest",
     .type = SSC_OPTION_INT,
     .min = 1,
     .max = SPOT_MAX,
     .help = "without ids: this many of the largest projects started in the period (default 2)"},
    {.name = NULL},
};

enum { SC_BUDGET, SC_LEAD, SC_PARTNERS, SC_COUNTRIES, SC_START, SC_END, SC_SDGS, SC_DESC, SC_N };
static const char *const spot_columns[SC_N] = {"budget_usd", "lead",  "partners", "countries",
                                               "start",      "end",   "sdgs",     "description"};

static void spot_date(ssc_date d, char *buf, size_t len)
{
    if (!d.year)
        buf[0] = '\0';
    else if (!d.month)
        snprintf(buf, len, "%04d", d.year);
    else if (!d.day)
        snprintf(buf, len, "%04d-%02d", d.year, d.month);
    else
        snprintf(buf, len, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* list items joined with "; " into buf; -1 when it does not fit. */
static int spot_join(char *buf, size_t len, const char *const *items, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(buf + o, len - o, "%s%s", i ? "; " : "", items[i]);
        if (w < 0 || (size_t)w >= len - o)
            return -1;
        o += (size_t)w;
    }
    return 0;
}

static int spot_add(const ssc_portfolio *p, size_t row, const ssc_section *s, ssc_table *out)
{
    const char *lang = ssc_section_language(s);
    char buf[4096], part[8][256];
    const char *names[8];
    double usd;
    int r = ssc_table_row(out, ssc_project_id(p, row));

    if (r < 0 || ssc_table_set_label(out, r, ssc_project_title_in(p, row, lang)))
        return -1;
    if (ssc_project_budget(p, row, &usd) && ssc_table_add_to(out, r, SC_BUDGET, usd))
        return -1;
    if (!ssc_project_budget(p, row, &usd) && ssc_table_add_to(out, r, SC_BUDGET, NAN))
        return -1;
    if (ssc_table_set_text(out, r, SC_LEAD, ssc_project_lead_in(p, row, lang)))
        return -1;
    ssc_strings partners = ssc_project_partners(p, row);
    size_t np = partners.count < 8 ? partners.count : 8;
    for (size_t k = 0; k < np; k++)
        names[k] = ssc_institution_name(p, partners.items[k], lang);
    if (spot_join(buf, sizeof buf, names, np) || ssc_table_set_text(out, r, SC_PARTNERS, buf))
        return -1;
    ssc_strings c = ssc_project_countries(p, row);
    if (spot_join(buf, sizeof buf, c.items, c.count) ||
        ssc_table_set_text(out, r, SC_COUNTRIES, buf))
        return -1;
    spot_date(ssc_project_start(p, row), buf, sizeof buf);
    if (ssc_table_set_text(out, r, SC_START, buf))
        return -1;
    spot_date(ssc_project_end(p, row), buf, sizeof buf);
    if (ssc_table_set_text(out, r, SC_END, buf))
        return -1;
    ssc_ints g = ssc_project_sdgs(p, row);
    size_t ng = g.count < 8 ? g.count : 8;
    for (size_t k = 0; k < ng; k++) {
        snprintf(part[k], sizeof part[k], "%d", g.items[k]);
        names[k] = part[k];
    }
    if (spot_join(buf, sizeof buf, names, ng) || ssc_table_set_text(out, r, SC_SDGS, buf))
        return -1;
    return ssc_table_set_text(out, r, SC_DESC, ssc_project_description(p, row, lang));
}

/* The row of project id, or (size_t)-1. */
static size_t spot_find(const ssc_portfolio *p, const char *id, size_t n)
{
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        const char *pid = ssc_project_id(p, row);
        if (strlen(pid) == n && memcmp(pid, id, n) == 0)
            return row;
    }
    return (size_t)-1;
}

/* The n largest budgets started in the period (all shown when none did). */
static int spot_largest(const ssc_portfolio *p, const ssc_section *s, size_t want, ssc_table *out)
{
    ssc_period per = ssc_section_period(s);
    size_t n = ssc_portfolio_count(p), chosen[SPOT_MAX], got = 0;
    int any = 0;

    for (size_t row = 0; row < n && per.from.year && !any; row++)
        any = ssc_period_where(&per, ssc_project_start(p, row)) == 0;
    while (got < want && got < SPOT_MAX) {
        size_t best = (size_t)-1;
        double best_usd = -1, usd;
        for (size_t row = 0; row < n; row++) {
            int taken = 0;
            for (size_t k = 0; k < got; k++)
                taken |= chosen[k] == row;
            if (taken || (any && ssc_period_where(&per, ssc_project_start(p, row)) != 0))
                continue;
            if (!ssc_project_budget(p, row, &usd))
                usd = 0;
            if (usd > best_usd ||
                (usd == best_usd && strcmp(ssc_project_id(p, row), ssc_project_id(p, best)) < 0)) {
                best = row;
                best_usd = usd;
            }
        }
        if (best == (size_t)-1)
            break;
        chosen[got++] = best;
        if (spot_add(p, best, s, out))
            return -1;
    }
    return 0;
}

static int spot_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                        ssc_error *err)
{
    const char *ids = ssc_section_option_string(s, "ids");
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    static const char *const titles_en[SC_N] = {"Budget",  "Lead institution", "Partners",
                                                "Countries", "Start", "End", "SDGs", "Description"};
    static const char *const titles_zh[SC_N] = {"预算", "牵头机构", "合作机构", "国家",
                                                "开始", "结束", "可持续发展目标", "简介"};

    ssc_table_set_key_kind(out, SSC_KEY_PROJECT);
    for (int k = 0; k < SC_N; k++) {
        int c = ssc_table_add_column(out, spot_columns[k],
                                     k == SC_BUDGET ? SSC_COLUMN_NUMBER : SSC_COLUMN_TEXT,
                                     k == SC_BUDGET ? SSC_UNIT_USD : SSC_UNIT_COUNT);
        if (c != k || ssc_table_set_column_title(out, c, zh ? titles_zh[k] : titles_en[k]))
            return ssc_error_set(err, "out of memory");
    }
    if (!ids)
        return spot_largest(p, s, (size_t)ssc_section_option_int(s, "largest", 2), out)
                   ? ssc_error_set(err, "out of memory")
                   : SSC_OK;
    for (const char *q = ids; *q;) {
        size_t n = strcspn(q, " ,");
        if (!n) {
            q++;
            continue;
        }
        size_t row = spot_find(p, q, n);
        if (ssc_table_rows(out) == SPOT_MAX)
            return ssc_error_set(err, "options.ids: a spotlight section tells at most %d projects "
                                      "(half a page each); give the others a section of their own",
                                 SPOT_MAX);
        if (row == (size_t)-1)
            return ssc_error_set(err, "options.ids: no shown project has the id \"%.*s\"",
                                 (int)n, q);
        if (spot_add(p, row, s, out))
            return ssc_error_set(err, "out of memory");
        q += n;
    }
    return SSC_OK;
}

/* ---- drawing -------------------------------------------------------------- */

#define SPOT_H 330.0    /* a story: about half an A4 page of text area */
#define SPOT_MAP_W 0.34 /* the locator's share of the width */
#define SPOT_GAP 16.0   /* between two stories */

/* "Kenya, Ethiopia" from the codes column, in the report's language; the
 * codes go to items (for the locator). */
static void spot_country_names(const char *codes, const char *lang, char *buf, size_t len,
                               const char **items, size_t *n, char store[][4], size_t max)
{
    size_t o = 0;
    *n = 0;
    buf[0] = '\0';
    for (const char *q = codes; *q && *n < max;) {
        size_t k = strcspn(q, "; ");
        if (k == 3) {
            memcpy(store[*n], q, 3);
            store[*n][3] = '\0';
            items[*n] = store[*n];
            const char *name = ssc_country_name(store[*n], lang);
            int w = snprintf(buf + o, len - o, "%s%s", o ? (strcmp(lang, "zh") ? ", " : "、") : "",
                             name ? name : store[*n]);
            if (w > 0 && (size_t)w < len - o)
                o += (size_t)w;
            (*n)++;
        }
        q += k ? k : 1;
    }
}

/* A project date (as spot_date wrote it) as the edition writes it: as
 * given in English ("2020-03"), in Chinese "2020年3月" ("2020年",
 * "2020年3月5日"); anything else stays as given. */
static void spot_when(const char *iso, int zh, char *buf, size_t len)
{
    int y = 0, m = 0, d = 0;
    size_t n = strlen(iso);
    int k = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);

    if (zh && n == 4 && k == 1)
        snprintf(buf, len, "%d年", y);
    else if (zh && n == 7 && k == 2)
        snprintf(buf, len, "%d年%d月", y, m);
    else if (zh && n == 10 && k == 3)
        snprintf(buf, len, "%d年%d月%d日", y, m, d);
    else
        snprintf(buf, len, "%s", iso);
}

/* The header of story i: title, partners, countries, dates and budget, SDG
 * badges, in box b (drawn only when draw); returns the height used. */
static double spot_header(ssc_canvas *c, const ssc_table *t, size_t i, const char *lang,
                          const char *countries, ssc_box b, int draw)
{
    int zh = strcmp(lang, "zh") == 0;
    unsigned long accent = ssc_canvas_palette(c, 0);
    ssc_text_style title = {.size = 14, .bold = 1, .colour = accent};
    ssc_text_style meta = {.size = 10, .colour = 0x333333};
    ssc_text_style badge = {.size = 9, .bold = 1, .colour = 0xFFFFFF, .align = SSC_ALIGN_CENTER,
                            .max_lines = 1};
    const char *partners = ssc_table_text(t, i, SC_PARTNERS);
    const char *start = ssc_table_text(t, i, SC_START), *end = ssc_table_text(t, i, SC_END);
    double usd = ssc_table_number(t, i, SC_BUDGET), y0 = b.y;
    char lead[2048], when[256];
    const char *texts[4];
    const ssc_text_style *styles[4] = {&title, &meta, &meta, &meta};

    char list[2048];
    size_t o = 0;
    /* the table joins partners with "; " (as data-out does); Chinese lists
     * them with "、"; English keeps "; ", as names may hold commas */
    for (const char *q = partners; *q && o + 4 < sizeof list;) {
        if (zh && q[0] == ';' && q[1] == ' ') {
            const char *sep = "、";
            size_t n = strlen(sep);
            memcpy(list + o, sep, n);
            o += n;
            q += 2;
        } else
            list[o++] = *q++;
    }
    list[o] = '\0';
    if (partners[0])
        snprintf(lead, sizeof lead, zh ? "牵头：%s；合作：%s" : "Led by %s, with %s",
                 ssc_table_text(t, i, SC_LEAD), list);
    else
        snprintf(lead, sizeof lead, zh ? "牵头：%s" : "Led by %s", ssc_table_text(t, i, SC_LEAD));
    char from[64], to[64];
    spot_when(start, zh, from, sizeof from);
    spot_when(end, zh, to, sizeof to);
    int used = end[0] ? snprintf(when, sizeof when, zh ? "%s\u2014%s" : "%s \u2013 %s", from, to)
                      : snprintf(when, sizeof when, zh ? "%s起" : "from %s", from);
    if (isfinite(usd) && used > 0 && (size_t)used < sizeof when)
        snprintf(when + used, sizeof when - (size_t)used, " \u00b7 %s",
                 ssc_canvas_format(c, usd, SSC_UNIT_USD));
    texts[0] = ssc_table_label(t, i);
    texts[1] = lead;
    texts[2] = countries;
    texts[3] = when;
    for (int k = 0; k < 4; k++) {
        if (!texts[k][0])
            continue;
        b.y += (draw ? ssc_canvas_text(c, b, texts[k], styles[k])
                     : ssc_canvas_text_height(c, b.w, texts[k], styles[k])) +
               (k ? 3 : 6);
    }
    b.y += 5;
    /* SDG badges in the official colours */
    double bx = b.x;
    int any = 0;
    for (const char *q = ssc_table_text(t, i, SC_SDGS); *q;) {
        int goal = atoi(q);
        char num[8];
        if (goal >= 1 && goal <= 17) {
            if (draw) {
                snprintf(num, sizeof num, "%d", goal);
                ssc_canvas_fill(c, (ssc_box){bx, b.y, 24, 24}, ssc_canvas_sdg_colour(c, goal));
                ssc_canvas_text(c, (ssc_box){bx, b.y + 6, 24, 14}, num, &badge);
            }
            bx += 28;
            any = 1;
        }
        q += strcspn(q, ";");
        q += *q == ';';
        while (*q == ' ')
            q++;
    }
    if (any)
        b.y += 30;
    return b.y - y0;
}

/* Where story i's text starts below its top edge, for a header of height
 * hh: under the header or under the locator, whichever ends lower. */
static double spot_text_top(double hh)
{
    double map_h = hh > 60 ? hh - 10 : 60;
    return (hh + 12 > map_h + 14 ? 12 + hh : 14 + map_h + 10) + 4;
}

/* The height story i needs at width w: header, locator and description at
 * its full size; at most half a page (SPOT_H), where a long description
 * gets smaller instead.  A story without a description is no half page of
 * empty panel. */
static double spot_story_height(ssc_canvas *c, const ssc_table *t, size_t i, const char *lang,
                                double w)
{
    char names[4096], store[64][4];
    const char *items[64];
    size_t nc;
    ssc_text_style st = {.size = 10.5, .colour = 0x222222};
    const char *desc = ssc_table_text(t, i, SC_DESC);

    spot_country_names(ssc_table_text(t, i, SC_COUNTRIES), lang, names, sizeof names, items, &nc,
                       store, 64);
    double hh = spot_header(c, t, i, lang, names,
                            (ssc_box){0, 0, w - w * SPOT_MAP_W - 40, SPOT_H}, 0);
    double h = spot_text_top(hh) + (desc[0] ? ssc_canvas_text_height(c, w - 32, desc, &st) : 0) + 10;
    return h < SPOT_H - SPOT_GAP ? h : SPOT_H - SPOT_GAP;
}

static double spot_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    double h = 0;
    for (size_t i = 0; i < ssc_table_rows(t); i++)
        h += (i ? SPOT_GAP : 0) + spot_story_height(c, t, i, ssc_section_language(s), w);
    return h;
}

static int spot_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    const char *lang = ssc_section_language(s);
    unsigned long accent = ssc_canvas_palette(c, 0);
    size_t rows = ssc_table_rows(t);
    /* the engine keeps a chart within 80% of a page: when the stories
     * need more than the box, each gives up its share */
    double need = spot_measure(c, t, s, area.w), gaps = SPOT_GAP * (double)(rows ? rows - 1 : 0);
    double scale = need > area.h + 0.5 && need > gaps ? (area.h - gaps) / (need - gaps) : 1.0;
    double y = area.y;

    for (size_t i = 0; i < rows; i++) {
        double each = spot_story_height(c, t, i, lang, area.w) * scale, map_w = area.w * SPOT_MAP_W;
        if (i)
            y += SPOT_GAP;
        char names[4096], store[64][4];
        const char *items[64];
        size_t nc;

        spot_country_names(ssc_table_text(t, i, SC_COUNTRIES), lang, names, sizeof names, items,
                           &nc, store, 64);
        ssc_canvas_fill(c, (ssc_box){area.x, y, area.w, each}, 0xF6F8FA);
        ssc_canvas_fill(c, (ssc_box){area.x, y, 4, each}, accent);
        ssc_box head = {area.x + 16, y + 12, area.w - map_w - 40, each - 24};
        double hh = spot_header(c, t, i, lang, names, head, 1);
        ssc_box map = {area.x + area.w - map_w - 12, y + 14, map_w, hh > 60 ? hh - 10 : 60};
        ssc_strings set = {items, nc};
        ssc_canvas_locator(c, map, set, accent);
        /* the story itself, full width under the header and the locator;
         * a long text gets a smaller size, never cut */
        const char *desc = ssc_table_text(t, i, SC_DESC);
        double top = y + spot_text_top(hh);
        /* half a point to spare: the measured height is this very one */
        ssc_box body = {area.x + 16, top, area.w - 32, y + each - 10 - top + 0.5};
        y += each;
        if (!desc[0])
            continue;
        ssc_text_style st = {.size = 10.5, .colour = 0x222222};
        while (st.size > 8.0 && ssc_canvas_text_height(c, body.w, desc, &st) > body.h)
            st.size -= 0.5;
        if (ssc_canvas_text_height(c, body.w, desc, &st) > body.h)
            return ssc_error_set(err, "the description of project %s is too long for half a page",
                                 ssc_table_key(t, i));
        ssc_canvas_text(c, body, desc, &st);
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(spotlight, "spotlight",
                  .summary = "Project stories: chosen projects, or the largest started in the "
                             "period, with partners, countries on a locator map, SDGs, budget",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .options = spot_options,
                  .compute = spot_compute,
                  .render = spot_render,
                  .measure = spot_measure);
