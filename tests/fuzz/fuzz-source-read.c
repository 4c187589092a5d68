/* SPDX-License-Identifier: MIT */
/* Reading a portfolio through a source plugin as the engine does, for the
 * iati and sqlite targets (fuzz.h). */
#include <string.h>

#include "data/source.h"
#include "data/store.h"
#include "fuzz.h"

int fuzz_source_read(const ssc_plugin *source, const char *path)
{
    int result = SSC_ERR;

    for (int skip = 0; skip <= 1; skip++) {
        ssc_source_opts o = {.path = path, .display_name = "fuzz", .skip_bad_rows = skip};
        ssc_store *st = NULL;
        size_t skipped = 0;
        ssc_diag d;
        ssc_error err;
        int rc;

        ssc_diag_init(&d, 0);
        ssc_error_clear(&err);
        rc = ssc_source_read(source, &o, &st, &d, &skipped, &err);
        fuzz_check_status(rc, &err);
        FUZZ_ASSERT((rc == SSC_OK) == (st != NULL));
        if (!skip)
            result = rc;
        if (skipped)
            FUZZ_ASSERT(ssc_diag_total(&d) >= skipped);
        for (size_t i = 0; i < d.count; i++)
            FUZZ_ASSERT(strncmp(d.lines[i], "fuzz", 4) == 0 && !strchr(d.lines[i], '\n'));
        if (st)
            fuzz_walk_store(st, 0);
        ssc_store_free(st);
        ssc_diag_free(&d);
    }
    return result;
}
