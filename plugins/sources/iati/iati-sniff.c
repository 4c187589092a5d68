/* SPDX-License-Identifier: MIT */
/* iati-sniff.c: judges the first bytes of a file before libxml2 sees any.
 *
 * libxml2 guesses an encoding from the first four bytes and from the XML
 * declaration, and will switch to whatever iconv offers (UTF-7, EBCDIC,
 * UTF-32...).  Those are paths no IATI file takes and where libxml2 2.9
 * has had its bugs (a 4-byte "<" NUL NUL NUL file and a UTF-7 declaration
 * followed by 0xFF crashed the reader once), so only what an IATI file can
 * be gets through: UTF-8 (with or without its byte-order mark), UTF-16 with
 * a byte-order mark, or an ASCII-compatible single-byte encoding named in
 * the declaration.  Free of libxml2, so the rules are tested alone. */
#include <stdio.h>
#include <string.h>

#include "iati-internal.h"

/* The declared encodings that pass: ASCII-compatible ones iconv has
 * everywhere.  Compared without regard to case. */
static const char *const iati_encodings[] = {
    "UTF-8",      "UTF8",         "US-ASCII",     "ASCII",        "ISO-8859-1",
    "ISO8859-1",  "LATIN1",       "ISO-LATIN-1",  "ISO-8859-2",   "ISO-8859-15",
    "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "CP1250",     "CP1251",
    "CP1252",
};

static int iati_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int iati_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int iati_encoding_known(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof iati_encodings / sizeof *iati_encodings; i++) {
        const char *e = iati_encodings[i];
        size_t j = 0;

        if (strlen(e) != len)
            continue;
        while (j < len && iati_upper((unsigned char)name[j]) == e[j])
            j++;
        if (j == len)
            return 1;
    }
    return 0;
}

/* A declared encoding name as XML spells one: [A-Za-z][A-Za-z0-9._-]*. */
static int iati_encoding_name(const char *s, size_t len)
{
    if (len == 0 || len > 40 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
        return 0;
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9') &&
            c != '.' && c != '_' && c != '-')
            return 0;
    }
    return 1;
}

/* The encoding="..." of the declaration decl[0..len), checked. */
static int iati_check_declaration(const char *decl, size_t len, char *why, size_t size)
{
    const char *key = NULL;

    for (size_t i = 0; i + 8 <= len; i++)
        if (memcmp(decl + i, "encoding", 8) == 0) {
            key = decl + i + 8;
            break;
        }
    if (key) {
        const char *end = decl + len, *v, *q;

        while (key < end && iati_is_space((unsigned char)*key))
            key++;
        if (key < end && *key == '=')
            key++;
        while (key < end && iati_is_space((unsigned char)*key))
            key++;
        if (key >= end || (*key != '"' && *key != '\'')) {
            snprintf(why, size, "the XML declaration's encoding has no quoted name");
            return -1;
        }
        v = key + 1;
        q = memchr(v, *key, (size_t)(end - v));
        if (!q || !iati_encoding_name(v, (size_t)(q - v))) {
            snprintf(why, size, "the XML declaration names no valid encoding");
            return -1;
        }
        if (!iati_encoding_known(v, (size_t)(q - v))) {
            snprintf(why, size,
                     "the XML declaration names encoding \"%.*s\", which the iati source does "
                     "not read (it reads UTF-8, UTF-16 with a byte-order mark, US-ASCII, "
                     "ISO-8859-1, ISO-8859-2, ISO-8859-15, windows-1250, -1251 and -1252)",
                     (int)(q - v), v);
            return -1;
        }
    }
    return 0;
}

int iati_sniff(const unsigned char *head, size_t n, char *why, size_t size)
{
    const unsigned char *p = head, *end = head + n, *nul;
    size_t decl_max = n < IATI_SNIFF_MAX ? n : IATI_SNIFF_MAX;

    why[0] = '\0';
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        /* UTF-16 with its mark: a UTF-32 mark (FF FE 00 00) starts the same way. */
        if (n >= 4 && p[0] == 0xFF && p[2] == 0 && p[3] == 0) {
            snprintf(why, size, "not an IATI activity file: UTF-32 text (only UTF-8 and UTF-16 "
                                "are read)");
            return -1;
        }
        return 0;
    }
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        p += 3;
    /* An ASCII-compatible encoding has no NUL byte in XML text at all. */
    nul = memchr(p, 0, decl_max - (size_t)(p - head));
    if (nul) {
        snprintf(why, size,
                 "not an IATI activity file: a NUL byte at byte %zu (not text in UTF-8 or "
                 "another ASCII-compatible encoding; UTF-16 needs its byte-order mark)",
                 (size_t)(nul - head) + 1);
        return -1;
    }
    if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
        const unsigned char *q = p + 5, *stop = head + decl_max;

        while (q + 1 < stop && !(q[0] == '?' && q[1] == '>'))
            q++;
        if (q + 1 >= stop) {
            snprintf(why, size, "the XML declaration does not end (no \"?>\" in its first %d "
                                "bytes)", IATI_SNIFF_MAX);
            return -1;
        }
        return iati_check_declaration((const char *)p, (size_t)(q - p), why, size);
    }
    while (p < end && iati_is_space(*p))
        p++;
    if (p < end && *p != '<') {
        snprintf(why, size, "not an IATI activity file: it does not start with \"<\" (an XML "
                            "declaration or element)");
        return -1;
    }
    return 0;
}
