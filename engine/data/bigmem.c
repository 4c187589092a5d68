/* SPDX-License-Identifier: MIT */
/* Huge-page advice for large buffers (see bigmem.h). */
#include "data/bigmem.h"

#include <stdint.h>
#include <sys/mman.h>

#define BIGMEM_HUGE ((uintptr_t)2 << 20)

void ssc_bigmem_advise(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
    uintptr_t start = ((uintptr_t)p + BIGMEM_HUGE - 1) & ~(BIGMEM_HUGE - 1);
    uintptr_t end = ((uintptr_t)p + len) & ~(BIGMEM_HUGE - 1);

    /* the advice concerns the pages; malloc's mapping holds the range, and
     * a refusal changes nothing, so the result is not checked */
    if (p && end > start)
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)p;
    (void)len;
#endif
}
