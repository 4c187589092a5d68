/* SPDX-License-Identifier: MIT */
/* The document: pages on a Cairo PDF surface; a cover, a table of contents
 * whose entries link to their sections, headings (never left alone at the
 * bottom of a page) with outline entries, space reservation with page
 * breaks, a running header and a "Page X of Y" footer, page labels,
 * metadata and a structure tree (tagged PDF).
 *
 * Page numbers are known only once everything is laid out, so a document
 * is drawn twice: a dry run (fp NULL) that records where each heading
 * landed and how many pages there are, then the real one with that plan. */
#ifndef SSC_DOC_H
#define SSC_DOC_H

#include <stdio.h>

#include "draw/draw.h"
#include "error.h"

typedef struct ssc_doc ssc_doc;

typedef struct ssc_doc_info {
    const char *title, *subtitle, *organisation, *date, *language;
    const char *keywords;    /* may be NULL */
    const char *creator;     /* "ssc-report VERSION" */
    const char *create_date; /* ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" */
    const char *logo;        /* PNG file for the cover, or NULL */
    const ssc_progress *progress; /* told of each page; may be NULL */
    const char *period;      /* the reporting period for the cover, or NULL / "" */
    PangoFontMap *fonts;     /* see ssc_canvas_init; NULL: Pango's default */
} ssc_doc_info;

/* What the dry run learnt: the page of every heading, the page count. */
typedef struct ssc_doc_plan {
    int pages;
    int *heading_pages; /* by heading number, from 0 */
    size_t n_headings;
    size_t shortened;      /* texts drawn ellipsized */
    char *first_shortened; /* the first of them, whole; NULL when none */
} ssc_doc_plan;

void ssc_doc_plan_free(ssc_doc_plan *plan);

/* Writes the PDF to fp (owned by the caller, left open), or draws into
 * nothing when fp is NULL (the dry run).  plan is the dry run's result for
 * the real run (NULL for the dry run). */
int ssc_doc_open(ssc_doc **out, FILE *fp, const ssc_theme *theme, const ssc_doc_info *info,
                 const ssc_doc_plan *plan, ssc_error *err);
void ssc_doc_free(ssc_doc *d);
int ssc_doc_title_page(ssc_doc *d, ssc_error *err);
/* A table of contents listing titles[0..n) (the headings to come, in
 * order), each a link to its heading, with page numbers from the plan. */
int ssc_doc_contents(ssc_doc *d, const char *const *titles, size_t n, ssc_error *err);
/* Starts a section: a heading, on a new page unless need points fit below
 * it on this one; adds an outline entry and a link destination. */
int ssc_doc_heading(ssc_doc *d, const char *title, double need, ssc_error *err);
/* A smaller heading repeated on a page a table continues onto. */
int ssc_doc_continued(ssc_doc *d, const char *title, ssc_error *err);
/* A small muted heading (the appendix's table titles), on a new page unless
 * need points below it fit on this one. */
int ssc_doc_subheading(ssc_doc *d, const char *text, double need, ssc_error *err);
double ssc_doc_top(const ssc_doc *d);
/* The height of a page's text area. */
double ssc_doc_body_height(const ssc_doc *d);
/* The free space left on this page. */
ssc_box ssc_doc_space(const ssc_doc *d);
/* Takes h points from the top of the free space (a new page first when
 * they do not fit); *box is the taken space. */
int ssc_doc_take(ssc_doc *d, double h, ssc_box *box, ssc_error *err);
int ssc_doc_new_page(ssc_doc *d, ssc_error *err);
/* Draws a caption (muted, smaller) in the free space and takes its height. */
int ssc_doc_caption(ssc_doc *d, const char *text, ssc_error *err);
/* The height ssc_doc_caption would take for text (0 for none), so that a
 * chart's heading can ask for room for the chart and its sentence. */
double ssc_doc_caption_height(ssc_doc *d, const char *text);
ssc_canvas *ssc_doc_canvas(ssc_doc *d);
int ssc_doc_page_count(const ssc_doc *d);
/* Structure tags (tagged PDF): "Figure", "Table", "P", "Sect"... */
void ssc_doc_tag_begin(ssc_doc *d, const char *tag);
void ssc_doc_tag_end(ssc_doc *d, const char *tag);
/* Finishes the last page and the PDF; checks the surface status and that
 * every text drawn had glyphs in the fonts.  *plan (may be NULL) receives
 * what a dry run learnt. */
int ssc_doc_close(ssc_doc *d, ssc_doc_plan *plan, ssc_error *err);

#endif
