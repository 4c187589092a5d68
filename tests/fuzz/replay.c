/* SPDX-License-Identifier: MIT */
/* The plain main of every fuzz target: runs the files named on the command
 * line through LLVMFuzzerTestOneInput, which is how `make check` replays
 * the seed corpora of tests/fuzz/TARGET/.  Built with -DSSC_LIBFUZZER
 * (make fuzz) this file is empty and libFuzzer's main is used instead. */
#ifndef SSC_LIBFUZZER
#include <errno.h>
#include <string.h>

#include "fuzz.h"

/* Targets that need no set-up leave it out. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

/* The whole file, with plain stdio: the readers under test are not
 * trusted to read their own corpus. */
static unsigned char *replay_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t alloc = 0, n = 0;

    if (!f)
        return NULL;
    for (;;) {
        if (n == alloc) {
            unsigned char *b = realloc(buf, alloc ? 2 * alloc : 4096);
            if (!b)
                break;
            buf = b;
            alloc = alloc ? 2 * alloc : 4096;
        }
        size_t got = fread(buf + n, 1, alloc - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f) || n < alloc) {
        int bad = ferror(f);
        fclose(f);
        if (bad) {
            free(buf);
            errno = EIO;
            return NULL;
        }
        *len = n;
        return buf;
    }
    fclose(f);
    free(buf);
    errno = ENOMEM;
    return NULL;
}

int main(int argc, char **argv)
{
    int failed = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        unsigned char *data = replay_read(argv[i], &len);
        if (!data) {
            fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
    }
    printf("%d input%s replayed\n", argc - 1, argc == 2 ? "" : "s");
    return failed;
}
#endif
