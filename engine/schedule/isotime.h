/* SPDX-License-Identifier: MIT */
/* ISO 8601 times as the scheduling commands read and print them. */
#ifndef SSC_ISOTIME_H
#define SSC_ISOTIME_H

#include <stddef.h>
#include <time.h>

#include "error.h"

/* Reads YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (a space may
 * replace the T; a fraction of a second is ignored), followed by Z, +HH:MM,
 * +HHMM, +HH (or the same with -) or nothing, which means local time.  A
 * local time skipped by a clock change is an error; one repeated by a clock
 * change means its first occurrence. */
int ssc_time_parse(const char *s, time_t *out, ssc_error *err);

/* Writes t as YYYY-MM-DDTHH:MM:SSZ when utc is non-zero or the local zone is
 * UTC all year, else as local time with its offset (+HH:MM).  len >= 26. */
void ssc_time_format(time_t t, int utc, char *buf, size_t len);

#endif
