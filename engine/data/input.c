/* SPDX-License-Identifier: MIT */
/* Input files read within bounds (see input.h).
 *
 * The file is read, not mapped: a mapped file that another program
 * truncates while we read it would kill the process with SIGBUS, and a
 * report run must never crash on its input.  One buffer of the file's size
 * is allocated after the head is judged, so the memory is the file's size
 * once, as with a mapping, and nothing past the head is read for a file
 * the judge refuses. */
#include "data/input.h"

#include "data/bigmem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A positive count from the environment (with a K, M or G suffix: 2^10,
 * 2^20, 2^30), or dflt when unset or not one. */
static size_t input_env_size(const char *name, size_t dflt)
{
    const char *s = getenv(name);
    char *end;
    unsigned long long v;

    if (!s || !*s)
        return dflt;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || end == s)
        return dflt;
    switch (*end) {
    case 'K': case 'k': v <<= 10; end++; break;
    case 'M': case 'm': v <<= 20; end++; break;
    case 'G': case 'g': v <<= 30; end++; break;
    default: break;
    }
    if (*end || v == 0 || v > SIZE_MAX - 2)
        return dflt;
    return (size_t)v;
}

size_t ssc_input_max(void)
{
    return input_env_size("SSC_REPORT_MAX_INPUT", SSC_INPUT_MAX_DEFAULT);
}

size_t ssc_input_max_rows(void)
{
    return input_env_size("SSC_REPORT_MAX_ROWS", SSC_INPUT_MAX_ROWS_DEFAULT);
}

/* "a FIFO", "a directory"...: what a file that is not a regular one is. */
static const char *input_kind(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO (named pipe)";
    if (S_ISCHR(m))
        return "a character device";
    if (S_ISBLK(m))
        return "a block device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a regular file";
}

/* "1.5 GiB", "300 MiB", "12 KiB", "800 bytes". */
static void input_size_text(char *buf, size_t size, unsigned long long n)
{
    if (n >= (1ULL << 30))
        snprintf(buf, size, "%.1f GiB", (double)n / (1 << 30));
    else if (n >= (1ULL << 20))
        snprintf(buf, size, "%.1f MiB", (double)n / (1 << 20));
    else if (n >= (1ULL << 10))
        snprintf(buf, size, "%.1f KiB", (double)n / (1 << 10));
    else
        snprintf(buf, size, "%llu bytes", n);
}

int ssc_input_open(const char *path, const char *name, size_t max, size_t *size, ssc_error *err)
{
    struct stat sb;
    int fd, flags;

    name = name ? name : path;
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        ssc_error_at(err, name, 0, "cannot read the file: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, &sb) != 0) {
        ssc_error_at(err, name, 0, "cannot read the file: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        ssc_error_at(err, name, 0,
                     "is %s, not a regular file; give a file (or --data - and pipe it in)",
                     input_kind(sb.st_mode));
        close(fd);
        return -1;
    }
    if ((uintmax_t)sb.st_size > (uintmax_t)max) {
        char has[32], may[32];
        input_size_text(has, sizeof has, (unsigned long long)sb.st_size);
        input_size_text(may, sizeof may, (unsigned long long)max);
        ssc_error_at(err, name, 0,
                     "the file is %s, more than the %s an input may be (SSC_REPORT_MAX_INPUT "
                     "raises the limit)",
                     has, may);
        close(fd);
        return -1;
    }
    /* reads block again: a regular file never waits, but a file system
     * might treat the flag its own way */
    flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        ssc_error_at(err, name, 0, "cannot read the file: %s", strerror(errno));
        close(fd);
        return -1;
    }
    *size = (size_t)sb.st_size;
    return fd;
}

int ssc_input_check(const char *path, const char *name, ssc_error *err)
{
    size_t size;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

    /* a file that cannot be opened is the source's to explain */
    if (fd < 0)
        return SSC_OK;
    close(fd);
    fd = ssc_input_open(path, name, ssc_input_max(), &size, err);

    if (fd < 0)
        return SSC_ERR;
    close(fd);
    return SSC_OK;
}

int ssc_input_fill(int fd, char *buf, size_t *len, size_t want, int *at_end)
{
    while (*len < want) {
        ssize_t got = read(fd, buf + *len, want - *len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0) {
            *at_end = 1;
            break;
        }
        *len += (size_t)got;
    }
    return 0;
}

int ssc_input_read(ssc_input *in, const char *path, const char *name, size_t max,
                   ssc_input_judge judge, void *ctx, ssc_error *err)
{
    size_t size, cap, head, len = 0;
    char *buf;
    int fd, at_end = 0;

    in->data = NULL;
    in->len = 0;
    name = name ? name : path;
    max = max ? max : ssc_input_max();
    fd = ssc_input_open(path, name, max, &size, err);
    if (fd < 0)
        return SSC_ERR;
    /* the file's size, plus one byte to see that it did not grow and one
     * for the NUL; but only the head until it is judged, so that a file
     * refused costs no memory of its size */
    cap = size + 2;
    head = cap - 1 < SSC_INPUT_HEAD ? cap - 1 : SSC_INPUT_HEAD;
    if (!(buf = malloc(head + 1))) {
        close(fd);
        return ssc_error_oom(err);
    }
    if (ssc_input_fill(fd, buf, &len, head, &at_end) != 0)
        goto fail_errno;
    if (judge) {
        buf[len] = '\0';
        if (judge(buf, len, at_end || len == size, ctx, err) != SSC_OK)
            goto fail;
    }
    if (!at_end && head + 1 < cap) {
        char *all = realloc(buf, cap);
        if (!all) {
            ssc_error_oom(err);
            goto fail;
        }
        buf = all;
        ssc_bigmem_advise(buf, cap);
        if (ssc_input_fill(fd, buf, &len, cap - 1, &at_end) != 0)
            goto fail_errno;
    }
    if (len > size) {
        /* it grew while we read it; what was read is what it had */
        ssc_error_at(err, name, 0, "the file grew while it was read; read it again when it is "
                                   "complete");
        goto fail;
    }
    close(fd);
    buf[len] = '\0';
    in->data = buf;
    in->len = len;
    return SSC_OK;

fail_errno:
    ssc_error_at(err, name, 0, "cannot read the file: %s", strerror(errno));
fail:
    free(buf);
    close(fd);
    return SSC_ERR;
}

void ssc_input_free(ssc_input *in)
{
    if (!in)
        return;
    free(in->data);
    in->data = NULL;
    in->len = 0;
}
