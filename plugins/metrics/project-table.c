/* SPDX-License-Identifier: MIT */
/* The project list: id, title, lead institution, countries (by name),
 * start year, status and budget, most recent first unless the report
 * chooses another order, cut to its limit.  The line under the table says
 * how many of how many it shows, and in which order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option project_table_options[] = {
    {.name = "sort",
     .type = SSC_OPTION_STRING,
     .choices = "recent|id|title|start|budget|lead",
     .help = "order of the rows (recent, the default: latest start first; budget: largest "
             "first; start: earliest first)"},
    {.name = "limit",
     .type = SSC_OPTION_INT,
     .min = 0,
     .max = 1000000,
     .help = "show at most this many projects (0: all)"},
    {.name = NULL},
};

typedef struct project_row {
    size_t row;
    const char *text; /* id, title or lead */
    double number;    /* start (as YYYYMMDD) or budget */
} project_row;

static int project_cmp_text(const void *a, const void *b)
{
    const project_row *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    return c ? c : (x->row < y->row ? -1 : x->row > y->row);
}

static int project_cmp_number(const void *a, const void *b)
{
    const project_row *x = a, *y = b;
    if (x->number != y->number)
        return x->number < y->number ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* The sort key of row i. */
static void project_fill(const ssc_portfolio *p, const char *sort, size_t i, project_row *r)
{
    double usd;
    ssc_date d;

    switch (sort[0]) {
    case 't': r->text = ssc_project_title(p, i); break;
    case 'l': r->text = ssc_project_lead(p, i); break;
    case 'b': r->number = ssc_project_budget(p, i, &usd) ? -usd : INFINITY; break;
    case 's': /* no start date (year 0) sorts last, as no budget does */
        d = ssc_project_start(p, i);
        r->number = d.year ? d.year * 10000.0 + d.month * 100.0 + d.day : INFINITY;
        break;
    case 'r': /* recent: latest first; no start date last */
        d = ssc_project_start(p, i);
        r->number = d.year ? -(d.year * 10000.0 + d.month * 100.0 + d.day) : INFINITY;
        break;
    default: r->text = ssc_project_id(p, i); break;
    }
}

/* A heap of rows[0..n) with the row that sorts last at the top. */
static void project_heap_push(project_row *h, size_t n, project_row r,
                              int (*cmp)(const void *, const void *))
{
    size_t i = n;
    while (i > 0 && cmp(&h[(i - 1) / 2], &r) < 0) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = r;
}

/* Puts r in place of the top of the full heap h[0..n). */
static void project_heap_replace(project_row *h, size_t n, project_row r,
                                 int (*cmp)(const void *, const void *))
{
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && cmp(&h[c], &h[c + 1]) < 0)
            c++;
        if (cmp(&h[c], &r) <= 0)
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = r;
}

/* Countries by name, "Viet Nam; Sri Lanka" ("越南、斯里兰卡": Chinese lists
 * take the enumeration comma), into buf; false when they do not fit (the
 * caller's buffer is sized for every country there is). */
static int project_countries(const ssc_portfolio *p, const ssc_section *s, size_t row,
                             char *buf, size_t len)
{
    ssc_strings c = ssc_project_countries(p, row);
    const char *sep = strcmp(ssc_section_language(s), "zh") == 0 ? "\u3001" : "; ";
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < c.count; k++) {
        const char *name = ssc_section_label(s, SSC_KEY_COUNTRY, c.items[k]);
        int n = snprintf(buf + used, len - used, "%s%s", k ? sep : "", name);
        if (n < 0 || (size_t)n >= len - used)
            return 0;
        used += (size_t)n;
    }
    return 1;
}

/* The line under the table: how many of how many, in which order. */
static void project_note(char *buf, size_t len, const char *sort, size_t shown, size_t n, int zh)
{
    static const struct {
        const char *sort, *en, *zh;
    } orders[] = {
        {"recent", "most recent first", "按开始时间由近及远排列"},
        {"start", "earliest first", "按开始时间由远及近排列"},
        {"budget", "largest budget first", "按预算由大到小排列"},
        {"id", "by project id", "按项目编号排列"},
        {"title", "by title", "按标题排列"},
        {"lead", "by lead institution", "按牵头机构排列"},
    };
    const char *en = "", *zhs = "";
    char all[32], some[32]; /* "9,215": the counts grouped as every number the report writes */
    ssc_format_value(all, sizeof all, (double)n, SSC_UNIT_COUNT, zh ? "zh" : "en");
    ssc_format_value(some, sizeof some, (double)shown, SSC_UNIT_COUNT, zh ? "zh" : "en");
    for (size_t i = 0; i < sizeof orders / sizeof *orders; i++)
        if (strcmp(orders[i].sort, sort) == 0) {
            en = orders[i].en;
            zhs = orders[i].zh;
        }
    if (zh && shown < n)
        snprintf(buf, len, "共%s个项目，显示其中%s个，%s。", all, some, zhs);
    else if (zh)
        snprintf(buf, len, "全部%s个项目，%s。", all, zhs);
    else if (shown < n)
        snprintf(buf, len, "%s of %s projects, %s.", some, all, en);
    else
        snprintf(buf, len, "All %s project%s, %s.", all, n == 1 ? "" : "s", en);
}

static int project_table_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                                 ssc_error *err)
{
    const char *sort = ssc_section_option_string(s, "sort");
    long limit = ssc_section_option_int(s, "limit", 0);
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t n = ssc_portfolio_count(p), shown;
    project_row *rows;
    char countries[16384], year[16], note[256];
    double usd;

    if (!sort)
        sort = "recent";
    int by_number = !strcmp(sort, "budget") || !strcmp(sort, "start") ||
                    !strcmp(sort, "recent");
    int (*cmp)(const void *, const void *) = by_number ? project_cmp_number : project_cmp_text;
    shown = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
    /* only the rows shown are kept: a heap of the shown best so far, its
     * worst at the top, so that a million projects cut to 200 cost a pass
     * and not a sort of all of them */
    rows = malloc((shown ? shown : 1) * sizeof *rows);
    if (!rows)
        return ssc_error_set(err, "out of memory");
    for (size_t i = 0, kept = 0; i < n && shown; i++) {
        project_row r = {.row = i};
        project_fill(p, sort, i, &r);
        if (shown == n)
            rows[i] = r; /* all are shown: the sort below is all there is to do */
        else if (kept < shown)
            project_heap_push(rows, kept++, r, cmp);
        else if (cmp(&r, &rows[0]) < 0)
            project_heap_replace(rows, shown, r, cmp);
    }
    qsort(rows, shown, sizeof *rows, cmp);

    ssc_table_set_key_kind(out, SSC_KEY_PROJECT);
    int c_lead = ssc_table_add_column(out, "lead_institution", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    int c_countries = ssc_table_add_column(out, "countries", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    int c_start = ssc_table_add_column(out, "start_year", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    int c_status = ssc_table_add_column(out, "status", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    int c_budget = ssc_table_add_column(out, "budget_usd", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    int bad = c_lead < 0 || c_countries < 0 || c_start < 0 || c_status < 0 || c_budget < 0;
    if (!bad) {
        ssc_table_set_column_title(out, c_lead, zh ? "牵头机构" : "Lead institution");
        ssc_table_set_column_title(out, c_countries, zh ? "国家" : "Countries");
        ssc_table_set_column_title(out, c_start, zh ? "开始年份" : "Start");
        ssc_table_set_column_title(out, c_status, zh ? "状态" : "Status");
        ssc_table_set_column_title(out, c_budget, zh ? "预算" : "Budget");
    }
    for (size_t i = 0; i < shown && !bad; i++) {
        size_t r = rows[i].row;
        int t = ssc_table_row(out, ssc_project_id(p, r));
        if (t < 0) {
            bad = 1;
            break;
        }
        if (!project_countries(p, s, r, countries, sizeof countries)) {
            free(rows);
            return ssc_error_set(err, "project %s: its countries' names are too long",
                                 ssc_project_id(p, r));
        }
        int y = ssc_project_start(p, r).year;
        if (y)
            snprintf(year, sizeof year, "%d", y);
        else
            year[0] = '\0';
        /* the Chinese edition's names where the portfolio gives them */
        bad |= ssc_table_set_label(out, t, ssc_project_title_in(p, r, ssc_section_language(s))) ||
               ssc_table_set_text(out, t, c_start, year) ||
               ssc_table_set_text(out, t, c_lead,
                                  ssc_project_lead_in(p, r, ssc_section_language(s))) ||
               ssc_table_set_text(out, t, c_countries, countries) ||
               ssc_table_set_text(out, t, c_status, ssc_section_label(s, SSC_KEY_STATUS,
                                                                     ssc_project_status(p, r))) ||
               ssc_table_add_to(out, t, c_budget,
                                ssc_project_budget(p, r, &usd) ? usd : (double)NAN);
    }
    free(rows);
    if (bad)
        return ssc_error_set(err, "out of memory");
    project_note(note, sizeof note, sort, shown, n, zh);
    if (ssc_table_set_note(out, note) != SSC_OK)
        return ssc_error_set(err, "out of memory");
    return SSC_OK;
}

SSC_METRIC_PLUGIN(project_table, "project-table",
                  .summary = "The list of projects: id, title, lead, countries, start year, "
                             "status, budget",
                  .version = "1.0",
                  .default_chart = SSC_CHART_TABLE,
                  .options = project_table_options,
                  .compute = project_table_compute);
