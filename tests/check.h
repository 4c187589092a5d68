/* A minimal test harness: each failed check prints where and why, and the
 * program's exit status is the number of failures (capped), so automake's
 * harness marks the test failed.  No test may pass by checking nothing:
 * check_done() fails a test that ran zero checks. */
#ifndef SSC_TEST_CHECK_H
#define SSC_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                \
    do {                                                                           \
        check_count++;                                                             \
        if (!(cond)) {                                                             \
            check_failures++;                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                       \
    do {                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                   \
        check_count++;                                                             \
        if (g_ != w_) {                                                            \
            check_failures++;                                                      \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #got, \
                    g_, w_);                                                       \
        }                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                       \
    do {                                                                           \
        const char *g_ = (got), *w_ = (want);                                      \
        check_count++;                                                             \
        if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                   \
            check_failures++;                                                      \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                 \
        }                                                                          \
    } while (0)

/* got starts with want */
#define CHECK_PREFIX(got, want)                                                    \
    do {                                                                           \
        const char *g_ = (got), *w_ = (want);                                      \
        check_count++;                                                             \
        if (!g_ || strncmp(g_, w_, strlen(w_)) != 0) {                             \
            check_failures++;                                                      \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected to start with \"%s\"\n", \
                    __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_);             \
        }                                                                          \
    } while (0)

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
