/* SPDX-License-Identifier: MIT */
/* Text in other encodings made UTF-8 with iconv (encoding.c): files saved
 * by Excel on Chinese Windows (GB18030), Western Windows (WINDOWS-1252),
 * or as "Unicode text" (UTF-16).  The whole buffer is converted once,
 * before reading, so the reader itself only ever sees UTF-8. */
#ifndef SSC_ENCODING_H
#define SSC_ENCODING_H

#include <stddef.h>

/* 1 when iconv can convert from name to UTF-8. */
int ssc_encoding_known(const char *name);

/* 1 when name is UTF-8 itself ("UTF-8", "utf8"): nothing to convert. */
int ssc_encoding_is_utf8(const char *name);

enum {
    SSC_ENC_OK = 0,
    SSC_ENC_UNKNOWN = -1, /* iconv does not know the encoding */
    SSC_ENC_INVALID = -2, /* the input is not text in that encoding */
    SSC_ENC_NOMEM = -3
};

/* Converts in[0..len) from encoding `from` to UTF-8 in a new,
 * NUL-terminated buffer (*out, freed by the caller; *out_len without the
 * NUL).  On SSC_ENC_INVALID, *bad_line is the line (from 1, counted in
 * the text converted so far) and *bad_byte the first byte that is not
 * text in that encoding. */
int ssc_encoding_to_utf8(const char *from, const char *in, size_t len, char **out,
                         size_t *out_len, long *bad_line, unsigned char *bad_byte);

#endif
