/* SPDX-License-Identifier: MIT */
/* Tables: the label column, then every column of the metric.  A bold header
 * on a tinted band, repeated on every page; zebra rows; numbers
 * right-aligned in the report's format; text wrapped over as many lines as
 * it needs, never cut.
 *
 * A table is laid out once (a plan): the column widths from one pass over
 * the rows that measures with Pango only the few widest candidates of each
 * column, and each row's height when it is first needed.  Every page, and
 * both passes of the document, then reuse the plan, so a table of N rows
 * costs O(N) however many pages it takes. */
#include "draw/charts/kinds.h"
#include "draw/charts/table_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_HEADER_RULE 0.8
#define TABLE_END_RULE 0.5
#define TABLE_HEADER_TINT 0.12 /* share of the accent colour in the header band */

/* ---- heights ---------------------------------------------------------------- */

/* Lines text takes in column j. */
static int table_lines(ssc_canvas *c, ssc_table_plan *P, const char *text, size_t j,
                       const ssc_text_style *st, int header)
{
    return pango_layout_get_line_count(ssc_table_cache_layout(c, P, text, j, st, header));
}

/* The advance of ASCII character ch in the body style, measured once. */
static double table_advance(ssc_canvas *c, ssc_table_plan *P, unsigned char ch)
{
    if (P->adv[ch] < 0.0) {
        char one[2] = {(char)ch, '\0'};
        PangoLayout *pl = ssc_text_layout(c, one, &P->body, 0.0);
        PangoRectangle logical;
        pango_layout_get_extents(pl, NULL, &logical);
        /* a font without ASCII never takes the short cut */
        P->adv[ch] = pango_layout_get_unknown_glyphs_count(pl) > 0
                         ? 1e9
                         : pango_units_to_double(logical.width);
    }
    return P->adv[ch];
}

/* 1 when text surely takes one line in column j: plain ASCII whose summed
 * advances, with a margin for kerning, fit.  Most cells of a long table
 * (ids, statuses, short names) then need no shaping to be measured; the
 * rest go through Pango. */
static int table_one_line(ssc_canvas *c, ssc_table_plan *P, const char *text, size_t j)
{
    double inner = P->w[j] - 2.0 * SSC_TABLE_PAD_X, sum = 0.0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p >= 0x7F)
            return 0;
        sum += table_advance(c, P, *p);
        if (sum * 1.02 + 0.5 > inner)
            return 0;
    }
    return 1;
}

/* Height of one row (r == (size_t)-1: the header): every line of the
 * tallest cell at the table's line height, plus padding. */
static double table_measure_row(ssc_canvas *c, ssc_table_plan *P, size_t r)
{
    const ssc_table *t = P->t;
    int header = r == (size_t)-1, lines = 1;
    char buf[96];

    for (size_t j = 0; j < P->ncol; j++) {
        if (!header && ssc_table_plan_is_number(t, j))
            continue; /* numbers never wrap */
        const char *text = header ? ssc_table_plan_header(c, t, j) : ssc_table_plan_cell(c, t, r, j, buf, sizeof buf);
        if (!text[0] || (!header && table_one_line(c, P, text, j)))
            continue;
        int n = table_lines(c, P, text, j, header ? &P->head : &P->body, header);
        if (n > lines)
            lines = n;
    }
    return lines * P->line_h + 2.0 * SSC_TABLE_PAD_Y;
}

static double table_row_height(ssc_canvas *c, ssc_table_plan *P, size_t r)
{
    if (P->row_h[r] <= 0.0)
        P->row_h[r] = table_measure_row(c, P, r);
    return P->row_h[r];
}

int ssc_table_plan_new(ssc_canvas *c, const ssc_table *t, size_t rows, double width, int blocks,
                       ssc_table_plan **out, ssc_error *err)
{
    ssc_table_plan *P;

    *out = NULL;
    if (!c || !t)
        return ssc_error_set(err, "cannot lay out a table: no canvas or table");
    P = calloc(1, sizeof *P);
    if (!P)
        return ssc_error_oom(err);
    P->t = t;
    P->rows = rows < ssc_table_rows(t) ? rows : ssc_table_rows(t);
    P->width = width;
    P->asked = blocks < 0 ? 1 : blocks > SSC_TABLE_BLOCKS_MAX ? SSC_TABLE_BLOCKS_MAX : blocks;
    P->ncol = ssc_table_columns(t) + 1;
    P->w = calloc(5 * P->ncol, sizeof *P->w);
    P->row_h = calloc(P->rows ? P->rows : 1, sizeof *P->row_h);
    if (!P->w || !P->row_h) {
        ssc_table_plan_free(P);
        return ssc_error_oom(err);
    }
    P->least = P->w + P->ncol;
    P->nat = P->least + P->ncol;
    P->word = P->nat + P->ncol;
    P->head_word = P->word + P->ncol;
    for (size_t k = 0; k < 128; k++)
        P->adv[k] = -1.0;
    P->body = ssc_chart_style(c, SSC_TABLE_SIZE, 0);
    P->head = P->body;
    P->head.bold = 1;
    P->head.colour = c->theme->heading;
    ssc_text_measure(c, "Ag", &P->body, 0.0, NULL, &P->line_h);
    ssc_table_plan_layout(c, P);
    P->header_h = table_measure_row(c, P, (size_t)-1);
    *out = P;
    return SSC_OK;
}

void ssc_table_plan_free(ssc_table_plan *P)
{
    if (!P)
        return;
    ssc_table_cache_free(P->cache);
    free(P->w);
    free(P->row_h);
    free(P);
}

int ssc_table_plan_fits(const ssc_table_plan *P, const ssc_table *t, size_t rows, double width,
                        int blocks)
{
    size_t n = t ? ssc_table_rows(t) : 0;
    return P && P->t == t && P->rows == (rows < n ? rows : n) && fabs(P->width - width) < 1e-9 &&
           P->asked == (blocks < 0 ? 1 : blocks > SSC_TABLE_BLOCKS_MAX ? SSC_TABLE_BLOCKS_MAX
                                                                      : blocks);
}

/* ---- drawing ---------------------------------------------------------------- */

/* Draws one cell: the table has clipped to its box already, so a cell
 * needs no clip of its own (one per cell would fill the page's content
 * with clip paths). */
static void table_cell_draw(ssc_canvas *c, ssc_table_plan *P, size_t j, double x, double y,
                            const char *text, const ssc_text_style *st, int header)
{
    PangoLayout *pl = ssc_table_cache_layout(c, P, text, j, st, header);
    ssc_canvas_note(c, pl, text);
    ssc_draw_rgb(c->cr, st->colour ? st->colour : c->theme->text);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, pl);
}

/* Draws one row's cells from (x, y); r == (size_t)-1 draws the header. */
static void table_row_draw(ssc_canvas *c, ssc_table_plan *P, size_t r, double x, double y)
{
    const ssc_table *t = P->t;
    char buf[96];
    int header = r == (size_t)-1;
    for (size_t j = 0; j < P->ncol; j++) {
        ssc_text_style st = header ? P->head : P->body;
        const char *text = header ? ssc_table_plan_header(c, t, j)
                                  : ssc_table_plan_cell(c, t, r, j, buf, sizeof buf);
        double inner = P->w[j] - 2.0 * SSC_TABLE_PAD_X;
        if (ssc_table_plan_is_number(t, j))
            st.align = SSC_ALIGN_END;
        if (inner > 0.0 && text[0])
            table_cell_draw(c, P, j, x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, text, &st, header);
        x += P->w[j];
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
    ssc_table_plan *P;
    double h;
    size_t rows = ssc_table_rows(t);

    if (ssc_table_plan_new(c, t, rows, w, 1, &P, NULL) != SSC_OK)
        return 0.0;
    h = P->header_h;
    if (rows == 0)
        h += P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    for (size_t r = 0; r < rows; r++)
        h += table_row_height(c, P, r);
    ssc_table_plan_free(P);
    return h;
}

/* Draws one block at x, width w: the header, then rows from first while
 * they end above limit; returns the row after the last one drawn and
 * stores the bottom edge in *bottom.  Zebra stripes count from zebra (the
 * table's first row, or the block's, so that blocks side by side look
 * alike).  A canvas that only measures (the document's dry run) draws
 * nothing: the heights are all it needs, and its recording would grow with
 * every page. */
static size_t table_draw_block(ssc_canvas *c, ssc_table_plan *P, size_t first, size_t zebra,
                               double x, double w, double limit, double *bottom)
{
    const double top = c->box.y;
    size_t r;
    double y = top + P->header_h;
    int draw = !c->measuring;

    if (draw) {
        ssc_canvas_fill(c, (ssc_box){x, top, w, P->header_h},
                        table_tint(c->theme->accent, TABLE_HEADER_TINT));
        table_row_draw(c, P, (size_t)-1, x, top);
    }
    if (P->rows == 0) {
        ssc_text_style st = P->body;
        st.colour = c->theme->muted;
        if (draw)
            ssc_text_draw_at(c, x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, 0.0,
                             strncmp(c->lang, "zh", 2) == 0 ? "\u65e0\u6570\u636e" : "No data",
                             &st);
        y += P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    }
    for (r = first; r < P->rows; r++) {
        double rh = table_row_height(c, P, r);
        if (y + rh > limit + 1e-6)
            break;
        if (draw) {
            if ((r - zebra) % 2 == 1)
                ssc_canvas_fill(c, (ssc_box){x, y, w, rh}, c->theme->band);
            table_row_draw(c, P, r, x, y);
        }
        y += rh;
    }
    if (draw) {
        ssc_canvas_line(c, x, top + P->header_h, x + w, top + P->header_h, TABLE_HEADER_RULE,
                        c->theme->accent);
        ssc_canvas_line(c, x, y, x + w, y, TABLE_END_RULE, c->theme->muted);
    }
    *bottom = y;
    return r;
}

/* The rows from first that the blocks hold when each is at most cap tall
 * (its header included), filled one after the other as a dictionary's
 * columns; the tallest block's height in *tallest. */
static size_t table_fill(ssc_canvas *c, ssc_table_plan *P, size_t first, double cap,
                         double *tallest)
{
    size_t r = first;
    *tallest = 0.0;
    for (int b = 0; b < P->blocks && r < P->rows; b++) {
        double y = P->header_h;
        size_t start = r;
        while (r < P->rows && y + table_row_height(c, P, r) <= cap + 1e-6)
            y += table_row_height(c, P, r++);
        if (r == start)
            break;
        *tallest = fmax(*tallest, y);
    }
    return r;
}

/* How tall the blocks on this page are: the room there is while the rest
 * of the table does not fit in it; else the least height that still holds
 * every row left, so that the last page's blocks come out even instead of
 * a full first block beside a short one.  The search looks only at the
 * rows of this page, so a table still costs O(N). */
static double table_block_height(ssc_canvas *c, ssc_table_plan *P, size_t first, double room)
{
    double tallest, lo = P->header_h, hi;

    if (table_fill(c, P, first, room, &tallest) < P->rows)
        return room;
    hi = tallest;
    while (hi - lo > 0.5) {
        double mid = 0.5 * (lo + hi);
        if (table_fill(c, P, first, mid, &tallest) < P->rows)
            lo = mid;
        else
            hi = tallest; /* the blocks' own height, at most mid */
    }
    return hi;
}

double ssc_table_plan_keep(ssc_canvas *c, ssc_table_plan *P, double page)
{
    double sum = 0.0, tallest;
    size_t r;

    if (P->rows == 0)
        return P->header_h + P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    /* the rows' sum first: a table taller than the blocks of half a page
     * is not short, and the search below is not needed */
    for (r = 0; r < P->rows && sum <= page * P->blocks * SSC_TABLE_SHORT; r++)
        sum += table_row_height(c, P, r);
    if (r == P->rows) {
        double whole = P->blocks > 1 ? table_block_height(c, P, 0, 1e12) : P->header_h + sum;
        if (whole <= page * SSC_TABLE_SHORT)
            return whole;
    }
    /* else its header and first rows: never a header with one row under it */
    tallest = P->header_h;
    for (r = 0; r < P->rows && r < SSC_TABLE_KEEP_ROWS; r++)
        tallest += table_row_height(c, P, r);
    return tallest;
}

/* The room one block may fill on this page: all of it, unless the rows
 * left for the next page would be fewer than SSC_TABLE_KEEP_ROWS (a page
 * holding one row and "(continued)"); then this page stops early so that
 * the next gets that many, as long as this one keeps as many itself. */
static double table_widow_room(ssc_canvas *c, ssc_table_plan *P, size_t first, double room)
{
    double tallest, h;
    size_t end = table_fill(c, P, first, room, &tallest), stop;

    if (end >= P->rows || P->rows - end >= SSC_TABLE_KEEP_ROWS)
        return room;
    stop = P->rows - SSC_TABLE_KEEP_ROWS;
    if (stop < first + SSC_TABLE_KEEP_ROWS)
        return room;
    h = P->header_h;
    for (size_t r = first; r < stop; r++)
        h += table_row_height(c, P, r);
    return h;
}

/* Draws rows from first in the box: one table, or blocks side by side;
 * returns the row after the last one drawn, the lowest bottom in *bottom. */
static size_t table_draw_rows(ssc_canvas *c, ssc_table_plan *P, size_t first, double *bottom)
{
    const ssc_box b = c->box;
    double limit, y;
    size_t r = first;

    if (P->blocks <= 1)
        return table_draw_block(c, P, first, 0, b.x, b.w, b.y + table_widow_room(c, P, first, b.h),
                                bottom);
    limit = b.y + table_block_height(c, P, first, b.h);
    *bottom = b.y;
    for (int k = 0; k < P->blocks && (k == 0 || r < P->rows); k++) {
        double x = b.x + k * (P->block_w + SSC_TABLE_BLOCK_GAP);
        size_t next = table_draw_block(c, P, r, r, x, P->block_w, limit, &y);
        *bottom = fmax(*bottom, y);
        if (next == r)
            break;
        r = next;
    }
    return r;
}

int ssc_chart_table_plan(ssc_canvas *c, ssc_table_plan *P, size_t first, size_t *next,
                         double *used, ssc_error *err)
{
    double first_h, bottom = 0.0;
    cairo_status_t status;

    if (!c || !c->cr || !P || !next)
        return ssc_error_set(err, "cannot draw a table: no canvas, plan or result");
    *next = first < P->rows ? first : P->rows;
    if (used)
        *used = 0.0;
    if (first >= P->rows && P->rows > 0)
        return SSC_OK;
    if (c->box.w <= 0.0 || c->box.h <= 0.0)
        return SSC_OK;
    first_h = P->rows > 0 ? table_row_height(c, P, first) : P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    /* Not even the header and one row: draw nothing, so the caller moves
     * the table to the next page instead of leaving an orphan header. */
    if (P->header_h + first_h > c->box.h + 1e-6)
        return SSC_OK;

    cairo_save(c->cr);
    cairo_new_path(c->cr);
    cairo_rectangle(c->cr, c->box.x, c->box.y, c->box.w, c->box.h);
    cairo_clip(c->cr);
    *next = table_draw_rows(c, P, first, &bottom);
    cairo_restore(c->cr);

    if (used)
        *used = bottom - c->box.y;
    status = cairo_status(c->cr);
    if (status != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "drawing the table failed: %s", cairo_status_to_string(status));
    return SSC_OK;
}

int ssc_chart_table(ssc_canvas *c, const ssc_table *t, size_t first, size_t *next, double *used,
                    ssc_error *err)
{
    return ssc_chart_table_range(c, t, first, t ? ssc_table_rows(t) : 0, next, used, err);
}

/* One call, one plan: fine for a page or two; the document keeps its plan
 * for every page of a long table instead. */
int ssc_chart_table_range(ssc_canvas *c, const ssc_table *t, size_t first, size_t end,
                          size_t *next, double *used, ssc_error *err)
{
    ssc_table_plan *P;
    int rc;

    if (!c || !c->cr || !t || !next)
        return ssc_error_set(err, "cannot draw a table: no canvas, table or result");
    if (c->box.w <= 0.0 || c->box.h <= 0.0) {
        size_t rows = end < ssc_table_rows(t) ? end : ssc_table_rows(t);
        *next = first < rows ? first : rows;
        if (used)
            *used = 0.0;
        return SSC_OK;
    }
    if (ssc_table_plan_new(c, t, end, c->box.w, 1, &P, err) != SSC_OK)
        return SSC_ERR;
    rc = ssc_chart_table_plan(c, P, first, next, used, err);
    ssc_table_plan_free(P);
    return rc;
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
