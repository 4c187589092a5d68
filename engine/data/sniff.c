/* SPDX-License-Identifier: MIT */
/* What a data file is, from its first bytes (see sniff.h). */
#define _GNU_SOURCE /* memmem */
#include "data/sniff.h"

#include <string.h>

static int sniff_starts(const char *data, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(data, magic, n) == 0;
}

static unsigned sniff_u16le(const char *p)
{
    return (unsigned)(unsigned char)p[0] | (unsigned)(unsigned char)p[1] << 8;
}

/* A ZIP: an OpenDocument spreadsheet names itself in a first, stored
 * entry "mimetype"; an XLSX has xl/ entries, which its central directory
 * at the end lists even when the first entry is [Content_Types].xml. */
static ssc_sniff_kind sniff_zip(const char *data, size_t len)
{
    static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
    size_t name_len, extra_len;
    const char *name;

    if (len >= 30) {
        name_len = sniff_u16le(data + 26);
        extra_len = sniff_u16le(data + 28);
        name = data + 30;
        if (name_len <= len - 30) {
            const char *content = name + name_len + extra_len;
            if (name_len == 8 && memcmp(name, "mimetype", 8) == 0 &&
                30 + name_len + extra_len <= len &&
                sniff_starts(content, len - (size_t)(content - data), ods, sizeof ods - 1))
                return SSC_SNIFF_ODS;
            if (name_len >= 3 && memcmp(name, "xl/", 3) == 0)
                return SSC_SNIFF_XLSX;
            if (name_len == 19 && memcmp(name, "[Content_Types].xml", 19) == 0 &&
                !memmem(data, len, "word/document", 13) &&
                !memmem(data, len, "ppt/presentation", 16))
                return SSC_SNIFF_XLSX;
        }
    }
    if (memmem(data, len, "xl/workbook", 11))
        return SSC_SNIFF_XLSX;
    return SSC_SNIFF_ZIP;
}

/* XML after an optional UTF-8 BOM and white space: a declaration, or the
 * root of an IATI file written without one. */
static int sniff_xml(const char *data, size_t len)
{
    size_t i = sniff_starts(data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && i < 4096 &&
           (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    return sniff_starts(data + i, len - i, "<?xml", 5) ||
           sniff_starts(data + i, len - i, "<iati-", 6);
}

ssc_sniff_kind ssc_sniff(const char *data, size_t len)
{
    if (!data)
        return SSC_SNIFF_TEXT;
    /* UTF-32 first: its little-endian mark begins like UTF-16's */
    if (sniff_starts(data, len, "\xFF\xFE\0\0", 4))
        return SSC_SNIFF_UTF32LE;
    if (sniff_starts(data, len, "\0\0\xFE\xFF", 4))
        return SSC_SNIFF_UTF32BE;
    if (sniff_starts(data, len, "\xFF\xFE", 2))
        return SSC_SNIFF_UTF16LE;
    if (sniff_starts(data, len, "\xFE\xFF", 2))
        return SSC_SNIFF_UTF16BE;
    if (sniff_starts(data, len, "PK\3\4", 4) || sniff_starts(data, len, "PK\5\6", 4) ||
        sniff_starts(data, len, "PK\7\x08", 4))
        return sniff_zip(data, len);
    if (sniff_starts(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return SSC_SNIFF_XLS;
    if (sniff_starts(data, len, "%PDF-", 5))
        return SSC_SNIFF_PDF;
    if (sniff_starts(data, len, "SQLite format 3", 16))
        return SSC_SNIFF_SQLITE;
    if (sniff_xml(data, len))
        return SSC_SNIFF_XML;
    return SSC_SNIFF_TEXT;
}

const char *ssc_sniff_what(ssc_sniff_kind kind)
{
    switch (kind) {
    case SSC_SNIFF_XLSX: return "an XLSX spreadsheet";
    case SSC_SNIFF_ODS: return "an ODS spreadsheet";
    case SSC_SNIFF_ZIP: return "a ZIP archive";
    case SSC_SNIFF_XLS: return "an XLS spreadsheet";
    case SSC_SNIFF_PDF: return "a PDF document";
    case SSC_SNIFF_XML: return "an XML file";
    case SSC_SNIFF_SQLITE: return "an SQLite database";
    default: return NULL;
    }
}

const char *ssc_sniff_bom_encoding(ssc_sniff_kind kind, size_t *bom_len)
{
    switch (kind) {
    case SSC_SNIFF_UTF16LE: *bom_len = 2; return "UTF-16LE";
    case SSC_SNIFF_UTF16BE: *bom_len = 2; return "UTF-16BE";
    case SSC_SNIFF_UTF32LE: *bom_len = 4; return "UTF-32LE";
    case SSC_SNIFF_UTF32BE: *bom_len = 4; return "UTF-32BE";
    default: *bom_len = 0; return NULL;
    }
}

int ssc_sniff_utf16_unmarked(const char *data, size_t len, int *le)
{
    /* "id,..." in UTF-16LE is 'i' 0 'd' 0: two ASCII characters suffice,
     * as no text file in an 8-bit encoding holds NUL bytes there */
    if (len < 4)
        return 0;
    if (data[0] && !data[1] && data[2] && !data[3]) {
        *le = 1;
        return 1;
    }
    if (!data[0] && data[1] && !data[2] && data[3]) {
        *le = 0;
        return 1;
    }
    return 0;
}

char ssc_sniff_delimiter(const char *data, size_t len)
{
    size_t i = sniff_starts(data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
    size_t semis = 0, tabs = 0;
    int quoted = 0;

    for (; i < len; i++) {
        char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        else if (c == ',')
            return ',';
        else if (c == ';')
            semis++;
        else if (c == '\t')
            tabs++;
    }
    if (semis || tabs)
        return tabs > semis ? '\t' : ';';
    return ',';
}

int ssc_delimiter_parse(const char *s, char *out)
{
    if (!s)
        return -1;
    if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0) {
        *out = '\t';
        return 0;
    }
    if (strlen(s) != 1 || (unsigned char)s[0] < 0x21 || (unsigned char)s[0] > 0x7E ||
        s[0] == '"' || (s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' && s[0] <= 'z') ||
        (s[0] >= 'A' && s[0] <= 'Z'))
        return -1;
    *out = s[0];
    return 0;
}

const char *ssc_delimiter_show(char delim, char *buf)
{
    if (delim == '\t')
        return "tab";
    buf[0] = '\'';
    buf[1] = delim;
    buf[2] = '\'';
    buf[3] = '\0';
    return buf;
}
