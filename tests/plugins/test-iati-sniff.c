/* SPDX-License-Identifier: MIT */
/* test-iati-sniff: the iati source plugin on malformed and hostile input,
 * run without the engine (the fake engine of iati-fake.c, as test-iati):
 * broken XML, entities that would read other files or grow a thousandfold,
 * the heads of files that crashed libxml2 and what the sniffing of the
 * first bytes refuses, nesting and text limits, other encodings.  Every
 * failure must be a message at FILE:LINE; line numbers are computed from
 * the text written, never hard-coded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "iati-fake.h"

/* Reads text and expects an error starting with "path:line: " + what. */
static void expect_error(const char *name, const char *text, size_t len, long line,
                         const char *what)
{
    ssc_source *s = fake_new(write_file(name, text, len), "en");
    ssc_error err;
    char want[4400];
    int rc = run(s, &err);

    CHECK_INT(rc, SSC_ERR);
    if (line > 0)
        snprintf(want, sizeof want, "%s:%ld: %s", s->path, line, what);
    else
        snprintf(want, sizeof want, "%s:", s->path);
    CHECK_PREFIX(err.text, want);
    fake_free(s);
}

static void test_errors(void)
{
    static const char mismatch[] = "<iati-activities>\n <iati-activity>\n"
                                   "  <iati-identifier>E-1</iati-identifier>\n"
                                   "  <title>x</titel>\n </iati-activity>\n</iati-activities>\n";
    static const char truncated[] = "<iati-activities>\n <iati-activity>\n"
                                    "  <iati-identifier>E-1</iati-identifier>\n"
                                    "  <title>x</title>\n";
    static const char bad_utf8[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<iati-activities>\n <iati-activity>\n"
                                   "  <iati-identifier>E-\xff\xfe</iati-identifier>\n"
                                   " </iati-activity>\n</iati-activities>\n";
    static const char undefined[] = "<iati-activities>\n <iati-activity>\n"
                                    "  <iati-identifier>&nothing;</iati-identifier>\n"
                                    " </iati-activity>\n</iati-activities>\n";
    static const char not_iati[] = "<?xml version=\"1.0\"?>\n<iati-organisations "
                                   "version=\"2.03\">\n</iati-organisations>\n";
    static const char binary[] = "\x00\x01\x02garbage\x00";
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE iati-activities [<!ENTITY e SYSTEM \"file:///etc/passwd\">\n"
        "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;\">]>\n"
        "<iati-activities>\n <iati-activity>\n"
        "  <iati-identifier>X-&e;</iati-identifier><title><narrative>&d;&d;&d;</narrative>"
        "</title>\n </iati-activity>\n</iati-activities>\n";
    ssc_source *s;
    ssc_error err;
    int rc;

    expect_error("mismatch.xml", mismatch, sizeof mismatch - 1, 4, "malformed XML: ");
    expect_error("truncated.xml", truncated, sizeof truncated - 1, 0, "");
    expect_error("bad-utf8.xml", bad_utf8, sizeof bad_utf8 - 1, 4,
                 "malformed XML: Input is not proper UTF-8");
    expect_error("undefined.xml", undefined, sizeof undefined - 1, 3, "malformed XML: ");
    expect_error("not-iati.xml", not_iati, sizeof not_iati - 1, 2,
                 "not an IATI activity file: the root element is <iati-organisations>");
    s = fake_new(write_file("empty.xml", "", 0), "en");
    CHECK_INT(run(s, &err), SSC_ERR);
    CHECK(strstr(err.text, "empty.xml: the file is empty") != NULL);
    fake_free(s);
    expect_error("binary.xml", binary, sizeof binary - 1, 0, "");

    /* A file that does not exist. */
    s = fake_new("/nonexistent/iati.xml", "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_ERR);
    CHECK_STR(err.text, "/nonexistent/iati.xml: No such file or directory");
    fake_free(s);

    /* Entities are never expanded: nothing is read from elsewhere and no
     * text grows a thousandfold (whether the file is then refused or read
     * without them, it never crashes). */
    s = fake_new(write_file("xxe.xml", xxe, sizeof xxe - 1), "en");
    rc = run(s, &err);
    for (size_t r = 0; r < s->n_rows; r++)
        for (int i = 0; i < s->rows[r].n; i++) {
            CHECK(strstr(s->rows[r].val[i], "root:") == NULL);
            CHECK(strlen(s->rows[r].val[i]) < 1000);
        }
    CHECK(rc == SSC_OK || strstr(err.text, "xxe.xml:") != NULL);
    fake_free(s);
}

/* Inputs that crashed libxml2 2.9.14 through the plugin (issue 15: an
 * xmlStopParser inside the error callback read a freed input), and what the
 * sniffing of the first bytes refuses.  Each must fail cleanly at line 1
 * with the reason, before libxml2 sees a byte. */
static void test_hostile_heads(void)
{
    /* "<" then three NUL bytes: libxml2 guesses UTF-32LE from them. */
    static const char nul3[] = "<\0\0\0";
    /* a declaration naming UTF-7, then a byte 0xFF */
    static const char utf7[] = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\xff";
    static const char ebcdic[] = "\x4c\x6f\xa7\x94\x93"; /* "<?xml" in EBCDIC */
    static const char utf32[] = "\xff\xfe\0\0<\0\0\0";
    static const char open_decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" ";
    static const char bad_name[] = "<?xml version=\"1.0\" encoding=\"U\nTF\"?><a/>";
    static const char text[] = "id,title\n1,x\n";
    static const char bom_decl[] = "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                   "<iati-activities><iati-activity>\n"
                                   "<iati-identifier>B-1</iati-identifier>\n"
                                   "</iati-activity></iati-activities>\n";
    ssc_source *s;
    ssc_error err;

    expect_error("nul3.xml", nul3, sizeof nul3 - 1, 1,
                 "not an IATI activity file: a NUL byte at byte 2 ");
    expect_error("utf7.xml", utf7, sizeof utf7 - 1, 1,
                 "the XML declaration names encoding \"UTF-7\", which the iati source does "
                 "not read");
    expect_error("ebcdic.xml", ebcdic, sizeof ebcdic - 1, 1,
                 "not an IATI activity file: it does not start with \"<\"");
    expect_error("utf32.xml", utf32, sizeof utf32 - 1, 1,
                 "not an IATI activity file: UTF-32 text");
    expect_error("open-decl.xml", open_decl, sizeof open_decl - 1, 1,
                 "the XML declaration does not end");
    expect_error("bad-name.xml", bad_name, sizeof bad_name - 1, 1,
                 "the XML declaration names no valid encoding");
    expect_error("text.xml", text, sizeof text - 1, 1,
                 "not an IATI activity file: it does not start with \"<\"");
    /* what passes: a byte-order mark, the encoding's name in any case */
    s = fake_new(write_file("bom.xml", bom_decl, sizeof bom_decl - 1), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_INT(s->n_rows, 1);
    fake_free(s);
}

#define DEPTH_LIMIT 64 /* the documented limit (docs/iati.md, Limits) */

/* Nesting past DEPTH_LIMIT is refused at the element that passes it. */
static void test_depth(void)
{
    char xml[4096];
    size_t len = 0;

    len += (size_t)sprintf(xml + len, "<iati-activities>\n<iati-activity>\n");
    for (int d = 3; d <= DEPTH_LIMIT + 1; d++)
        len += (size_t)sprintf(xml + len, "<x>\n");
    /* element DEPTH_LIMIT + 1 opens on line DEPTH_LIMIT + 1 */
    expect_error("deep.xml", xml, len, DEPTH_LIMIT + 1, "elements nested more than 64 levels");
}

/* Limits: a long title is cut at a character boundary, with a warning. */
static void test_limits(void)
{
    size_t n = 40000, len;
    char *xml = malloc(n + 512);
    ssc_source *s;
    ssc_error err;
    int rc;
    const char *title;

    if (!xml)
        abort();
    len = (size_t)sprintf(xml, "<iati-activities>\n<iati-activity>\n"
                               "<iati-identifier>L-1</iati-identifier>\n<title><narrative>");
    for (size_t i = 0; i < n / 3; i++, len += 3)
        memcpy(xml + len, "\xe4\xb8\xad", 3); /* 中 */
    len += (size_t)sprintf(xml + len, "</narrative></title>\n<sector code=\"11110\"/>\n"
                                      "</iati-activity>\n</iati-activities>\n");
    s = fake_new(write_file("long.xml", xml, len), "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    title = cell(s, "L-1", "title");
    CHECK(title && strlen(title) <= 16384 && strlen(title) % 3 == 0 && strlen(title) > 16000);
    CHECK_INT(warned(s, "was cut"), 1);
    CHECK_STR(cell(s, "L-1", "sector"), "111");
    fake_free(s);
    free(xml);
}

/* Many implementing organisations: the list keeps the whole names that fit
 * in the engine's 16 KiB for one cell (so the activity is no bad row),
 * with one warning, however many names are past it. */
static void test_many_partners(void)
{
    static char xml[262144];
    size_t fit = 0, len = 0, n = 2000;
    char name[64];
    ssc_source *s;
    ssc_error err;
    int rc;

    xml[0] = '\0';
    fake_append(xml, sizeof xml, "<iati-activities>\n<iati-activity>\n"
                            "<iati-identifier>M-1</iati-identifier>\n");
    for (size_t i = 1; i <= n; i++) {
        snprintf(name, sizeof name, "Organisation number %zu", i);
        fake_append(xml, sizeof xml, "<participating-org role=\"4\"><narrative>%s</narrative>"
                                "</participating-org>\n", name);
        /* the names that fit, with a ';' between two */
        if (fit == i - 1 && len + (i > 1) + strlen(name) <= 16384) {
            len += (i > 1) + strlen(name);
            fit = i;
        }
    }
    fake_append(xml, sizeof xml, "</iati-activity>\n</iati-activities>\n");
    CHECK(fit > 100 && fit < n);
    s = fake_new(write_file("partners.xml", xml, strlen(xml)), "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    const char *list = cell(s, "M-1", "partner_institutions");
    CHECK(list != NULL);
    if (list) {
        CHECK_INT(strlen(list), len);
        snprintf(name, sizeof name, ";Organisation number %zu", fit);
        CHECK(strlen(list) >= strlen(name) &&
              strcmp(list + strlen(list) - strlen(name), name) == 0);
    }
    CHECK_INT(warned(s, "names pass 16384 bytes; the rest are left out"), 1);
    fake_free(s);
}

/* UTF-8 text as UTF-16LE with a byte-order mark (BMP characters only). */
static size_t to_utf16(const char *s, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;

    out[n++] = '\xff';
    out[n++] = '\xfe';
    while (*p) {
        unsigned c = *p++;

        if (c >= 0xE0) {
            c = (c & 0x0F) << 12 | (p[0] & 0x3Fu) << 6 | (p[1] & 0x3Fu);
            p += 2;
        } else if (c >= 0xC0) {
            c = (c & 0x1F) << 6 | (p[0] & 0x3Fu);
            p += 1;
        }
        out[n++] = (char)(c & 0xFF);
        out[n++] = (char)(c >> 8);
    }
    return n;
}

/* Files in other encodings reach the rules as UTF-8. */
static void test_encodings(void)
{
    static const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                                 "<iati-activities><iati-activity>\n"
                                 "<iati-identifier>L-1</iati-identifier>\n"
                                 "<title><narrative>T\xedtulo</narrative></title>\n"
                                 "</iati-activity></iati-activities>\n";
    static const char utf8[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                               "<iati-activities><iati-activity>\n"
                               "<iati-identifier>U-1</iati-identifier>\n"
                               "<title><narrative>Título 中文</narrative></title>\n"
                               "<recipient-country code=\"ZZ\"/>\n"
                               "</iati-activity></iati-activities>\n";
    char utf16[2 * sizeof utf8 + 2];
    ssc_source *s;
    ssc_error err;

    s = fake_new(write_file("latin1.xml", latin1, sizeof latin1 - 1), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_STR(cell(s, "L-1", "title"), "Título");
    fake_free(s);

    s = fake_new(write_file("utf16.xml", utf16, to_utf16(utf8, utf16)), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_STR(cell(s, "U-1", "title"), "Título 中文");
    CHECK_INT(warned(s, at_line(s, 5, "recipient-country code \"ZZ\"")), 1);
    fake_free(s);
}

int main(void)
{
    int rc;

    if ((rc = fake_setup("test-iati-sniff")) != 0)
        return rc;
    test_errors();
    test_hostile_heads();
    test_depth();
    test_limits();
    test_many_partners();
    test_encodings();
    fake_finish(&check_count, &check_failures);
    printf("%d checks\n", check_count);
    return check_done();
}
