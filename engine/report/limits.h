/* SPDX-License-Identifier: MIT */
/* What a report or engine settings file may hold (limits.c), checked when
 * it is loaded so that a hostile or broken file fails `check` with
 * FILE:LINE rather than rendering 100,000 pages or reaching Cairo with
 * bytes that are no text.  docs/report-format.md lists the limits. */
#ifndef SSC_REPORT_LIMITS_H
#define SSC_REPORT_LIMITS_H

#include <libconfig.h>
#include <stddef.h>

#include "error.h"

#define SSC_LIMIT_FILE_BYTES ((size_t)4 << 20) /* a report or settings file */
#define SSC_LIMIT_DEPTH 16                     /* groups, lists and arrays nested */
#define SSC_LIMIT_LIST 10000                   /* elements of one group, list or array */
#define SSC_LIMIT_TEXT 65536                   /* bytes of one string */
#define SSC_LIMIT_SECTIONS 500                 /* sections of a report */

/* Before libconfig reads path: a regular file of at most
 * SSC_LIMIT_FILE_BYTES, UTF-8 text without NUL bytes, nested at most
 * SSC_LIMIT_DEPTH levels (libconfig's parser would otherwise say only
 * "memory exhausted" past a few thousand).  Returns SSC_OK or SSC_ERR with
 * FILE:LINE in err. */
int ssc_limits_file(const char *path, ssc_error *err);

/* After reading (and --set): every string valid UTF-8 of at most
 * SSC_LIMIT_TEXT bytes (libconfig's \x escapes can make any byte), every
 * aggregate of at most SSC_LIMIT_LIST elements and SSC_LIMIT_DEPTH levels.
 * Returns NULL, or the first setting past a limit with the reason, which
 * starts with the setting's path ("sections.[2].title: ..."), in why. */
const config_setting_t *ssc_limits_walk(const config_setting_t *root, char *why, size_t size);

#endif
