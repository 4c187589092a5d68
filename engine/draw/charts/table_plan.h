/* SPDX-License-Identifier: MIT */
/* Private to the table kind (chart_table.c, which draws, and
 * chart_table_widths.c, which measures): a table's plan, laid out once and
 * reused by every page and both passes of the document (see draw.h). */
#ifndef SSC_CHART_TABLE_PLAN_H
#define SSC_CHART_TABLE_PLAN_H

#include "draw/charts/common.h"

/* Side by side: the room between two blocks of a narrow table, and the
 * fewest rows a block should hold for the engine to choose blocks itself
 * (a table of four rows reads better as one). */
#define SSC_TABLE_BLOCK_GAP 18.0
#define SSC_TABLE_BLOCK_MIN_ROWS 5
#define SSC_TABLE_BLOCKS_MAX 4 /* the most a report may ask for */
#define SSC_TABLE_BLOCKS_AUTO 3 /* the most the engine chooses itself */
#define SSC_TABLE_KEEP_ROWS 3   /* a long table starts on a page with at least these */
/* A table at most this share of a page moves whole to the next page rather
 * than split.  Half: at a third, the 17 goals' table (two fifths of a
 * page) was split 6 and 11 over two pages. */
#define SSC_TABLE_SHORT 0.5

/* Ideographs run together as one word up to this many: a short Chinese
 * word (已完成, 肯尼亚) keeps its column wide enough not to break inside,
 * and is kept on one line; a longer run (a title) may break between any
 * two. */
#define SSC_TABLE_CJK_WORD 6

typedef struct ssc_table_cache ssc_table_cache;

struct ssc_table_plan {
    const ssc_table *t;
    size_t rows;   /* the plan covers rows [0, rows) */
    double width;  /* the whole table's, every block with the gaps between */
    int asked;     /* blocks asked for: 0 the engine's choice, else that many */
    int blocks;    /* blocks side by side, each with the header; 1: one table */
    double block_w;
    size_t ncol;   /* the label column plus the table's columns */
    double *w;     /* width of each column in a block, points */
    double *least; /* its least width in a block: its widest word (numbers: widest cell) */
    double *nat;   /* its widest cell unwrapped */
    double *word, *head_word; /* its widest word in the cells, in the heading */
    double *row_h; /* each row's height; 0 until first needed */
    ssc_text_style body, head;
    double line_h, header_h;
    double adv[128]; /* body advance of each ASCII character; < 0: unknown */
    ssc_table_cache *cache; /* the cells drawn, kept (chart_table_cell.c); NULL: none yet */
};

/* 1 when column j (0: the label column) holds numbers. */
int ssc_table_plan_is_number(const ssc_table *t, size_t j);
/* The heading of column j in the canvas's language. */
const char *ssc_table_plan_header(const ssc_canvas *c, const ssc_table *t, size_t j);
/* The text of a cell; numbers are formatted into buf. */
const char *ssc_table_plan_cell(ssc_canvas *c, const ssc_table *t, size_t r, size_t j,
                                char *buf, size_t len);
/* Measures the columns, chooses how many blocks go side by side (one
 * unless the table is narrow enough, or as P->asked says) and shares a
 * block's width among the columns: P->blocks, P->block_w, P->w. */
void ssc_table_plan_layout(ssc_canvas *c, ssc_table_plan *P);

/* The layout of a cell's text in column j (header: a heading, kept whole
 * when it fits), on the canvas's own layout: valid until the next text is
 * laid out.  Keeps the first text the fonts cannot show, so that `check`
 * (which only lays out) refuses it as drawing would. */
PangoLayout *ssc_table_layout(ssc_canvas *c, const ssc_table_plan *P, const char *text, size_t j,
                              const ssc_text_style *st, int header);
/* The same layout, from the plan's cache when the cell was laid out
 * before (same text, column, alignment and canvas; st must otherwise be
 * the same for the same j and header); owned by the cache: valid until
 * the next call. */
PangoLayout *ssc_table_cache_layout(ssc_canvas *c, ssc_table_plan *P, const char *text, size_t j,
                                    const ssc_text_style *st, int header);
void ssc_table_cache_free(ssc_table_cache *K);

#endif
