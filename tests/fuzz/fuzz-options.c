/* SPDX-License-Identifier: MIT */
/* Fuzz target for the options a report gives plugins: the input is a
 * report, loaded as the command loads it (fuzz-report-load.c); each
 * section is bound to the bundled metric plugin it names (compiled into
 * this program), its options checked against the plugin's declaration
 * (ssc_section_check_options, as render does), and when they pass the
 * plugin computes its table over the sample portfolio and the table is
 * labelled, as render does.  The plugins read and interpret the options
 * (the narrative's text templates, sort keys, limits): none may crash,
 * and a failing plugin says why. */
#include <string.h>

#include "data/source_csv.h"
#include "data/store.h"
#include "fuzz.h"
#include "report/label.h"
#include "report/report.h"
#include "report/section.h"
#include "report/table.h"

#define FUZZ_PLUGINS(X)                                                                            \
    X(by_country) X(by_institution) X(by_region) X(by_sdg) X(by_sector) X(by_status) X(funding)    \
    X(gender) X(kpi) X(narrative) X(project_table) X(timeline)
#define FUZZ_DECLARE(id) extern const ssc_plugin id##_LTX_ssc_plugin;
#define FUZZ_ADDRESS(id) &id##_LTX_ssc_plugin,
FUZZ_PLUGINS(FUZZ_DECLARE)
static const ssc_plugin *const fuzz_plugins[] = {FUZZ_PLUGINS(FUZZ_ADDRESS)};

static ssc_store *fuzz_store;
static ssc_portfolio fuzz_view;

/* The sample portfolio, read once. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char path[] = SSC_SRCDIR "/data/sample-portfolio.csv";
    static char buf[1 << 16];
    ssc_csv_options opt = {0};
    ssc_diag d;
    ssc_error err;
    size_t skipped = 0, n;
    FILE *f = fopen(path, "rb");

    if (!f) {
        perror(path);
        abort();
    }
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ssc_diag_init(&d, 0);
    ssc_error_clear(&err);
    if (n == sizeof buf ||
        ssc_csv_load_buffer(buf, n, path, &opt, &fuzz_store, &d, &skipped, &err) != SSC_OK) {
        fprintf(stderr, "%s: cannot be read: %s\n", path, err.message);
        abort();
    }
    ssc_diag_free(&d);
    ssc_portfolio_all(&fuzz_view, fuzz_store);
    return 0;
}

static void fuzz_section(const ssc_report *r, size_t i)
{
    ssc_section s = {.report = r, .def = &r->sections[i], .store = fuzz_store};
    ssc_table *t;
    ssc_error err;
    int rc;

    for (size_t k = 0; k < sizeof fuzz_plugins / sizeof *fuzz_plugins && !s.plugin; k++)
        if (strcmp(fuzz_plugins[k]->name, s.def->plugin) == 0)
            s.plugin = fuzz_plugins[k];
    if (!s.plugin)
        return; /* not a bundled plugin: render refuses it before options */
    ssc_error_clear(&err);
    rc = ssc_section_check_options(&s, &err);
    fuzz_check_status(rc, &err);
    if (rc != SSC_OK)
        return;
    t = ssc_table_new();
    if (!t)
        return;
    ssc_error_clear(&err);
    rc = s.plugin->compute(&fuzz_view, &s, t, &err);
    FUZZ_ASSERT(rc == SSC_OK || rc == SSC_ERR);
    if (rc == SSC_OK && !ssc_table_failed(t)) {
        rc = ssc_label_table(t, r, fuzz_store, &err);
        fuzz_check_status(rc, &err);
        for (size_t row = 0; rc == SSC_OK && row < ssc_table_rows(t); row++)
            FUZZ_ASSERT(ssc_table_key(t, row) && ssc_table_label(t, row));
    } else if (rc == SSC_ERR) {
        /* render says "the plugin failed without saying why" otherwise */
        FUZZ_ASSERT(err.set && err.message[0]);
    }
    ssc_table_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ssc_report r;

    if (size > 65536)
        return 0;
    if (fuzz_report_load(&r, fuzz_file(data, size, ".cfg"), NULL, 0) == SSC_OK)
        for (size_t i = 0; i < r.n_sections && i < 32; i++)
            fuzz_section(&r, i);
    ssc_report_free(&r);
    return 0;
}
