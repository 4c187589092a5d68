/* SPDX-License-Identifier: MIT */
/* test-iati-fallbacks: the iati source plugin's fallbacks (docs/iati.md,
 * Fallbacks), run without the engine as test-iati is (iati-fake.c): an
 * activity without an identifier, a title, dates or a status, in the 2.0x
 * and the 1.0x form, and warnings of one kind grouped after the first two.
 * Every expected value is worked out from the table of cases by the rules
 * of docs/iati.md; line numbers are computed from the XML text, never
 * hard-coded. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "iati-fake.h"

/* ---- fallbacks (docs/iati.md, Fallbacks) -------------------------------- */

/* One activity of the fallback file: what it gives, written in the 2.0x or
 * the 1.0x form by fb_write.  The expected row and warnings are worked out
 * from this table by fb_expect, by the rules of docs/iati.md. */
typedef struct fb_case {
    const char *id;      /* NULL: no iati-identifier; blanks: an empty one */
    const char *title;   /* NULL: no title; "": an empty one */
    const char *date[5]; /* by activity-date type: 1 planned start, 2 actual start,
                            3 planned end, 4 actual end; NULL: none */
    const char *status;  /* the activity-status code; NULL: no activity-status */
} fb_case;

static const fb_case fb_cases[] = {
    {"F-1", "Complete", {NULL, "2015-01-01", "2015-03-01", "2016-12-31", NULL}, "2"},
    {"F-2", NULL, {NULL, NULL, "2016-01-01", NULL, "2017-01-01"}, "4"},
    {"F-3", "", {NULL, "2016-02-01", NULL, NULL, NULL}, "1"},
    {NULL, "No identifier", {NULL, "2016-03-01", NULL, NULL, NULL}, "1"},
    {"   ", NULL, {NULL, "2016-04-01", NULL, NULL, NULL}, "1"},
    {"F-6", "Actual end before actual start",
     {NULL, "2019-01-01", "2020-05-22", NULL, "2019-10-31"}, "3"},
    {"F-7", "Planned end before planned start",
     {NULL, "2050-12-31", NULL, "2021-12-31", NULL}, "1"},
    {"F-8", "Ends the day it starts", {NULL, NULL, "2018-04-01", NULL, "2018-04-01"}, "4"},
    {"F-9", "No dates", {NULL, NULL, NULL, NULL, NULL}, "2"},
    {"F-10", "Only an end", {NULL, NULL, NULL, "2022-01-31", NULL}, "2"},
    {"F-11", "Empty status, started", {NULL, "2018-01-01", "2019-02-02", NULL, NULL}, ""},
    {"F-12", "Unknown status, ended", {NULL, NULL, "2019-02-02", NULL, "2020-01-01"}, "9"},
    {"F-13", "No status, planned", {NULL, "2019-03-03", NULL, NULL, NULL}, NULL},
    {"F-14", "No status, started", {NULL, NULL, "2019-04-04", "2025-01-01", NULL}, NULL},
    {"F-15", "Before 1", {NULL, NULL, "2011-01-01", "2010-12-31", NULL}, "2"},
    {"F-16", "Before 2", {NULL, NULL, "2012-01-02", NULL, "2012-01-01"}, "3"},
    {"F-17", "Before 3", {NULL, "2013-07-01", NULL, NULL, "2013-06-30"}, "3"},
};
#define FB_N (sizeof fb_cases / sizeof fb_cases[0])

/* The fallbacks' kinds, in the order of iati_fallback, with the wording of
 * their warnings after "N activities: " (docs/iati.md). */
static const char *const fb_what[5] = {
    "no iati-identifier; the id is the file's name, '#' and the activity's place in the file",
    "no title; the iati-identifier is the title",
    "no start date; no start year, so counted in every chart except those by year",
    "end date before start date; the end date is left out",
    /* one string in two pieces (parenthesised for clang's -Wstring-concatenation) */
    ("no activity-status code from 1 to 6; the status is ongoing if the activity has an "
     "actual start date and no actual end date, else pipeline"),
};

/* How many activities a fallback was used for, and the first lines. */
typedef struct fb_tally {
    long count;
    long lines[3];
} fb_tally;

static void fb_count(fb_tally *t, long line)
{
    if (t->count < 3)
        t->lines[t->count] = line;
    t->count++;
}

typedef struct fb_expected {
    char id[64], title[64];
    const char *start, *end, *status;
    long line;
} fb_expected;

static int fb_blank(const char *s)
{
    return !s || strspn(s, " \t\n") == strlen(s);
}

static long fb_lines(const char *s)
{
    long n = 1;

    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The file in the 2.0x (v2) or 1.0x form; each activity's line into line[]. */
static void fb_write(char *xml, size_t size, int v2, long *line)
{
    static const char *const type1[5] = {"", "start-planned", "start-actual", "end-planned",
                                         "end-actual"};

    xml[0] = '\0';
    fake_append(xml, size,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"%s\">\n",
                v2 ? "2.03" : "1.05");
    for (size_t i = 0; i < FB_N; i++) {
        const fb_case *c = &fb_cases[i];

        line[i] = fb_lines(xml);
        fake_append(xml, size, " <iati-activity default-currency=\"USD\">\n");
        if (c->id)
            fake_append(xml, size, "  <iati-identifier>%s</iati-identifier>\n", c->id);
        if (v2) {
            fake_append(xml, size, "  <reporting-org ref=\"XM-F\"><narrative>Org F</narrative>"
                              "</reporting-org>\n");
            if (c->title)
                fake_append(xml, size, "  <title><narrative>%s</narrative></title>\n", c->title);
        } else {
            fake_append(xml, size, "  <reporting-org ref=\"XM-F\">Org F</reporting-org>\n");
            if (c->title)
                fake_append(xml, size, "  <title>%s</title>\n", c->title);
        }
        if (c->status)
            fake_append(xml, size, "  <activity-status code=\"%s\"/>\n", c->status);
        for (int t = 1; t <= 4; t++) {
            if (!c->date[t])
                continue;
            if (v2)
                fake_append(xml, size, "  <activity-date type=\"%d\" iso-date=\"%s\"/>\n", t,
                            c->date[t]);
            else if (i % 2) /* 1.0x allowed the date as the element's text */
                fake_append(xml, size, "  <activity-date type=\"%s\">%s</activity-date>\n",
                            type1[t], c->date[t]);
            else
                fake_append(xml, size, "  <activity-date type=\"%s\" iso-date=\"%s\"/>\n",
                            type1[t], c->date[t]);
        }
        fake_append(xml, size, "  <recipient-country code=\"KE\"/>\n  <sector code=\"11110\"/>\n"
                          " </iati-activity>\n");
    }
    fake_append(xml, size, "</iati-activities>\n");
}

/* What the rules make of case i, the activity number i + 1 of file. */
static void fb_expect(size_t i, const char *file, long line, fb_expected *e, fb_tally *kinds,
                      char *first_id, size_t first_size)
{
    static const char *const status[7] = {NULL,        "pipeline",  "ongoing",  "completed",
                                          "completed", "cancelled", "suspended"};
    const fb_case *c = &fb_cases[i];
    const char *start = c->date[2] ? c->date[2] : c->date[1];
    const char *end = c->date[4] ? c->date[4] : c->date[3];

    e->line = line;
    if (fb_blank(c->id)) {
        snprintf(e->id, sizeof e->id, "%s#%zu", file, i + 1);
        if (kinds[0].count == 0)
            snprintf(first_id, first_size, "%.60s", e->id);
        fb_count(&kinds[0], line);
    } else {
        snprintf(e->id, sizeof e->id, "%s", c->id + strspn(c->id, " "));
    }
    if (fb_blank(c->title)) {
        snprintf(e->title, sizeof e->title, "%.60s", e->id);
        fb_count(&kinds[1], line);
    } else {
        snprintf(e->title, sizeof e->title, "%s", c->title);
    }
    if (!start)
        fb_count(&kinds[2], line);
    if (start && end && strcmp(end, start) < 0) {
        end = NULL;
        fb_count(&kinds[3], line);
    }
    e->start = start;
    e->end = end;
    if (c->status && strlen(c->status) == 1 && c->status[0] >= '1' && c->status[0] <= '6') {
        e->status = status[c->status[0] - '0'];
    } else {
        e->status = c->date[2] && !c->date[4] ? "ongoing" : "pipeline";
        fb_count(&kinds[4], line);
    }
}

/* How many warnings are exactly "path:line: message" as want. */
static int warned_exactly(const ssc_source *src, const char *want)
{
    int n = 0;

    for (size_t i = 0; i < src->n_warnings; i++)
        n += strcmp(src->warnings[i], want) == 0;
    return n;
}

/* "at line 5", "at lines 5, 9" or "e.g. lines 5, 9, 12": the lines of the
 * first three of count. */
static void fb_lines_text(char *buf, size_t size, long count, const long *lines)
{
    long shown = count < 3 ? count : 3;

    snprintf(buf, size, "%s line%s", count > 3 ? "e.g." : "at", shown == 1 ? "" : "s");
    for (long i = 0; i < shown; i++)
        fake_append(buf, size, "%s %ld", i ? "," : "", lines[i]);
}

/* Every fallback, in the 2.0x or 1.0x form: the row each activity becomes,
 * and one warning per kind of fallback with its count and lines. */
static void test_fallbacks(int v2)
{
    static char xml[16384];
    const char *name = v2 ? "fallbacks-2.xml" : "fallbacks-1.xml";
    long line[FB_N];
    fb_expected e[FB_N];
    fb_tally kinds[5];
    char first_id[64] = "", want[8192], lines[64];
    int used = 0, rc;
    ssc_error err;
    ssc_source *s;

    fb_write(xml, sizeof xml, v2, line);
    memset(kinds, 0, sizeof kinds);
    for (size_t i = 0; i < FB_N; i++)
        fb_expect(i, name, line[i], &e[i], kinds, first_id, sizeof first_id);
    /* the table uses every fallback, and one of them more than three times */
    for (int k = 0; k < 5; k++)
        CHECK(kinds[k].count > 0);
    CHECK(kinds[3].count > 3);

    s = read_xml(name, xml, "en", &rc, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK(s->start_optional);
    CHECK_INT(s->n_rows, FB_N);
    for (size_t i = 0; i < FB_N; i++) {
        const char *start = cell(s, e[i].id, "start_date"), *end = cell(s, e[i].id, "end_date");

        CHECK_INT(row_line(s, e[i].id), e[i].line);
        CHECK_STR(cell(s, e[i].id, "title"), e[i].title);
        CHECK_STR(cell(s, e[i].id, "status"), e[i].status);
        if (e[i].start)
            CHECK_STR(start, e[i].start);
        else
            CHECK(start == NULL);
        if (e[i].end)
            CHECK_STR(end, e[i].end);
        else
            CHECK(end == NULL);
        /* what no fallback touches stays as in any activity */
        CHECK_STR(cell(s, e[i].id, "lead_institution"), "Org F");
        CHECK_STR(cell(s, e[i].id, "countries"), "KEN");
    }
    for (int k = 0; k < 5; k++) {
        if (kinds[k].count == 0)
            continue;
        used++;
        fb_lines_text(lines, sizeof lines, kinds[k].count, kinds[k].lines);
        snprintf(want, sizeof want, "%s:%ld: %ld %s: %s", s->path, kinds[k].lines[0],
                 kinds[k].count, kinds[k].count == 1 ? "activity" : "activities", fb_what[k]);
        if (k == 0)
            fake_append(want, sizeof want, " (the first: %s)", first_id);
        fake_append(want, sizeof want, ", %s", lines);
        CHECK_INT(warned_exactly(s, want), 1);
        if (!warned_exactly(s, want))
            fprintf(stderr, "  expected the warning: %s\n", want);
    }
    /* nothing else: one line per kind, never one per activity */
    CHECK_INT(s->n_warnings, used);
    fake_free(s);
}

/* n activities with an unknown country code each: the first warning in
 * full at once, the second in full after the file, with the count of the
 * rest and the lines of the first three of them. */
static void test_grouped(int n)
{
    static char xml[8192];
    long line[16];
    char want[4400], what[128], lines[64];
    ssc_error err;
    ssc_source *s;
    int rc;

    xml[0] = '\0';
    fake_append(xml, sizeof xml, "<iati-activities version=\"2.03\">\n");
    for (int i = 0; i < n; i++) {
        fake_append(xml, sizeof xml,
                    " <iati-activity>\n  <iati-identifier>G-%d</iati-identifier>\n"
                    "  <reporting-org ref=\"XM-G\"/><title><narrative>G</narrative></title>\n"
                    "  <activity-status code=\"2\"/><activity-date type=\"2\" "
                    "iso-date=\"2020-01-01\"/>\n",
                    i);
        line[i] = fb_lines(xml);
        fake_append(xml, sizeof xml, "  <recipient-country code=\"Q%d\"/>\n </iati-activity>\n", i);
    }
    fake_append(xml, sizeof xml, "</iati-activities>\n");
    s = read_xml("grouped.xml", xml, "en", &rc, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK_INT(s->n_rows, n);
    CHECK_INT(s->n_warnings, n >= 2 ? 2 : n);
    for (int i = 0; i < n && i < 2; i++) {
        snprintf(what, sizeof what,
                 "recipient-country code \"Q%d\" is not an ISO 3166-1 alpha-2 code of a known "
                 "country; left out",
                 i);
        snprintf(want, sizeof want, "%s:%ld: %s", s->path, line[i], what);
        if (i == 1 && n > 2) {
            fb_lines_text(lines, sizeof lines, n - 2, line + 2);
            fake_append(want, sizeof want, " (and %d more of this kind, %s)", n - 2, lines);
        }
        CHECK_INT(warned_exactly(s, want), 1);
        if (!warned_exactly(s, want))
            fprintf(stderr, "  expected the warning: %s\n", want);
    }
    fake_free(s);
}

int main(void)
{
    int rc;

    if ((rc = fake_setup("test-iati-fallbacks")) != 0)
        return rc;
    test_fallbacks(1);
    test_fallbacks(0);
    test_grouped(2);
    test_grouped(4);
    test_grouped(7);
    fake_finish(&check_count, &check_failures);
    printf("%d checks\n", check_count);
    return check_done();
}
