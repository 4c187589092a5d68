/* SPDX-License-Identifier: MIT */
/* The one-sentence summary under a chart (see summary.h).
 *
 * The sentence is read off the table the chart draws, never recomputed:
 * the rows' values are column 0 (a stacked chart: the bar, every column
 * added), or the distinct count the plugin gave for the row when its
 * columns split or repeat projects (ssc_table_set_row_total), so that a
 * status stacked by region says how many projects have that status, not
 * how many project-regions.  Every row that shares the top value is named;
 * a category goes by its natural name (years as years, SDGs as "SDG 17,
 * Partnerships for the goals").  A plugin that gave its own sentence
 * (ssc_table_set_summary) has it instead. */
#include "draw/summary.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/refdata.h"
#include "report/table.h"

/* Named ties at most; past it, the first few and "N others". */
#define SUMMARY_NAMED 6
#define SUMMARY_HEAD 5

typedef struct summary_buf {
    char *p;
    size_t len, used;
} summary_buf;

static void summary_put(summary_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends to the sentence; a sentence that would not fit is dropped
 * whole at the end (summary_done), never cut. */
static void summary_put(summary_buf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->used >= b->len)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->used, b->len - b->used, fmt, ap);
    va_end(ap);
    b->used = n < 0 ? b->len : b->used + (size_t)n;
}

static const char *summary_done(summary_buf *b)
{
    if (b->used >= b->len)
        b->p[0] = '\0';
    return b->p;
}

/* The row's value as the sentence ranks it: its distinct count when the
 * plugin gave one, else what the chart draws.  In a table whose rows give
 * distinct counts, a row without one (an "Other" row summing the tail,
 * whose projects may repeat) is not ranked at all: NAN. */
static double summary_value(const ssc_table *t, size_t r, int stacked, int totals)
{
    double v = ssc_table_row_total(t, r);
    if (isfinite(v) || totals)
        return v;
    if (!stacked)
        return ssc_table_number(t, r, 0);
    v = 0;
    for (size_t c = 0; c < ssc_table_columns(t); c++)
        if (ssc_table_column_type(t, c) == SSC_COLUMN_NUMBER &&
            isfinite(ssc_table_number(t, r, c)))
            v += ssc_table_number(t, r, c);
    return v;
}

/* A category's name as a sentence says it; first: it opens the sentence. */
static void summary_name(summary_buf *b, const ssc_table *t, size_t r, int zh, int first)
{
    const char *key = ssc_table_key(t, r), *label = ssc_table_label(t, r);
    const ssc_sdg *g;

    switch (ssc_table_key_kind(t)) {
    case SSC_KEY_YEAR:
        summary_put(b, zh ? "%s年" : "%s", key);
        return;
    case SSC_KEY_SDG:
        if ((g = ssc_sdg_get(atoi(key))) != NULL) {
            if (zh)
                summary_put(b, "可持续发展目标%d（%s）", g->goal, g->short_zh);
            else
                summary_put(b, "SDG %d, %s", g->goal, g->short_en);
            return;
        }
        break;
    case SSC_KEY_SECTOR: {
        /* a sector is a common noun inside an English sentence
         * ("Agriculture and renewable energy lead"); an acronym stays */
        const char *name = label && label[0] ? label : key;
        if (!zh && !first && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'a' && name[1] <= 'z') {
            summary_put(b, "%c%s", name[0] - 'A' + 'a', name + 1);
            return;
        }
        break;
    }
    default:
        break;
    }
    summary_put(b, "%s", label && label[0] ? label : key);
}

/* The rows in top[0..n) as a list: "A", "A and B", "A, B and C";
 * "A、B和C" in Chinese; past SUMMARY_NAMED, the first few and a count.
 * English SDG names hold a comma ("SDG 2, Zero hunger"), so their list
 * is set off with semicolons and the last name closed with a comma:
 * "SDG 2, Zero hunger; SDG 7, Affordable and clean energy; and SDG 13,
 * Climate action, lead". */
static void summary_list(summary_buf *b, const ssc_table *t, const size_t *top, size_t n, int zh)
{
    size_t named = n > SUMMARY_NAMED ? SUMMARY_HEAD : n;
    int sdg = !zh && ssc_table_key_kind(t) == SSC_KEY_SDG;
    for (size_t i = 0; i < named; i++) {
        int last = i + 1 == named && named == n;
        if (i > 0 && zh)
            summary_put(b, "%s", last ? "和" : "、");
        else if (i > 0 && sdg)
            summary_put(b, "%s", !last ? "; " : named > 2 ? "; and " : ", and ");
        else if (i > 0)
            summary_put(b, "%s", last ? " and " : ", ");
        summary_name(b, t, top[i], zh, i == 0); /* a list opens its sentence */
    }
    if (named < n)
        summary_put(b, zh ? "及其他%zu项" : sdg ? "; and %zu others" : " and %zu others",
                    n - named);
    else if (sdg)
        summary_put(b, ",");
}

const char *ssc_summary(const ssc_table *t, ssc_chart_kind kind, const char *lang, size_t shown,
                        char *buf, size_t len)
{
    int zh = strcmp(lang, "zh") == 0;
    int stacked = kind == SSC_CHART_STACKED;
    size_t rows = ssc_table_rows(t), n = 0;
    summary_buf b = {buf, len, 0};
    char v[64], total[64];

    if (len == 0)
        return buf;
    buf[0] = '\0';
    /* the plugin's own sentence (a share per period, one series of a
     * stack), read off the same table; left out whole if it does not fit */
    if (ssc_table_summary(t)[0]) {
        summary_put(&b, "%s", ssc_table_summary(t));
        return summary_done(&b);
    }
    if (rows == 0 || ssc_table_columns(t) == 0 ||
        ssc_table_column_type(t, 0) != SSC_COLUMN_NUMBER ||
        ssc_table_key_kind(t) == SSC_KEY_PROJECT || kind == SSC_CHART_CUSTOM ||
        kind == SSC_CHART_TABLE)
        return buf;
    int totals = 0;
    for (size_t r = 0; r < rows && !totals; r++)
        totals = isfinite(ssc_table_row_total(t, r));
    double best = -INFINITY;
    for (size_t r = 0; r < rows; r++) {
        double x = summary_value(t, r, stacked, totals);
        if (isfinite(x) && x > best)
            best = x;
    }
    if (!isfinite(best) || !(best > 0))
        return buf;
    size_t *top = malloc(rows * sizeof *top);
    if (!top)
        return buf; /* no sentence rather than a wrong one */
    for (size_t r = 0; r < rows; r++)
        if (summary_value(t, r, stacked, totals) == best)
            top[n++] = r;

    ssc_unit unit = ssc_table_column_unit(t, 0);
    int year = ssc_table_key_kind(t) == SSC_KEY_YEAR;
    int projects = ssc_table_measures_projects(t);
    ssc_format_number(v, sizeof v, best, unit, lang);
    ssc_format_number(total, sizeof total, (double)shown, SSC_UNIT_COUNT, lang);
    const char *many = ssc_table_measure(t, SSC_MEASURE_MANY);
    const char *one = ssc_table_measure(t, SSC_MEASURE_ONE);
    const char *noun = ssc_table_measure(t, SSC_MEASURE_ZH_NOUN);
    const char *counter = ssc_table_measure(t, SSC_MEASURE_ZH_COUNTER);

    if (unit == SSC_UNIT_USD || unit == SSC_UNIT_PERCENT) {
        const char *what = unit == SSC_UNIT_USD ? (zh ? "预算最多" : "the largest budget")
                                                : (zh ? "比例最高" : "the highest share");
        if (zh) {
            summary_list(&b, t, top, n, zh);
            summary_put(&b, "%s%s%s%s。", year && unit == SSC_UNIT_USD ? "启动的项目" : "的",
                        what, n > 1 ? "，各" : "：", v);
        } else if (year && unit == SSC_UNIT_USD) {
            summary_put(&b, "Projects started in ");
            summary_list(&b, t, top, n, zh);
            summary_put(&b, " have the largest budget%s: %s%s.", n > 1 ? "s" : "", v,
                        n > 1 ? " each" : "");
        } else if (year) {
            summary_put(&b, "The share is highest in ");
            summary_list(&b, t, top, n, zh);
            summary_put(&b, ": %s%s.", v, n > 1 ? " each" : "");
        } else {
            summary_list(&b, t, top, n, zh);
            summary_put(&b, " %s %s: %s%s.", n > 1 ? "have" : "has", what, v,
                        n > 1 ? " each" : "");
        }
    } else if (projects && best == (double)shown && n == 1 && shown > 1) {
        /* one category holds every project */
        if (year) {
            summary_put(&b, zh ? "全部%s个项目均于" : "All %s projects started in ", total);
            summary_list(&b, t, top, n, zh);
            summary_put(&b, zh ? "启动。" : ".");
        } else {
            summary_list(&b, t, top, n, zh);
            summary_put(&b, zh ? "包括全部%s个项目。" : " has all %s projects.", total);
        }
    } else if (zh) {
        summary_list(&b, t, top, n, zh);
        summary_put(&b, "%s%s最多", year && projects ? "启动的" : "的", noun);
        if (n > 1)
            summary_put(&b, "，各%s%s。", v, counter);
        else if (projects)
            summary_put(&b, "：%s个项目中有%s个。", total, v);
        else
            summary_put(&b, "：%s%s。", v, counter);
    } else {
        const char *word = best == 1 ? one : many;
        if (year && projects) {
            summary_put(&b, "Most projects started in ");
            summary_list(&b, t, top, n, zh);
            summary_put(&b, ": %s%s.", v, n > 1 ? " each" : "");
        } else if (n > 1 && kind == SSC_CHART_GROUPED) {
            /* a grouped chart's legend names its series ("As lead"): a
             * verb "lead" under it would read as one of them */
            summary_list(&b, t, top, n, zh);
            summary_put(&b, " have the most %s: %s each.", many, v);
        } else if (n > 1) {
            summary_list(&b, t, top, n, zh);
            summary_put(&b, " lead, with %s %s each.", v, word);
        } else {
            summary_list(&b, t, top, n, zh);
            if (projects)
                summary_put(&b, " has the most projects: %s of %s.", v, total);
            else
                summary_put(&b, " has the most %s: %s.", many, v);
        }
    }
    free(top);
    return summary_done(&b);
}
