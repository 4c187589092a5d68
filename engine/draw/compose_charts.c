/* SPDX-License-Identifier: MIT */
/* Charts for slides (see ssc_compose_charts in compose.h): each section
 * drawn as a chart, alone, into a PNG and an SVG file. */
#include "draw/compose.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo-svg.h>

#include "draw/compose_impl.h"

static cairo_status_t compose_write(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
}

/* compose_chart_on's answer when the chart met a character the lean fonts
 * lack and the fonts widened: draw it again. */
#define COMPOSE_AGAIN 1

/* Draws section i's chart on surface (w x h points, scaled by scale). */
static int compose_chart_on(const ssc_compose *cc, size_t i, cairo_surface_t *surface, double w,
                            double h, double scale, ssc_error *err)
{
    cairo_t *cr = cairo_create(surface);
    ssc_canvas c;
    int rc;

    cairo_scale(cr, scale, scale);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    if (ssc_canvas_init(&c, cr, cc->theme, cc->report->language, ssc_fonts_map(cc->fonts),
                        err) != SSC_OK) {
        cairo_destroy(cr);
        return SSC_ERR;
    }
    c.box = (ssc_box){12, 12, w - 24, h - 24};
    const ssc_section *s = &cc->sections[i];
    ssc_chart_kind kind = ssc_compose_kind(s);
    if (kind == SSC_CHART_CUSTOM) {
        ssc_error perr;
        ssc_error_clear(&perr);
        rc = s->plugin->render(&c, cc->tables[i], s, &perr);
        if (rc != SSC_OK)
            ssc_error_set(err, "section %zu (%s): %s", i + 1, s->plugin->name, perr.message);
    } else {
        rc = ssc_chart_draw(&c, cc->tables[i], kind, err);
    }
    /* a chart file may show labels the document did not (it is taller) */
    if (rc == SSC_OK && c.missing_glyphs && ssc_fonts_map(cc->fonts) &&
        ssc_fonts_widen(cc->fonts, c.missing_glyphs))
        rc = COMPOSE_AGAIN;
    ssc_canvas_fini(&c);
    if (rc != SSC_ERR && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        rc = ssc_error_set(err, "drawing failed: %s", cairo_status_to_string(cairo_status(cr)));
    cairo_destroy(cr);
    return rc;
}

static cairo_surface_t *compose_svg(FILE *fp, double w, double h)
{
    cairo_surface_t *vec = cairo_svg_surface_create_for_stream(compose_write, fp, w, h);
    cairo_svg_surface_set_document_unit(vec, CAIRO_SVG_UNIT_PT);
    return vec;
}

static int compose_chart_files(const ssc_compose *cc, size_t i, const char *dir, double w,
                               double h, ssc_atomic *png, ssc_atomic *svg, ssc_error *err)
{
    char path[4096];
    const char *name = cc->sections[i].plugin->name;
    int rc;

    snprintf(path, sizeof path, "%s/%02zu-%s.png", dir, i + 1, name);
    if (ssc_atomic_open(png, path, err) != SSC_OK)
        return SSC_ERR;
    double scale = 150.0 / 72.0;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * scale),
                                                      (int)ceil(h * scale));
    rc = compose_chart_on(cc, i, img, w, h, scale, err);
    if (rc == COMPOSE_AGAIN) /* on a clean surface, from every installed font */
        rc = compose_chart_on(cc, i, img, w, h, scale, err);
    if (rc == SSC_OK) {
        cairo_surface_flush(img);
        /* cairo's PNG writer has no pHYs chunk: the 150 dpi is in the size */
        if (cairo_surface_write_to_png_stream(img, compose_write, png->fp) != CAIRO_STATUS_SUCCESS)
            rc = ssc_error_at(err, path, 0, "cannot write the PNG");
    }
    cairo_surface_destroy(img);
    if (rc != SSC_OK || ssc_atomic_finish(png, err) != SSC_OK)
        return SSC_ERR;

    snprintf(path, sizeof path, "%s/%02zu-%s.svg", dir, i + 1, name);
    if (ssc_atomic_open(svg, path, err) != SSC_OK)
        return SSC_ERR;
    cairo_surface_t *vec = compose_svg(svg->fp, w, h);
    rc = compose_chart_on(cc, i, vec, w, h, 1.0, err);
    if (rc == COMPOSE_AGAIN) {
        /* the PNG drew the same texts, so this is unlikely; an SVG keeps
         * what was drawn, so it starts again in an emptied file */
        cairo_surface_finish(vec);
        cairo_surface_destroy(vec);
        if (ssc_compose_rewind(svg->fp) != 0)
            return ssc_error_at(err, path, 0, "cannot write the SVG again: %s", strerror(errno));
        vec = compose_svg(svg->fp, w, h);
        rc = compose_chart_on(cc, i, vec, w, h, 1.0, err);
    }
    cairo_surface_finish(vec);
    if (rc == SSC_OK && cairo_surface_status(vec) != CAIRO_STATUS_SUCCESS)
        rc = ssc_error_at(err, path, 0, "cannot write the SVG: %s",
                          cairo_status_to_string(cairo_surface_status(vec)));
    cairo_surface_destroy(vec);
    if (rc != SSC_OK)
        return SSC_ERR;
    return ssc_atomic_finish(svg, err);
}

int ssc_compose_charts(const ssc_compose *cc, const char *dir, ssc_atomic **files,
                       size_t *n_files, ssc_error *err)
{
    double w = cc->theme->page_w - cc->theme->margin_left - cc->theme->margin_right;
    double body = cc->theme->page_h - cc->theme->margin_top - cc->theme->margin_bottom;

    *files = calloc(cc->n * 2 + 1, sizeof **files);
    *n_files = 0;
    if (!*files)
        return ssc_error_oom(err);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ssc_error_at(err, dir, 0, "cannot create the charts folder: %s", strerror(errno));
    /* a canvas only to measure chart heights */
    cairo_surface_t *probe = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *pcr = cairo_create(probe);
    ssc_canvas pc;
    int rc = ssc_canvas_init(&pc, pcr, cc->theme, cc->report->language,
                             ssc_fonts_map(cc->fonts), err);
    for (size_t i = 0; rc == SSC_OK && i < cc->n; i++) {
        ssc_chart_kind kind = ssc_compose_kind(&cc->sections[i]);
        if (kind == SSC_CHART_TABLE || ssc_table_rows(cc->tables[i]) == 0)
            continue;
        /* a custom section gets the height it gets in the document (a
         * spotlight's story needs its half page); a chart, its natural
         * height, however long its bars run */
        double h = kind == SSC_CHART_CUSTOM ? ssc_compose_height(cc, &pc, i, kind, w - 24, body)
                                            : ssc_chart_height(&pc, cc->tables[i], kind, w - 24);
        /* an image taller than a few pages is no use on a slide, and cairo
         * refuses images past 32767 pixels */
        if (!isfinite(h) || h < 24)
            h = 24;
        if (h > 4 * w)
            h = 4 * w;
        *n_files += 2;
        rc = compose_chart_files(cc, i, dir, w, h + 24, &(*files)[*n_files - 2],
                                 &(*files)[*n_files - 1], err);
    }
    if (pc.layout)
        ssc_canvas_fini(&pc);
    cairo_destroy(pcr);
    cairo_surface_destroy(probe);
    return rc;
}
