/* SPDX-License-Identifier: MIT */
/* A fast RFC 4180 record reader over a buffer held in memory.
 *
 * The whole input is in one buffer; the reader walks it without callbacks
 * and hands out records as arrays of (pointer, length) fields.  Unquoted
 * fields, and quoted ones without a doubled quote, point straight into the
 * buffer; only a quoted field holding "" is unescaped, into a scratch
 * buffer the reader reuses.  Records report the physical line they start
 * on, so that messages about a record name the line an editor shows.
 *
 * Accepted: a leading UTF-8 BOM (skipped), CRLF, LF or a lone CR as line
 * ends, quoted fields holding commas, line ends and doubled quotes.  The
 * separator is a comma unless set (';' and tab, as spreadsheets write in
 * many locales).  Blank
 * lines are skipped (as libcsv does).  A quote inside an unquoted field is
 * kept as a character.
 *
 * The second half is the syntax of the values inside cells, shared by the
 * sources: UTF-8 text, dates, decimals and counts, parsed strictly and
 * without the C library's locale (strtod follows LC_NUMERIC, which a
 * report in another language may change).  This header needs only the C
 * library, so the benchmark and the fuzz target can use it on its own. */
#ifndef SSC_CSV_H
#define SSC_CSV_H

#include <stddef.h>

/* One field of a record: not NUL-terminated. */
typedef struct ssc_csv_field {
    const char *s;
    size_t len;
} ssc_csv_field;

/* What ssc_csv_next returns. */
enum {
    SSC_CSV_RECORD = 1,    /* a record was read */
    SSC_CSV_END = 0,       /* no more records */
    SSC_CSV_UNCLOSED = -2, /* a quoted field never ends: see unclosed_line */
    SSC_CSV_NOMEM = -3,    /* out of memory: the reader cannot go on */
    SSC_CSV_MORE = -4      /* (reading in blocks) the next record runs past
                              the text given so far: see ssc_csv_reader_more */
};

/* A record, borrowed: valid until the next call of ssc_csv_next or
 * ssc_csv_reader_free on the same reader. */
typedef struct ssc_csv_record {
    const ssc_csv_field *fields;
    size_t count;     /* at least 1 */
    long line;        /* physical line the record starts on, from 1 */
    size_t bad_field; /* 0, or 1 + index of the first field that has text
                         after its closing quote (kept, but malformed) */
} ssc_csv_record;

/* The reader's state; its members are private to csv.c. */
typedef struct ssc_csv_reader {
    const char *p, *end;
    long line;  /* line the next record starts on */
    char delim; /* the separator: ',' unless set */
    ssc_csv_field *fields;
    size_t *scratch_off; /* per field: offset into scratch, or (size_t)-1 */
    size_t cap_fields;
    char *scratch;
    size_t scratch_len, scratch_cap;
    long unclosed_line;    /* SSC_CSV_UNCLOSED: line where the quote opens */
    size_t unclosed_field; /* SSC_CSV_UNCLOSED: index of that field */
    int partial;           /* 1: more text may follow end (ssc_csv_reader_more) */
} ssc_csv_reader;

/* Starts reading data[0..len), which must stay unchanged and alive while
 * records are read.  Never fails: buffers are allocated on first use. */
void ssc_csv_reader_init(ssc_csv_reader *r, const char *data, size_t len);
/* Reading a file in blocks: gives the reader data[0..len), which must
 * begin with the bytes it has not read yet (r->p up to r->end, moved or
 * not), followed by more of the input; final is 1 when the input ends at
 * data + len.  Until a final block, ssc_csv_next returns SSC_CSV_MORE
 * rather than a record that reaches the end of the text (it might go on),
 * and leaves r->p and the line count at that record's start, so that
 * records, lines and messages are the same whatever the blocks. */
void ssc_csv_reader_more(ssc_csv_reader *r, const char *data, size_t len, int final);
/* 1 when field i of the record just read was unescaped into the
 * reader's scratch (a quoted field holding ""), which the next record
 * overwrites; 0 when it points into the text. */
int ssc_csv_field_copied(const ssc_csv_reader *r, size_t i);
/* Reads fields separated by delim instead of a comma.  Returns 0, or -1
 * (and keeps the comma) for a quote, CR, LF or NUL, which cannot
 * separate fields. */
int ssc_csv_reader_set_delimiter(ssc_csv_reader *r, char delim);
/* Frees the reader's buffers (not the data); safe on a reader that was
 * only initialised, and on NULL. */
void ssc_csv_reader_free(ssc_csv_reader *r);
/* Reads the next record into *rec: SSC_CSV_RECORD, SSC_CSV_END,
 * SSC_CSV_UNCLOSED (r->unclosed_line / unclosed_field say where; the
 * quote swallowed the rest of the input, so reading stops),
 * SSC_CSV_NOMEM, or (before a final block) SSC_CSV_MORE. */
int ssc_csv_next(ssc_csv_reader *r, ssc_csv_record *rec);

/* A whole file read into memory (see ssc_csv_file_read). */
typedef struct ssc_csv_file {
    char *data; /* NUL-terminated for convenience; may hold NUL bytes */
    size_t len;
} ssc_csv_file;

/* Reads the file at path into f->data (caller frees with
 * ssc_csv_file_free).  Returns 0, or -1 with errno set. */
int ssc_csv_file_read(ssc_csv_file *f, const char *path);
void ssc_csv_file_free(ssc_csv_file *f);

/* ---- values in cells --------------------------------------------------- */

/* 1 when s[0..len) is UTF-8 (no overlong forms, surrogates or code points
 * past U+10FFFF) without NUL bytes: strings end at the first NUL, so one
 * would cut a value short without a word. */
int ssc_csv_utf8_ok(const char *s, size_t len);
/* The offset of the first byte of s[0..len) that starts no valid UTF-8
 * sequence, or len when all of it is UTF-8.  NUL bytes count as valid
 * here: they are the cells' problem, not the file's encoding. */
size_t ssc_csv_utf8_check(const char *s, size_t len);
/* The physical line (from 1) that byte off of data lies on, counting line
 * ends as the reader does (LF, CRLF, a lone CR). */
long ssc_csv_line_of(const char *data, size_t off);
/* Writes into buf[0..size) a value made safe to quote in a one-line
 * message: invalid bytes and control characters become '?', and a value
 * longer than 40 bytes (or than size - 4) is cut at a character boundary
 * and ends in "...".  size must be at least 8.  Returns buf. */
const char *ssc_csv_show(char *buf, size_t size, const char *s, size_t len);

enum {
    SSC_CSV_DATE_OK = 0,
    SSC_CSV_DATE_FORM,  /* not YYYY, YYYY-MM or YYYY-MM-DD */
    SSC_CSV_DATE_YEAR,  /* year 0000 */
    SSC_CSV_DATE_MONTH, /* month outside 01-12 */
    SSC_CSV_DATE_DAY    /* no such day in that month (leap years counted) */
};
/* Parses YYYY, YYYY-MM or YYYY-MM-DD; *month and *day are 0 when the date
 * does not give them.  The outputs are meaningful only with DATE_OK, and
 * *year and *month with DATE_DAY (for the message). */
int ssc_csv_parse_date(const char *s, size_t len, int *year, int *month, int *day);
int ssc_csv_days_in_month(int year, int month); /* month 1..12 */

enum {
    SSC_CSV_NUM_OK = 0,
    SSC_CSV_NUM_FORM,     /* not digits with at most one '.' */
    SSC_CSV_NUM_NEGATIVE, /* a '-' before a value other than 0 */
    SSC_CSV_NUM_RANGE     /* too large for the type */
};
/* A decimal number >= 0 with '.' as the point, no sign other than a '-'
 * (reported as NEGATIVE), no exponent, no separators.  With at most 15
 * significant digits the result is correctly rounded. */
int ssc_csv_parse_decimal(const char *s, size_t len, double *out);
/* A whole number >= 0, digits only ("-0" is 0). */
int ssc_csv_parse_count(const char *s, size_t len, long long *out);
/* A Sustainable Development Goal: 1..17 written with digits only, else 0. */
int ssc_csv_parse_sdg(const char *s, size_t len);

#endif
