/* SPDX-License-Identifier: MIT */
/* Reach in the UN groupings of UN M49: the Least Developed Countries
 * (LDC), the Landlocked Developing Countries (LLDC) and the Small Island
 * Developing States (SIDS).  Rows LDC, LLDC, SIDS; columns "projects", the
 * projects reaching at least one country of the group, and "budget", the
 * US dollars that reach it: a budget is split evenly over the project's
 * countries (the portfolio spec's money rule), so a project in two LDCs
 * and one other country gives two thirds of its budget to LDC.  Projects
 * without countries (a source may give regions only) cannot be placed and
 * are left out; projects without a budget count in "projects" only.  Both
 * are stated in the note.  A last row "all" holds every shown project and
 * budget, for the shares.  The default drawing (render hook) shows each
 * grouping as a key figure with a bar of its share of the projects; a
 * table shows the numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const struct {
    const char *key, *en, *zh;
    int bit;
} ung_groups[] = {
    {"LDC", "Least Developed Countries", "最不发达国家", SSC_GROUP_LDC},
    {"LLDC", "Landlocked Developing Countries", "内陆发展中国家", SSC_GROUP_LLDC},
    {"SIDS", "Small Island Developing States", "小岛屿发展中国家", SSC_GROUP_SIDS},
};
#define UNG_N (sizeof ung_groups / sizeof *ung_groups)

static void ung_note(char *note, size_t len, int zh, size_t shown, size_t placeless,
                     size_t unbudgeted)
{
    const char *lang = zh ? "zh" : "en";
    char of[32], none[32], nobudget[32]; /* counts as the report writes numbers */
    int used;

    ssc_format_value(of, sizeof of, (double)shown, SSC_UNIT_COUNT, lang);
    ssc_format_value(none, sizeof none, (double)placeless, SSC_UNIT_COUNT, lang);
    ssc_format_value(nobudget, sizeof nobudget, (double)unbudgeted, SSC_UNIT_COUNT, lang);
    if (zh)
        used = snprintf(note, len,
                        "分组依据联合国M49标准。项目覆盖某一分组中至少一个国家即计入该分组；"
                        "预算按项目所涉国家平均分配。共%s个项目", of);
    else
        used = snprintf(note, len,
                        "Groupings as in UN M49. A project counts in a grouping when it reaches "
                        "at least one of its countries; its budget is split evenly over its "
                        "countries. Of %s project%s", of, shown == 1 ? "" : "s");
    if (used < 0 || (size_t)used >= len)
        return;
    if (zh)
        snprintf(note + used, len - (size_t)used, "，%s个未列明国家，未计入；%s个没有预算，仅计入项目数。",
                 none, nobudget);
    else
        snprintf(note + used, len - (size_t)used,
                 ", %s name%s no country and %s not counted; %s %s no budget and count%s in "
                 "projects only.",
                 none, placeless == 1 ? "s" : "", placeless == 1 ? "is" : "are", nobudget,
                 unbudgeted == 1 ? "has" : "have", unbudgeted == 1 ? "s" : "");
}

/* ssc_country_groups by the code's address: a portfolio's equal strings
 * are one pointer (plugin.h), and a million projects name a few hundred
 * countries, so each slot keeps the last code that hashed to it and its
 * groups, and the reference table is searched once per code, not per
 * mention (issue 10). */
typedef struct ung_groups_cache {
    const char *code[256];
    int bits[256];
} ung_groups_cache;

static int ung_groups_of(ung_groups_cache *g, const char *code)
{
    size_t i = (size_t)(((unsigned long long)(size_t)code * 0x9E3779B97F4A7C15ull) >> 56);
    if (g->code[i] != code) {
        g->code[i] = code;
        g->bits[i] = ssc_country_groups(code);
    }
    return g->bits[i];
}

static int ung_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                       ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    double projects[UNG_N] = {0}, budget[UNG_N] = {0}, usd, all_budget = 0;
    size_t placeless = 0, unbudgeted = 0, n = ssc_portfolio_count(p);
    char note[1024];
    ung_groups_cache *seen = calloc(1, sizeof *seen);

    if (!seen)
        return ssc_error_set(err, "out of memory");
    for (size_t row = 0; row < n; row++) {
        ssc_strings c = ssc_project_countries(p, row);
        size_t in[UNG_N] = {0};
        int has_budget = ssc_project_budget(p, row, &usd);

        unbudgeted += !has_budget;
        all_budget += has_budget ? usd : 0;
        if (!c.count) {
            placeless++;
            continue;
        }
        for (size_t k = 0; k < c.count; k++) {
            int bits = ung_groups_of(seen, c.items[k]);
            for (size_t g = 0; g < UNG_N; g++)
                in[g] += (bits & ung_groups[g].bit) != 0;
        }
        for (size_t g = 0; g < UNG_N; g++) {
            if (!in[g])
                continue;
            projects[g] += 1;
            if (has_budget)
                budget[g] += usd * (double)in[g] / (double)c.count;
        }
    }
    free(seen);
    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    int cp = ssc_table_add_column(out, "projects", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int cb = ssc_table_add_column(out, "budget", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    if (cp < 0 || cb < 0 || ssc_table_set_column_title(out, cp, zh ? "项目" : "Projects") ||
        ssc_table_set_column_title(out, cb, zh ? "预算" : "Budget"))
        return ssc_error_set(err, "out of memory");
    for (size_t g = 0; g < UNG_N; g++) {
        int row = ssc_table_row(out, ung_groups[g].key);
        if (row < 0 || ssc_table_set_label(out, row, zh ? ung_groups[g].zh : ung_groups[g].en) ||
            ssc_table_add_to(out, row, cp, projects[g]) || ssc_table_add_to(out, row, cb, budget[g]))
            return ssc_error_set(err, "out of memory");
    }
    int all = ssc_table_row(out, "all");
    if (all < 0 || ssc_table_set_label(out, all, zh ? "全部项目" : "All projects") ||
        ssc_table_add_to(out, all, cp, (double)n) || ssc_table_add_to(out, all, cb, all_budget))
        return ssc_error_set(err, "out of memory");
    ung_note(note, sizeof note, zh, n, placeless, unbudgeted);
    return ssc_table_set_note(out, note) ? ssc_error_set(err, "out of memory") : SSC_OK;
}

#define UNG_TILE_H 140.0

static double ung_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    (void)c;
    (void)s;
    (void)w;
    return ssc_table_rows(t) ? 10.0 + UNG_TILE_H : 10.0;
}

/* One tile per grouping, side by side: the projects in large figures, what
 * they are, a bar of their share of all projects, and the budget. */
static int ung_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    size_t groups = ssc_table_rows(t) ? ssc_table_rows(t) - 1 : 0; /* the last is "all" */
    double gap = 12.0, tile_w = groups ? (area.w - gap * (double)(groups - 1)) / (double)groups : 0;
    double all = groups ? ssc_table_number(t, groups, 0) : 0;
    unsigned long accent = ssc_canvas_palette(c, 0);
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    (void)err;

    for (size_t i = 0; i < groups; i++) {
        ssc_box tile = {area.x + (double)i * (tile_w + gap), area.y + 10, tile_w, UNG_TILE_H};
        ssc_text_style big = {.size = 26, .bold = 1, .colour = accent, .max_lines = 1};
        ssc_text_style label = {.size = 10, .max_lines = 3};
        ssc_text_style small = {.size = 9.5, .colour = 0x444444, .max_lines = 2};
        double v = ssc_table_number(t, i, 0), share = all > 0 ? v / all : 0;
        char what[200], line[200], pct[64];

        if (tile.y + tile.h > area.y + area.h)
            break;
        ssc_canvas_fill(c, tile, 0xF3F6F9);
        snprintf(pct, sizeof pct, "%s", ssc_canvas_format(c, 100.0 * share, SSC_UNIT_PERCENT));
        snprintf(what, sizeof what, zh ? "个项目覆盖%s" : "projects reaching %s",
                 ssc_table_label(t, i));
        snprintf(line, sizeof line, zh ? "占全部项目的%s；预算 %s" : "%s of all projects; %s",
                 pct, ssc_canvas_format(c, ssc_table_number(t, i, 1), SSC_UNIT_USD));
        ssc_box inner = {tile.x + 14, tile.y + 10, tile.w - 28, tile.h - 14};
        inner.y += ssc_canvas_text(c, inner, ssc_canvas_format(c, v, SSC_UNIT_COUNT), &big) + 2;
        inner.y += ssc_canvas_text(c, inner, what, &label) + 6;
        ssc_canvas_fill(c, (ssc_box){inner.x, inner.y, inner.w, 8}, 0xDDE3EA);
        ssc_canvas_fill(c, (ssc_box){inner.x, inner.y, inner.w * share, 8}, accent);
        inner.y += 14;
        ssc_canvas_text(c, inner, line, &small);
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(un_groupings, "un-groupings",
                  .summary = "Projects and budget reaching the Least Developed Countries, "
                             "Landlocked Developing Countries and Small Island Developing States",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .compute = ung_compute,
                  .render = ung_render,
                  .measure = ung_measure);
