/* SPDX-License-Identifier: MIT */
/* The project list: id, title, lead institution, countries, status and
 * budget, sorted by the report's choice and cut to its limit. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option project_table_options[] = {
    {.name = "sort",
     .type = SSC_OPTION_STRING,
     .choices = "id|title|start|budget|lead",
     .help = "order of the rows (budget: largest first; start: earliest first)"},
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

/* Countries as "VNM; LKA" into buf. */
static void project_countries(const ssc_portfolio *p, size_t row, char *buf, size_t len)
{
    ssc_strings c = ssc_project_countries(p, row);
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < c.count && used + 8 < len; k++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", k ? "; " : "", c.items[k]);
}

static int project_table_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                                 ssc_error *err)
{
    const char *sort = ssc_section_option_string(s, "sort");
    long limit = ssc_section_option_int(s, "limit", 0);
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    size_t n = ssc_portfolio_count(p), shown;
    project_row *rows;
    char countries[1024];
    double usd;

    if (!sort)
        sort = "id";
    int by_number = !strcmp(sort, "budget") || !strcmp(sort, "start");
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
    int c_status = ssc_table_add_column(out, "status", SSC_COLUMN_TEXT, SSC_UNIT_COUNT);
    int c_budget = ssc_table_add_column(out, "budget_usd", SSC_COLUMN_NUMBER, SSC_UNIT_USD);
    int bad = c_lead < 0 || c_countries < 0 || c_status < 0 || c_budget < 0;
    if (!bad) {
        ssc_table_set_column_title(out, c_lead, zh ? "牵头机构" : "Lead institution");
        ssc_table_set_column_title(out, c_countries, zh ? "国家" : "Countries");
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
        project_countries(p, r, countries, sizeof countries);
        /* the Chinese edition's names where the portfolio gives them */
        bad |= ssc_table_set_label(out, t, ssc_project_title_in(p, r, ssc_section_language(s))) ||
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
    if (shown < n) {
        char note[160];
        snprintf(note, sizeof note,
                 zh ? "显示 %zu 个项目，共 %zu 个。" : "Showing %zu of %zu projects.", shown, n);
        ssc_table_set_note(out, note);
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(project_table, "project-table",
                  .summary = "The list of projects: id, title, lead, countries, status, budget",
                  .version = "1.0",
                  .default_chart = SSC_CHART_TABLE,
                  .options = project_table_options,
                  .compute = project_table_compute);
