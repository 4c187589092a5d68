/* The document layer (see doc.h). */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

struct ssc_doc {
    cairo_surface_t *surface;
    cairo_t *cr;
    ssc_canvas canvas;
    const ssc_theme *theme;
    ssc_doc_info info;
    int page;       /* 1-based number of the current page */
    int page_dirty; /* something was drawn on the current page */
    double y;       /* top of the free space on this page */
    int outline_id;
};

static cairo_status_t doc_write(void *closure, const unsigned char *data, unsigned int len)
{
    FILE *fp = closure;
    return fwrite(data, 1, len, fp) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static double doc_top(const ssc_doc *d)
{
    return d->theme->margin_top;
}

double ssc_doc_top(const ssc_doc *d)
{
    return doc_top(d);
}

static double doc_bottom(const ssc_doc *d)
{
    /* the footer sits in the bottom margin */
    return d->theme->page_h - d->theme->margin_bottom;
}

static double doc_width(const ssc_doc *d)
{
    return d->theme->page_w - d->theme->margin_left - d->theme->margin_right;
}

static int doc_cairo_ok(ssc_doc *d, ssc_error *err)
{
    cairo_status_t st = cairo_status(d->cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "drawing failed: %s", cairo_status_to_string(st));
    return SSC_OK;
}

int ssc_doc_open(ssc_doc **out, FILE *fp, const ssc_theme *theme, const ssc_doc_info *info,
                 ssc_error *err)
{
    ssc_doc *d = calloc(1, sizeof *d);

    *out = NULL;
    if (!d)
        return ssc_error_oom(err);
    d->theme = theme;
    d->info = *info;
    d->surface = cairo_pdf_surface_create_for_stream(doc_write, fp, theme->page_w, theme->page_h);
    if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
        ssc_error_set(err, "cannot start the PDF: %s",
                      cairo_status_to_string(cairo_surface_status(d->surface)));
        ssc_doc_free(d);
        return SSC_ERR;
    }
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, info->title);
    if (info->organisation && info->organisation[0])
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, info->organisation);
    if (info->subtitle && info->subtitle[0])
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_SUBJECT, info->subtitle);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, info->creator);
    d->cr = cairo_create(d->surface);
    if (doc_cairo_ok(d, err) != SSC_OK ||
        ssc_canvas_init(&d->canvas, d->cr, theme, info->language, err) != SSC_OK) {
        ssc_doc_free(d);
        return SSC_ERR;
    }
    d->page = 1;
    d->y = doc_top(d);
    *out = d;
    return SSC_OK;
}

void ssc_doc_free(ssc_doc *d)
{
    if (!d)
        return;
    if (d->cr)
        ssc_canvas_fini(&d->canvas);
    if (d->cr)
        cairo_destroy(d->cr);
    if (d->surface)
        cairo_surface_destroy(d->surface);
    free(d);
}

ssc_canvas *ssc_doc_canvas(ssc_doc *d)
{
    return &d->canvas;
}

int ssc_doc_page_count(const ssc_doc *d)
{
    return d->page;
}

/* Text the document draws (headings, captions, footers) may use the whole
 * page: a chart's box must not clip it. */
static void doc_page_box(ssc_doc *d)
{
    d->canvas.box = (ssc_box){0, 0, d->theme->page_w, d->theme->page_h};
}

static void doc_footer(ssc_doc *d)
{
    const ssc_theme *t = d->theme;
    char num[64];
    ssc_text_style st = {.size = t->body_size * 0.8, .colour = t->muted, .max_lines = 1};
    double y = t->page_h - t->margin_bottom + 14;
    double w = doc_width(d);

    if (d->page == 1)
        return; /* the cover carries no footer */
    doc_page_box(d);
    cairo_save(d->cr);
    cairo_set_source_rgb(d->cr, ((t->grid >> 16) & 255) / 255.0, ((t->grid >> 8) & 255) / 255.0,
                         (t->grid & 255) / 255.0);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, t->margin_left, y - 6);
    cairo_line_to(d->cr, t->margin_left + w, y - 6);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    ssc_text_draw_at(&d->canvas, t->margin_left, y, w * 0.75, d->info.title, &st);
    if (strcmp(d->info.language, "zh") == 0)
        snprintf(num, sizeof num, "第 %d 页", d->page);
    else
        snprintf(num, sizeof num, "Page %d", d->page);
    st.align = SSC_ALIGN_END;
    ssc_text_draw_at(&d->canvas, t->margin_left + w * 0.75, y, w * 0.25, num, &st);
}

int ssc_doc_new_page(ssc_doc *d, ssc_error *err)
{
    doc_footer(d);
    cairo_show_page(d->cr);
    d->page++;
    d->page_dirty = 0;
    d->y = doc_top(d);
    return doc_cairo_ok(d, err);
}

ssc_box ssc_doc_space(const ssc_doc *d)
{
    ssc_box b = {d->theme->margin_left, d->y, doc_width(d), doc_bottom(d) - d->y};
    return b;
}

int ssc_doc_take(ssc_doc *d, double h, ssc_box *box, ssc_error *err)
{
    if (d->y + h > doc_bottom(d) && d->page_dirty && ssc_doc_new_page(d, err) != SSC_OK)
        return SSC_ERR;
    box->x = d->theme->margin_left;
    box->y = d->y;
    box->w = doc_width(d);
    box->h = h;
    d->y += h;
    d->page_dirty = 1;
    return SSC_OK;
}

static void doc_colour(cairo_t *cr, unsigned long rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
                         (rgb & 255) / 255.0);
}

int ssc_doc_heading(ssc_doc *d, const char *title, double need, ssc_error *err)
{
    const ssc_theme *t = d->theme;
    ssc_text_style st = {.size = t->body_size * 1.6, .bold = 1, .colour = t->heading};
    double tw, th;
    ssc_box box;
    char dest[32];

    doc_page_box(d);
    ssc_text_measure(&d->canvas, title, &st, doc_width(d), &tw, &th);
    /* a heading is never left alone at the bottom of a page */
    if (d->page_dirty && d->y + th + 18 + need > doc_bottom(d) &&
        ssc_doc_new_page(d, err) != SSC_OK)
        return SSC_ERR;
    if (d->page_dirty)
        d->y += 10;
    if (ssc_doc_take(d, th + 18, &box, err) != SSC_OK)
        return SSC_ERR;
    snprintf(dest, sizeof dest, "section%d", ++d->outline_id);
    char attrs[64];
    snprintf(attrs, sizeof attrs, "name='%s'", dest);
    cairo_tag_begin(d->cr, CAIRO_TAG_DEST, attrs);
    doc_colour(d->cr, t->accent);
    cairo_rectangle(d->cr, box.x, box.y + 2, 28, 3);
    cairo_fill(d->cr);
    ssc_text_draw_at(&d->canvas, box.x, box.y + 10, box.w, title, &st);
    cairo_tag_end(d->cr, CAIRO_TAG_DEST);
    snprintf(attrs, sizeof attrs, "dest='%s'", dest);
    cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT, title, attrs, 0);
    return doc_cairo_ok(d, err);
}

int ssc_doc_caption(ssc_doc *d, const char *text, ssc_error *err)
{
    ssc_text_style st = {.size = d->theme->body_size * 0.9, .colour = d->theme->muted};
    double tw, th;
    ssc_box box;

    if (!text || !text[0])
        return SSC_OK;
    doc_page_box(d);
    ssc_text_measure(&d->canvas, text, &st, doc_width(d), &tw, &th);
    if (ssc_doc_take(d, th + 8, &box, err) != SSC_OK)
        return SSC_ERR;
    ssc_text_draw_at(&d->canvas, box.x, box.y + 4, box.w, text, &st);
    return doc_cairo_ok(d, err);
}

int ssc_doc_title_page(ssc_doc *d, ssc_error *err)
{
    const ssc_theme *t = d->theme;
    cairo_t *cr = d->cr;
    double w = doc_width(d), x = t->margin_left;
    double band = t->page_h * 0.46;
    double tw, th, y;
    ssc_text_style title = {.size = 30, .bold = 1, .colour = 0xFFFFFF};
    ssc_text_style sub = {.size = 15, .colour = 0xDCE6F0};
    ssc_text_style org = {.size = 12, .bold = 1, .colour = t->heading};
    ssc_text_style date = {.size = 11, .colour = t->muted};

    doc_page_box(d);
    doc_colour(cr, t->accent);
    cairo_rectangle(cr, 0, 0, t->page_w, band);
    cairo_fill(cr);
    /* a thin lighter rule under the band gives the cover its edge */
    doc_colour(cr, t->palette[1 % t->n_palette]);
    cairo_rectangle(cr, 0, band, t->page_w, 6);
    cairo_fill(cr);

    ssc_text_measure(&d->canvas, d->info.title, &title, w, &tw, &th);
    y = band - 56 - th;
    if (d->info.subtitle && d->info.subtitle[0]) {
        double sw, sh;
        ssc_text_measure(&d->canvas, d->info.subtitle, &sub, w, &sw, &sh);
        y -= sh + 12;
        ssc_text_draw_at(&d->canvas, x, y + th + 12, w, d->info.subtitle, &sub);
    }
    ssc_text_draw_at(&d->canvas, x, y, w, d->info.title, &title);

    y = band + 48;
    if (d->info.organisation && d->info.organisation[0]) {
        ssc_text_measure(&d->canvas, d->info.organisation, &org, w, &tw, &th);
        ssc_text_draw_at(&d->canvas, x, y, w, d->info.organisation, &org);
        y += th + 8;
    }
    if (d->info.date && d->info.date[0])
        ssc_text_draw_at(&d->canvas, x, y, w, d->info.date, &date);
    d->page_dirty = 1;
    if (doc_cairo_ok(d, err) != SSC_OK)
        return SSC_ERR;
    return ssc_doc_new_page(d, err);
}

int ssc_doc_close(ssc_doc *d, ssc_error *err)
{
    cairo_status_t st;

    doc_footer(d);
    cairo_show_page(d->cr);
    if (doc_cairo_ok(d, err) != SSC_OK)
        return SSC_ERR;
    ssc_canvas_fini(&d->canvas);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    st = cairo_surface_status(d->surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "cannot finish the PDF: %s", cairo_status_to_string(st));
    return SSC_OK;
}
