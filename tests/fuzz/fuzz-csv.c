/* SPDX-License-Identifier: MIT */
/* Fuzz target for the CSV reader and the portfolio CSV source.
 *
 * `make fuzz` runs it under libFuzzer; `make check` replays its seed
 * corpus, tests/fuzz/csv/, through replay.c (see docs/fuzzing.md).
 *
 * Beyond "no crash, no leak", each input checks what callers rely on:
 * success and a store go together, a failure always says why, every
 * problem line starts with the file name, and every stored string can be
 * read back; and the reader fed in small blocks (as a file is read) finds
 * exactly the records it finds in the whole input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/csv.h"
#include "data/source_csv.h"
#include "data/store.h"
#include "fuzz.h"

/* FNV-1a over what a record says, so that two readings compare. */
static uint64_t fuzz_mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ULL;
    return h;
}

static uint64_t fuzz_record_hash(uint64_t h, const ssc_csv_record *rec)
{
    h = fuzz_mix(h, &rec->line, sizeof rec->line);
    h = fuzz_mix(h, &rec->count, sizeof rec->count);
    h = fuzz_mix(h, &rec->bad_field, sizeof rec->bad_field);
    for (size_t i = 0; i < rec->count; i++) {
        h = fuzz_mix(h, &rec->fields[i].len, sizeof rec->fields[i].len);
        h = fuzz_mix(h, rec->fields[i].s, rec->fields[i].len);
    }
    return h;
}

/* The reader given the input step bytes at a time, each block a fresh
 * copy of the unread bytes (a record pointing into an old one would be
 * caught by ASan): the hash of its records and how it ended. */
static uint64_t fuzz_reader_blocks(const char *in, size_t size, char delim, size_t step)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    size_t limit = size < 3 ? size : step < 3 ? 3 : step, at = 0;
    uint64_t h = 0xCBF29CE484222325ULL;
    char *copy;
    int rc;

    limit = limit < size ? limit : size;
    copy = malloc(limit + 1);
    FUZZ_ASSERT(copy != NULL);
    memcpy(copy, in, limit);
    ssc_csv_reader_init(&r, copy, limit);
    FUZZ_ASSERT(ssc_csv_reader_set_delimiter(&r, delim) == 0);
    ssc_csv_reader_more(&r, r.p, (size_t)(copy + limit - r.p), limit == size);
    for (;;) {
        rc = ssc_csv_next(&r, &rec);
        if (rc == SSC_CSV_MORE) {
            size_t from = at + (size_t)(r.p - copy);
            FUZZ_ASSERT(limit < size); /* never after the final block */
            limit = limit + step < size ? limit + step : size;
            free(copy);
            copy = malloc(limit - from + 1);
            FUZZ_ASSERT(copy != NULL);
            memcpy(copy, in + from, limit - from);
            at = from;
            ssc_csv_reader_more(&r, copy, limit - from, limit == size);
            continue;
        }
        if (rc != SSC_CSV_RECORD)
            break;
        h = fuzz_record_hash(h, &rec);
    }
    h = fuzz_mix(h, &rc, sizeof rc);
    if (rc == SSC_CSV_UNCLOSED) {
        h = fuzz_mix(h, &r.unclosed_line, sizeof r.unclosed_line);
        h = fuzz_mix(h, &r.unclosed_field, sizeof r.unclosed_field);
    }
    ssc_csv_reader_free(&r);
    free(copy);
    return h;
}

/* The reader alone: records start on increasing lines, fields lie inside
 * the input or (unescaped) are no longer than it, and reading in blocks
 * (of 1 to 16 bytes, from the input's first byte) finds the same. */
static void fuzz_reader(const char *in, size_t size, char delim)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    uint64_t h = 0xCBF29CE484222325ULL;
    long last = 0;
    int rc;

    ssc_csv_reader_init(&r, in, size);
    FUZZ_ASSERT(ssc_csv_reader_set_delimiter(&r, delim) == 0);
    while ((rc = ssc_csv_next(&r, &rec)) == SSC_CSV_RECORD) {
        FUZZ_ASSERT(rec.line > last);
        FUZZ_ASSERT(rec.count >= 1);
        FUZZ_ASSERT(rec.bad_field <= rec.count);
        last = rec.line;
        h = fuzz_record_hash(h, &rec);
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
    h = fuzz_mix(h, &rc, sizeof rc);
    if (rc == SSC_CSV_UNCLOSED) {
        h = fuzz_mix(h, &r.unclosed_line, sizeof r.unclosed_line);
        h = fuzz_mix(h, &r.unclosed_field, sizeof r.unclosed_field);
    }
    ssc_csv_reader_free(&r);
    FUZZ_ASSERT(fuzz_reader_blocks(in, size, delim, 1 + (size ? (unsigned char)in[0] % 16 : 0)) ==
                h);
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
