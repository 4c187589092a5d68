/* SPDX-License-Identifier: MIT */
/* What the CSV tests share (test-csv-reader.c, test-csv.c,
 * test-csv-files.c; fake-source.h uses loaded, the source tests joined):
 * the headers of a portfolio CSV, a record's field compared by hand, and
 * a buffer loaded through the CSV source with its problems joined for one
 * comparison.  Static inline, like check.h, so that each test's checks
 * count in its own totals. */
#ifndef SSC_TEST_CSV_LOAD_H
#define SSC_TEST_CSV_LOAD_H

#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "data/csv.h"
#include "data/source_csv.h"
#include "data/store.h"

#define HEADER                                                                                     \
    "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,"                 \
    "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,"                 \
    "gender_marker,beneficiaries\n"
/* Only the required columns, in spec order. */
#define REQ "id,title,lead_institution,countries,sector,sdg_primary,start_date,status\n"

#define SKIP_HINT "fix them, or render the good rows with --skip-bad-rows"
#define SKIP_HINT1 "fix it, or render the good rows with --skip-bad-rows"

static inline int next(ssc_csv_reader *r, ssc_csv_record *rec)
{
    return ssc_csv_next(r, rec);
}

#define CHECK_FIELD(rec, i, want)                                                                  \
    do {                                                                                           \
        CHECK_INT((rec).fields[i].len, strlen(want));                                              \
        CHECK((rec).fields[i].len == strlen(want) &&                                               \
              memcmp((rec).fields[i].s, (want), strlen(want)) == 0);                               \
    } while (0)

/* Joins the problem lines with '\n' (for one comparison per test). */
static inline const char *joined(const ssc_diag *d)
{
    static char buf[16384];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->count && o < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "\n" : "", d->lines[i]);
    return buf;
}

typedef struct loaded {
    int rc;
    ssc_store *st;
    ssc_portfolio view;
    ssc_diag d;
    ssc_error err;
    size_t skipped;
} loaded;

static inline void load_opt(loaded *l, const char *csv, size_t len, const ssc_csv_options *opt)
{
    memset(l, 0, sizeof *l);
    ssc_diag_init(&l->d, 0);
    ssc_error_clear(&l->err);
    l->skipped = 99;
    l->rc = ssc_csv_load_buffer(csv, len, "t.csv", opt, &l->st, &l->d, &l->skipped, &l->err);
    if (l->st)
        ssc_portfolio_all(&l->view, l->st);
}

static inline void load(loaded *l, const char *csv)
{
    load_opt(l, csv, strlen(csv), NULL);
}

static inline void unload(loaded *l)
{
    ssc_store_free(l->st);
    ssc_diag_free(&l->d);
}

/* Loads csv, which must fail with exactly the problems want (one per
 * line) and the summary for a row problem. */
static inline void expect_problems(const char *csv, const char *want, size_t n)
{
    loaded l;
    char summary[256];
    load(&l, csv);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK(l.st == NULL);
    CHECK_STR(joined(&l.d), want);
    CHECK_INT(ssc_diag_total(&l.d), n);
    snprintf(summary, sizeof summary, "%zu problem%s; nothing rendered (%s)", n, n == 1 ? "" : "s",
             n == 1 ? SKIP_HINT1 : SKIP_HINT);
    CHECK_STR(l.err.message, summary);
    CHECK_STR(l.err.file, "t.csv");
    unload(&l);
}


#endif
