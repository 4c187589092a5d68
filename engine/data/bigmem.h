/* SPDX-License-Identifier: MIT */
/* Large buffers of a big load (the file, the id set, the store's columns)
 * asked to be backed by huge pages where the kernel leaves that to the
 * program (transparent huge pages in "madvise" mode).  Each 4 KiB page
 * touched for the first time costs a fault, and a million-row load
 * touches some 100,000 of them; on a virtual machine the faults took a
 * quarter of the run. */
#ifndef SSC_BIGMEM_H
#define SSC_BIGMEM_H

#include <stddef.h>

/* Advises huge pages for the whole 2 MiB pages inside p[0..len); only a
 * hint: nothing happens for small buffers, without the call, or when the
 * kernel declines. */
void ssc_bigmem_advise(void *p, size_t len);

/* Asks a background thread to fault in the pages of p[0..len) now, so
 * that the kernel zeroes them on another processor while the caller fills
 * them; for buffers about to be written whole.  Only a hint. */
void ssc_bigmem_prefault(void *p, size_t len);
/* Waits until every range asked for so far has been faulted in (tests). */
void ssc_bigmem_wait(void);

#endif
