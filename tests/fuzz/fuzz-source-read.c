/* SPDX-License-Identifier: MIT */
/* Reading a portfolio through a source plugin as the engine does, for the
 * iati and sqlite targets (fuzz.h). */
#include <string.h>

#include "data/source.h"
#include "data/store.h"
#include "fuzz.h"

/* Reads every accessor of every row (ASan reports a bad pointer). */
static size_t fuzz_source_walk(const ssc_store *st)
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
        if (ssc_project_budget(&view, row, &usd))
            FUZZ_ASSERT(usd == usd); /* not NaN */
        FUZZ_ASSERT(ssc_project_gender_marker(&view, row) >= -1 &&
                    ssc_project_gender_marker(&view, row) <= 2);
        FUZZ_ASSERT(ssc_project_beneficiaries(&view, row) >= -1);
    }
    return sum;
}

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
            fuzz_source_walk(st);
        ssc_store_free(st);
        ssc_diag_free(&d);
    }
    return result;
}
