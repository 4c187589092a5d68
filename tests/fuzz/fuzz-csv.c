/* SPDX-License-Identifier: MIT */
/* Fuzz target for the CSV reader and the portfolio CSV source.
 *
 * `make fuzz` runs it under libFuzzer; `make check` replays its seed
 * corpus, tests/fuzz/csv/, through replay.c (see docs/fuzzing.md).
 *
 * Beyond "no crash, no leak", each input checks what callers rely on:
 * success and a store go together, a failure always says why, every
 * problem line starts with the file name, and every stored string can be
 * read back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/csv.h"
#include "data/source_csv.h"
#include "data/store.h"
#include "fuzz.h"

/* The reader alone: records start on increasing lines, fields lie inside
 * the input or (unescaped) are no longer than it. */
static void fuzz_reader(const char *in, size_t size, char delim)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    long last = 0;
    int rc;

    ssc_csv_reader_init(&r, in, size);
    FUZZ_ASSERT(ssc_csv_reader_set_delimiter(&r, delim) == 0);
    while ((rc = ssc_csv_next(&r, &rec)) == SSC_CSV_RECORD) {
        FUZZ_ASSERT(rec.line > last);
        FUZZ_ASSERT(rec.count >= 1);
        FUZZ_ASSERT(rec.bad_field <= rec.count);
        last = rec.line;
        for (size_t i = 0; i < rec.count; i++) {
            const ssc_csv_field *f = &rec.fields[i];
            FUZZ_ASSERT(f->len <= size);
            if (f->s >= in && f->s <= in + size)
                FUZZ_ASSERT(f->len <= (size_t)(in + size - f->s));
        }
    }
    FUZZ_ASSERT(rc == SSC_CSV_END || rc == SSC_CSV_UNCLOSED);
    if (rc == SSC_CSV_UNCLOSED)
        FUZZ_ASSERT(r.unclosed_line > last);
    ssc_csv_reader_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One rename, so that the mapping code runs too. */
    static const ssc_rename renames[] = {{"Project", "id"}};
    const char *in = (const char *)data;

    fuzz_reader(in, size, ',');
    fuzz_reader(in, size, ';');
    /* runs 0 and 1: UTF-8 with the separator found from the header, rows
     * kept or skipped; run 2: converted from GB18030 and read with ';' */
    for (int run = 0; run < 3; run++) {
        ssc_csv_options opt = {.renames = renames,
                               .n_renames = 1,
                               .skip_bad_rows = run == 1,
                               .encoding = run == 2 ? "GB18030" : NULL,
                               .delimiter = run == 2 ? ';' : 0};
        ssc_store *st = NULL;
        size_t skipped = 0;
        ssc_diag d;
        ssc_error err;
        int rc;

        ssc_diag_init(&d, 0);
        ssc_error_clear(&err);
        rc = ssc_csv_load_buffer(in, size, "fuzz.csv", &opt, &st, &d, &skipped, &err);
        FUZZ_ASSERT((rc == SSC_OK) == (st != NULL));
        FUZZ_ASSERT(rc == SSC_OK || rc == SSC_ERR);
        if (rc == SSC_ERR)
            FUZZ_ASSERT(err.set && err.message[0]);
        if (rc == SSC_OK && run != 1)
            FUZZ_ASSERT(ssc_diag_total(&d) == 0 && skipped == 0);
        if (skipped)
            FUZZ_ASSERT(ssc_diag_total(&d) >= skipped);
        for (size_t i = 0; i < d.count; i++)
            FUZZ_ASSERT(strncmp(d.lines[i], "fuzz.csv:", 9) == 0 && !strchr(d.lines[i], '\n'));
        if (st)
            fuzz_walk_store(st, 1);
        ssc_store_free(st);
        ssc_diag_free(&d);
    }
    return 0;
}
