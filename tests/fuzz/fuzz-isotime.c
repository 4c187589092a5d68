/* SPDX-License-Identifier: MIT */
/* Fuzz target for ISO 8601 times (engine/schedule/isotime.c), as
 * `schedule --now` and the state files give them.  A time that parses
 * reads back as the same instant from both of the forms the program
 * prints (UTC and local with an offset), in a zone with clock changes. */
#include <string.h>
#include <time.h>

#include "fuzz.h"
#include "schedule/isotime.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s;
    time_t t = 0;
    ssc_error err;
    int rc;

    if (size > 256)
        return 0; /* one word of a command line */
    s = fuzz_string(data, size);
    if (!s)
        return 0;
    ssc_error_clear(&err);
    rc = ssc_time_parse(s, &t, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK) {
        for (int utc = 0; utc <= 1; utc++) {
            char buf[64];
            time_t back = 0;
            ssc_time_format(t, utc, buf, sizeof buf);
            ssc_error_clear(&err);
            rc = ssc_time_parse(buf, &back, &err);
            if (rc != SSC_OK || back != t)
                fprintf(stderr, "\"%s\" -> %lld -> \"%s\" -> %s\n", s, (long long)t, buf,
                        rc == SSC_OK ? "another time" : err.message);
            FUZZ_ASSERT(rc == SSC_OK && back == t);
        }
    }
    free(s);
    return 0;
}
