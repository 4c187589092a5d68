/* SPDX-License-Identifier: MIT */
/* `ssc-report init DIR`: a starter report and a portfolio template, copied
 * from the bundled reports/starter.cfg and data/starter-portfolio.csv, so
 * that a new user starts from files that render as they are.  Existing
 * files are never overwritten; both are written atomically. */
#include "report/starter.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "report/config.h"

/* Copies from into a temporary beside to, left finished for commit. */
static int starter_copy(const char *from, const char *to, ssc_atomic *a, ssc_error *err)
{
    char buf[8192];
    size_t n;
    FILE *in = fopen(from, "rb");

    if (!in)
        return ssc_error_set(err, "%s: cannot read the starter file: %s", from, strerror(errno));
    if (ssc_atomic_open(a, to, err) != SSC_OK) {
        fclose(in);
        return SSC_ERR;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, a->fp) != n)
            break;
    if (ferror(in)) {
        fclose(in);
        return ssc_error_set(err, "%s: cannot read the starter file", from);
    }
    fclose(in);
    return ssc_atomic_finish(a, err);
}

int ssc_starter_init(const char *dir, char *report, size_t len, ssc_error *err)
{
    const char *names[2] = {"report.cfg", "portfolio.csv"};
    const char *from[2] = {ssc_starter_report(), ssc_starter_portfolio()};
    char to[2][4096];
    ssc_atomic a[2];
    struct stat st;
    int rc = SSC_OK;

    memset(a, 0, sizeof a);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ssc_error_set(err, "%s: cannot create the folder: %s", dir, strerror(errno));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return ssc_error_set(err, "%s: not a folder", dir);
    for (int i = 0; i < 2; i++) {
        int w = snprintf(to[i], sizeof to[i], "%s/%s", dir, names[i]);
        if (w < 0 || (size_t)w >= sizeof to[i])
            return ssc_error_set(err, "%s: the folder's name is too long", dir);
        if (lstat(to[i], &st) == 0)
            return ssc_error_set(err,
                                 "%s already exists; init never overwrites a file (choose an "
                                 "empty or new folder)",
                                 to[i]);
    }
    for (int i = 0; i < 2 && rc == SSC_OK; i++)
        rc = starter_copy(from[i], to[i], &a[i], err);
    for (int i = 0; i < 2 && rc == SSC_OK; i++)
        rc = ssc_atomic_commit(&a[i], err);
    for (int i = 0; i < 2; i++)
        ssc_atomic_abort(&a[i]);
    if (rc == SSC_OK)
        snprintf(report, len, "%s", to[0]);
    return rc;
}
