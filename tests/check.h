/* SPDX-License-Identifier: MIT */
/* A minimal test harness: each failed check prints where and why, and the
 * program's exit status is the number of failures (capped), so automake's
 * harness marks the test failed.  No test may pass by checking nothing:
 * check_done() fails a test that ran zero checks. */
#ifndef SSC_TEST_CHECK_H
#define SSC_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failures;
static int check_count;

/* Names the table row being checked (CHECK_ROW("%s", row->expr)): in a
 * table-driven test __LINE__ points at the loop, so failures print the row
 * too.  CHECK_ROW_END() after the loop, lest later failures blame the row. */
static char check_row[512];
#define CHECK_ROW(...) snprintf(check_row, sizeof check_row, __VA_ARGS__)
#define CHECK_ROW_END() (check_row[0] = '\0')

/* Counts a failure and starts its message: where, and which row. */
static inline void check_fail(const char *file, int line)
{
    check_failures++;
    fprintf(stderr, "%s:%d: ", file, line);
    if (check_row[0])
        fprintf(stderr, "[%s] ", check_row);
}

#define CHECK(cond)                                                                \
    do {                                                                           \
        check_count++;                                                             \
        if (!(cond)) {                                                             \
            check_fail(__FILE__, __LINE__);                                        \
            fprintf(stderr, "check failed: %s\n", #cond);                          \
        }                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                       \
    do {                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                   \
        check_count++;                                                             \
        if (g_ != w_) {                                                            \
            check_fail(__FILE__, __LINE__);                                        \
            fprintf(stderr, "%s is %lld, expected %lld\n", #got, g_, w_);          \
        }                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                       \
    do {                                                                           \
        const char *g_ = (got), *w_ = (want);                                      \
        check_count++;                                                             \
        if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                   \
            check_fail(__FILE__, __LINE__);                                        \
            fprintf(stderr, "%s is \"%s\", expected \"%s\"\n", #got, g_ ? g_ : "(null)", \
                    w_ ? w_ : "(null)");                                           \
        }                                                                          \
    } while (0)

/* got starts with want */
#define CHECK_PREFIX(got, want)                                                    \
    do {                                                                           \
        const char *g_ = (got), *w_ = (want);                                      \
        check_count++;                                                             \
        if (!g_ || strncmp(g_, w_, strlen(w_)) != 0) {                             \
            check_fail(__FILE__, __LINE__);                                        \
            fprintf(stderr, "%s is \"%s\", expected to start with \"%s\"\n", #got,   \
                    g_ ? g_ : "(null)", w_);                                       \
        }                                                                          \
    } while (0)

/* Writes data[0..len) to a new file made from path (a mkstemp template,
 * "/tmp/NAME-XXXXXX", which becomes the name); 0, or -1 after a failed
 * check.  The caller unlinks the file. */
static inline int check_temp_file(char *path, const char *data, size_t len)
{
    int fd = mkstemp(path), ok;

    check_count++;
    if (fd < 0) {
        check_fail(__FILE__, __LINE__);
        fprintf(stderr, "cannot make a file from %s\n", path);
        return -1;
    }
    ok = write(fd, data, len) == (ssize_t)len;
    if (close(fd) != 0)
        ok = 0;
    if (!ok) {
        check_fail(__FILE__, __LINE__);
        fprintf(stderr, "cannot write %s\n", path);
        return -1;
    }
    return 0;
}

static inline int check_done(void)
{
    if (check_count == 0) {
        fprintf(stderr, "no checks ran\n");
        return 1;
    }
    if (check_failures)
        fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count);
    return check_failures > 99 ? 99 : check_failures;
}

#endif
