/* SPDX-License-Identifier: MIT */
/* Helpers of the fuzz targets (fuzz.h). */
#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static char fuzz_path[4096];

static void fuzz_remove(void)
{
    if (fuzz_path[0])
        unlink(fuzz_path);
}

void fuzz_check_status(int rc, const ssc_error *err)
{
    FUZZ_ASSERT(rc == SSC_OK || rc == SSC_ERR);
    if (rc == SSC_ERR)
        FUZZ_ASSERT(err->set && err->message[0]);
}

const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    int fd;

    if (!fuzz_path[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(fuzz_path, sizeof fuzz_path, "%s/ssc-fuzz-%ld%s", dir && *dir ? dir : "/tmp",
                 (long)getpid(), suffix);
        atexit(fuzz_remove);
    }
    fd = open(fuzz_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "%s: %s\n", fuzz_path, strerror(errno));
        abort(); /* not a finding: the harness itself cannot work */
    }
    for (size_t off = 0; off < size;) {
        ssize_t n = write(fd, data + off, size - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fprintf(stderr, "%s: %s\n", fuzz_path, strerror(errno));
            abort();
        }
        off += (size_t)n;
    }
    close(fd);
    return fuzz_path;
}

char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return NULL;
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}
