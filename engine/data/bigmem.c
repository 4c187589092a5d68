/* SPDX-License-Identifier: MIT */
/* Huge-page advice and prefaulting for large buffers (see bigmem.h). */
#include "data/bigmem.h"

#include <pthread.h>
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

/* ---- prefaulting ---------------------------------------------------------- */

#ifdef MADV_POPULATE_WRITE
/* Ranges asked for and not yet taken; a load asks for a few dozen. */
#define BIGMEM_QUEUE 64

static pthread_mutex_t bigmem_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bigmem_idle = PTHREAD_COND_INITIALIZER;
static struct {
    uintptr_t start, end;
} bigmem_queue[BIGMEM_QUEUE];
static size_t bigmem_head, bigmem_count;
static int bigmem_running, bigmem_hooked;

/* Takes ranges off the queue until it is empty, then ends: a thread per
 * burst, so that nothing lingers between loads. */
static void *bigmem_worker(void *unused)
{
    (void)unused;
    for (;;) {
        uintptr_t start, end;
        pthread_mutex_lock(&bigmem_lock);
        if (!bigmem_count) {
            bigmem_running = 0;
            pthread_cond_broadcast(&bigmem_idle);
            pthread_mutex_unlock(&bigmem_lock);
            return NULL;
        }
        start = bigmem_queue[bigmem_head].start;
        end = bigmem_queue[bigmem_head].end;
        bigmem_head = (bigmem_head + 1) % BIGMEM_QUEUE;
        bigmem_count--;
        pthread_mutex_unlock(&bigmem_lock);
        /* populating writes no byte: a range freed meanwhile fails
         * (ENOMEM) or faults in whatever was mapped there since */
        (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
}

/* A fork (the sections' children, the scheduler's runs) copies only the
 * thread that forks: the lock is held across it, and the child starts
 * with no worker and nothing queued. */
static void bigmem_prepare(void)
{
    pthread_mutex_lock(&bigmem_lock);
}

static void bigmem_parent(void)
{
    pthread_mutex_unlock(&bigmem_lock);
}

static void bigmem_child(void)
{
    bigmem_count = 0;
    bigmem_running = 0;
    pthread_mutex_unlock(&bigmem_lock);
}
#endif

void ssc_bigmem_prefault(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
    uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)p + len) & ~(uintptr_t)4095;
    pthread_attr_t attr;
    pthread_t th;
    size_t at;

    /* small buffers fault in a few pages: not worth a thread */
    if (!p || end < start + BIGMEM_HUGE)
        return;
    pthread_mutex_lock(&bigmem_lock);
    if (!bigmem_hooked)
        bigmem_hooked = pthread_atfork(bigmem_prepare, bigmem_parent, bigmem_child) == 0 ? 1 : -1;
    if (bigmem_hooked < 0 || bigmem_count == BIGMEM_QUEUE) {
        pthread_mutex_unlock(&bigmem_lock);
        return; /* only a hint: the caller's writes fault the pages in */
    }
    at = (bigmem_head + bigmem_count) % BIGMEM_QUEUE;
    bigmem_queue[at].start = start;
    bigmem_queue[at].end = end;
    bigmem_count++;
    if (!bigmem_running && pthread_attr_init(&attr) == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        bigmem_running = pthread_create(&th, &attr, bigmem_worker, NULL) == 0;
        pthread_attr_destroy(&attr);
    }
    if (!bigmem_running)
        bigmem_count = 0; /* no thread: nobody would take them */
    pthread_mutex_unlock(&bigmem_lock);
#else
    (void)p;
    (void)len;
#endif
}

void ssc_bigmem_wait(void)
{
#ifdef MADV_POPULATE_WRITE
    pthread_mutex_lock(&bigmem_lock);
    while (bigmem_running)
        pthread_cond_wait(&bigmem_idle, &bigmem_lock);
    pthread_mutex_unlock(&bigmem_lock);
#endif
}
