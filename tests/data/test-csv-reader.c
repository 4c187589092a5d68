/* SPDX-License-Identifier: MIT */
/* The CSV record reader (engine/data/csv.c): fields, quotes, line ends,
 * records that grow past the buffer, and separators other than a comma.
 * Every input is written here as a C string, and every expected field was
 * worked out by hand from that input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "csv-load.h"
#include "data/csv.h"

static void test_reader_basics(void)
{
    /* BOM, CRLF, a quoted comma, a doubled quote, a quoted CRLF, a blank
     * line, and a last record without a line end. */
    static const char in[] = "\xEF\xBB\xBF"
                             "a,b,c\r\n"                         /* line 1 */
                             "1,\"x, y\",\"say \"\"hi\"\"\"\r\n" /* line 2 */
                             "2,\"two\r\nlines\",z\r\n"          /* lines 3-4 */
                             "\r\n"                              /* line 5: blank */
                             "3,,last";                          /* line 6 */
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 1);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 0, "a"); /* the BOM is not part of the first name */
    CHECK_FIELD(rec, 2, "c");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 2);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "x, y");
    CHECK(rec.fields[1].s == in + 3 + 7 + 3); /* points into the input: no copy */
    CHECK_FIELD(rec, 2, "say \"hi\"");
    CHECK_INT(rec.bad_field, 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 3);
    CHECK_FIELD(rec, 1, "two\r\nlines");
    CHECK_FIELD(rec, 2, "z");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 6);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "");
    CHECK_FIELD(rec, 2, "last");
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
}

static void test_reader_edges(void)
{
    /* LF and lone-CR line ends, a trailing comma, a quote inside an
     * unquoted field, text after a closing quote, an empty quoted field. */
    static const char in[] = "a,b\n"           /* 1 */
                             "x,\r"            /* 2: trailing comma, lone CR */
                             "5\" disk,\"\"\n" /* 3 */
                             "\"ab\"cd,e\n"    /* 4 */
                             "\"\n\n\",f\n";   /* 5-7 */
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 2);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 0, "x");
    CHECK_FIELD(rec, 1, "");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 3);
    CHECK_FIELD(rec, 0, "5\" disk");
    CHECK_FIELD(rec, 1, "");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 4);
    CHECK_INT(rec.count, 2);
    CHECK_INT(rec.bad_field, 1);
    CHECK_FIELD(rec, 0, "ab");
    CHECK_FIELD(rec, 1, "e");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 5);
    CHECK_INT(rec.bad_field, 0);
    CHECK_FIELD(rec, 0, "\n\n");
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);

    /* An unclosed quote: the line it opens on, and which field. */
    static const char open_q[] = "a,b\n1,2\n3,\"never\nends\n";
    ssc_csv_reader_init(&r, open_q, sizeof open_q - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_UNCLOSED);
    CHECK_INT(r.unclosed_line, 3);
    CHECK_INT(r.unclosed_field, 1);
    ssc_csv_reader_free(&r);

    /* Empty input, and input of blank lines only. */
    ssc_csv_reader_init(&r, "", 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
    ssc_csv_reader_init(&r, "\n\r\n\n", 4);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
}

/* Wide records and many unescaped fields: the field array and the scratch
 * buffer grow while a record is read, and earlier fields must survive. */
static void test_reader_growth(void)
{
    size_t n = 300, len = 0;
    char *in = malloc(n * 16 + 2);
    ssc_csv_reader r;
    ssc_csv_record rec;
    int ok = 1;

    if (!in) {
        CHECK(!"out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(in + len, "%s\"q\"\"%03zu\"", i ? "," : "", i);
    in[len++] = '\n';
    ssc_csv_reader_init(&r, in, len);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, n);
    for (size_t i = 0; i < rec.count && i < n; i++) {
        char want[16];
        sprintf(want, "q\"%03zu", i);
        ok &= rec.fields[i].len == 5 && memcmp(rec.fields[i].s, want, 5) == 0;
    }
    CHECK(ok);
    ssc_csv_reader_free(&r);
    free(in);
}

/* The reader with another separator: ';' and tab split, commas are text. */
static void test_reader_delimiter(void)
{
    static const char in[] = "a;b,c;\"x;y\"\n1\t2;3\n";
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, ';'), 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "b,c");
    CHECK_FIELD(rec, 2, "x;y");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 0, "1\t2");
    ssc_csv_reader_free(&r);

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '\t'), 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 1, "2;3");
    /* a quote or a line end cannot separate: refused, the last one stays */
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '"'), -1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '\n'), -1);
    CHECK_INT(r.delim, '\t');
    ssc_csv_reader_free(&r);
}

int main(void)
{
    test_reader_basics();
    test_reader_edges();
    test_reader_growth();
    test_reader_delimiter();
    return check_done();
}
