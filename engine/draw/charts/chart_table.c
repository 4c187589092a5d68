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

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_WORD_SHARE 0.3   /* a word wider than this share of the table may break */
#define TABLE_CANDIDATES 6     /* widest-looking cells and words measured per column */
#define TABLE_WORD_MAX 480     /* bytes of one word measured (longer ones break anyway) */
#define TABLE_HEADER_RULE 0.8
#define TABLE_END_RULE 0.5
#define TABLE_HEADER_TINT 0.12 /* share of the accent colour in the header band */

struct ssc_table_plan {
    const ssc_table *t;
    size_t rows;   /* the plan covers rows [0, rows) */
    double width;
    size_t ncol;   /* the label column plus the table's columns */
    double *w;     /* width of each column, points */
    double *least; /* its widest word (numbers: widest cell) */
    double *row_h; /* each row's height; 0 until first needed */
    ssc_text_style body, head;
    double line_h, header_h;
    double adv[128]; /* body advance of each ASCII character; < 0: unknown */
};

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
    const char *s;
    if (j == 0)
        s = ssc_table_label(t, r);
    else if (table_is_number(t, j))
        return ssc_format_number(buf, len, ssc_table_number(t, r, j - 1),
                                 ssc_table_column_unit(t, j - 1), c->lang);
    else
        s = ssc_table_text(t, r, j - 1);
    return s ? s : "";
}

/* ---- choosing what to measure ----------------------------------------------- */

/* The candidates of a column: the strings that look widest, best first.
 * Looks are a cheap estimate (characters weighted by their usual width);
 * only the candidates go through Pango.  A number is kept by its row (p
 * NULL, len the row), since its text is formatted into a scratch buffer. */
typedef struct table_pick {
    double score;
    const char *p;
    size_t len;
} table_pick;

static void table_pick_add(table_pick *top, double score, const char *p, size_t len)
{
    size_t k = TABLE_CANDIDATES;
    /* strictly wider only: among equals the first row stays, so the choice
     * is the same on every run */
    if (score <= top[k - 1].score)
        return;
    while (k > 0 && score > top[k - 1].score) {
        if (k < TABLE_CANDIDATES)
            top[k] = top[k - 1];
        k--;
    }
    top[k] = (table_pick){score, p, len};
}

/* Ideographs run together as one word up to this many: a short Chinese
 * word (已完成, 肯尼亚) keeps its column wide enough not to break inside;
 * a longer run (a title) may break between any two. */
#define TABLE_CJK_WORD 6

/* The estimated width of one character, in ems; *brk is 1 when a line may
 * break at it (a space), 2 for an ideograph. */
static double table_char_width(gunichar u, int *brk)
{
    *brk = 0;
    if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
        *brk = 1;
        return 0.3;
    }
    if (u >= 0x2E80) {
        *brk = 2;
        return 1.0;
    }
    if (strchr("iljtfr.,;:'!|()", (int)u) && u < 0x80)
        return 0.3;
    if (u >= 'A' && u <= 'Z')
        return 0.7;
    if (u == 'm' || u == 'w')
        return 0.8;
    return 0.55;
}

/* Scores text as a whole (into cells) and each of its words (into words). */
static void table_scan(const char *text, table_pick *cells, table_pick *words)
{
    const char *p = text, *word = text;
    double total = 0.0, wscore = 0.0;
    int cjk = 0; /* ideographs in the current word */

    while (*p) {
        gunichar u = g_utf8_get_char_validated(p, -1);
        const char *next = u == (gunichar)-1 || u == (gunichar)-2 ? p + 1 : g_utf8_next_char(p);
        int brk;
        double cw = table_char_width(u, &brk);
        total += cw;
        if (brk == 1 || (brk == 2 && cjk == TABLE_CJK_WORD)) {
            if (wscore > 0.0)
                table_pick_add(words, wscore, word, (size_t)(p - word));
            wscore = 0.0;
            cjk = 0;
            word = brk == 1 ? next : p;
        }
        if (brk != 1)
            wscore += cw;
        cjk = brk == 2 ? cjk + 1 : 0;
        p = next;
    }
    if (wscore > 0.0)
        table_pick_add(words, wscore, word, (size_t)(p - word));
    table_pick_add(cells, total, text, strlen(text));
}

/* The widest of the candidates, measured unwrapped with Pango. */
static double table_measure_picks(ssc_canvas *c, const table_pick *top, const ssc_text_style *st)
{
    char buf[TABLE_WORD_MAX + 1];
    double widest = 0.0, w;

    for (size_t k = 0; k < TABLE_CANDIDATES && top[k].p; k++) {
        size_t len = top[k].len < TABLE_WORD_MAX ? top[k].len : TABLE_WORD_MAX;
        memcpy(buf, top[k].p, len);
        buf[len] = '\0';
        ssc_text_measure(c, buf, st, 0.0, &w, NULL);
        widest = fmax(widest, w);
    }
    return widest;
}

/* The header's widest word: split at spaces only, so that a Chinese
 * heading (可持续发展目标) is one word and never breaks inside. */
static double table_header_least(ssc_canvas *c, const char *head, const ssc_text_style *st)
{
    table_pick words[TABLE_CANDIDATES];
    const char *p = head, *word = head;

    memset(words, 0, sizeof words);
    for (;; p++) {
        if (*p == ' ' || *p == '\0') {
            if (p > word)
                table_pick_add(words, (double)(p - word), word, (size_t)(p - word));
            word = p + 1;
        }
        if (!*p)
            break;
    }
    /* every word counts here, not only the longest-looking ones */
    double widest = table_measure_picks(c, words, st);
    return widest;
}

/* The least and the natural width of column j (padding included): the
 * widest word, so that words never break, and the widest unwrapped cell.
 * A number never wraps, so its least width is its natural width. */
static void table_measure_column(ssc_canvas *c, ssc_table_plan *P, size_t j, double *least,
                                 double *nat)
{
    const ssc_table *t = P->t;
    int number = table_is_number(t, j);
    table_pick cells[TABLE_CANDIDATES], words[TABLE_CANDIDATES];
    char buf[96];
    const char *head = table_header(c, t, j);
    double w;

    memset(cells, 0, sizeof cells);
    memset(words, 0, sizeof words);
    ssc_text_measure(c, head, &P->head, 0.0, nat, NULL);
    *least = table_header_least(c, head, &P->head);
    if (number) {
        /* the longest formatted numbers are the widest; they are kept by
         * row and formatted again to be measured */
        for (size_t r = 0; r < P->rows; r++) {
            size_t len = strlen(table_cell(c, t, r, j, buf, sizeof buf));
            table_pick_add(cells, (double)len, NULL, r);
        }
        for (size_t k = 0; k < TABLE_CANDIDATES && cells[k].score > 0.0; k++) {
            ssc_text_measure(c, table_cell(c, t, cells[k].len, j, buf, sizeof buf), &P->body,
                             0.0, &w, NULL);
            *nat = fmax(*nat, w);
            *least = fmax(*least, w);
        }
    } else {
        for (size_t r = 0; r < P->rows; r++)
            table_scan(table_cell(c, t, r, j, buf, sizeof buf), cells, words);
        *nat = fmax(*nat, table_measure_picks(c, cells, &P->body));
        *least = fmax(*least, table_measure_picks(c, words, &P->body));
    }
    *nat = ceil(*nat) + 1.0 + 2.0 * SSC_TABLE_PAD_X;
    /* a very long word (a URL) may break rather than starve the others */
    *least = fmin(ceil(*least) + 1.0 + 2.0 * SSC_TABLE_PAD_X,
                  number ? *nat : P->width * TABLE_WORD_SHARE);
    if (*least > *nat)
        *least = *nat;
}

/* Widths as a browser lays out an automatic table: everything at its
 * natural width when that fits, the spare room going to the wrapping
 * columns; else every column at least its widest word, the rest shared in
 * proportion to how much each would still like; else scaled down. */
static void table_widths(ssc_canvas *c, ssc_table_plan *P)
{
    const ssc_table *t = P->t;
    double sum_nat = 0.0, sum_least = 0.0, sum_flex = 0.0, width = P->width;

    for (size_t j = 0; j < P->ncol; j++) {
        table_measure_column(c, P, j, &P->least[j], &P->w[j]);
        sum_nat += P->w[j];
        sum_least += P->least[j];
        if (!table_is_number(t, j))
            sum_flex += P->w[j];
    }
    if (sum_nat <= width) {
        for (size_t j = 0; j < P->ncol; j++)
            if (!table_is_number(t, j) && sum_flex > 0.0)
                P->w[j] += (width - sum_nat) * P->w[j] / sum_flex;
    } else if (sum_least <= width) {
        double want = sum_nat - sum_least;
        for (size_t j = 0; j < P->ncol; j++)
            P->w[j] = P->least[j] + (width - sum_least) * (P->w[j] - P->least[j]) / want;
    } else {
        for (size_t j = 0; j < P->ncol; j++)
            P->w[j] = P->least[j] * width / sum_least;
    }
}

/* ---- heights ---------------------------------------------------------------- */

/* Lines text takes in column j; keeps the first text the fonts cannot show,
 * so that `check` (which only lays out) refuses it as drawing would. */
static int table_lines(ssc_canvas *c, const ssc_table_plan *P, const char *text, size_t j,
                       const ssc_text_style *st)
{
    PangoLayout *pl = ssc_text_layout(c, text, st, P->w[j] - 2.0 * SSC_TABLE_PAD_X);
    if (!c->missing_glyphs && pango_layout_get_unknown_glyphs_count(pl) > 0)
        c->missing_glyphs = strdup(text);
    return pango_layout_get_line_count(pl);
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
        if (!header && table_is_number(t, j))
            continue; /* numbers never wrap */
        const char *text = header ? table_header(c, t, j) : table_cell(c, t, r, j, buf, sizeof buf);
        if (!text[0] || (!header && table_one_line(c, P, text, j)))
            continue;
        int n = table_lines(c, P, text, j, header ? &P->head : &P->body);
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

int ssc_table_plan_new(ssc_canvas *c, const ssc_table *t, size_t rows, double width,
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
    P->ncol = ssc_table_columns(t) + 1;
    P->w = calloc(2 * P->ncol, sizeof *P->w);
    P->row_h = calloc(P->rows ? P->rows : 1, sizeof *P->row_h);
    if (!P->w || !P->row_h) {
        ssc_table_plan_free(P);
        return ssc_error_oom(err);
    }
    P->least = P->w + P->ncol;
    for (size_t k = 0; k < 128; k++)
        P->adv[k] = -1.0;
    P->body = ssc_chart_style(c, SSC_TABLE_SIZE, 0);
    P->head = P->body;
    P->head.bold = 1;
    P->head.colour = c->theme->heading;
    ssc_text_measure(c, "Ag", &P->body, 0.0, NULL, &P->line_h);
    table_widths(c, P);
    P->header_h = table_measure_row(c, P, (size_t)-1);
    *out = P;
    return SSC_OK;
}

void ssc_table_plan_free(ssc_table_plan *P)
{
    if (!P)
        return;
    free(P->w);
    free(P->row_h);
    free(P);
}

int ssc_table_plan_fits(const ssc_table_plan *P, const ssc_table *t, size_t rows, double width)
{
    size_t n = t ? ssc_table_rows(t) : 0;
    return P && P->t == t && P->rows == (rows < n ? rows : n) && fabs(P->width - width) < 1e-9;
}

/* ---- drawing ---------------------------------------------------------------- */

/* Draws one cell: the table has clipped to its box already, so a cell
 * needs no clip of its own (one per cell would fill the page's content
 * with clip paths). */
static void table_cell_draw(ssc_canvas *c, double x, double y, double inner, const char *text,
                            const ssc_text_style *st)
{
    PangoLayout *pl = ssc_text_layout(c, text, st, inner);
    ssc_canvas_note(c, pl, text);
    ssc_draw_rgb(c->cr, st->colour ? st->colour : c->theme->text);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, pl);
}

/* Draws one row's cells from (x, y); r == (size_t)-1 draws the header. */
static void table_row_draw(ssc_canvas *c, const ssc_table_plan *P, size_t r, double x, double y)
{
    const ssc_table *t = P->t;
    char buf[96];
    int header = r == (size_t)-1;
    for (size_t j = 0; j < P->ncol; j++) {
        ssc_text_style st = header ? P->head : P->body;
        const char *text = header ? table_header(c, t, j) : table_cell(c, t, r, j, buf, sizeof buf);
        double inner = P->w[j] - 2.0 * SSC_TABLE_PAD_X;
        if (table_is_number(t, j))
            st.align = SSC_ALIGN_END;
        if (inner > 0.0 && text[0])
            table_cell_draw(c, x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, inner, text, &st);
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

    if (ssc_table_plan_new(c, t, rows, w, &P, NULL) != SSC_OK)
        return 0.0;
    h = P->header_h;
    if (rows == 0)
        h += P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    for (size_t r = 0; r < rows; r++)
        h += table_row_height(c, P, r);
    ssc_table_plan_free(P);
    return h;
}

/* Draws the header, then rows from first while they fit; returns the row
 * after the last one drawn and stores the bottom edge in *bottom.  A canvas
 * that only measures (the document's dry run) draws nothing: the heights
 * are all it needs, and its recording would grow with every page. */
static size_t table_draw_rows(ssc_canvas *c, ssc_table_plan *P, size_t first, double *bottom)
{
    const ssc_box b = c->box;
    size_t r;
    double y = b.y + P->header_h;
    int draw = !c->measuring;

    if (draw) {
        ssc_canvas_fill(c, (ssc_box){b.x, b.y, b.w, P->header_h},
                        table_tint(c->theme->accent, TABLE_HEADER_TINT));
        table_row_draw(c, P, (size_t)-1, b.x, b.y);
    }
    if (P->rows == 0) {
        ssc_text_style st = P->body;
        st.colour = c->theme->muted;
        if (draw)
            ssc_text_draw_at(c, b.x + SSC_TABLE_PAD_X, y + SSC_TABLE_PAD_Y, 0.0,
                             strncmp(c->lang, "zh", 2) == 0 ? "\u65e0\u6570\u636e" : "No data",
                             &st);
        y += P->line_h + 2.0 * SSC_TABLE_PAD_Y;
    }
    for (r = first; r < P->rows; r++) {
        double rh = table_row_height(c, P, r);
        if (y + rh > b.y + b.h + 1e-6)
            break;
        if (draw) {
            if (r % 2 == 1)
                ssc_canvas_fill(c, (ssc_box){b.x, y, b.w, rh}, c->theme->band);
            table_row_draw(c, P, r, b.x, y);
        }
        y += rh;
    }
    if (draw) {
        ssc_canvas_line(c, b.x, b.y + P->header_h, b.x + b.w, b.y + P->header_h,
                        TABLE_HEADER_RULE, c->theme->accent);
        ssc_canvas_line(c, b.x, y, b.x + b.w, y, TABLE_END_RULE, c->theme->muted);
    }
    *bottom = y;
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
    if (ssc_table_plan_new(c, t, end, c->box.w, &P, err) != SSC_OK)
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
