/* SPDX-License-Identifier: MIT */
/* A table's column widths (see table_plan.h): one pass over the rows that
 * measures with Pango only the few widest candidates of each column; then
 * whether the table is narrow enough to stand in two or three blocks side
 * by side, like a dictionary's columns; then each column's share of a
 * block as a browser shares an automatic table's width. */
#include "draw/charts/table_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_WORD_SHARE 0.3   /* a word wider than this share of the table may break */
#define TABLE_CANDIDATES 6     /* widest-looking cells and words measured per column */
#define TABLE_WORD_MAX 480     /* bytes of one word measured (longer ones break anyway) */
#define TABLE_HEAD_SHARE 0.45  /* a heading wider than this share of a block may break */

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

int ssc_table_plan_is_number(const ssc_table *t, size_t j)
{
    return j > 0 && ssc_table_column_type(t, j - 1) == SSC_COLUMN_NUMBER;
}

const char *ssc_table_plan_header(const ssc_canvas *c, const ssc_table *t, size_t j)
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
const char *ssc_table_plan_cell(ssc_canvas *c, const ssc_table *t, size_t r, size_t j, char *buf,
                              size_t len)
{
    const char *s;
    if (j == 0)
        s = ssc_table_label(t, r);
    else if (ssc_table_plan_is_number(t, j))
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
        if (brk == 1 || (brk == 2 && cjk == SSC_TABLE_CJK_WORD)) {
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

/* The natural width of column j (its widest unwrapped cell), its widest
 * word and its heading's widest word, padding included.  A number never
 * wraps: its word is its cell. */
static void table_measure_column(ssc_canvas *c, ssc_table_plan *P, size_t j)
{
    const ssc_table *t = P->t;
    int number = ssc_table_plan_is_number(t, j);
    table_pick cells[TABLE_CANDIDATES], words[TABLE_CANDIDATES];
    char buf[96];
    const char *head = ssc_table_plan_header(c, t, j);
    double w, nat, word = 0.0;

    memset(cells, 0, sizeof cells);
    memset(words, 0, sizeof words);
    ssc_text_measure(c, head, &P->head, 0.0, &nat, NULL);
    if (number) {
        /* the longest formatted numbers are the widest; they are kept by
         * row and formatted again to be measured */
        for (size_t r = 0; r < P->rows; r++) {
            size_t len = strlen(ssc_table_plan_cell(c, t, r, j, buf, sizeof buf));
            table_pick_add(cells, (double)len, NULL, r);
        }
        for (size_t k = 0; k < TABLE_CANDIDATES && cells[k].score > 0.0; k++) {
            ssc_text_measure(c, ssc_table_plan_cell(c, t, cells[k].len, j, buf, sizeof buf),
                             &P->body, 0.0, &w, NULL);
            word = fmax(word, w);
        }
        nat = fmax(nat, word);
    } else {
        for (size_t r = 0; r < P->rows; r++)
            table_scan(ssc_table_plan_cell(c, t, r, j, buf, sizeof buf), cells, words);
        nat = fmax(nat, table_measure_picks(c, cells, &P->body));
        word = table_measure_picks(c, words, &P->body);
    }
    P->nat[j] = ceil(nat) + 1.0 + 2.0 * SSC_TABLE_PAD_X;
    P->word[j] = ceil(word) + 1.0 + 2.0 * SSC_TABLE_PAD_X;
    P->head_word[j] = ceil(table_header_least(c, head, &P->head)) + 1.0 + 2.0 * SSC_TABLE_PAD_X;
}

/* The least width of column j in a block of width bw: its widest word,
 * so that words never break; but a very long word (a URL) may break
 * rather than starve the others, and so may a heading past
 * TABLE_HEAD_SHARE of the block (a Chinese heading is one word: it stays
 * whole in any reasonable table). */
static double table_least(const ssc_table_plan *P, size_t j, double bw)
{
    double least;
    if (ssc_table_plan_is_number(P->t, j))
        return P->nat[j];
    least = fmax(fmin(P->word[j], bw * TABLE_WORD_SHARE),
                 fmin(P->head_word[j], bw * TABLE_HEAD_SHARE));
    return fmin(least, P->nat[j]);
}

/* Widths as a browser lays out an automatic table: everything at its
 * natural width when that fits, the spare room going to the wrapping
 * columns; else every column at least its widest word, the rest shared in
 * proportion to how much each would still like; else scaled down. */
static void table_widths(ssc_table_plan *P, double width)
{
    const ssc_table *t = P->t;
    double sum_nat = 0.0, sum_least = 0.0, sum_flex = 0.0;

    for (size_t j = 0; j < P->ncol; j++) {
        P->w[j] = P->nat[j];
        P->least[j] = table_least(P, j, width);
        sum_nat += P->w[j];
        sum_least += P->least[j];
        if (!ssc_table_plan_is_number(t, j))
            sum_flex += P->w[j];
    }
    if (sum_nat <= width) {
        for (size_t j = 0; j < P->ncol; j++)
            if (!ssc_table_plan_is_number(t, j) && sum_flex > 0.0)
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

/* How many blocks stand side by side: what the report asks (never more
 * than there are rows), else as many as SSC_TABLE_BLOCKS_AUTO whose blocks
 * each hold every column at its natural width and SSC_TABLE_BLOCK_MIN_ROWS
 * rows.  A list of projects stays one table: it is read across, row by
 * row, and its order (most recent first) runs down one column. */
static int table_blocks(const ssc_table_plan *P)
{
    double sum_nat = 0.0;
    int k;

    if (P->asked > 0)
        return P->rows == 0 ? 1 : (size_t)P->asked > P->rows ? (int)P->rows : P->asked;
    if (ssc_table_key_kind(P->t) == SSC_KEY_PROJECT)
        return 1;
    for (size_t j = 0; j < P->ncol; j++)
        sum_nat += P->nat[j];
    for (k = SSC_TABLE_BLOCKS_AUTO; k > 1; k--)
        if (P->rows >= (size_t)k * SSC_TABLE_BLOCK_MIN_ROWS &&
            k * sum_nat + (k - 1) * SSC_TABLE_BLOCK_GAP <= P->width)
            break;
    return k;
}

void ssc_table_plan_layout(ssc_canvas *c, ssc_table_plan *P)
{
    for (size_t j = 0; j < P->ncol; j++)
        table_measure_column(c, P, j);
    P->blocks = table_blocks(P);
    P->block_w = (P->width - (P->blocks - 1) * SSC_TABLE_BLOCK_GAP) / P->blocks;
    table_widths(P, P->block_w);
}
