/* The document: A4 pages on a Cairo PDF surface, a title page, section
 * headings, space reservation with page breaks, and a footer with the page
 * number and report title on every page after the cover. */
#ifndef SSC_DOC_H
#define SSC_DOC_H

#include <stdio.h>

#include "draw.h"
#include "error.h"

typedef struct ssc_doc ssc_doc;

typedef struct ssc_doc_info {
    const char *title, *subtitle, *organisation, *date, *language;
    const char *creator; /* "ssc-report VERSION" */
} ssc_doc_info;

/* Writes the PDF to fp (owned by the caller, left open). */
int ssc_doc_open(ssc_doc **out, FILE *fp, const ssc_theme *theme, const ssc_doc_info *info,
                 ssc_error *err);
void ssc_doc_free(ssc_doc *d);
int ssc_doc_title_page(ssc_doc *d, ssc_error *err);
/* Starts a section: a heading, on a new page unless need points fit below
 * it on this one; adds an outline entry. */
int ssc_doc_heading(ssc_doc *d, const char *title, double need, ssc_error *err);
/* The top of a page's text area. */
double ssc_doc_top(const ssc_doc *d);
/* The free space left on this page. */
ssc_box ssc_doc_space(const ssc_doc *d);
/* Takes h points from the top of the free space (a new page first when
 * they do not fit); *box is the taken space. */
int ssc_doc_take(ssc_doc *d, double h, ssc_box *box, ssc_error *err);
int ssc_doc_new_page(ssc_doc *d, ssc_error *err);
/* Draws a caption (muted, smaller) in the free space and takes its height. */
int ssc_doc_caption(ssc_doc *d, const char *text, ssc_error *err);
ssc_canvas *ssc_doc_canvas(ssc_doc *d);
int ssc_doc_page_count(const ssc_doc *d);
/* Finishes the last page and the PDF; checks the surface status. */
int ssc_doc_close(ssc_doc *d, ssc_error *err);

#endif
