/* SPDX-License-Identifier: MIT */
/* Tables: the label column, then every column of the metric.  A bold header
 * on a tinted band, repeated on every page; zebra rows; numbers
 * right-aligned in the report's format; text wrapped to two lines at most.
 * Column widths follow the content, measured with Pango, and are the same
 * on every page because they are measured over the same rows each time. */
#include "draw/charts/kinds.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_MEASURE_ROWS 200 /* rows whose content sets the column widths */
#define TABLE_WORD_SHARE 0.3   /* a word wider than this share of the table may break */
#define TABLE_HEADER_RULE 0.8
#define TABLE_END_RULE 0.5
#define TABLE_HEADER_TINT 0.12 /* share of the accent colour in the header band */

typedef struct table_layout {
    size_t ncol; /* the label column plus the table's columns */
    double *w;   /* width of each column, points */
    double *least; /* its widest word (numbers: widest cell) */
    ssc_text_style body, head;
    double line_h;
} table_layout;

static const char *const table_key_names_en[] = {"Name", "Region", "Sector", "SDG",
                                                  "Year", "Country", "Status", "Project"};
/* 名称 地区 领域 可持续发展目标 年份 国家 状态 项目 */
static const char *const table_key_names_zh[] = {
    "\u540d\u79f0",
    "\u5730\u533a",
    "\u9886\u57df",
    "\u53ef\u6301\u7eed\u53d1\u5c55\u76ee\u6807",
    "\u5e74\u4efd",
    "\u56fd\u5bb6",
    "\u72b6\u6001",
    "\u9879\u76ee"};

static int table_is_number(const ssc_table *t, size_t j)
{
    return j > 0 && ssc_table_column_type(t, j - 1) == SSC_COLUMN_NUMBER;
}

static const char *table_header(const ssc_canvas *c, const ssc_table *t, size_t j)
{
    size_t k;
    if (j > 0)
        return ssc_table_column_title(t, j - 1);
    k = (size_t)ssc_table_key_kind(t);
    if (k >= sizeof table_key_names_en / sizeof table_key_names_en[0])
        k = 0;
    return strncmp(c->lang, "zh", 2) == 0 ? table_key_names_zh[k] : table_key_names_en[k];
}

/* The text of a cell; numbers are formatted into buf. */
static const char *table_cell(ssc_canvas *c, const ssc_table *t, size_t r, size_t j, char *buf,
                              size_t len)
{
    if (j == 0)
        return ssc_table_label(t, r);
    if (table_is_number(t, j))
        return ssc_format_number(buf, len, ssc_table_number(t, r, j - 1),
                                 ssc_table_column_unit(t, j - 1), c->lang);
    return ssc_table_text(t, r, j - 1);
}

/* The least and the natural width of column j (padding included): the
 * widest word, so that words never break, and the widest unwrapped cell.
 * A number never wraps, so its least width is its natural width. */
static void table_measure_column(ssc_canvas *c, const ssc_table *t, const table_layout *L,
                                 size_t j, double width, double *least, double *nat)
{
    size_t rows = ssc_table_rows(t);
    size_t nmeasure = rows < TABLE_MEASURE_ROWS ? rows : TABLE_MEASURE_ROWS;
    int number = table_is_number(t, j);
    char buf[96];
    double w;

    ssc_text_measure(c, table_header(c, t, j), &L->head, 0.0, nat, NULL);
    *least = ssc_text_widest_word(c, table_header(c, t, j), &L->head);
    for (size_t r = 0; r < nmeasure; r++) {
        const char *text = table_cell(c, t, r, j, buf, sizeof buf);
        ssc_text_measure(c, text, &L->body, 0.0, &w, NULL);
        *nat = fmax(*nat, w);
        w = number ? w : ssc_text_widest_word(c, text, &L->body);
        *least = fmax(*least, w);
    }
    *nat = ceil(*nat) + 1.0 + 2.0 * SSC_TABLE_PAD_X;
    /* a very long word (a URL) may break rather than starve the others */
    *least = fmin(ceil(*least) + 1.0 + 2.0 * SSC_TABLE_PAD_X,
                  number ? *nat : width * TABLE_WORD_SHARE);
}

/* Widths as a browser lays out an automatic table: everything at its
 * natural width when that fits, the spare room going to the wrapping
 * columns; else every column at least its widest word, the rest shared in
 * proportion to how much each would still like; else scaled down. */
static void table_widths(ssc_canvas *c, const ssc_table *t, table_layout *L, double width)
{
    double sum_nat = 0.0, sum_least = 0.0, sum_flex = 0.0;

    for (size_t j = 0; j < L->ncol; j++) {
        table_measure_column(c, t, L, j, width, &L->least[j], &L->w[j]);
        sum_nat += L->w[j];
        sum_least += L->least[j];
        if (!table_is_number(t, j))
            sum_flex += L->w[j];
    }
    if (sum_nat <= width) {
        for (size_t j = 0; j < L->ncol; j++)
            if (!table_is_number(t, j) && sum_flex > 0.0)
                L->w[j] += (width - sum_nat) * L->w[j] / sum_flex;
    } else if (sum_least <= width) {
        double want = sum_nat - sum_least;
        for (size_t j = 0; j < L->ncol; j++)
            L->w[j] = L->least[j] + (width - sum_least) * (L->w[j] - L->least[j]) / want;
    } else {
        for (size_t j = 0; j < L->ncol; j++)
            L->w[j] = L->least[j] * width / sum_least;
    }
}

static int table_layout_init(ssc_canvas *c, const ssc_table *t, table_layout *L, double width,
                             ssc_error *err)
{
    memset(L, 0, sizeof *L);
    L->ncol = ssc_table_columns(t) + 1;
    L->w = calloc(2 * L->ncol, sizeof *L->w);
    if (!L->w)
        return ssc_error_oom(err);
    L->least = L->w + L->ncol;
    L->body = ssc_chart_style(c, SSC_TABLE_SIZE, 0);
    L->head = L->body;
    L->head.bold = 1;
    L->head.colour = c->theme->heading;
    ssc_text_measure(c, "Ag", &L->body, 0.0, NULL, &L->line_h);
    table_widths(c, t, L, width);
    return SSC_OK;
}

/* Height of one row (r == (size_t)-1: the header): every line of the
 * tallest cell at the table's line height, plus padding. */
static double table_row_height(ssc_canvas *c, const ssc_table *t, const table_layout *L, size_t r)
{
    int lines = 1;
    char buf[96];
    for (size_t j = 0; j < L->ncol; j++) {
        int header = r == (size_t)-1;
        if (!header && table_is_number(t, j))
            continue; /* numbers never wrap */
        ssc_text_style st = header ? L->head : L->body;
        st.max_lines = SSC_TABLE_MAX_LINES;
        const char *text = header ? table_header(c, t, j) : table_cell(c, t, r, j, buf, sizeof buf);
        PangoLayout *pl = ssc_text_layout(c, text, &st, L->w[j] - 2.0 * SSC_TABLE_PAD_X);
        int n = pango_layout_get_line_count(pl);
        if (n > lines)
            lines = n;
    }
    if (lines > SSC_TABLE_MAX_LINES)
        lines = SSC_TABLE_MAX_LINES;
    return lines * L->line_h + 2.0 * SSC_TABLE_PAD_Y;
}

/* Draws one row's cells from (x, y); r == (size_t)-1 draws the header. */
static void table_row_draw(ssc_canvas *c, const ssc_table *t, const table_layout *L, size_t r,
                           double x, double y)
{
    char buf[96];
    int header = r == (size_t)-1;
    for (size_t j = 0; j < L->ncol; j++) {
        ssc_text_style st = header ? L->head : L->body;
        const char *text = header ? table_header(c, t, j) : table_cell(c, t, r, j, buf, sizeof buf);
        double inner = L->w[j] - 2.0 * SSC_TABLE_PAD_X;
        if (table_is_number(t, j)) {
            st.align = SSC_ALIGN_END;
            if (header)
                st.max_lines = SSC_TABLE_MAX_LINES;
        } else {
            st.max_lines = SSC_TABLE_MAX_LINES;
        }
        if (inner > 0.0)
            ssc_text_draw_at(c, x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, inner, text, &st);
        x += L->w[j];
    }
}

static unsigned long table_tint(unsigned long rgb, double share)
{
    unsigned long out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double ch = (double)((rgb >> shift) & 0xFF);
        unsigned long v = (unsigned long)lround(255.0 - (255.0 - ch) * share);
        out |= (v & 0xFF) << shift;
    }
    return out;
}

double ssc_chart_table_height(ssc_canvas *c, const ssc_table *t, double w)
{
    table_layout L;
    double h;
    size_t rows = ssc_table_rows(t);

    if (table_layout_init(c, t, &L, w, NULL) != SSC_OK)
        return 0.0;
    h = table_row_height(c, t, &L, (size_t)-1);
    if (rows == 0)
        h += L.line_h + 2.0 * SSC_TABLE_PAD_Y;
    for (size_t r = 0; r < rows; r++)
        h += table_row_height(c, t, &L, r);
    free(L.w);
    return h;
}

/* Draws the header, then rows from first while they fit; returns the row
 * after the last one drawn and stores the bottom edge in *bottom. */
static size_t table_draw_rows(ssc_canvas *c, const ssc_table *t, const table_layout *L,
                              size_t first, size_t rows, double header_h, double *bottom)
{
    const ssc_box b = c->box;
    size_t r;
    double y = b.y + header_h;

    ssc_canvas_fill(c, (ssc_box){b.x, b.y, b.w, header_h},
                    table_tint(c->theme->accent, TABLE_HEADER_TINT));
    table_row_draw(c, t, L, (size_t)-1, b.x, b.y);
    if (rows == 0) {
        ssc_text_style st = L->body;
        st.colour = c->theme->muted;
        ssc_text_draw_at(c, b.x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, 0.0,
                         strncmp(c->lang, "zh", 2) == 0 ? "\u65e0\u6570\u636e" : "No data", &st);
        y += L->line_h + 2.0 * SSC_TABLE_PAD_Y;
    }
    for (r = first; r < rows; r++) {
        double rh = table_row_height(c, t, L, r);
        if (y + rh > b.y + b.h + 1e-6)
            break;
        if (r % 2 == 1)
            ssc_canvas_fill(c, (ssc_box){b.x, y, b.w, rh}, c->theme->band);
        table_row_draw(c, t, L, r, b.x, y);
        y += rh;
    }
    ssc_canvas_line(c, b.x, b.y + header_h, b.x + b.w, b.y + header_h, TABLE_HEADER_RULE,
                    c->theme->accent);
    ssc_canvas_line(c, b.x, y, b.x + b.w, y, TABLE_END_RULE, c->theme->muted);
    *bottom = y;
    return r;
}

int ssc_chart_table(ssc_canvas *c, const ssc_table *t, size_t first, size_t *next, double *used,
                    ssc_error *err)
{
    return ssc_chart_table_range(c, t, first, t ? ssc_table_rows(t) : 0, next, used, err);
}

int ssc_chart_table_range(ssc_canvas *c, const ssc_table *t, size_t first, size_t end,
                          size_t *next, double *used, ssc_error *err)
{
    table_layout L;
    size_t rows;
    double header_h, first_h, bottom = 0.0;
    cairo_status_t status;

    if (!c || !c->cr || !t || !next)
        return ssc_error_set(err, "cannot draw a table: no canvas, table or result");
    rows = ssc_table_rows(t);
    if (end < rows)
        rows = end;
    *next = first < rows ? first : rows;
    if (used)
        *used = 0.0;
    if (first >= rows && rows > 0)
        return SSC_OK;
    if (c->box.w <= 0.0 || c->box.h <= 0.0)
        return SSC_OK;
    if (table_layout_init(c, t, &L, c->box.w, err) != SSC_OK)
        return SSC_ERR;

    header_h = table_row_height(c, t, &L, (size_t)-1);
    first_h = rows > 0 ? table_row_height(c, t, &L, first) : L.line_h + 2.0 * SSC_TABLE_PAD_Y;
    /* Not even the header and one row: draw nothing, so the caller moves
     * the table to the next page instead of leaving an orphan header. */
    if (header_h + first_h > c->box.h + 1e-6) {
        free(L.w);
        return SSC_OK;
    }

    cairo_save(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
    *next = table_draw_rows(c, t, &L, first, rows, header_h, &bottom);
    cairo_restore(c->cr);
    free(L.w);

    if (used)
        *used = bottom - c->box.y;
    status = cairo_status(c->cr);
    if (status != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "drawing the table failed: %s", cairo_status_to_string(status));
    return SSC_OK;
}

int ssc_chart_table_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err)
{
    size_t next = 0;
    double used = 0.0;
    int rc = ssc_chart_table(c, t, 0, &next, &used, err);

    if (rc == SSC_OK && next < ssc_table_rows(t))
        rc = ssc_error_set(err,
                           "only %zu of the table's %zu rows fit in the box; "
                           "long tables must be drawn page by page with ssc_chart_table",
                           next, ssc_table_rows(t));
    return rc;
}
