/* SPDX-License-Identifier: MIT */
/* Huge-page advice and prefaulting for large buffers (see bigmem.h). */
#include "data/bigmem.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Smaller ranges fault in a few pages: not worth a thread. */
#define BIGMEM_PREFAULT_MIN ((size_t)512 << 10)

#ifdef MADV_POPULATE_WRITE
/* Ranges asked for and not yet taken; a load asks for a few dozen. */
#define BIGMEM_QUEUE 64
/* Faulted in at a time, so that a fork drops the rest soon (below). */
#define BIGMEM_CHUNK ((uintptr_t)4 << 20)

static pthread_mutex_t bigmem_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bigmem_idle = PTHREAD_COND_INITIALIZER;
static struct {
    uintptr_t start, end;
} bigmem_queue[BIGMEM_QUEUE];
static size_t bigmem_head, bigmem_count;
static unsigned long bigmem_forks; /* forks since start: a range's end */
static int bigmem_running, bigmem_hooked;

/* Takes ranges off the queue until it is empty, then ends: a thread per
 * burst, so that nothing lingers between loads. */
static void *bigmem_worker(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&bigmem_lock);
    while (bigmem_count) {
        uintptr_t at = bigmem_queue[bigmem_head].start, end = bigmem_queue[bigmem_head].end;
        unsigned long forks = bigmem_forks;
        bigmem_head = (bigmem_head + 1) % BIGMEM_QUEUE;
        bigmem_count--;
        /* a chunk at a time: a fork in between ends the range, as the
         * pages are then shared with the child, and faulting them in for
         * writing would copy them */
        while (at < end && forks == bigmem_forks) {
            uintptr_t stop = end - at > BIGMEM_CHUNK ? at + BIGMEM_CHUNK : end;
            pthread_mutex_unlock(&bigmem_lock);
            /* populating writes no byte: a range freed meanwhile fails
             * (ENOMEM) or faults in whatever was mapped there since */
            (void)madvise((void *)at, stop - at, MADV_POPULATE_WRITE);
            at = stop;
            pthread_mutex_lock(&bigmem_lock);
        }
    }
    bigmem_running = 0;
    pthread_cond_broadcast(&bigmem_idle);
    pthread_mutex_unlock(&bigmem_lock);
    return NULL;
}

/* A fork (the sections' children, the scheduler's runs) copies only the
 * thread that forks: the lock is held across it, what was queued is
 * dropped (see the worker), and the child starts with no worker. */
static void bigmem_prepare(void)
{
    pthread_mutex_lock(&bigmem_lock);
    bigmem_count = 0;
    bigmem_forks++;
}

static void bigmem_parent(void)
{
    pthread_mutex_unlock(&bigmem_lock);
}

static void bigmem_child(void)
{
    bigmem_running = 0;
    pthread_mutex_unlock(&bigmem_lock);
}
#endif

int ssc_bigmem_prefault(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
    static uintptr_t page;
    uintptr_t start, end;
    pthread_attr_t attr;
    pthread_t th;
    size_t at;
    int queued = 0;

    if (!page) {
        long n = sysconf(_SC_PAGESIZE);
        page = n > 0 ? (uintptr_t)n : 4096;
    }
    start = ((uintptr_t)p + page - 1) & ~(page - 1);
    end = ((uintptr_t)p + len) & ~(page - 1);
    if (!p || end < start + BIGMEM_PREFAULT_MIN)
        return 0;
    pthread_mutex_lock(&bigmem_lock);
    if (!bigmem_hooked)
        bigmem_hooked = pthread_atfork(bigmem_prepare, bigmem_parent, bigmem_child) == 0 ? 1 : -1;
    if (bigmem_hooked < 0 || bigmem_count == BIGMEM_QUEUE) {
        pthread_mutex_unlock(&bigmem_lock);
        return 0; /* only a hint: the caller's writes fault the pages in */
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
    if (bigmem_running)
        queued = 1;
    else
        bigmem_count = 0; /* no thread: nobody would take them */
    pthread_mutex_unlock(&bigmem_lock);
    return queued;
#else
    (void)p;
    (void)len;
    return 0;
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
