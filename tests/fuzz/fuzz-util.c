/* SPDX-License-Identifier: MIT */
/* Helpers of the fuzz targets (fuzz.h). */
#include "fuzz.h"
#include "data/store.h"

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

/* Reads every accessor of every row (ASan reports a bad pointer).  With
 * `required`, also the rules of the CSV reader's required columns. */
size_t fuzz_walk_store(const ssc_store *st, int required)
{
    ssc_portfolio view;
    size_t sum = 0;

    ssc_portfolio_all(&view, st);
    for (size_t row = 0; row < ssc_portfolio_count(&view); row++) {
        ssc_strings lists[3] = {ssc_project_partners(&view, row), ssc_project_countries(&view, row),
                                ssc_project_regions(&view, row)};
        ssc_ints sdgs = ssc_project_sdgs(&view, row);
        double usd;
        sum += strlen(ssc_project_id(&view, row)) + strlen(ssc_project_title(&view, row)) +
               strlen(ssc_project_lead(&view, row)) + strlen(ssc_project_sector(&view, row)) +
               strlen(ssc_project_status(&view, row)) + strlen(ssc_project_modality(&view, row)) +
               strlen(ssc_project_funding_source(&view, row));
        for (int k = 0; k < 3; k++)
            for (size_t i = 0; i < lists[k].count; i++)
                sum += strlen(lists[k].items[i]);
        for (size_t i = 0; i < sdgs.count; i++)
            FUZZ_ASSERT(sdgs.items[i] >= 1 && sdgs.items[i] <= 17);
        if (required) {
            FUZZ_ASSERT(sdgs.count >= 1 && sdgs.count <= 17);
            FUZZ_ASSERT(lists[1].count >= 1);
            FUZZ_ASSERT(ssc_project_start(&view, row).year >= 1);
        }
        if (ssc_project_budget(&view, row, &usd))
            FUZZ_ASSERT(usd == usd); /* not NaN */
        FUZZ_ASSERT(ssc_project_gender_marker(&view, row) >= -1 &&
                    ssc_project_gender_marker(&view, row) <= 2);
        FUZZ_ASSERT(ssc_project_beneficiaries(&view, row) >= -1);
        const char *extra = ssc_project_field(&view, row, "notes");
        if (extra)
            sum += strlen(extra);
    }
    return sum;
}
