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
 * them; for the part of a buffer about to be written.  Only a hint: 1
 * when a thread took the range, 0 when it was left (under 512 KiB, a
 * full queue, no thread to be had, a kernel without MADV_POPULATE_WRITE). */
int ssc_bigmem_prefault(void *p, size_t len);
/* Waits until the thread is done with every range it took (tests). */
void ssc_bigmem_wait(void);

#endif
