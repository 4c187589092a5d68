/* SPDX-License-Identifier: MIT */
/* The document layer (see doc.h). */
#include "draw/doc.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

struct ssc_doc {
    cairo_surface_t *surface;
    cairo_t *cr;
    ssc_canvas canvas;
    const ssc_theme *theme;
    ssc_doc_info info;
    const ssc_doc_plan *plan; /* NULL in the dry run */
    int dry;                  /* drawing on a recording surface: no PDF calls */
    int zh;
    int page;       /* 1-based number of the current page */
    int page_dirty; /* something was drawn on the current page */
    double y;       /* top of the free space on this page */
    int *heading_pages;
    size_t n_headings, cap_headings;
};

static cairo_status_t doc_write(void *closure, const unsigned char *data, unsigned int len)
{
    FILE *fp = closure;
    if (!fp)
        return CAIRO_STATUS_SUCCESS; /* the dry run keeps nothing */
    return fwrite(data, 1, len, fp) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static double doc_top(const ssc_doc *d)
{
    return d->theme->margin_top;
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

/* A title measured and drawn in the theme's heading fonts (fonts.heading);
 * everything else on the page, the running header and footer included, is
 * in the body fonts. */
static void doc_title_measure(ssc_doc *d, const char *text, const ssc_text_style *st, double w,
                              double *tw, double *th)
{
    d->canvas.heading = 1;
    ssc_text_measure(&d->canvas, text, st, w, tw, th);
    d->canvas.heading = 0;
}

static void doc_title_draw(ssc_doc *d, double x, double y, double w, const char *text,
                           const ssc_text_style *st)
{
    d->canvas.heading = 1;
    ssc_text_draw_at(&d->canvas, x, y, w, text, st);
    d->canvas.heading = 0;
}

double ssc_doc_top(const ssc_doc *d)
{
    return doc_top(d);
}

double ssc_doc_body_height(const ssc_doc *d)
{
    return doc_bottom(d) - doc_top(d);
}

static int doc_cairo_ok(ssc_doc *d, ssc_error *err)
{
    cairo_status_t st = cairo_status(d->cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return ssc_error_set(err, "drawing failed: %s", cairo_status_to_string(st));
    return SSC_OK;
}

/* A right-to-left text (Arabic, Hebrew) starts at the right margin; the
 * canvas keeps alignment fixed for charts, so the document decides here. */
static int doc_rtl(const char *text)
{
    /* the first letter decides, as the Unicode bidi rules do for a paragraph */
    for (const char *p = text; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            return 0;
        if (!g_unichar_isalpha(c))
            continue;
        switch (g_unichar_get_script(c)) {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO: return 1;
        default: return 0;
        }
    }
    return 0;
}

static ssc_text_style doc_dir(ssc_text_style st, const char *text)
{
    if (doc_rtl(text))
        st.align = st.align == SSC_ALIGN_END ? SSC_ALIGN_START : SSC_ALIGN_END;
    return st;
}

static void doc_colour(cairo_t *cr, unsigned long rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
                         (rgb & 255) / 255.0);
}

/* Text the document draws (headings, captions, header, footer) may use the
 * whole page: a chart's box must not clip it. */
static void doc_page_box(ssc_doc *d)
{
    d->canvas.box = (ssc_box){0, 0, d->theme->page_w, d->theme->page_h};
}

void ssc_doc_tag_begin(ssc_doc *d, const char *tag)
{
    cairo_tag_begin(d->cr, tag, NULL);
}

void ssc_doc_tag_end(ssc_doc *d, const char *tag)
{
    cairo_tag_end(d->cr, tag);
}

/* The page label readers show (and search by): "Cover", then numbers. */
static void doc_label_page(ssc_doc *d)
{
    char label[32];
    if (d->dry)
        return;
    if (d->page == 1)
        snprintf(label, sizeof label, "%s", d->zh ? "封面" : "Cover");
    else
        snprintf(label, sizeof label, "%d", d->page);
    cairo_pdf_surface_set_page_label(d->surface, label);
}

static void doc_metadata(ssc_doc *d, const ssc_doc_info *info)
{
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, info->title);
    if (info->organisation && info->organisation[0])
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR, info->organisation);
    if (info->subtitle && info->subtitle[0])
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_SUBJECT, info->subtitle);
    if (info->keywords && info->keywords[0])
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_KEYWORDS, info->keywords);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, info->creator);
    /* set explicitly, so that SOURCE_DATE_EPOCH makes the file reproducible */
    if (info->create_date) {
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                       info->create_date);
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_MOD_DATE, info->create_date);
    }
}

int ssc_doc_open(ssc_doc **out, FILE *fp, const ssc_theme *theme, const ssc_doc_info *info,
                 const ssc_doc_plan *plan, ssc_error *err)
{
    ssc_doc *d = calloc(1, sizeof *d);

    *out = NULL;
    if (!d)
        return ssc_error_oom(err);
    d->theme = theme;
    d->info = *info;
    d->plan = plan;
    d->zh = info->language && strcmp(info->language, "zh") == 0;
    /* The dry run only measures: a recording surface lays text out exactly
     * as the PDF does (the canvas fixes the font options) without the cost
     * of writing and subsetting fonts. */
    d->dry = fp == NULL;
    if (d->dry) {
        cairo_rectangle_t page = {0, 0, theme->page_w, theme->page_h};
        d->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
    } else {
        d->surface =
            cairo_pdf_surface_create_for_stream(doc_write, fp, theme->page_w, theme->page_h);
    }
    if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
        ssc_error_set(err, "cannot start the PDF: %s",
                      cairo_status_to_string(cairo_surface_status(d->surface)));
        ssc_doc_free(d);
        return SSC_ERR;
    }
    if (!d->dry)
        doc_metadata(d, info);
    d->cr = cairo_create(d->surface);
    if (doc_cairo_ok(d, err) != SSC_OK ||
        ssc_canvas_init(&d->canvas, d->cr, theme, info->language, info->fonts, err) != SSC_OK) {
        ssc_doc_free(d);
        return SSC_ERR;
    }
    d->canvas.measuring = d->dry;
    d->page = 1;
    d->y = doc_top(d);
    doc_label_page(d);
    cairo_tag_begin(d->cr, "Document", NULL);
    *out = d;
    return SSC_OK;
}

void ssc_doc_free(ssc_doc *d)
{
    if (!d)
        return;
    if (d->cr) {
        ssc_canvas_fini(&d->canvas);
        cairo_destroy(d->cr);
    }
    if (d->surface)
        cairo_surface_destroy(d->surface);
    free(d->heading_pages);
    free(d);
}

void ssc_doc_plan_free(ssc_doc_plan *plan)
{
    if (!plan)
        return;
    free(plan->heading_pages);
    free(plan->first_shortened);
    memset(plan, 0, sizeof *plan);
}

ssc_canvas *ssc_doc_canvas(ssc_doc *d)
{
    return &d->canvas;
}

int ssc_doc_page_count(const ssc_doc *d)
{
    return d->page;
}

/* Header and footer are page furniture, not content, and should be marked
 * as artifacts; cairo 1.16 has no way to do that, so they end up inside
 * whatever structure element is open when a page ends. */
static void doc_furniture(ssc_doc *d)
{
    const ssc_theme *t = d->theme;
    char num[96];
    ssc_text_style st = {.size = t->body_size * 0.8, .colour = t->muted, .max_lines = 1};
    double w = doc_width(d), x = t->margin_left;
    double fy = t->page_h - t->margin_bottom + 14;
    double hy = t->margin_top - 26;

    if (d->page == 1)
        return; /* the cover carries neither */
    doc_page_box(d);
    cairo_save(d->cr);
    doc_colour(d->cr, t->grid);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, x, fy - 6);
    cairo_line_to(d->cr, x + w, fy - 6);
    cairo_move_to(d->cr, x, hy + 16);
    cairo_line_to(d->cr, x + w, hy + 16);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
    /* running header: the report's title */
    ssc_text_draw_at(&d->canvas, x, hy, w, d->info.title, &st);
    /* footer: organisation, and where the reader is */
    if (d->info.organisation && d->info.organisation[0])
        ssc_text_draw_at(&d->canvas, x, fy, w * 0.7, d->info.organisation, &st);
    int total = d->plan ? d->plan->pages : 0;
    if (d->zh)
        snprintf(num, sizeof num, "第 %d 页，共 %d 页", d->page, total);
    else
        snprintf(num, sizeof num, "Page %d of %d", d->page, total);
    st.align = SSC_ALIGN_END;
    ssc_text_draw_at(&d->canvas, x + w * 0.7, fy, w * 0.3, num, &st);
}

int ssc_doc_new_page(ssc_doc *d, ssc_error *err)
{
    doc_furniture(d);
    ssc_progress_note(d->info.progress, d->dry ? SSC_PHASE_LAYOUT : SSC_PHASE_WRITE, d->page,
                      d->plan ? d->plan->pages : 0);
    cairo_show_page(d->cr);
    d->page++;
    d->page_dirty = 0;
    d->y = doc_top(d);
    doc_label_page(d);
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

static int doc_remember_heading(ssc_doc *d)
{
    if (d->n_headings == d->cap_headings) {
        size_t ncap = d->cap_headings ? d->cap_headings * 2 : 16;
        int *np = realloc(d->heading_pages, ncap * sizeof *np);
        if (!np)
            return -1;
        d->heading_pages = np;
        d->cap_headings = ncap;
    }
    d->heading_pages[d->n_headings++] = d->page;
    return 0;
}

int ssc_doc_heading(ssc_doc *d, const char *title, double need, ssc_error *err)
{
    const ssc_theme *t = d->theme;
    ssc_text_style st = {.size = t->body_size * 1.6, .bold = 1, .colour = t->heading};
    double tw, th;
    ssc_box box;
    char attrs[64];

    doc_page_box(d);
    doc_title_measure(d, title, &st, doc_width(d), &tw, &th);
    /* a heading is never left alone at the bottom of a page: it moves on
     * unless the gap above it, itself and need points below it all fit */
    if (d->page_dirty && d->y + 14 + th + 18 + need > doc_bottom(d) &&
        ssc_doc_new_page(d, err) != SSC_OK)
        return SSC_ERR;
    if (d->page_dirty)
        d->y += 14;
    if (ssc_doc_take(d, th + 18, &box, err) != SSC_OK)
        return SSC_ERR;
    if (doc_remember_heading(d) != 0)
        return ssc_error_oom(err);
    doc_page_box(d);
    snprintf(attrs, sizeof attrs, "name='section%zu'", d->n_headings);
    cairo_tag_begin(d->cr, CAIRO_TAG_DEST, attrs);
    doc_colour(d->cr, t->accent);
    cairo_rectangle(d->cr, box.x, box.y + 2, 28, 3);
    cairo_fill(d->cr);
    cairo_tag_begin(d->cr, "H1", NULL);
    ssc_text_style hs = doc_dir(st, title);
    doc_title_draw(d, box.x, box.y + 10, box.w, title, &hs);
    cairo_tag_end(d->cr, "H1");
    cairo_tag_end(d->cr, CAIRO_TAG_DEST);
    snprintf(attrs, sizeof attrs, "dest='section%zu'", d->n_headings);
    if (!d->dry)
        cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT, title, attrs, 0);
    return doc_cairo_ok(d, err);
}

int ssc_doc_continued(ssc_doc *d, const char *title, ssc_error *err)
{
    char text[512];
    snprintf(text, sizeof text, d->zh ? "%s（续）" : "%s (continued)", title);
    return ssc_doc_subheading(d, text, 0, err);
}

int ssc_doc_subheading(ssc_doc *d, const char *text, double need, ssc_error *err)
{
    ssc_text_style st = {.size = d->theme->body_size * 1.1, .bold = 1,
                         .colour = d->theme->muted, .max_lines = 1};
    double tw, th;
    ssc_box box;

    doc_page_box(d);
    doc_title_measure(d, text, &st, doc_width(d), &tw, &th);
    /* like a heading, never alone at the bottom of a page */
    if (d->page_dirty && d->y + th + 10 + need > doc_bottom(d) && ssc_doc_new_page(d, err) != SSC_OK)
        return SSC_ERR;
    if (ssc_doc_take(d, th + 10, &box, err) != SSC_OK)
        return SSC_ERR;
    doc_page_box(d);
    cairo_tag_begin(d->cr, "P", NULL);
    doc_title_draw(d, box.x, box.y, box.w, text, &st);
    cairo_tag_end(d->cr, "P");
    return doc_cairo_ok(d, err);
}

static ssc_text_style doc_caption_style(const ssc_doc *d)
{
    return (ssc_text_style){.size = d->theme->body_size * 0.9, .colour = d->theme->muted};
}

double ssc_doc_caption_height(ssc_doc *d, const char *text)
{
    ssc_text_style st = doc_caption_style(d);
    double th;

    if (!text || !text[0])
        return 0.0;
    ssc_text_measure(&d->canvas, text, &st, doc_width(d), NULL, &th);
    return th + 10;
}

int ssc_doc_caption(ssc_doc *d, const char *text, ssc_error *err)
{
    ssc_text_style st = doc_caption_style(d);
    ssc_box box;

    if (!text || !text[0])
        return SSC_OK;
    doc_page_box(d);
    if (ssc_doc_take(d, ssc_doc_caption_height(d, text), &box, err) != SSC_OK)
        return SSC_ERR;
    doc_page_box(d);
    cairo_tag_begin(d->cr, "P", NULL);
    ssc_text_draw_at(&d->canvas, box.x, box.y + 5, box.w, text, &st);
    cairo_tag_end(d->cr, "P");
    return doc_cairo_ok(d, err);
}

/* The logo, scaled into a box at most w x h, top-left at (x, y). */
static int doc_logo(ssc_doc *d, double x, double y, double w, double h, ssc_error *err)
{
    cairo_surface_t *img = cairo_image_surface_create_from_png(d->info.logo);
    cairo_status_t st = cairo_surface_status(img);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return ssc_error_at(err, d->info.logo, 0, "cannot read the logo (a PNG file): %s",
                            cairo_status_to_string(st));
    }
    double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    double s = iw > 0 && ih > 0 ? (w / iw < h / ih ? w / iw : h / ih) : 1;
    cairo_save(d->cr);
    cairo_tag_begin(d->cr, "Figure", NULL);
    cairo_translate(d->cr, x, y);
    cairo_scale(d->cr, s, s);
    cairo_set_source_surface(d->cr, img, 0, 0);
    cairo_paint(d->cr);
    cairo_tag_end(d->cr, "Figure");
    cairo_restore(d->cr);
    cairo_surface_destroy(img);
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
    if (d->info.logo && doc_logo(d, x, t->margin_top, w * 0.4, band * 0.25, err) != SSC_OK)
        return SSC_ERR;

    doc_title_measure(d, d->info.title, &title, w, &tw, &th);
    y = band - 56 - th;
    cairo_tag_begin(cr, "H1", NULL);
    title = doc_dir(title, d->info.title);
    if (d->info.subtitle && d->info.subtitle[0]) {
        double sw, sh;
        doc_title_measure(d, d->info.subtitle, &sub, w, &sw, &sh);
        y -= sh + 12;
        sub = doc_dir(sub, d->info.subtitle);
        doc_title_draw(d, x, y, w, d->info.title, &title);
        doc_title_draw(d, x, y + th + 12, w, d->info.subtitle, &sub);
    } else {
        doc_title_draw(d, x, y, w, d->info.title, &title);
    }
    cairo_tag_end(cr, "H1");

    y = band + 48;
    cairo_tag_begin(cr, "P", NULL);
    if (d->info.organisation && d->info.organisation[0]) {
        ssc_text_measure(&d->canvas, d->info.organisation, &org, w, &tw, &th);
        org = doc_dir(org, d->info.organisation);
        ssc_text_draw_at(&d->canvas, x, y, w, d->info.organisation, &org);
        y += th + 8;
    }
    if (d->info.period && d->info.period[0]) {
        ssc_text_style per = {.size = 13, .colour = t->text};
        ssc_text_measure(&d->canvas, d->info.period, &per, w, &tw, &th);
        ssc_text_draw_at(&d->canvas, x, y, w, d->info.period, &per);
        y += th + 6;
    }
    if (d->info.date && d->info.date[0])
        ssc_text_draw_at(&d->canvas, x, y, w, d->info.date, &date);
    cairo_tag_end(cr, "P");
    d->page_dirty = 1;
    if (doc_cairo_ok(d, err) != SSC_OK)
        return SSC_ERR;
    return ssc_doc_new_page(d, err);
}

int ssc_doc_contents(ssc_doc *d, const char *const *titles, size_t n, ssc_error *err)
{
    const ssc_theme *t = d->theme;
    ssc_text_style head = {.size = t->body_size * 1.6, .bold = 1, .colour = t->heading};
    ssc_text_style entry = {.size = t->body_size * 1.1, .max_lines = 2};
    ssc_text_style num = {.size = t->body_size * 1.1, .align = SSC_ALIGN_END, .max_lines = 1};
    double w = doc_width(d), tw, th;
    ssc_box box;
    char attrs[64], page[16];

    doc_page_box(d);
    doc_title_measure(d, "Ag", &head, w, &tw, &th);
    if (ssc_doc_take(d, th + 24, &box, err) != SSC_OK)
        return SSC_ERR;
    doc_page_box(d);
    cairo_tag_begin(d->cr, "TOC", NULL);
    cairo_tag_begin(d->cr, "H1", NULL);
    doc_title_draw(d, box.x, box.y, w, d->zh ? "目录" : "Contents", &head);
    cairo_tag_end(d->cr, "H1");
    for (size_t i = 0; i < n; i++) {
        ssc_text_measure(&d->canvas, titles[i], &entry, w - 60, &tw, &th);
        if (ssc_doc_take(d, th + 12, &box, err) != SSC_OK)
            return SSC_ERR;
        doc_page_box(d);
        int p = d->plan && i < d->plan->n_headings ? d->plan->heading_pages[i] : 0;
        snprintf(page, sizeof page, "%d", p);
        snprintf(attrs, sizeof attrs, "dest='section%zu'", i + 1);
        cairo_tag_begin(d->cr, "TOCI", NULL);
        cairo_tag_begin(d->cr, CAIRO_TAG_LINK, attrs);
        ssc_text_draw_at(&d->canvas, box.x, box.y + 4, w - 60, titles[i], &entry);
        ssc_text_draw_at(&d->canvas, box.x + w - 50, box.y + 4, 50, page, &num);
        cairo_tag_end(d->cr, CAIRO_TAG_LINK);
        cairo_tag_end(d->cr, "TOCI");
        /* a dotted leader would be noise at this size: a hairline instead */
        cairo_save(d->cr);
        doc_colour(d->cr, t->grid);
        cairo_set_line_width(d->cr, 0.4);
        cairo_move_to(d->cr, box.x, box.y + th + 10);
        cairo_line_to(d->cr, box.x + w, box.y + th + 10);
        cairo_stroke(d->cr);
        cairo_restore(d->cr);
    }
    cairo_tag_end(d->cr, "TOC");
    if (doc_cairo_ok(d, err) != SSC_OK)
        return SSC_ERR;
    return ssc_doc_new_page(d, err);
}

int ssc_doc_close(ssc_doc *d, ssc_doc_plan *plan, ssc_error *err)
{
    cairo_status_t st;
    size_t shortened;
    char *first_shortened;

    cairo_tag_end(d->cr, "Document");
    doc_furniture(d);
    cairo_show_page(d->cr);
    if (doc_cairo_ok(d, err) != SSC_OK)
        return SSC_ERR;
    if (d->canvas.missing_glyphs)
        return ssc_error_set(err,
                             "the fonts have no glyphs for some characters of \"%.200s\"; "
                             "remove them, or install a font that has them and name it in "
                             "fonts.body of the engine settings (fonts-noto-cjk covers "
                             "Chinese)",
                             d->canvas.missing_glyphs);
    shortened = d->canvas.shortened;
    first_shortened = d->canvas.first_shortened;
    d->canvas.first_shortened = NULL;
    ssc_canvas_fini(&d->canvas);
    cairo_destroy(d->cr);
    d->cr = NULL;
    cairo_surface_finish(d->surface);
    st = cairo_surface_status(d->surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        free(first_shortened);
        return ssc_error_set(err, "cannot finish the PDF: %s", cairo_status_to_string(st));
    }
    if (plan) {
        plan->pages = d->page;
        plan->heading_pages = d->heading_pages;
        plan->n_headings = d->n_headings;
        plan->shortened = shortened;
        plan->first_shortened = first_shortened;
        first_shortened = NULL;
        d->heading_pages = NULL;
        d->n_headings = d->cap_headings = 0;
    }
    free(first_shortened);
    return SSC_OK;
}
