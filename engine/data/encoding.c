/* SPDX-License-Identifier: MIT */
/* Converting text to UTF-8 with glibc's iconv (see encoding.h). */
#include "data/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data/csv.h"

int ssc_encoding_is_utf8(const char *name)
{
    return name && (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0);
}

int ssc_encoding_known(const char *name)
{
    iconv_t cd;

    if (!name || !name[0])
        return 0;
    cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

int ssc_encoding_to_utf8(const char *from, const char *in, size_t len, char **out,
                         size_t *out_len, long *bad_line, unsigned char *bad_byte)
{
    iconv_t cd;
    char *buf, *ip = (char *)in, *op;
    size_t cap, left = len, room;

    *out = NULL;
    *out_len = 0;
    cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? SSC_ENC_NOMEM : SSC_ENC_UNKNOWN;
    /* One and a half times the input holds GB18030's Chinese (2 bytes to 3)
     * and UTF-16's; Western single-byte text grows little.  E2BIG grows it. */
    cap = len < (SIZE_MAX - 64) / 3 * 2 ? len + len / 2 + 64 : len;
    if (!(buf = malloc(cap))) {
        iconv_close(cd);
        return SSC_ENC_NOMEM;
    }
    op = buf;
    room = cap - 1; /* the NUL */
    for (;;) {
        size_t rc = left ? iconv(cd, &ip, &left, &op, &room) : 0;
        if (rc != (size_t)-1 && left == 0)
            rc = iconv(cd, NULL, NULL, &op, &room); /* a stateful encoding's reset */
        if (rc != (size_t)-1)
            break;
        if (errno == E2BIG) {
            size_t used = (size_t)(op - buf);
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                iconv_close(cd);
                return SSC_ENC_NOMEM;
            }
            buf = nb;
            cap *= 2;
            op = buf + used;
            room = cap - 1 - used;
            continue;
        }
        /* EILSEQ: a byte that is not that encoding; EINVAL: the input ends
         * inside a character */
        *bad_byte = left ? (unsigned char)*ip : 0;
        *bad_line = ssc_csv_line_of(buf, (size_t)(op - buf));
        free(buf);
        iconv_close(cd);
        return SSC_ENC_INVALID;
    }
    iconv_close(cd);
    *op = '\0';
    *out_len = (size_t)(op - buf);
    /* the room left for growth is given back: the text lives as long as
     * the load */
    *out = realloc(buf, *out_len + 1);
    if (!*out)
        *out = buf;
    return SSC_ENC_OK;
}
