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
#include <stdlib.h>
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

/* Appends to buf; a text that would not fit marks *used full (no
 * sentence then, rather than a cut one). */
static void part_put(char *buf, size_t len, size_t *used, const char *s)
{
    size_t n = strlen(s);
    if (*used + n >= len) {
        *used = len;
        return;
    }
    memcpy(buf + *used, s, n + 1);
    *used += n;
}

/* The sentence under the modality chart, read off its table (column tri
 * of the years' rows; every column of them for the whole): how many of
 * the projects are triangular, their share, and the years in which most
 * of them started, every year that ties named as the engine names ties
 * ("A and B", "A, B and C", "A、B和C"; past six, five and "N others"):
 * "11 of 47 projects (23.4%) are triangular cooperation; the year with the
 * most is 2010: 2.", "...; the years with the most are 2015 and 2019: 2
 * each.", "47个项目中有11个为三方合作（23.4%），2010年启动的最多：2个。" */
static int part_modality_summary(ssc_table *out, int tri, int zh)
{
    size_t rows = ssc_table_rows(out), cols = ssc_table_columns(out), top = 0, used = 0;
    double all = 0, tris = 0, best = 0;
    const char *lang = zh ? "zh" : "en";
    char sentence[1024], part[256], a[32], b[32], pct[32];

    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++)
            all += ssc_table_number(out, r, c);
        double t = ssc_table_number(out, r, (size_t)tri);
        tris += t;
        if (t > best)
            best = t;
    }
    if (!(all > 0))
        return SSC_OK; /* no project: the engine says there is nothing to show */
    ssc_format_value(a, sizeof a, tris, SSC_UNIT_COUNT, lang);
    ssc_format_value(b, sizeof b, all, SSC_UNIT_COUNT, lang);
    ssc_format_value(pct, sizeof pct, 100.0 * tris / all, SSC_UNIT_PERCENT, lang);
    if (tris == 0) {
        snprintf(sentence, sizeof sentence,
                 zh ? "%s个项目中没有三方合作项目。"
                    : "None of the %s projects is triangular cooperation.",
                 b);
        return ssc_table_set_summary(out, sentence);
    }
    if (zh)
        snprintf(part, sizeof part, "%s个项目中有%s个为三方合作（%s），", b, a, pct);
    else
        snprintf(part, sizeof part, "%s of %s projects (%s) %s triangular cooperation%s", a, b,
                 pct, tris == 1 ? "is" : "are", tris == 1 ? ", started in " : "; the year");
    sentence[0] = '\0';
    part_put(sentence, sizeof sentence, &used, part);
    if (zh && tris == 1)
        part_put(sentence, sizeof sentence, &used, "于");
    for (size_t r = 0; r < rows; r++)
        top += ssc_table_number(out, r, (size_t)tri) == best;
    if (!zh && tris > 1)
        part_put(sentence, sizeof sentence, &used, top > 1 ? "s with the most are " : " with the most is ");
    size_t named = top > 6 ? 5 : top;
    for (size_t r = 0, i = 0; r < rows && i < named; r++) {
        if (ssc_table_number(out, r, (size_t)tri) != best)
            continue;
        int last = i + 1 == named && named == top;
        if (i > 0)
            part_put(sentence, sizeof sentence, &used,
                     zh ? (last ? "和" : "、") : (last ? " and " : ", "));
        snprintf(part, sizeof part, zh ? "%s年" : "%s", ssc_table_key(out, r));
        part_put(sentence, sizeof sentence, &used, part);
        i++;
    }
    if (named < top) {
        snprintf(part, sizeof part, zh ? "及其他%zu年" : " and %zu others", top - named);
        part_put(sentence, sizeof sentence, &used, part);
    }
    ssc_format_value(a, sizeof a, best, SSC_UNIT_COUNT, lang);
    if (tris == 1)
        snprintf(part, sizeof part, zh ? "启动。" : ".");
    else if (zh)
        snprintf(part, sizeof part, top > 1 ? "启动的最多，各%s个。" : "启动的最多：%s个。", a);
    else
        snprintf(part, sizeof part, top > 1 ? ": %s each." : ": %s.", a);
    part_put(sentence, sizeof sentence, &used, part);
    return used < sizeof sentence ? ssc_table_set_summary(out, sentence) : SSC_OK;
}

static int part_modality(const ssc_portfolio *p, int zh, ssc_table *out, ssc_error *err)
{
    size_t n = ssc_portfolio_count(p), undated = 0, none = 0;
    int first = 0, last = 0;
    char key[16], note[512], undated_text[32]; /* as the report writes numbers */

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
    /* each year's row by index (rows[y - first]) and each modality's
     * column by its string's address (a portfolio's equal strings are one
     * pointer, plugin.h): no key formatted, hashed or compared per project
     * (issue 10: a million projects) */
    int *rows = first ? malloc((size_t)(last - first + 1) * sizeof *rows) : NULL;
    const char *mod[8];
    int mod_col[8];
    size_t n_mod = 0;
    if (first && !rows)
        return ssc_error_set(err, "out of memory");
    for (int y = first; first && y <= last; y++) {
        snprintf(key, sizeof key, "%d", y);
        if ((rows[y - first] = ssc_table_row(out, key)) < 0) {
            free(rows);
            return ssc_error_set(err, "out of memory");
        }
    }
    for (size_t row = 0; row < n; row++) {
        int y = ssc_project_start(p, row).year;
        const char *m = ssc_project_modality(p, row);
        if (!y) {
            undated++;
            continue;
        }
        size_t i = 0;
        while (i < n_mod && mod[i] != m)
            i++;
        int col = i < n_mod ? mod_col[i]
                  : strcmp(m, "triangular") == 0  ? tri
                  : strcmp(m, "south-south") == 0 ? ss
                                                  : ng;
        if (i == n_mod && n_mod < sizeof mod / sizeof *mod) {
            mod[n_mod] = m;
            mod_col[n_mod++] = col;
        }
        if (ssc_table_add_to(out, rows[y - first], col, 1)) {
            free(rows);
            return ssc_error_set(err, "out of memory");
        }
    }
    free(rows);
    ssc_format_value(undated_text, sizeof undated_text, (double)undated, SSC_UNIT_COUNT,
                     zh ? "zh" : "en");
    if (zh)
        snprintf(note, sizeof note,
                 "三方合作指有第三方（通常为发达国家或国际组织）支持的南南合作项目。按开始年份计；"
                 "%s个项目没有开始日期，未计入。",
                 undated_text);
    else
        snprintf(note, sizeof note,
                 "Triangular cooperation is South-South cooperation supported by a third "
                 "partner, often a developed country or an international organisation. Projects "
                 "count in their start year; %s without a start date %s not counted.",
                 undated_text, undated == 1 ? "is" : "are");
    if (ssc_table_set_note(out, note) || part_modality_summary(out, tri, zh))
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

static int part_source(const ssc_portfolio *p, int zh, ssc_table *out, ssc_error *err)
{
    size_t n = ssc_portfolio_count(p), unbudgeted = 0;
    double sum[3] = {0}, total = 0, usd;
    static const char *const keys[3] = {"PGTF", "other", "not_given"};
    static const char *const en[3] = {"Pérez-Guerrero Trust Fund", "Other sources",
                                      "Source not given"};
    static const char *const cn[3] = {"佩雷斯－格雷罗信托基金", "其他来源", "未注明来源"};
    char note[512], money[64], unbudgeted_text[32];

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
    ssc_format_value(unbudgeted_text, sizeof unbudgeted_text, (double)unbudgeted, SSC_UNIT_COUNT,
                     zh ? "zh" : "en");
    if (zh)
        snprintf(note, sizeof note, "按预算金额计算的占比，预算总额为%s；%s个项目没有预算，未计入。",
                 money, unbudgeted_text);
    else
        snprintf(note, sizeof note,
                 "Shares of the budget (%s in all) by funding source; %s project%s "
                 "without a budget %s not counted.",
                 money, unbudgeted_text, unbudgeted == 1 ? "" : "s",
                 unbudgeted == 1 ? "is" : "are");
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
