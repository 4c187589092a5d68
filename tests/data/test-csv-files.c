/* SPDX-License-Identifier: MIT */
/* The portfolio CSV source on files as people have them: a file on disk,
 * ';' and tab separators, encodings other than UTF-8 (GB18030,
 * Windows-1252, UTF-16), spreadsheets and archives that are not CSV, and
 * headers that hint at a mistake.  Every input is written here as a C
 * string, and every expected value and message was worked out by hand
 * from that input. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "csv-load.h"
#include "data/csv.h"
#include "data/encoding.h"
#include "data/nearest.h"
#include "data/sniff.h"
#include "data/source_csv.h"
#include "data/store.h"

static void test_files(void)
{
    char path[] = "/tmp/test-csv-XXXXXX";
    static const char csv[] = "\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\r\n";
    ssc_csv_options opt = {.display_name = "portfolio.csv"};
    ssc_store *st = NULL;
    ssc_diag d;
    ssc_error err;

    if (check_temp_file(path, csv, sizeof csv - 1) != 0)
        return;
    ssc_diag_init(&d, 0);
    CHECK_INT(ssc_csv_load(path, NULL, &st, &d, NULL, NULL), SSC_OK);
    CHECK(st && ssc_store_count(st) == 1);
    ssc_store_free(st);
    unlink(path);

    ssc_error_clear(&err);
    CHECK_INT(ssc_csv_load(path, &opt, &st, &d, NULL, &err), SSC_ERR);
    CHECK(st == NULL);
    CHECK_STR(err.file, "portfolio.csv");
    CHECK_STR(err.message, "cannot read the file: No such file or directory");
    CHECK_INT(ssc_diag_total(&d), 0);
    ssc_diag_free(&d);
}

/* ---- files as people have them ------------------------------------------ */

/* The separator from the header line only, or as the report sets it. */
static void test_separators(void)
{
    /* ';' as Excel writes it in many locales: lists are quoted */
    static const char semi[] = "id;title;lead_institution;countries;sector;sdg_primary;"
                               "start_date;status;budget_usd\r\n"
                               "P1;\"Seeds, tools\";EMBRAPA;\"BRA;ARG\";agriculture;2;2010;"
                               "ongoing;1500.5\r\n";
    static const char tab[] = "id\ttitle\tlead_institution\tcountries\tsector\tsdg_primary\t"
                              "start_date\tstatus\n"
                              "P1\tSeeds; tools\tEMBRAPA\tBRA;ARG\tagriculture\t2\t2010\t"
                              "ongoing\n";
    ssc_csv_options opt = {.delimiter = ','};
    loaded l;
    double usd = 0;

    CHECK_INT(ssc_sniff_delimiter(semi, sizeof semi - 1), ';');
    CHECK_INT(ssc_sniff_delimiter(tab, sizeof tab - 1), '\t');
    CHECK_INT(ssc_sniff_delimiter("a;b\tc;d\n", 8), ';');
    CHECK_INT(ssc_sniff_delimiter("a;b,c;d\n", 8), ',');
    CHECK_INT(ssc_sniff_delimiter("\"a,b\";c\n1,2", 11), ';'); /* quoted commas do not count */
    CHECK_INT(ssc_sniff_delimiter("id\n1;2,3\n", 9), ',');     /* later lines do not count */
    CHECK_INT(ssc_sniff_delimiter("", 0), ',');

    load(&l, semi);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(joined(&l.d), "");
    CHECK_STR(ssc_project_title(&l.view, 0), "Seeds, tools");
    CHECK_INT(ssc_project_countries(&l.view, 0).count, 2);
    CHECK_INT(ssc_project_budget(&l.view, 0, &usd), 1);
    CHECK(usd == 1500.5);
    unload(&l);
    load(&l, tab);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(ssc_project_title(&l.view, 0), "Seeds; tools");
    CHECK_INT(ssc_project_countries(&l.view, 0).count, 2);
    unload(&l);

    /* the report's separator wins over the header's: here it is wrong,
     * and the message says which one the header uses */
    load_opt(&l, semi, sizeof semi - 1, &opt);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, countries, "
              "sector, sdg_primary, start_date, status; the columns seem to be separated by "
              "';', not ',' as data.delimiter says: set data.delimiter = \";\" in the report");
    unload(&l);
    opt.delimiter = '\t';
    load_opt(&l, tab, sizeof tab - 1, &opt);
    CHECK_INT(l.rc, SSC_OK);
    unload(&l);

    /* an unquoted comma in one name makes the header read as comma
     * separated: the hint names ';' and the setting */
    load(&l, "id;title;lead_institution;countries;sector;sdg_primary;start_date;status;"
             "notes, misc\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, countries, "
              "sector, sdg_primary, start_date, status; the columns seem to be separated by "
              "';', not "
              "',' (taken because the header line holds a comma): set data.delimiter = \";\" "
              "in the report");
    unload(&l);

    /* the setting's values */
    char d = 0, buf[4];
    CHECK_INT(ssc_delimiter_parse(";", &d), 0);
    CHECK_INT(d, ';');
    CHECK_INT(ssc_delimiter_parse("tab", &d), 0);
    CHECK_INT(d, '\t');
    CHECK_INT(ssc_delimiter_parse("\t", &d), 0);
    CHECK_INT(ssc_delimiter_parse("|", &d), 0);
    CHECK_INT(d, '|');
    CHECK_INT(ssc_delimiter_parse("\"", &d), -1);
    CHECK_INT(ssc_delimiter_parse(";;", &d), -1);
    CHECK_INT(ssc_delimiter_parse("a", &d), -1);
    CHECK_INT(ssc_delimiter_parse(" ", &d), -1);
    CHECK_INT(ssc_delimiter_parse("", &d), -1);
    CHECK_STR(ssc_delimiter_show(';', buf), "';'");
    CHECK_STR(ssc_delimiter_show('\t', buf), "tab");
}

/* utf8 converted with iconv to `to`, as a test input (caller frees). */
static char *encode(const char *utf8, const char *to, size_t *len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    size_t in_left = strlen(utf8), cap = 4 * in_left + 8, out_left = cap;
    char *buf = malloc(cap), *ip = (char *)utf8, *op = buf;

    CHECK(cd != (iconv_t)-1 && buf);
    if (cd == (iconv_t)-1 || !buf) {
        free(buf);
        *len = 0;
        return NULL;
    }
    CHECK(iconv(cd, &ip, &in_left, &op, &out_left) != (size_t)-1);
    iconv_close(cd);
    *len = cap - out_left;
    return buf;
}

/* A portfolio in GB18030, Windows-1252 and UTF-16 reads as its UTF-8
 * original: the titles come back as they were written. */
static void test_encodings(void)
{
    static const char utf8[] = REQ "P1,杂交水稻高产栽培技术,中国农业科学院,VNM,"
                                   "agriculture,2,2010,ongoing\n"
                                   "P2,Pérez-Guerrero: coopération Sud-Sud,Instituto de "
                                   "Investigación,BRA,water,6,2012,completed\n";
    static const char western[] = REQ "P1,\"Café, crème brûlée à São Tomé\","
                                      "Universität Zürich,STP,water,6,2012,ongoing\n"
                                      "P2,Budget in €: ñandú,L,BRA,water,6,2012,ongoing\n";
    static const struct {
        const char *encoding, *text, *title0, *lead0, *title1;
        int bom;
    } cases[] = {
        {"GB18030", utf8, "杂交水稻高产栽培技术", "中国农业科学院",
         "Pérez-Guerrero: coopération Sud-Sud", 0},
        {"WINDOWS-1252", western, "Café, crème brûlée à São Tomé", "Universität Zürich",
         "Budget in €: ñandú", 0},
        {"UTF-16LE", utf8, "杂交水稻高产栽培技术", "中国农业科学院", NULL, 1},
        {"UTF-16BE", utf8, "杂交水稻高产栽培技术", NULL, NULL, 1},
        {"UTF-16", utf8, "杂交水稻高产栽培技术", NULL, NULL, 0}, /* iconv writes a BOM */
    };
    loaded l;

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len, n;
        char *bytes = encode(cases[i].text, cases[i].encoding, &len), *in;
        ssc_csv_options opt = {.encoding = cases[i].encoding};
        CHECK_ROW("%s", cases[i].encoding);
        if (!bytes)
            continue;
        /* the byte-order mark alone is enough: no data.encoding then */
        n = cases[i].bom ? 2 : 0;
        in = malloc(len + n);
        CHECK(in != NULL);
        if (!in) {
            free(bytes);
            continue;
        }
        memcpy(in, strcmp(cases[i].encoding, "UTF-16LE") == 0 ? "\xFF\xFE" : "\xFE\xFF", n);
        memcpy(in + n, bytes, len);
        load_opt(&l, in, len + n, cases[i].bom ? NULL : &opt);
        CHECK_INT(l.rc, SSC_OK);
        CHECK_STR(joined(&l.d), "");
        if (l.st) {
            CHECK_STR(ssc_project_title(&l.view, 0), cases[i].title0);
            if (cases[i].lead0)
                CHECK_STR(ssc_project_lead(&l.view, 0), cases[i].lead0);
            if (cases[i].title1)
                CHECK_STR(ssc_project_title(&l.view, 1), cases[i].title1);
        }
        unload(&l);
        /* without the setting, an 8-bit file is refused with the hint */
        if (!cases[i].bom && strcmp(cases[i].encoding, "UTF-16") != 0) {
            load_opt(&l, in, len + n, NULL);
            CHECK_INT(l.rc, SSC_ERR);
            CHECK_INT(l.err.line, 2);
            CHECK(strstr(l.err.message, "data.encoding = \"GB18030\"") != NULL);
            unload(&l);
        }
        free(bytes);
        free(in);
    }
    CHECK_ROW_END();
    /* the setting's case does not matter to iconv */
    {
        size_t len;
        char *bytes = encode(western, "WINDOWS-1252", &len);
        ssc_csv_options opt = {.encoding = "windows-1252"};
        load_opt(&l, bytes, len, &opt);
        CHECK_INT(l.rc, SSC_OK);
        unload(&l);
        free(bytes);
    }

    /* "UTF-8" as the setting converts nothing; a UTF-8 BOM is skipped */
    ssc_csv_options u8 = {.encoding = "utf8"}, gb_bom = {.encoding = "GB18030"};
    load_opt(&l, "\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\n",
             sizeof("\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\n") - 1, &u8);
    CHECK_INT(l.rc, SSC_OK);
    unload(&l);

    /* a UTF-8 byte-order mark wins over the setting too: re-saved as
     * UTF-8, the file is read as it now is */
    load_opt(&l, "\xEF\xBB\xBF" REQ "P1,水稻,L,VNM,s,1,2010,ongoing\n",
             sizeof("\xEF\xBB\xBF" REQ "P1,水稻,L,VNM,s,1,2010,ongoing\n") - 1, &gb_bom);
    CHECK_INT(l.rc, SSC_OK);
    if (l.st)
        CHECK_STR(ssc_project_title(&l.view, 0), "水稻");
    unload(&l);

    /* bytes that are not the encoding given: the line, the byte */
    ssc_csv_options gb = {.encoding = "GB18030"};
    static const char bad_gb[] = REQ "P1,T,L,VNM,s,1,2010,ongoing\n"
                                     "P2,\x80,L,VNM,s,1,2010,ongoing\n";
    load_opt(&l, bad_gb, sizeof bad_gb - 1, &gb);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_INT(l.err.line, 3);
    CHECK_STR(l.err.message, "the file is not valid GB18030 text here (byte 0x80); is "
                             "data.encoding = \"GB18030\" right?");
    unload(&l);
    ssc_csv_options nonesuch = {.encoding = "KLINGON-8"};
    load_opt(&l, REQ, sizeof REQ - 1, &nonesuch);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_PREFIX(l.err.message, "data.encoding: iconv knows no encoding \"KLINGON-8\"");
    unload(&l);

    /* UTF-16 without its mark is recognised by its NUL bytes */
    load_opt(&l, "i\0d\0,\0", 6, NULL);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(l.err.message, "the file looks like UTF-16 text without a byte-order mark: set "
                             "data.encoding = \"UTF-16LE\"");
    unload(&l);

    CHECK(ssc_encoding_known("GB18030"));
    CHECK(ssc_encoding_known("windows-1252"));
    CHECK(!ssc_encoding_known("KLINGON-8"));
    CHECK(!ssc_encoding_known(""));
    CHECK(ssc_encoding_is_utf8("UTF-8") && ssc_encoding_is_utf8("utf8"));
    CHECK(!ssc_encoding_is_utf8("UTF-16"));
    CHECK_INT(ssc_csv_utf8_check("ab\xC3\xA9\xE4\xB8\xAD", 7), 7);
    CHECK_INT(ssc_csv_utf8_check("0123456789abcdef0123\xFF", 21), 20);
    CHECK_INT(ssc_csv_utf8_check("a\0b", 3), 3); /* NUL is the cells' business */
    CHECK_INT(ssc_csv_line_of("a\nb\r\nc\rd", 8), 4);
}

/* What is no CSV at all, known by its first bytes: one line each. */
static void test_not_csv(void)
{
    /* ZIP local headers: the entry name's length at byte 26, the name at 30 */
    static const char xlsx[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                               "\23\0\0\0[Content_Types].xml";
    static const char xlsx2[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                                "\17\0\0\0xl/workbook.xml";
    static const char ods[] = "PK\3\4\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\10\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    static const char odt[] = "PK\3\4\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\10\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
    static const char docx[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                               "\23\0\0\0[Content_Types].xml....word/document.xml";
    static const struct {
        const char *bytes;
        size_t len;
        const char *message;
    } cases[] = {
        {xlsx, sizeof xlsx - 1, "this is an XLSX spreadsheet: save it as CSV (UTF-8)"},
        {xlsx2, sizeof xlsx2 - 1, "this is an XLSX spreadsheet: save it as CSV (UTF-8)"},
        {ods, sizeof ods - 1, "this is an ODS spreadsheet: save it as CSV (UTF-8)"},
        {odt, sizeof odt - 1, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {docx, sizeof docx - 1, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {"PK\5\6\0\0\0\0", 8, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10,
         "this is an XLS spreadsheet: save it as CSV (UTF-8)"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15, "this is a PDF document: save it as CSV (UTF-8)"},
        {"\xEF\xBB\xBF <?xml version=\"1.0\"?>\n<iati-activities/>", 47,
         "this is an XML file, not CSV: read it with data.format = \"iati\""},
        {"SQLite format 3\0\x10\0", 18,
         "this is an SQLite database, not CSV: read it with data.format = \"sqlite\""},
    };
    loaded l;

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK_ROW("%s", cases[i].message);
        load_opt(&l, cases[i].bytes, cases[i].len, NULL);
        CHECK_INT(l.rc, SSC_ERR);
        CHECK(l.st == NULL);
        CHECK_STR(joined(&l.d), "");
        CHECK_STR(l.err.file, "t.csv");
        CHECK_INT(l.err.line, 0);
        CHECK_STR(l.err.message, cases[i].message);
        unload(&l);
    }
    CHECK_ROW_END();
    /* a truncated ZIP header is still a ZIP, never a read past the end */
    CHECK_INT(ssc_sniff("PK\3\4\1", 5), SSC_SNIFF_ZIP);
    CHECK_INT(ssc_sniff("PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\377\377\0\0x", 31),
              SSC_SNIFF_ZIP);
    CHECK_INT(ssc_sniff(REQ, sizeof REQ - 1), SSC_SNIFF_TEXT);
    CHECK_INT(ssc_sniff("<id>,title\n", 11), SSC_SNIFF_TEXT);
}

/* Header names that are nearly right: "did you mean". */
static void test_header_hints(void)
{
    loaded l;

    load(&l, "ID,Title,lead institution,countries,Sector ,sdg_primary,start_date,Status,"
             "notes\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, sector, status; "
              "did you mean id for column 1 \"ID\", title for column 2 \"Title\", "
              "lead_institution for column 3 \"lead institution\", sector for column 5 "
              "\"Sector\", status for column 8 \"Status\"? (header names must be exact: rename "
              "them, or map them with data.columns)");
    unload(&l);
    /* a BOM left inside the first name (a file converted twice), and a
     * slip of the keyboard */
    load(&l, "\xEF\xBB\xBF\xEF\xBB\xBFid,title,lead_institution,countires,sector,sdg_primary,"
             "start_date,status\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, countries; did you mean id for column 1 "
              "\"\xEF\xBB\xBFid\", countries for column 4 \"countires\"? (header names must be "
              "exact: rename them, or map them with data.columns)");
    unload(&l);
    /* nothing close: no guess */
    load(&l, "id,name,lead_institution,countries,sector,sdg_primary,start_date,status\n");
    CHECK_STR(joined(&l.d), "t.csv:1: missing required column: title");
    unload(&l);

    CHECK(ssc_same_name_loosely("Lead Institution", 16, "lead_institution"));
    CHECK(ssc_same_name_loosely("SDG-primary", 11, "sdg_primary"));
    CHECK(ssc_same_name_loosely("start\xC2\xA0" "date", 11, "start_date"));
    CHECK(!ssc_same_name_loosely("lead", 4, "lead_institution"));
    CHECK_INT(ssc_edit_distance("countires", 9, "countries", 9, 3), 1);
    CHECK_INT(ssc_edit_distance("kpi", 3, "KPI", 3, 1), 0);
    CHECK_INT(ssc_edit_distance("abc", 3, "xyz", 3, 1), 2);
    CHECK_INT(ssc_edit_distance("", 0, "ab", 2, 5), 2);
    static const char *const names[] = {"by-region", "by-sector", "by-sdg", "kpi", "timeline"};
    CHECK_STR(ssc_nearest("by-regoin", names, 5), "by-region");
    CHECK_STR(ssc_nearest("by_sdg", names, 5), "by-sdg");
    CHECK_STR(ssc_nearest("kip", names, 5), "kpi");
    CHECK(ssc_nearest("funding", names, 5) == NULL);
    CHECK(ssc_nearest("x", names, 5) == NULL);
    CHECK(ssc_nearest("", names, 5) == NULL);
}

int main(void)
{
    test_files();
    test_separators();
    test_encodings();
    test_not_csv();
    test_header_hints();
    return check_done();
}

