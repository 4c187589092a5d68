/* SPDX-License-Identifier: MIT */
/* The year in review: the reporting period against the one before it.
 * Rows, each with the columns "period" and "previous":
 *   started         projects whose start date is in the period
 *   completed       projects with status completed whose end date is in it
 *   ongoing         projects ongoing at the period's last day: started by
 *                   then and not ended by then (an end date after it, or no
 *                   end date and status ongoing or suspended); a pipeline
 *                   project never counts, it has not started
 *   budget_started  the budgets (US$) of the projects started in it
 *   date_not_given  projects whose dates cannot place them: no start date,
 *                   or completed or cancelled without an end date; they are
 *                   counted here rather than dropped without a word
 * A date given as a year or a month is read as its first day
 * (ssc_period_where), so a project counts in one period only.  The render
 * hook draws the first four as key figures with their change. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <ssc-report/plugin.h>

enum { YIR_STARTED, YIR_COMPLETED, YIR_ONGOING, YIR_BUDGET, YIR_UNDATED, YIR_N };

static const struct {
    const char *key, *en, *zh;
} yir_rows[YIR_N] = {
    {"started", "Projects started", "启动的项目"},
    {"completed", "Projects completed", "完成的项目"},
    {"ongoing", "Projects ongoing at the end of the period", "期末在实施的项目"},
    {"budget_started", "Budget of the projects started", "启动项目的预算"},
    {"date_not_given", "Projects whose dates are not given", "未提供日期的项目"},
};

enum { YIR_PIPELINE = 1, YIR_CLOSED = 2, YIR_DONE = 4 };

/* What status means here, as YIR_ bits.  Statuses are a handful of
 * strings, one pointer each (plugin.h: interned), so they are compared by
 * text once per pointer, not several times per project (issue 10). */
typedef struct yir_statuses {
    const char *key[8];
    int bits[8];
    size_t n;
} yir_statuses;

static int yir_status(yir_statuses *seen, const char *status)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->key[i] == status)
            return seen->bits[i];
    int done = strcmp(status, "completed") == 0;
    int bits = (strcmp(status, "pipeline") == 0 ? YIR_PIPELINE : 0) |
               (done || strcmp(status, "cancelled") == 0 ? YIR_CLOSED : 0) |
               (done ? YIR_DONE : 0);
    if (seen->n < sizeof seen->key / sizeof *seen->key) {
        seen->key[seen->n] = status;
        seen->bits[seen->n++] = bits;
    }
    return bits;
}

/* Adds project row's part of the five figures of one period to out. */
static void yir_add(const ssc_portfolio *p, size_t row, const ssc_period *span, int status,
                    ssc_date start, ssc_date end, double out[YIR_N])
{
    int pipeline = (status & YIR_PIPELINE) != 0;
    int closed = (status & YIR_CLOSED) != 0;
    double usd;

    if (!start.year || (closed && !end.year)) {
        out[YIR_UNDATED] += 1;
        if (!start.year)
            return;
    }
    int s = ssc_period_where(span, start);
    if (s == 0) {
        out[YIR_STARTED] += 1;
        if (ssc_project_budget(p, row, &usd))
            out[YIR_BUDGET] += usd;
    }
    if ((status & YIR_DONE) && ssc_period_where(span, end) == 0)
        out[YIR_COMPLETED] += 1;
    if (pipeline || s > 0)
        return;
    if (end.year ? ssc_period_where(span, end) > 0 : !closed)
        out[YIR_ONGOING] += 1;
}

/* The five figures of the period (a) and of the one before (b), in one
 * pass: each project's status and dates are read once for both (issue
 * 10); each period's sums still add its projects in row order. */
static void yir_count(const ssc_portfolio *p, const ssc_period *now, const ssc_period *before,
                      double a[YIR_N], double b[YIR_N])
{
    yir_statuses seen = {.n = 0};

    memset(a, 0, sizeof(double) * YIR_N);
    memset(b, 0, sizeof(double) * YIR_N);
    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int status = yir_status(&seen, ssc_project_status(p, row));
        ssc_date start = ssc_project_start(p, row), end = ssc_project_end(p, row);
        yir_add(p, row, now, status, start, end, a);
        yir_add(p, row, before, status, start, end, b);
    }
}

/* "2024", or "2024-07-01 – 2025-06-30" when the period is not a year;
 * in Chinese "2024年", "2024年7月1日—2025年6月30日" (the edition's dash
 * for every range). */
static void yir_period_name(const ssc_period *per, int zh, char *buf, size_t len)
{
    if (per->year)
        snprintf(buf, len, zh ? "%d年" : "%d", per->year);
    else if (zh)
        snprintf(buf, len, "%d年%d月%d日\u2014%d年%d月%d日", per->from.year, per->from.month,
                 per->from.day, per->to.year, per->to.month, per->to.day);
    else
        snprintf(buf, len, "%04d-%02d-%02d \u2013 %04d-%02d-%02d", per->from.year,
                 per->from.month, per->from.day, per->to.year, per->to.month, per->to.day);
}

static int yir_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                       ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    ssc_period now = ssc_section_period(s), before = ssc_section_previous_period(s);
    double a[YIR_N], b[YIR_N];
    char name_now[64], name_before[64], note[1024], undated[160];

    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    if (!now.from.year) /* no period: no shown project has a start date */
        return ssc_table_set_note(out, zh ? "所显示的项目均无开始日期，无法确定报告期。"
                                          : "No shown project has a start date, so the report "
                                            "has no period to review.")
                   ? ssc_error_set(err, "out of memory")
                   : SSC_OK;
    yir_period_name(&now, zh, name_now, sizeof name_now);
    yir_period_name(&before, zh, name_before, sizeof name_before);
    int c0 = ssc_table_add_column(out, "period", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    int c1 = ssc_table_add_column(out, "previous", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT);
    if (c0 < 0 || c1 < 0 || ssc_table_set_column_title(out, c0, name_now) ||
        ssc_table_set_column_title(out, c1, name_before))
        return ssc_error_set(err, "out of memory");
    yir_count(p, &now, &before, a, b);
    for (int i = 0; i < YIR_N; i++) {
        int row = ssc_table_row(out, yir_rows[i].key);
        if (row < 0 || ssc_table_set_label(out, row, zh ? yir_rows[i].zh : yir_rows[i].en) ||
            ssc_table_add_to(out, row, c0, a[i]) || ssc_table_add_to(out, row, c1, b[i]))
            return ssc_error_set(err, "out of memory");
    }
    if (a[YIR_UNDATED] == 0)
        snprintf(undated, sizeof undated, "%s",
                 zh ? "所有项目均提供了所需日期。" : "Every project gives the dates needed.");
    else if (zh)
        snprintf(undated, sizeof undated, "%.0f个项目缺少所需日期，计为“未提供日期”。",
                 a[YIR_UNDATED]);
    else
        snprintf(undated, sizeof undated,
                 "%.0f project%s lacking the dates needed %s counted as \"date not given\".",
                 a[YIR_UNDATED], a[YIR_UNDATED] == 1 ? "" : "s", a[YIR_UNDATED] == 1 ? "is" : "are");
    if (zh)
        snprintf(note, sizeof note,
                 "报告期为%s，比较期为%s。启动：开始日期在期内；完成：状态为已完成且结束日期在期内；"
                 "期末在实施：期末前已启动且期末时尚未结束（结束日期在期末之后，或未提供结束日期且状态为"
                 "实施中或暂停）；储备项目不计。只给出年份或月份的日期按其第一天计。%s",
                 name_now, name_before, undated);
    else
        snprintf(note, sizeof note,
                 "The period is %s, compared with %s. Started: start date in the period; "
                 "completed: status completed and end date in it; ongoing at its end: started "
                 "by its last day and not ended by then (an end date after it, or none given and "
                 "status ongoing or suspended); pipeline projects never count. A date given as a "
                 "year or month counts from its first day. %s",
                 name_now, name_before, undated);
    return ssc_table_set_note(out, note) ? ssc_error_set(err, "out of memory") : SSC_OK;
}

#define YIR_TILE_H 112.0
#define YIR_GAP 14.0

static double yir_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    (void)c;
    (void)s;
    (void)w;
    return ssc_table_rows(t) ? 10.0 + 2 * (YIR_TILE_H + YIR_GAP) : 10.0;
}

/* "+6 since 2024" / "较2024年增加6个"; money with its unit. */
static void yir_change(ssc_canvas *c, const ssc_section *s, int money, double now, double before,
                       char *buf, size_t len)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    ssc_period prev = ssc_section_previous_period(s);
    double d = now - before;
    char since[64], amount[96];

    if (prev.year)
        snprintf(since, sizeof since, zh ? "%d年" : "%d", prev.year);
    else
        snprintf(since, sizeof since, zh ? "上一期" : "the previous period");
    snprintf(amount, sizeof amount, "%s",
             ssc_canvas_format(c, fabs(d), money ? SSC_UNIT_USD : SSC_UNIT_COUNT));
    if (d == 0)
        snprintf(buf, len, zh ? "与%s持平" : "no change since %s", since);
    else if (zh)
        snprintf(buf, len, "较%s%s%s%s", since, d > 0 ? "增加" : "减少", amount,
                 money ? "" : "个");
    else
        snprintf(buf, len, "%s%s since %s", d > 0 ? "+" : "\u2212", amount, since);
}

/* Four tiles, two by two: the figure of the period, its label, its change. */
static int yir_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    double tile_w = (area.w - YIR_GAP) / 2;
    unsigned long accent = ssc_canvas_palette(c, 0);
    (void)err;

    for (size_t i = 0; i < ssc_table_rows(t) && i < YIR_UNDATED; i++) {
        ssc_box tile = {area.x + (double)(i % 2) * (tile_w + YIR_GAP),
                        area.y + 10 + (double)(i / 2) * (YIR_TILE_H + YIR_GAP), tile_w,
                        YIR_TILE_H};
        int money = strcmp(ssc_table_key(t, i), "budget_started") == 0;
        double v = ssc_table_number(t, i, 0), prev = ssc_table_number(t, i, 1);
        ssc_text_style big = {.size = 28, .bold = 1, .colour = accent, .max_lines = 1};
        ssc_text_style label = {.size = 11, .max_lines = 2};
        ssc_text_style change = {.size = 10, .bold = 1, .colour = 0x555555, .max_lines = 1};
        char figure[96], line[192];

        if (tile.y + tile.h > area.y + area.h)
            break;
        ssc_canvas_fill(c, tile, 0xF3F6F9);
        ssc_canvas_fill(c, (ssc_box){tile.x, tile.y, 4, tile.h}, accent);
        /* the engine's one money format per language ("US$122 million",
         * "1.2亿美元"), as the key figures write it */
        snprintf(figure, sizeof figure, "%s",
                 ssc_canvas_format(c, v, money ? SSC_UNIT_USD : SSC_UNIT_COUNT));
        yir_change(c, s, money, v, prev, line, sizeof line);
        ssc_box inner = {tile.x + 20, tile.y + 14, tile.w - 32, tile.h - 20};
        /* a wide figure gets a smaller size, whole on its line, never cut */
        big.max_lines = 0;
        for (double size = 28; size >= 14; size -= 2) {
            big.size = size;
            if (ssc_canvas_text_height(c, inner.w, figure, &big) < size * 1.6)
                break;
        }
        big.max_lines = 1;
        inner.y += ssc_canvas_text(c, inner, figure, &big) + 4;
        inner.y += ssc_canvas_text(c, inner, ssc_table_label(t, i), &label) + 4;
        ssc_canvas_text(c, inner, line, &change);
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(year_in_review, "year-in-review",
                  .summary = "The reporting period against the one before: projects started, "
                             "completed, ongoing at its end, budget started",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .compute = yir_compute,
                  .render = yir_render,
                  .measure = yir_measure);
