/* SPDX-License-Identifier: MIT */
/* What a data file is, from its first bytes, and which separator its
 * header line uses (sniff.c).  People pass spreadsheets, archives and
 * UTF-16 exports as "the CSV"; knowing them by their bytes turns a page of
 * nonsense about columns into one line that says what to do. */
#ifndef SSC_SNIFF_H
#define SSC_SNIFF_H

#include <stddef.h>

typedef enum ssc_sniff_kind {
    SSC_SNIFF_TEXT = 0, /* nothing recognised: text, perhaps CSV */
    SSC_SNIFF_UTF16LE,  /* a byte-order mark says so */
    SSC_SNIFF_UTF16BE,
    SSC_SNIFF_UTF32LE,
    SSC_SNIFF_UTF32BE,
    SSC_SNIFF_XLSX,     /* a ZIP holding xl/ */
    SSC_SNIFF_ODS,      /* a ZIP whose mimetype is an OpenDocument spreadsheet */
    SSC_SNIFF_ZIP,      /* any other ZIP */
    SSC_SNIFF_XLS,      /* an OLE2 compound file: Excel 97-2003 */
    SSC_SNIFF_PDF,
    SSC_SNIFF_XML,
    SSC_SNIFF_SQLITE
} ssc_sniff_kind;

/* The kind of data[0..len).  A ZIP is told apart by its first entry and,
 * for XLSX, by an xl/ entry anywhere (its central directory lists them). */
ssc_sniff_kind ssc_sniff(const char *data, size_t len);

/* "an XLSX spreadsheet", "a PDF document", ...: what a file that is not
 * text is, for "this is ...", or NULL for text and the UTF kinds. */
const char *ssc_sniff_what(ssc_sniff_kind kind);

/* For the kinds a byte-order mark names: the iconv name of the encoding
 * ("UTF-16LE") and the mark's length; NULL and 0 otherwise. */
const char *ssc_sniff_bom_encoding(ssc_sniff_kind kind, size_t *bom_len);

/* 1 when data looks like UTF-16 text without a byte-order mark (every
 * other byte of the first characters is NUL); *le says which order. */
int ssc_sniff_utf16_unmarked(const char *data, size_t len, int *le);

/* The separator of the CSV whose header line starts data (after a UTF-8
 * BOM): ',' when the line holds a comma, else ';' or a tab, whichever it
 * holds more of, else ','.  Only the header line is looked at, outside
 * quotes, so a large file costs nothing more. */
char ssc_sniff_delimiter(const char *data, size_t len);

/* The separator a report's data.delimiter names: one character that is
 * not a letter, digit, space, quote or line end, or "tab" (or a real tab,
 * written "\t").  Returns 0 and *out, or -1. */
int ssc_delimiter_parse(const char *s, char *out);

/* How a separator is written in messages: a tab as "tab", else the
 * character in single quotes, ';' (buf: at least 4 bytes). */
const char *ssc_delimiter_show(char delim, char *buf);

#endif
