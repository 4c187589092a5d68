/* SPDX-License-Identifier: MIT */
/* pngdiff: compares two PNG images pixel by pixel, for the visual
 * regression test (tests/draw/visual-pages.sh).
 *
 *   pngdiff [-t TOLERANCE] [-p MAX_PERCENT] [-d DIFF.png] EXPECTED.png ACTUAL.png
 *
 * The images must have the same size.  A pixel differs when any of its
 * channels (alpha, red, green, blue) differs by more than TOLERANCE
 * (0-255, default 0).  Prints one line with the number and the share of
 * differing pixels, and the largest channel difference seen.  With -d,
 * writes an image of the differences: EXPECTED faded to a light grey, the
 * differing pixels in solid red, so a reviewer sees where they are.
 *
 * Exit status: 0 when the share of differing pixels is at most
 * MAX_PERCENT (default 0), 1 when it is more, 2 on bad input (usage, an
 * unreadable or non-PNG file, different sizes, a diff image that cannot be
 * written).
 *
 * Only cairo is used, the library the engine already depends on, so the
 * test needs nothing more than the build does. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

static const char usage_text[] =
    "usage: pngdiff [-t TOLERANCE] [-p MAX_PERCENT] [-d DIFF.png] EXPECTED.png ACTUAL.png\n"
    "  -t N   a pixel differs when a channel differs by more than N (0-255; default 0)\n"
    "  -p P   succeed when at most P percent of the pixels differ (default 0)\n"
    "  -d F   write an image of the differences (differing pixels in red) to F\n"
    "exit status: 0 within the limit, 1 beyond it, 2 on bad input\n";

enum { EXIT_SAME = 0, EXIT_DIFFERENT = 1, EXIT_BAD = 2 };

static int bad(const char *what, const char *arg)
{
    fprintf(stderr, "pngdiff: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    return EXIT_BAD;
}

/* Parses a decimal number between lo and hi; returns 0 on success. */
static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (end == s || *end || errno || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

/* Loads a PNG as a premultiplied ARGB32 image surface.  cairo hands back
 * RGB24 or ARGB32 depending on the file (and may use other formats for
 * unusual ones), so the image is painted onto a surface of one known
 * format: the comparison then reads four bytes per pixel whatever the
 * file held.  Returns NULL after printing why. */
static cairo_surface_t *load_png(const char *path)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    unsigned char head[8];
    FILE *fp = fopen(path, "rb");

    /* cairo 1.16 says "out of memory" for a file that is not a PNG: look
     * at the signature first, to say what is really wrong */
    if (!fp) {
        fprintf(stderr, "pngdiff: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t n_read = fread(head, 1, sizeof head, fp);
    fclose(fp);
    if (n_read != sizeof head || memcmp(head, signature, sizeof head) != 0) {
        fprintf(stderr, "pngdiff: %s is not a PNG file\n", path);
        return NULL;
    }

    cairo_surface_t *src = cairo_image_surface_create_from_png(path);
    cairo_status_t st = cairo_surface_status(src);

    if (st != CAIRO_STATUS_SUCCESS) {
        /* a damaged PNG: cairo's words are all there is to say */
        fprintf(stderr, "pngdiff: cannot read %s: %s\n", path, cairo_status_to_string(st));
        cairo_surface_destroy(src);
        return NULL;
    }
    int w = cairo_image_surface_get_width(src), h = cairo_image_surface_get_height(src);
    if (w <= 0 || h <= 0) {
        fprintf(stderr, "pngdiff: %s has no pixels\n", path);
        cairo_surface_destroy(src);
        return NULL;
    }
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if ((st = cairo_surface_status(img)) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pngdiff: %s: %s\n", path, cairo_status_to_string(st));
        cairo_surface_destroy(img);
        cairo_surface_destroy(src);
        return NULL;
    }
    cairo_t *cr = cairo_create(img);
    /* SOURCE, not OVER: copy the pixels exactly, transparency included */
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr, src, 0, 0);
    cairo_paint(cr);
    st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(src);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pngdiff: %s: %s\n", path, cairo_status_to_string(st));
        cairo_surface_destroy(img);
        return NULL;
    }
    cairo_surface_flush(img);
    return img;
}

/* One ARGB32 pixel as a 32-bit word in native byte order, as cairo stores
 * it: alpha in bits 24-31, then red, green, blue. */
static uint32_t pixel_at(const unsigned char *data, int stride, int x, int y)
{
    uint32_t p;
    memcpy(&p, data + (size_t)y * (size_t)stride + (size_t)x * 4, sizeof p);
    return p;
}

static unsigned channel_diff(uint32_t a, uint32_t b, int shift)
{
    int ca = (int)((a >> shift) & 0xFF), cb = (int)((b >> shift) & 0xFF);
    return (unsigned)(ca > cb ? ca - cb : cb - ca);
}

int main(int argc, char **argv)
{
    double tolerance = 0, max_percent = 0;
    const char *diff_path = NULL, *paths[2] = {NULL, NULL};
    int n_paths = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            return EXIT_SAME;
        }
        if (!strcmp(a, "-t") || !strcmp(a, "-p") || !strcmp(a, "-d")) {
            if (i + 1 >= argc) {
                fputs(usage_text, stderr);
                return bad("a value is missing after", a);
            }
            const char *v = argv[++i];
            if (a[1] == 'd')
                diff_path = v;
            else if (a[1] == 't' && (parse_number(v, 0, 255, &tolerance) != 0 ||
                                     tolerance != (double)(unsigned)tolerance))
                return bad("the tolerance is not a whole number from 0 to 255", v);
            else if (a[1] == 'p' && parse_number(v, 0, 100, &max_percent) != 0)
                return bad("the percentage is not a number from 0 to 100", v);
            continue;
        }
        if (a[0] == '-' && a[1]) {
            fputs(usage_text, stderr);
            return bad("unknown option", a);
        }
        if (n_paths == 2) {
            fputs(usage_text, stderr);
            return bad("more than two images given", a);
        }
        paths[n_paths++] = a;
    }
    if (n_paths != 2) {
        fputs(usage_text, stderr);
        return EXIT_BAD;
    }

    cairo_surface_t *want = load_png(paths[0]);
    if (!want)
        return EXIT_BAD;
    cairo_surface_t *got = load_png(paths[1]);
    if (!got) {
        cairo_surface_destroy(want);
        return EXIT_BAD;
    }
    int w = cairo_image_surface_get_width(want), h = cairo_image_surface_get_height(want);
    int aw = cairo_image_surface_get_width(got), ah = cairo_image_surface_get_height(got);
    if (w != aw || h != ah) {
        /* a different size means a different page size or resolution: no
         * pixel-wise comparison makes sense */
        fprintf(stderr, "pngdiff: the images differ in size: %s is %dx%d, %s is %dx%d\n",
                paths[0], w, h, paths[1], aw, ah);
        cairo_surface_destroy(want);
        cairo_surface_destroy(got);
        return EXIT_BAD;
    }

    /* The diff image: a new ARGB32 surface of the same size, every pixel
     * of which is written in the loop below. */
    cairo_surface_t *diff = NULL;
    unsigned char *dd = NULL;
    if (diff_path) {
        diff = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        if (cairo_surface_status(diff) != CAIRO_STATUS_SUCCESS) {
            fprintf(stderr, "pngdiff: cannot make the diff image: %s\n",
                    cairo_status_to_string(cairo_surface_status(diff)));
            cairo_surface_destroy(diff);
            cairo_surface_destroy(want);
            cairo_surface_destroy(got);
            return EXIT_BAD;
        }
        cairo_surface_flush(diff);
        dd = cairo_image_surface_get_data(diff);
    }

    const unsigned char *ed = cairo_image_surface_get_data(want);
    const unsigned char *ad = cairo_image_surface_get_data(got);
    /* NULL only for a surface in an error state, which load_png and the
     * check above rule out; checked all the same rather than crash */
    if (!ed || !ad || (diff && !dd)) {
        fputs("pngdiff: cannot access the pixels\n", stderr);
        cairo_surface_destroy(diff);
        cairo_surface_destroy(want);
        cairo_surface_destroy(got);
        return EXIT_BAD;
    }
    int es = cairo_image_surface_get_stride(want), as = cairo_image_surface_get_stride(got);
    int ds = diff ? cairo_image_surface_get_stride(diff) : 0;
    unsigned long long differing = 0, total = (unsigned long long)w * (unsigned long long)h;
    unsigned max_seen = 0, tol = (unsigned)tolerance;

    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            uint32_t pe = pixel_at(ed, es, x, y), pa = pixel_at(ad, as, x, y);
            unsigned worst = 0;
            for (int shift = 0; shift < 32; shift += 8) {
                unsigned d = channel_diff(pe, pa, shift);
                if (d > worst)
                    worst = d;
            }
            if (worst > max_seen)
                max_seen = worst;
            int differs = worst > tol;
            differing += (unsigned long long)differs;
            if (dd) {
                uint32_t out;
                if (differs) {
                    out = 0xFFFF0000u; /* opaque red */
                } else {
                    /* the expected pixel's grey level, faded towards white
                     * so that the red stands out; alpha kept opaque */
                    unsigned r = (pe >> 16) & 0xFF, g = (pe >> 8) & 0xFF, b = pe & 0xFF;
                    unsigned grey = (r * 30 + g * 59 + b * 11) / 100;
                    unsigned faded = 255 - (255 - grey) / 4;
                    out = 0xFF000000u | (faded << 16) | (faded << 8) | faded;
                }
                memcpy(dd + (size_t)y * (size_t)ds + (size_t)x * 4, &out, sizeof out);
            }
        }
    }

    int status = EXIT_SAME;
    if (diff) {
        cairo_surface_mark_dirty(diff);
        cairo_status_t st = cairo_surface_write_to_png(diff, diff_path);
        if (st != CAIRO_STATUS_SUCCESS) {
            fprintf(stderr, "pngdiff: cannot write %s: %s\n", diff_path,
                    cairo_status_to_string(st));
            status = EXIT_BAD;
        }
        cairo_surface_destroy(diff);
    }
    cairo_surface_destroy(want);
    cairo_surface_destroy(got);

    double percent = 100.0 * (double)differing / (double)total;
    printf("%llu of %llu pixels differ (%.4f%%) by more than %u per channel; "
           "largest channel difference %u; limit %.4f%%\n",
           differing, total, percent, tol, max_seen, max_percent);
    if (status == EXIT_BAD)
        return status;
    /* compare counts, not rounded percentages, so that a limit of 0 means
     * "not a single pixel" */
    return (double)differing <= max_percent / 100.0 * (double)total ? EXIT_SAME : EXIT_DIFFERENT;
}
