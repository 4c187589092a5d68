/* SPDX-License-Identifier: MIT */
/* How the work is done and paid for.  Option view:
 *   "modality" (the default): projects started per year (every year from
 *     the first start to the last), columns "south-south" and "triangular",
 *     and "not_given" when some project names no modality; projects
 *     without a start date are left out and the note counts them.
 *   "source": the shares (per cent) of the budget from the Pérez-Guerrero
 *     Trust Fund (funding_source PGTF, any case) and from other sources;
 *     rows "PGTF", "other" and "not_given" (budgets of projects naming no
 *     source), column "share"; projects without a budget have no share
 *     and the note counts them. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <ssc-report/plugin.h>

static const ssc_option part_options[] = {
    {.name = "view",
     .type = SSC_OPTION_STRING,
     .choices = "modality|source",
     .help = "South-South vs triangular by start year (the default), or the budget "
             "shares by funding source"},
    {.name = NULL},
};

static int part_modality(const ssc_portfolio *p, int zh, ssc_table *out, ssc_error *err)
{
    size_t n = ssc_portfolio_count(p), undated = 0, none = 0;
    int first = 0, last = 0;
    char key[16], note[512];

    for (size_t row = 0; row < n; row++) {
        int y = ssc_project_start(p, row).year;
        if (y && (!first || y < first))
            first = y;
        if (y > last)
            last = y;
        none += ssc_project_modality(p, row)[0] == '\0';
    }
    ssc_table_set_key_kind(out, SSC_KEY_YEAR);
    int ss = ssc_table_add_column(out, "south-south", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int tri = ssc_table_add_column(out, "triangular", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int ng = none ? ssc_table_add_column(out, "not_given", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT) : 0;
    if (ss < 0 || tri < 0 || ng < 0 ||
        ssc_table_set_column_title(out, ss, zh ? "南南合作" : "South-South") ||
        ssc_table_set_column_title(out, tri, zh ? "三方合作" : "Triangular") ||
        (none && ssc_table_set_column_title(out, ng, zh ? "未注明" : "Not given")))
        return ssc_error_set(err, "out of memory");
    for (int y = first; first && y <= last; y++) {
        snprintf(key, sizeof key, "%d", y);
        if (ssc_table_row(out, key) < 0)
            return ssc_error_set(err, "out of memory");
    }
    for (size_t row = 0; row < n; row++) {
        int y = ssc_project_start(p, row).year;
        const char *m = ssc_project_modality(p, row);
        if (!y) {
            undated++;
            continue;
        }
        snprintf(key, sizeof key, "%d", y);
        int col = strcmp(m, "triangular") == 0 ? tri : strcmp(m, "south-south") == 0 ? ss : ng;
        int r = ssc_table_row(out, key);
        if (r < 0 || ssc_table_add_to(out, r, col, 1))
            return ssc_error_set(err, "out of memory");
    }
    if (zh)
        snprintf(note, sizeof note,
                 "三方合作指有第三方（通常为发达国家或国际组织）支持的南南合作项目。按开始年份计；"
                 "%zu个项目没有开始日期，未计入。",
                 undated);
    else
        snprintf(note, sizeof note,
                 "Triangular cooperation is South-South cooperation supported by a third "
                 "partner, often a developed country or an international organisation. Projects "
                 "count in their start year; %zu without a start date %s not counted.",
                 undated, undated == 1 ? "is" : "are");
    return ssc_table_set_note(out, note) ? ssc_error_set(err, "out of memory") : SSC_OK;
}

static int part_source(const ssc_portfolio *p, int zh, ssc_table *out, ssc_error *err)
{
    size_t n = ssc_portfolio_count(p), unbudgeted = 0;
    double sum[3] = {0}, total = 0, usd;
    static const char *const keys[3] = {"PGTF", "other", "not_given"};
    static const char *const en[3] = {"Pérez-Guerrero Trust Fund", "Other sources",
                                      "Source not given"};
    static const char *const cn[3] = {"佩雷斯－格雷罗信托基金", "其他来源", "未注明来源"};
    char note[512], money[64];

    for (size_t row = 0; row < n; row++) {
        const char *src = ssc_project_funding_source(p, row);
        if (!ssc_project_budget(p, row, &usd)) {
            unbudgeted++;
            continue;
        }
        sum[!src[0] ? 2 : strcasecmp(src, "PGTF") == 0 ? 0 : 1] += usd;
        total += usd;
    }
    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    int c = ssc_table_add_column(out, "share", SSC_COLUMN_NUMBER, SSC_UNIT_PERCENT);
    if (c < 0 || ssc_table_set_column_title(out, c, zh ? "预算占比" : "Share of budget"))
        return ssc_error_set(err, "out of memory");
    for (int k = 0; k < 3 && total > 0; k++) {
        if (k == 2 && sum[2] == 0)
            break;
        int r = ssc_table_row(out, keys[k]);
        if (r < 0 || ssc_table_set_label(out, r, zh ? cn[k] : en[k]) ||
            ssc_table_add_to(out, r, c, 100.0 * sum[k] / total))
            return ssc_error_set(err, "out of memory");
    }
    ssc_format_value(money, sizeof money, total, SSC_UNIT_USD, zh ? "zh" : "en");
    if (zh)
        snprintf(note, sizeof note, "按预算金额计算的占比，预算总额为%s；%zu个项目没有预算，未计入。",
                 money, unbudgeted);
    else
        snprintf(note, sizeof note,
                 "Shares of the budget (%s in all) by funding source; %zu project%s "
                 "without a budget %s not counted.",
                 money, unbudgeted, unbudgeted == 1 ? "" : "s", unbudgeted == 1 ? "is" : "are");
    return ssc_table_set_note(out, note) ? ssc_error_set(err, "out of memory") : SSC_OK;
}

static int part_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                        ssc_error *err)
{
    const char *view = ssc_section_option_string(s, "view");
    int zh = strcmp(ssc_section_language(s), "zh") == 0;

    if (view && strcmp(view, "source") == 0)
        return part_source(p, zh, out, err);
    return part_modality(p, zh, out, err);
}

SSC_METRIC_PLUGIN(partnership, "partnership",
                  .summary = "South-South vs triangular projects by start year, or budget shares "
                             "by funding source",
                  .version = "1.0",
                  .default_chart = SSC_CHART_STACKED,
                  .options = part_options,
                  .compute = part_compute);
