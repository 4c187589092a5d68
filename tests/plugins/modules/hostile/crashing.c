/* SPDX-License-Identifier: MIT */
/* A plugin whose compute dies of a segmentation fault: render must report
 * "section N (plugin crashing): crashed with SIGSEGV" and carry on living. */
#include <ssc-report/plugin.h>

#include <signal.h>

#if defined(__SANITIZE_ADDRESS__)
#define CRASHING_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CRASHING_SANITIZED 1
#endif
#endif

static int crashing_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                            ssc_error *err)
{
    /* volatile, both the pointer and what it points to: the compiler may
     * neither drop the store nor put a trap (SIGILL) in its place */
    volatile int *volatile nowhere = 0;
    (void)p;
    (void)s;
    (void)out;
    (void)err;
#ifdef CRASHING_SANITIZED
    /* Under make check-sanitize the store below would be caught first:
     * UBSan's null check or ASan's SEGV handler reports it and exits with
     * status 1, which is not the death by signal this plugin is about.
     * The signal itself, with its default action, is what the engine sees
     * of a plugin's wild store in a plain build. */
    signal(SIGSEGV, SIG_DFL);
    raise(SIGSEGV);
#endif
    *nowhere = 1;
    return SSC_OK;
}

SSC_METRIC_PLUGIN(crashing, "crashing", .version = "1.0", .compute = crashing_compute);
