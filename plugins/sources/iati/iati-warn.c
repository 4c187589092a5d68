/* SPDX-License-Identifier: MIT */
/* The plugin's warnings, grouped by kind so that a file with the same gap in
 * every activity gives a line or two rather than thousands (docs/iati.md,
 * Warnings and errors):
 *  - a warning about an element (iati_warn) is shown in full the first time
 *    its kind occurs, so the first of each kind names its line exactly; the
 *    later ones of the kind become one line after the file, which quotes
 *    the second in full and counts the rest, with the lines of a few;
 *  - a fallback (iati_fallback_used), where the plugin fills in what an
 *    activity lacks, is only counted: after the file, one line per kind
 *    says how many activities and at which lines.
 * A kind of warning is its format string, so each call site is one kind. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "iati-internal.h"

static iati_kind *iati_kind_of(iati_reader *r, const char *fmt)
{
    for (int i = 0; i < IATI_KINDS_MAX; i++) {
        iati_kind *k = &r->kinds[i];

        if (!k->fmt)
            k->fmt = fmt;
        if (k->fmt == fmt)
            return k;
    }
    return NULL; /* more call sites than kinds: each is then shown as it comes */
}

static void iati_tally_add(iati_tally *t, long line)
{
    if (t->count < IATI_EXAMPLES)
        t->lines[t->count] = line;
    t->count++;
}

void iati_warn(iati_reader *r, long line, const char *fmt, ...)
{
    iati_kind *k = iati_kind_of(r, fmt);
    char msg[1024];
    va_list ap;

    /* past the second of a kind only the line is kept: no formatting on
     * a file that repeats one gap in every activity */
    if (k && k->seen >= 2) {
        k->seen++;
        iati_tally_add(&k->more, line);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!k || ++k->seen == 1) {
        ssc_source_warn(r->src, line, "%s", msg);
    } else {
        k->second_line = line;
        snprintf(k->second, sizeof k->second, "%s", msg);
    }
}

void iati_fallback_used(iati_reader *r, iati_fallback kind, long line)
{
    iati_tally_add(&r->fallbacks[kind], line);
}

/* "at line 5", "at lines 5, 9" or, when there were more than the lines
 * kept, "e.g. lines 5, 9, 12". */
static void iati_lines(const iati_tally *t, char *buf, size_t size)
{
    long shown = t->count < IATI_EXAMPLES ? t->count : IATI_EXAMPLES;
    size_t used;

    snprintf(buf, size, "%s line%s ", t->count > IATI_EXAMPLES ? "e.g." : "at",
             shown == 1 ? "" : "s");
    used = strlen(buf);
    for (long i = 0; i < shown && used < size; i++) {
        snprintf(buf + used, size - used, "%s%ld", i ? ", " : "", t->lines[i]);
        used += strlen(buf + used);
    }
}

void iati_warn_summary(iati_reader *r)
{
    /* What the activities lacked; then what was done instead. */
    static const char *const what[IATI_FALLBACK_COUNT] = {
        "no iati-identifier; the id is the file's name, '#' and the activity's place in the "
        "file",
        "no title; the iati-identifier is the title",
        "no start date; no start year, so counted in every chart except those by year",
        "end date before start date; the end date is left out",
        "no activity-status code from 1 to 6; the status is ongoing if the activity has an "
        "actual start date and no actual end date, else pipeline",
    };
    char lines[64];

    for (int f = 0; f < IATI_FALLBACK_COUNT; f++) {
        const iati_tally *t = &r->fallbacks[f];

        if (t->count == 0)
            continue;
        iati_lines(t, lines, sizeof lines);
        if (f == IATI_FALLBACK_ID)
            ssc_source_warn(r->src, t->lines[0], "%ld %s: %s (the first: %s#%ld), %s",
                            t->count, t->count == 1 ? "activity" : "activities", what[f],
                            r->file, r->first_unnamed, lines);
        else
            ssc_source_warn(r->src, t->lines[0], "%ld %s: %s, %s", t->count,
                            t->count == 1 ? "activity" : "activities", what[f], lines);
    }
    for (int i = 0; i < IATI_KINDS_MAX && r->kinds[i].fmt; i++) {
        const iati_kind *k = &r->kinds[i];

        if (k->seen < 2)
            continue;
        if (k->more.count == 0) {
            ssc_source_warn(r->src, k->second_line, "%s", k->second);
            continue;
        }
        iati_lines(&k->more, lines, sizeof lines);
        ssc_source_warn(r->src, k->second_line, "%s (and %ld more of this kind, %s)", k->second,
                        k->more.count, lines);
    }
}
