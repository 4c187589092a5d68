/* SPDX-License-Identifier: MIT */
/* The fonts a document is drawn from.
 *
 * Why not simply Pango's default font map: it sorts every installed font
 * (over 400 on a desktop with TeX and the Noto families) for each font
 * size and weight a report uses, twice (Pango measures each font in a
 * context of its own), and Pango 1.50 starts two threads for each sort.
 * At 47 projects that was some 0.05 s of the 0.2 s a report takes.
 *
 * The lean map holds only the fonts a text of the report can be drawn
 * from before Pango falls back to "any installed font with the glyph":
 * the families of the theme's list as fontconfig's rules rewrite it for
 * the report's language, up to the last family the list names, bound
 * strongly (the fonts a generic name such as "sans-serif" stands for are
 * bound weakly, and ranked by language before their order, so a list of
 * generic names alone keeps the default map).  Those fonts rank first in
 * the default map's sort as well, in the same order, so every text they
 * can show is drawn exactly as the default map draws it.  A text with a
 * character none of them has (a Thai title under the built-in lists) is
 * the default map's job: the document gives the lean map up and lays
 * itself out again (ssc_fonts_widen).
 *
 * One map serves both lists, so a theme whose heading list differs from
 * its body list keeps the default map: one list's fonts would otherwise
 * stand in for the other's fallback.  What the lean map cannot see:
 * fontconfig rules that bind a family strongly only for another language
 * than the report's (Pango asks per run: "ar" for Arabic), or only for a
 * weight; and a system <rejectfont> rule naming one of the list's
 * families, which the lean map's own <acceptfont> overrides.  Debian's
 * rules have none of these for the fonts the engine uses. */
#include "draw/fonts.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

struct ssc_fonts {
    PangoFontMap *lean; /* NULL: Pango's default map */
    int widened;        /* the lean map was given up, for why */
    char why[200];
};

/* fontconfig's comparison of family names: case and blanks do not count. */
static int fonts_same(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        a++;
        b++;
    }
}

/* s as XML character data into xml: a family name may hold '&' or '<'. */
static void fonts_escaped(FILE *xml, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", xml); break;
        case '<': fputs("&lt;", xml); break;
        case '>': fputs("&gt;", xml); break;
        default: fputc(*s, xml); break;
        }
    }
}

/* Adds to xml one <pattern> for each family a font may have to be in the
 * lean map because of list: list's families (split at commas as Pango
 * splits them, empty items left out) and what fontconfig's rules put
 * among them for lang, up to the list's last family; strong bindings
 * only, as a family bound weakly ranks after every strong one and so
 * after the list's own.
 * Each accepted family also goes to accepted, a NUL after each.
 * Returns 0, or -1 when the list names no family or memory ran out. */
static int fonts_accept(FcConfig *cfg, const char *list, const char *lang, FILE *xml,
                        FILE *accepted)
{
    FcPattern *p = FcPatternCreate();
    char *names = strdup(list), *name, *save = NULL;
    int last = -1, n_names = 0;
    FcChar8 *family;

    if (!p || !names) {
        if (p)
            FcPatternDestroy(p);
        free(names);
        return -1;
    }
    for (name = strtok_r(names, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)name);
        n_names++;
    }
    FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
    FcConfigSubstitute(cfg, p, FcMatchPattern);

    /* the first place of each family of the list; the last of those ends
     * the families a text reaches before the fallback */
    strcpy(names, list);
    for (name = strtok_r(names, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &family) == FcResultMatch; i++) {
            if (fonts_same((const char *)family, name)) {
                if (i > last)
                    last = i;
                break;
            }
        }
    }
    for (int i = 0; i <= last; i++) {
        FcValue v;
        FcValueBinding b;
        if (FcPatternGetWithBinding(p, FC_FAMILY, i, &v, &b) != FcResultMatch ||
            v.type != FcTypeString || b != FcValueBindingStrong)
            continue;
        fputs("<pattern><patelt name=\"family\"><string>", xml);
        fonts_escaped(xml, (const char *)v.u.s);
        fwrite(v.u.s, 1, strlen((const char *)v.u.s) + 1, accepted);
        /* what 70-no-bitmaps rejects stays out, as an accepted font
         * would override every rejection of the system's settings */
        fputs("</string></patelt><patelt name=\"scalable\"><bool>true</bool>"
              "</patelt></pattern>\n",
              xml);
    }
    FcPatternDestroy(p);
    free(names);
    return n_names > 0 && last >= 0 ? 0 : -1;
}

/* 1 when every font of cfg has one of the families accepted (names:
 * len bytes, each name followed by a NUL): the system's own <acceptfont>
 * rules (70-yes-bitmaps) come before the lean map's rejection of every
 * other font, and would let other fonts in. */
static int fonts_only_accepted(FcConfig *cfg, const char *names, size_t len)
{
    FcFontSet *set = FcConfigGetFonts(cfg, FcSetSystem);

    if (!set || set->nfont <= 0)
        return 0;
    for (int i = 0; i < set->nfont; i++) {
        FcChar8 *family;
        int found = 0;
        for (int k = 0; !found && FcPatternGetString(set->fonts[i], FC_FAMILY, k, &family) ==
                                      FcResultMatch;
             k++)
            for (size_t at = 0; !found && at < len; at += strlen(names + at) + 1)
                found = fonts_same((const char *)family, names + at);
        if (!found)
            return 0;
    }
    return 1;
}

/* The system's fontconfig settings with only the fonts list reaches, or
 * NULL. */
static FcConfig *fonts_config(const char *list, const char *fclang)
{
    FcConfig *cfg = FcInitLoadConfig(); /* the settings, without fonts yet */
    char *xml_s = NULL, *names = NULL;
    size_t xml_len = 0, names_len = 0;
    FILE *xml = open_memstream(&xml_s, &xml_len);
    FILE *accepted = open_memstream(&names, &names_len);
    int ok = cfg && xml && accepted;

    if (ok) {
        fputs("<?xml version=\"1.0\"?>\n<fontconfig><selectfont><acceptfont>\n", xml);
        ok = fonts_accept(cfg, list, fclang, xml, accepted) == 0;
        /* an empty pattern matches every font: all but the accepted are out */
        fputs("</acceptfont><rejectfont><pattern/></rejectfont></selectfont></fontconfig>\n",
              xml);
    }
    /* a stream that failed to grow says so when it is closed */
    if (xml && fclose(xml) != 0)
        ok = 0;
    if (accepted && fclose(accepted) != 0)
        ok = 0;
    ok = ok && FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml_s, FcFalse) &&
         FcConfigBuildFonts(cfg) && fonts_only_accepted(cfg, names, names_len);
    free(xml_s);
    free(names);
    if (!ok && cfg)
        FcConfigDestroy(cfg);
    return ok ? cfg : NULL;
}

ssc_fonts *ssc_fonts_new(const ssc_theme *theme, const char *lang)
{
    ssc_fonts *f = calloc(1, sizeof *f);
    /* the language Pango gives fontconfig (canvas.c sets it) */
    const char *fclang = lang && strncmp(lang, "zh", 2) == 0 ? "zh-cn" : "en";
    FcConfig *cfg;

    if (!f)
        return NULL;
    if (strcmp(theme->font_body, theme->font_heading) != 0)
        return f; /* see above: one map, one list */
    cfg = fonts_config(theme->font_body, fclang);
    if (!cfg)
        return f;
    f->lean = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (f->lean)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->lean), cfg);
    FcConfigDestroy(cfg); /* the map holds its own reference */
    return f;
}

void ssc_fonts_free(ssc_fonts *f)
{
    if (!f)
        return;
    if (f->lean)
        g_object_unref(f->lean);
    free(f);
}

PangoFontMap *ssc_fonts_map(const ssc_fonts *f)
{
    return f ? f->lean : NULL;
}

int ssc_fonts_widen(ssc_fonts *f, const char *text)
{
    if (!f || !f->lean)
        return 0;
    g_object_unref(f->lean);
    f->lean = NULL;
    f->widened = 1;
    snprintf(f->why, sizeof f->why, "%s", text ? text : "");
    return 1;
}

const char *ssc_fonts_widened(const ssc_fonts *f)
{
    return f && f->widened ? f->why : NULL;
}
