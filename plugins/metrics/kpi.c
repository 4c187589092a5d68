/* SPDX-License-Identifier: MIT */
/* The portfolio at a glance: six headline figures drawn as a page of
 * large numbers.  Counts are of distinct values across the shown projects;
 * the gender share is the share of shown projects whose gender marker is
 * 1 (significant) or 2 (principal). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

typedef struct kpi_item {
    const char *key, *en, *zh;
    ssc_unit unit;
} kpi_item;

static const kpi_item kpi_items[] = {
    {"projects", "Projects", "项目", SSC_UNIT_COUNT},
    {"countries", "Countries reached", "受益国家", SSC_UNIT_COUNT},
    {"regions", "Regions", "地区", SSC_UNIT_COUNT},
    {"lead_institutions", "Lead institutions", "牵头机构", SSC_UNIT_COUNT},
    {"budget_total", "Total budget", "预算总额", SSC_UNIT_USD},
    {"gender_share", "Projects marked for gender equality", "关注性别平等的项目",
     SSC_UNIT_PERCENT},
};
#define KPI_N (sizeof kpi_items / sizeof *kpi_items)

/* A set of strings by pointer: plugin.h guarantees that equal strings of
 * one portfolio are one pointer. */
typedef struct kpi_set {
    const char **slot;
    size_t mask, count;
} kpi_set;

static int kpi_set_add(kpi_set *set, const char *s)
{
    if ((set->count + 1) * 2 > set->mask + 1) {
        size_t nmask = set->mask ? set->mask * 2 + 1 : 63;
        const char **ns = calloc(nmask + 1, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; set->slot && i <= set->mask; i++) {
            if (!set->slot[i])
                continue;
            size_t j = ((uintptr_t)set->slot[i] >> 3) & nmask;
            while (ns[j])
                j = (j + 1) & nmask;
            ns[j] = set->slot[i];
        }
        free(set->slot);
        set->slot = ns;
        set->mask = nmask;
    }
    size_t j = ((uintptr_t)s >> 3) & set->mask;
    for (; set->slot[j]; j = (j + 1) & set->mask)
        if (set->slot[j] == s)
            return 0;
    set->slot[j] = s;
    set->count++;
    return 0;
}

static int kpi_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                       ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t n = ssc_portfolio_count(p), marked = 0, budgeted = 0, gendered = 0;
    double budget = 0.0, usd;
    kpi_set countries = {0}, regions = {0}, leads = {0};
    int bad = 0;

    for (size_t row = 0; row < n && !bad; row++) {
        ssc_strings c = ssc_project_countries(p, row), r = ssc_project_regions(p, row);
        for (size_t k = 0; k < c.count; k++)
            bad |= kpi_set_add(&countries, c.items[k]);
        for (size_t k = 0; k < r.count; k++)
            bad |= kpi_set_add(&regions, r.items[k]);
        bad |= kpi_set_add(&leads, ssc_project_lead(p, row));
        if (ssc_project_budget(p, row, &usd)) {
            budget += usd;
            budgeted++;
        }
        int g = ssc_project_gender_marker(p, row);
        gendered += g >= 0;
        marked += g >= 1;
    }
    /* A source without budgets or gender markers (an IATI file may have
     * neither) gives no figure, shown as a dash, rather than a false 0. */
    const double values[KPI_N] = {
        (double)n,
        (double)countries.count,
        (double)regions.count,
        (double)leads.count,
        n && !budgeted ? NAN : budget,
        n && !gendered ? NAN : n ? 100.0 * (double)marked / (double)n : 0.0,
    };
    free(countries.slot);
    free(regions.slot);
    free(leads.slot);
    if (bad)
        return ssc_error_set(err, "out of memory");

    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    if (ssc_table_add_column(out, "value", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT) < 0)
        return ssc_error_set(err, "out of memory");
    for (size_t i = 0; i < KPI_N; i++) {
        int row = ssc_table_row(out, kpi_items[i].key);
        if (row < 0 || ssc_table_set_label(out, row, zh ? kpi_items[i].zh : kpi_items[i].en) ||
            ssc_table_add_to(out, row, 0, values[i]))
            return ssc_error_set(err, "out of memory");
    }
    ssc_table_set_note(out, zh ? "预算为各项目预算之和；性别比例为性别平等标记为1或2的项目所占比例。"
                               : "The budget is the sum of project budgets; the gender figure is "
                                 "the share of projects whose gender marker is 1 or 2.");
    return SSC_OK;
}

static ssc_unit kpi_unit(const char *key)
{
    for (size_t i = 0; i < KPI_N; i++)
        if (strcmp(kpi_items[i].key, key) == 0)
            return kpi_items[i].unit;
    return SSC_UNIT_COUNT;
}

#define KPI_TILE_H 104.0
#define KPI_GAP 14.0

/* Three rows of two tiles. */
static double kpi_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    size_t rows = (ssc_table_rows(t) + 1) / 2;
    (void)c;
    (void)s;
    (void)w;
    return 10.0 + (double)rows * (KPI_TILE_H + KPI_GAP);
}

/* Two columns of tiles: a large figure over its label, on a light band. */
static int kpi_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    size_t rows = ssc_table_rows(t);
    double gap = KPI_GAP, tile_w = (area.w - gap) / 2, tile_h = KPI_TILE_H;
    unsigned long accent = ssc_canvas_palette(c, 0);
    (void)err;
    (void)s;

    for (size_t i = 0; i < rows; i++) {
        ssc_box tile = {area.x + (double)(i % 2) * (tile_w + gap),
                        area.y + 10 + (double)(i / 2) * (tile_h + gap), tile_w, tile_h};
        if (tile.y + tile.h > area.y + area.h)
            break;
        ssc_canvas_fill(c, tile, 0xF3F6F9);
        ssc_canvas_fill(c, (ssc_box){tile.x, tile.y, 4, tile.h}, accent);
        ssc_text_style big = {.size = 30, .bold = 1, .colour = accent, .max_lines = 1};
        ssc_text_style label = {.size = 11, .max_lines = 2};
        double v = ssc_table_number(t, i, 0);
        ssc_unit unit = kpi_unit(ssc_table_key(t, i));
        char figure[64], caption[256];
        /* the engine's one money format per language: "US$2.69 million",
         * "269.4万美元" */
        snprintf(figure, sizeof figure, "%s", ssc_canvas_format(c, v, unit));
        snprintf(caption, sizeof caption, "%s", ssc_table_label(t, i));
        ssc_box inner = {tile.x + 20, tile.y + 18, tile.w - 32, tile.h - 24};
        /* "US$2.69 million" is wider than a number: a smaller size keeps
         * it whole on its line rather than cut */
        big.max_lines = 0;
        for (double size = 30; size >= 16; size -= 2) {
            big.size = size;
            if (ssc_canvas_text_height(c, inner.w, figure, &big) < size * 1.6)
                break;
        }
        big.max_lines = 1;
        double used = ssc_canvas_text(c, inner, figure, &big);
        inner.y += used + 6;
        ssc_canvas_text(c, inner, caption, &label);
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(kpi, "kpi",
                  .summary = "Headline figures: projects, countries, regions, institutions, "
                             "budget, gender",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .compute = kpi_compute,
                  .render = kpi_render,
                  .measure = kpi_measure);
