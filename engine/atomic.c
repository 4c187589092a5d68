/* SPDX-License-Identifier: MIT */
/* Atomic output files (see atomic.h). */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* A temporary file is ".NAME.XXXXXX" beside NAME (mkstemp's six
 * characters).  Its writer holds an flock on it for its whole life (the
 * lock goes with the last open descriptor, so with the process), which is
 * how a sweep tells a live writer's file from one a killed run left. */

/* The temporary files open now, for the signal handler: the one piece of
 * process-wide state here, because a handler has no other way to find them.
 * Slots are written before the handler could need them and cleared after. */
#define ATOMIC_SLOTS 1024
static char *volatile atomic_open_tmp[ATOMIC_SLOTS];

static void atomic_track(const char *tmp)
{
    for (int i = 0; i < ATOMIC_SLOTS; i++)
        if (!atomic_open_tmp[i]) {
            atomic_open_tmp[i] = (char *)tmp;
            return;
        }
}

static void atomic_untrack(const char *tmp)
{
    for (int i = 0; i < ATOMIC_SLOTS; i++)
        if (atomic_open_tmp[i] == tmp)
            atomic_open_tmp[i] = NULL;
}

static void atomic_on_signal(int sig)
{
    for (int i = 0; i < ATOMIC_SLOTS; i++)
        if (atomic_open_tmp[i])
            unlink(atomic_open_tmp[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void ssc_atomic_clean_on_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = atomic_on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
}

/* Creates and locks a fresh temporary file for path in tmp.  Another
 * run's sweep may lock a new file in the instant between mkstemp and our
 * flock, and then removes it: take another name then. */
static int atomic_create(char *tmp, size_t n, const char *path, size_t dirlen)
{
    for (int tries = 0; tries < 8; tries++) {
        snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
        int fd = mkstemp(tmp);
        if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK)
            return fd; /* a folder without locks: write unlocked, never swept */
        close(fd);
    }
    errno = EBUSY;
    return -1;
}

int ssc_atomic_open(ssc_atomic *a, const char *path, ssc_error *err)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t n = strlen(path) + 16;
    mode_t mask;
    int fd;

    memset(a, 0, sizeof *a);
    struct stat target;
    if (!path[0])
        return ssc_error_set(err, "an output file name is empty");
    if (stat(path, &target) == 0 && S_ISDIR(target.st_mode))
        return ssc_error_at(err, path, 0, "is a folder, not a file; name the file to write");
    a->path = malloc(strlen(path) + 1);
    a->tmp = malloc(n);
    if (!a->path || !a->tmp) {
        ssc_atomic_abort(a);
        return ssc_error_oom(err);
    }
    strcpy(a->path, path);
    /* the litter of killed runs for this target goes first */
    ssc_atomic_sweep(path);
    /* a hidden name beside the target: same file system, so rename is atomic */
    fd = atomic_create(a->tmp, n, path, dirlen);
    if (fd >= 0)
        atomic_track(a->tmp);
    if (fd < 0) {
        int e = errno;
        free(a->tmp);
        a->tmp = NULL;
        ssc_atomic_abort(a);
        return ssc_error_at(err, path, 0, "cannot create a file in this folder: %s",
                            strerror(e));
    }
    /* mkstemp makes 0600; the result should be as readable as any new file */
    /* a replaced file keeps its permissions; a new one gets the usual */
    mask = umask(0);
    umask(mask);
    mode_t mode = stat(path, &target) == 0 ? (target.st_mode & 07777) : (0666 & ~mask);
    /* the lock must outlive fclose at finish: a finished file waits for
     * its rename while the other outputs are written */
    int lock = dup(fd);
    if (lock >= 0)
        a->lock = lock + 1;
    if (fchmod(fd, mode) != 0 || !(a->fp = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        ssc_atomic_abort(a);
        return ssc_error_at(err, path, 0, "cannot write: %s", strerror(e));
    }
    return SSC_OK;
}

int ssc_atomic_finish(ssc_atomic *a, ssc_error *err)
{
    int bad;

    if (!a->fp)
        return ssc_error_at(err, a->path, 0, "internal error: file already closed");
    bad = fflush(a->fp) != 0 || ferror(a->fp) || fsync(fileno(a->fp)) != 0;
    int e = errno;
    bad |= fclose(a->fp) != 0;
    a->fp = NULL;
    if (bad)
        return ssc_error_at(err, a->path, 0, "cannot write: %s", strerror(e ? e : errno));
    return SSC_OK;
}

int ssc_atomic_commit(ssc_atomic *a, ssc_error *err)
{
    if (a->fp && ssc_atomic_finish(a, err) != SSC_OK)
        return SSC_ERR;
    if (rename(a->tmp, a->path) != 0)
        return ssc_error_at(err, a->path, 0, "cannot replace the file: %s", strerror(errno));
    atomic_untrack(a->tmp);
    free(a->tmp);
    a->tmp = NULL;
    if (a->lock)
        close(a->lock - 1);
    a->lock = 0;
    /* make the rename itself durable */
    const char *slash = strrchr(a->path, '/');
    char *dir = slash ? strndup(a->path, (size_t)(slash - a->path + 1)) : strdup(".");
    if (dir) {
        int fd = open(dir, O_RDONLY | O_DIRECTORY);
        if (fd >= 0) {
            fsync(fd);
            close(fd);
        }
        free(dir);
    }
    free(a->path);
    a->path = NULL;
    return SSC_OK;
}

void ssc_atomic_abort(ssc_atomic *a)
{
    if (!a)
        return;
    if (a->fp)
        fclose(a->fp);
    if (a->tmp) {
        unlink(a->tmp);
        atomic_untrack(a->tmp);
    }
    if (a->lock)
        close(a->lock - 1);
    free(a->tmp);
    free(a->path);
    memset(a, 0, sizeof *a);
}

/* Non-zero when name is ".BASE.XXXXXX", mkstemp's pattern for base. */
static int atomic_tmp_name(const char *name, const char *base, size_t blen)
{
    const char *p;

    if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 || name[1 + blen] != '.' ||
        strlen(name + blen + 2) != 6)
        return 0;
    for (p = name + blen + 2; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    return 1;
}

/* Removes dir/name when no process holds its lock: its writer has ended
 * without renaming or removing it (killed).  A folder without locks
 * (flock fails otherwise) is left alone. */
static int atomic_sweep_one(int dfd, const char *name)
{
    struct stat st, now;
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    int removed = 0;

    if (fd < 0)
        return 0;
    /* the name must still be the file we locked, not a new writer's */
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        fstatat(dfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_ino == st.st_ino &&
        now.st_dev == st.st_dev)
        removed = unlinkat(dfd, name, 0) == 0;
    close(fd); /* drops our lock */
    return removed;
}

int ssc_atomic_sweep(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t blen = strlen(base);
    char *dir = slash ? strndup(path, (size_t)(slash - path + 1)) : strdup(".");
    struct dirent *e;
    DIR *d;
    int removed = 0;

    if (!dir)
        return 0;
    d = opendir(dir);
    free(dir);
    if (!d)
        return 0;
    while (blen && (e = readdir(d)))
        if (atomic_tmp_name(e->d_name, base, blen))
            removed += atomic_sweep_one(dirfd(d), e->d_name);
    closedir(d);
    return removed;
}
