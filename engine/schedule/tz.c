/* SPDX-License-Identifier: MIT */
/* Named time zones (see tz.h). */
#include "schedule/tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int ssc_tz_check(const char *name, ssc_error *err)
{
    const char *dir = getenv("TZDIR");
    char path[4096], magic[4];
    FILE *fp;

    if (!name[0] || name[0] == '/' || strstr(name, "..") || strlen(name) > 200)
        return ssc_error_at(err, NULL, 0, "\"%s\" is not a time zone name", name);
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || *p == '+' || *p == '/'))
            return ssc_error_at(err, NULL, 0, "\"%s\" is not a time zone name", name);
    if (!dir || !dir[0])
        dir = "/usr/share/zoneinfo";
    snprintf(path, sizeof path, "%s/%s", dir, name);
    /* a folder (Europe) or a stray file is not a zone: TZif files start so */
    fp = fopen(path, "rb");
    if (!fp || fread(magic, 1, 4, fp) != 4 || memcmp(magic, "TZif", 4) != 0) {
        if (fp)
            fclose(fp);
        return ssc_error_at(err, NULL, 0,
                            "\"%s\" is not a time zone of %s (IANA names like "
                            "\"Europe/Berlin\"; \"local\" or \"UTC\")",
                            name, dir);
    }
    fclose(fp);
    return SSC_OK;
}

void ssc_tz_enter(const char *name, ssc_tz_saved *s)
{
    const char *old = getenv("TZ");

    s->changed = 0;
    s->old = NULL;
    /* already in that zone (a caller entered it around many calls): no
     * switch, which would make the C library read the zone file again */
    if (!name || (old && !strcmp(old, name)))
        return;
    if (old && !(s->old = strdup(old)))
        return; /* cannot put it back: leave the zone as it is */
    if (setenv("TZ", name, 1) != 0) {
        free(s->old);
        s->old = NULL;
        return;
    }
    s->changed = 1;
    tzset();
}

void ssc_tz_leave(ssc_tz_saved *s)
{
    if (!s->changed)
        return;
    if (s->old)
        setenv("TZ", s->old, 1);
    else
        unsetenv("TZ");
    free(s->old);
    s->old = NULL;
    s->changed = 0;
    tzset();
}
