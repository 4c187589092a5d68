/* SPDX-License-Identifier: MIT */
/* The scheduler's messages (see schedlog.h). */
#include "schedule/schedlog.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ssc_sched_log(int priority, const char *fmt, ...)
{
    const char *js = getenv("JOURNAL_STREAM");
    int journal = js && js[0];
    FILE *fp = journal || priority <= SSC_LOG_WARNING ? stderr : stdout;
    char line[8192];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* one event, one line: a line break inside would start a new entry */
    for (char *p = line; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    if (journal)
        fprintf(fp, "<%d>ssc-report: %s\n", priority, line);
    else
        fprintf(fp, "ssc-report: %s\n", line);
    fflush(fp);
}
