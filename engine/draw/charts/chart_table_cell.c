/* SPDX-License-Identifier: MIT */
/* A table's cells laid out with Pango (see table_plan.h): one cell's
 * layout, for measuring and drawing; and the cells of a table laid out
 * before, kept.  Shaping cells is most of the cost of a long table, and
 * most cells of a project table repeat (a status, a country, an
 * institution, a year, the header on every page): a cell already laid out
 * with the same text in the same column is measured or drawn again from
 * its layout instead of being shaped again.  The cache has a fixed number
 * of slots, each holding the last cell whose text hashed there, so its
 * memory does not grow with the rows or the pages; a slot keeps its layout
 * and its text buffer when it is taken over, so a miss allocates nothing
 * once the slots are warm.
 *
 * The same text, column, style and Pango context give the same layout, so
 * the PDF is the same byte for byte with the cache or without it. */
#include "draw/charts/table_plan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- one cell ----------------------------------------------------------------- */

/* An ideograph (not Chinese punctuation, which separates words). */
static int table_ideograph(gunichar u)
{
    return u >= 0x2E80 && !(u >= 0x3000 && u <= 0x303F) && !(u >= 0xFE30 && u <= 0xFE4F) &&
           !(u >= 0xFF00 && u <= 0xFFEF);
}

/* Pango has no Chinese dictionary and breaks between any two ideographs,
 * so 密克罗尼西亚 could end a line with 亚 alone on the next.  A run of at
 * most `most` ideographs (a name: 肯尼亚, 已完成; a whole heading) is kept
 * on one line when the column has room for it; a longer run (a title)
 * still breaks where it must.  Ideographs are one em wide. */
static void table_keep_words(PangoLayout *pl, double inner, double em, size_t most)
{
    const char *text = pango_layout_get_text(pl), *p = text, *run = NULL;
    PangoAttrList *list = NULL;
    size_t n = 0;

    for (;;) {
        gunichar u = *p ? g_utf8_get_char(p) : 0;
        if (table_ideograph(u)) {
            if (!run)
                run = p;
            n++;
        } else {
            if (run && n > 1 && n <= most && (double)n * em <= inner) {
                PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
                if (!list)
                    list = pango_attr_list_new();
                a->start_index = (guint)(run - text);
                a->end_index = (guint)(p - text);
                pango_attr_list_insert(list, a);
            }
            run = NULL;
            n = 0;
        }
        if (!*p)
            break;
        p = g_utf8_next_char(p);
    }
    if (list) {
        pango_layout_set_attributes(pl, list);
        pango_attr_list_unref(list);
    }
}

/* Sets l up for a cell's text in column j and lays it out. */
static PangoLayout *table_setup(ssc_canvas *c, const ssc_table_plan *P, PangoLayout *l,
                                const char *text, size_t j, const ssc_text_style *st, int header)
{
    double inner = P->w[j] - 2.0 * SSC_TABLE_PAD_X;
    ssc_text_setup(c, l, text, st, inner);
    for (const unsigned char *q = (const unsigned char *)text; *q; q++)
        if (*q >= 0x80) {
            table_keep_words(l, inner, st->size, header ? (size_t)-1 : SSC_TABLE_CJK_WORD);
            break;
        }
    if (!c->missing_glyphs && pango_layout_get_unknown_glyphs_count(l) > 0)
        c->missing_glyphs = strdup(text);
    return l;
}

PangoLayout *ssc_table_layout(ssc_canvas *c, const ssc_table_plan *P, const char *text, size_t j,
                              const ssc_text_style *st, int header)
{
    pango_cairo_update_layout(c->cr, c->layout);
    return table_setup(c, P, c->layout, text, j, st, header);
}

/* ---- the cells drawn ---------------------------------------------------------- */

#define TABLE_CACHE_SLOTS 1024 /* a power of two */

typedef struct table_slot {
    PangoLayout *pl; /* NULL: never used */
    char *text;      /* the cell's text while used is 1 */
    size_t len;      /* its length: compared first, so memcmp never reads past it */
    size_t cap;      /* bytes text can hold */
    size_t j;
    int header, align, used;
} table_slot;

/* The slots' layouts share a Pango context of their own, set up as the
 * canvas's once: the canvas's context is updated from Cairo for every
 * text laid out on it (ssc_text_layout), and each update marks every
 * layout of that context as changed, to be shaped again.
 *
 * The cache lives in the table's plan, which both passes of the document
 * share, and it outlives the dry run's canvas: a context set up by
 * ssc_canvas_layout_new depends only on the fonts, the language and the
 * transform's linear part (the canvas fixes the font options, which the
 * recording surface of the dry run and the PDF surface merge alike), so
 * the real pass draws the cells the dry run shaped. */
struct ssc_table_cache {
    PangoLayout *base;  /* owns the context; NULL: not set up */
    PangoFontMap *fonts; /* the canvas's fonts, */
    const char *lang;    /* language */
    double m[4];         /* and Cairo transform's linear part it was set up for */
    table_slot slot[TABLE_CACHE_SLOTS];
};

static size_t table_cache_hash(const char *text, size_t len, size_t j, int header, int align)
{
    uint64_t h = 14695981039346656037u ^ ((uint64_t)j * 0x9E3779B97F4A7C15u) ^
                 (uint64_t)header ^ ((uint64_t)align << 1);
    for (size_t k = 0; k < len; k++) {
        h ^= (unsigned char)text[k];
        h *= 1099511628211u;
    }
    return (size_t)(h ^ (h >> 29)) & (TABLE_CACHE_SLOTS - 1);
}

static void table_cache_clear(ssc_table_cache *K)
{
    for (size_t k = 0; k < TABLE_CACHE_SLOTS; k++) {
        if (K->slot[k].pl)
            g_object_unref(K->slot[k].pl);
        free(K->slot[k].text);
    }
    memset(K->slot, 0, sizeof K->slot);
    if (K->base)
        g_object_unref(K->base);
    K->base = NULL;
}

void ssc_table_cache_free(ssc_table_cache *K)
{
    if (!K)
        return;
    table_cache_clear(K);
    free(K);
}

/* 1 when the cache's context is set up as canvas c's would be now: the
 * same fonts, language and transform; else it starts afresh.  (The fonts
 * change only when the document widens them, and then it starts again
 * with new plans.) */
static int table_cache_ready(ssc_table_cache *K, ssc_canvas *c)
{
    cairo_matrix_t m;

    cairo_get_matrix(c->cr, &m);
    if (K->base && K->fonts == c->fonts && strcmp(K->lang, c->lang) == 0 && K->m[0] == m.xx &&
        K->m[1] == m.yx && K->m[2] == m.xy && K->m[3] == m.yy)
        return 1;
    table_cache_clear(K);
    K->base = ssc_canvas_layout_new(c->cr, c->lang, c->fonts);
    if (!K->base)
        return 0;
    K->fonts = c->fonts;
    K->lang = c->lang;
    K->m[0] = m.xx;
    K->m[1] = m.yx;
    K->m[2] = m.xy;
    K->m[3] = m.yy;
    return 1;
}

PangoLayout *ssc_table_cache_layout(ssc_canvas *c, ssc_table_plan *P, const char *text, size_t j,
                                    const ssc_text_style *st, int header)
{
    ssc_table_cache *K = P->cache;
    size_t len = strlen(text);
    table_slot *s;

    if (!K) {
        K = P->cache = calloc(1, sizeof *K);
        if (!K) /* no room for a cache: every cell is shaped, as before */
            return ssc_table_layout(c, P, text, j, st, header);
    }
    if (!table_cache_ready(K, c))
        return ssc_table_layout(c, P, text, j, st, header);
    s = &K->slot[table_cache_hash(text, len, j, header, (int)st->align)];
    if (s->used && s->j == j && s->header == header && s->align == (int)st->align &&
        s->len == len && memcmp(s->text, text, len) == 0)
        return s->pl;
    /* a miss: the slot's layout, set up and shaped afresh for this text */
    if (len + 1 > s->cap) {
        char *bigger = realloc(s->text, len + 1);
        if (!bigger)
            return ssc_table_layout(c, P, text, j, st, header);
        s->text = bigger;
        s->cap = len + 1;
    }
    if (!s->pl) {
        s->pl = pango_layout_copy(K->base); /* its context and settings */
        if (!s->pl)
            return ssc_table_layout(c, P, text, j, st, header);
    }
    s->used = 0;
    table_setup(c, P, s->pl, text, j, st, header);
    memcpy(s->text, text, len + 1);
    s->len = len;
    s->j = j;
    s->header = header;
    s->align = (int)st->align;
    s->used = 1;
    return s->pl;
}
