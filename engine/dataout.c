/* SPDX-License-Identifier: MIT */
/* Writing section tables as CSV (see dataout.h). */
#include "dataout.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

const char *ssc_dataout_number(char *buf, size_t len, double v)
{
    /* callers give at least 400 bytes (dataout.h): never truncated */
    if (!isfinite(v)) {
        /* a missing value (a project without a budget) stays empty */
        snprintf(buf, len, "%s", "");
        return buf;
    }
    if (v == 0)
        v = 0; /* -0 would print as "-0" */
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, len, "%.0f", v);
        return buf;
    }
    snprintf(buf, len, "%.6f", v);
    /* trailing zeros carry no information */
    char *end = buf + strlen(buf) - 1;
    while (end > buf && *end == '0')
        *end-- = '\0';
    if (*end == '.')
        *end = '\0';
    return buf;
}

/* RFC 4180: quote fields holding a comma, quote or line break. */
static void dataout_field(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

int ssc_dataout_write(const char *dir, size_t position, const char *plugin, const ssc_table *t,
                      ssc_atomic *out, ssc_error *err)
{
    /* room for any double in plain notation: 309 digits and 6 decimals */
    char path[4096], num[400];

    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ssc_error_at(err, dir, 0, "cannot create the data-out folder: %s",
                            strerror(errno));
    int n = snprintf(path, sizeof path, "%s/%02zu-%s.csv", dir, position, plugin);
    if (n < 0 || (size_t)n >= sizeof path)
        return ssc_error_at(err, dir, 0, "data-out path too long");
    if (ssc_atomic_open(out, path, err) != SSC_OK)
        return SSC_ERR;
    FILE *fp = out->fp;
    fputs(ssc_table_columns(t) ? "key,label" : "key,label,value", fp); /* no rows: still one series */
    for (size_t c = 0; c < ssc_table_columns(t); c++) {
        fputc(',', fp);
        dataout_field(fp, ssc_table_column_name(t, c));
    }
    fputc('\n', fp);
    for (size_t r = 0; r < ssc_table_rows(t); r++) {
        dataout_field(fp, ssc_table_key(t, r));
        fputc(',', fp);
        dataout_field(fp, ssc_table_label(t, r));
        for (size_t c = 0; c < ssc_table_columns(t); c++) {
            fputc(',', fp);
            if (ssc_table_column_type(t, c) == SSC_COLUMN_NUMBER)
                fputs(ssc_dataout_number(num, sizeof num, ssc_table_number(t, r, c)), fp);
            else
                dataout_field(fp, ssc_table_text(t, r, c));
        }
        fputc('\n', fp);
    }
    return ssc_atomic_finish(out, err);
}
