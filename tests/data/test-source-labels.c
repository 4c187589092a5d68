/* SPDX-License-Identifier: MIT */
/* The source interface, continued (test-source.c has the runs, the
 * messages and the contract): the labels a source gives for its keys
 * against the report's and the built-in ones, and a source that declares
 * start_date optional (ABI 1.2), whose undated projects have year 0 and
 * pass the year filters.  Every expected value was worked out by hand
 * from the rows written here (fake-source.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "csv-load.h" /* joined */
#include "fake-source.h"
#include "loader.h"
#include "report/filter.h"
#include "report/label.h"
#include "report/report.h"

/* A row: the label a key of a kind gets in a language, with the source's
 * labels offered or not (label.c: the engine's and the report's labels
 * first, then the source's; "Unspecified" is a region with a label in
 * each language). */
static const struct label_case {
    ssc_key_kind kind;
    const char *language;
    int with_source;
    const char *key, *want;
} label_cases[] = {
    {SSC_KEY_SECTOR, "en", 1, "311", "Agriculture (DAC)"},   /* only the source names it */
    {SSC_KEY_SECTOR, "en", 1, "water", "Water (report)"},    /* the report's label wins */
    {SSC_KEY_SECTOR, "en", 1, "agriculture", "Agriculture"}, /* the built-in label wins */
    {SSC_KEY_SECTOR, "en", 1, "999", "999"},                 /* nobody names it: the key */
    {SSC_KEY_REGION, "en", 1, "Unspecified", "Unspecified"},
    {SSC_KEY_REGION, "en", 1, "Africa", "Africa"},
    {SSC_KEY_REGION, "zh", 0, "Unspecified", "\u672a\u6307\u660e"}, /* 未指明 */
    {SSC_KEY_REGION, "zh", 0, "Africa", "\u975e\u6d32"},             /* 非洲 */
};

static void test_labels(void)
{
    char path[] = "/tmp/test-source-cfg-XXXXXX";
    static const char cfg[] = "title = \"T\";\ndata = { path = \"p.db\"; };\n"
                              "sectors = ( { code = \"water\"; label = \"Water (report)\"; } );\n"
                              "sections = ( { plugin = \"kpi\"; } );\n";
    static const char *const rows[] = {GOOD1, NULL};
    ssc_report rep;
    ssc_error err;
    run r;

    if (check_temp_file(path, cfg, sizeof cfg - 1) != 0)
        return;
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&rep, path, NULL, 0, &err), SSC_OK);
    unlink(path);
    run_rows(&r, rows, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_OK);

    for (size_t i = 0; i < sizeof label_cases / sizeof *label_cases; i++) {
        const struct label_case *c = &label_cases[i];
        ssc_table *t = ssc_table_new();

        CHECK_ROW("%s label of %s", c->language, c->key);
        CHECK(t != NULL);
        if (!t)
            break;
        ssc_table_set_key_kind(t, c->kind);
        ssc_table_add(t, c->key, 1);
        rep.language = c->language;
        CHECK_INT(ssc_label_table(t, &rep, c->with_source ? r.st : NULL, &err), SSC_OK);
        CHECK_STR(ssc_table_label(t, 0), c->want);
        ssc_table_free(t);
    }
    CHECK_ROW_END();
    run_free(&r);
    ssc_report_free(&rep);
}

/* P1 starts in July 2014; P2 gives no start date, P3 an empty one, P4 an
 * end date alone (no "end before start"). */
#define UNDATED_BASE "title=T|lead_institution=L|countries=KEN|sector=water|status=ongoing"
static const char *const undated_rows[] = {
    "id=P1|start_date=2014-07|" UNDATED_BASE,
    "id=P2|" UNDATED_BASE,
    "id=P3|start_date= |" UNDATED_BASE,
    "id=P4|end_date=2001|" UNDATED_BASE,
    NULL,
};

/* Declared optional, a missing start date is year 0, "no date". */
static void undated(const run *r)
{
    for (size_t i = 0; i < 4; i++) {
        ssc_date d = ssc_project_start(&r->view, i);
        CHECK_INT(d.year, i == 0 ? 2014 : 0);
        CHECK_INT(d.month, i == 0 ? 7 : 0);
        CHECK_INT(d.day, 0);
    }
    CHECK_INT(ssc_project_end(&r->view, 3).year, 2001);
}

/* A source built for ABI 1.1 still loads, and never declares: start_date
 * stays required for it.  A project without a start year passes the year
 * filters (docs/report-format.md). */
static const ssc_plugin old_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = 1,
    .struct_size = sizeof(ssc_plugin),
    .name = "old",
    .kind = SSC_PLUGIN_SOURCE,
    .extensions = "old",
    .read = fake_read,
};

static const struct year_case {
    int min, max;
    const char *kept; /* of undated_rows: P1 (2014) and three without a year */
    size_t before, after; /* left out as started before min, after max */
    int first, last;      /* start years of the kept: only P1 has one */
} year_cases[] = {{0, 0, "P1 P2 P3 P4", 0, 0, 2014, 2014},
                  {2000, 0, "P1 P2 P3 P4", 0, 0, 2014, 2014},
                  {0, 2020, "P1 P2 P3 P4", 0, 0, 2014, 2014},
                  {2000, 2020, "P1 P2 P3 P4", 0, 0, 2014, 2014},
                  {2015, 0, "P2 P3 P4", 1, 0, 0, 0},
                  {0, 2013, "P2 P3 P4", 0, 1, 0, 0}};

static void test_undated(void)
{
    static const char *const bad_start[] = {"id=P1|start_date=2014-13|" UNDATED_BASE, NULL};
    ssc_source_opts o = {.path = "t.db", .language = "en"};
    ssc_report rep;
    ssc_portfolio view;
    ssc_filter_count count;
    ssc_plugin copy;
    ssc_error err;
    ssc_store *st = NULL;
    ssc_diag d;
    run r;

    /* ABI 1.2: undated projects, when the source declares start_date
     * optional; a date it gives is still checked */
    fake.optional = 1;
    run_rows(&r, undated_rows, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_OK);
    CHECK_STR(joined(&r.d), "t.db:3: warning: a warning about row 3");
    CHECK_INT(r.st ? ssc_portfolio_count(&r.view) : 0, 4);
    if (r.st)
        undated(&r);
    run_free(&r);
    fake.optional = 1;
    run_rows(&r, bad_start, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_ERR);
    CHECK_STR(joined(&r.d),
              "t.db:1: start_date: 2014-13 is not a calendar date (months run from 01 to 12)\n"
              "t.db:3: warning: a warning about row 3");
    run_free(&r);
    /* without the declaration start_date stays required */
    run_rows(&r, undated_rows, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_ERR);
    CHECK_STR(joined(&r.d), "t.db:2: start_date: required, but not given\n"
                            "t.db:3: start_date: required, but empty\n"
                            "t.db:4: start_date: required, but not given\n"
                            "t.db:3: warning: a warning about row 3");
    run_free(&r);

    ssc_error_clear(&err);
    CHECK_INT(ssc_loader_check(&old_plugin, "old.la", "old", &copy, &err), SSC_OK);
    ssc_diag_init(&d, 0);
    fake.rows = undated_rows;
    CHECK_INT(ssc_source_read(&old_plugin, &o, &st, &d, NULL, &err), SSC_ERR);
    CHECK(st == NULL);
    CHECK_INT(ssc_diag_total(&d), 4); /* three undated projects, the warning */
    ssc_diag_free(&d);
    memset(&fake, 0, sizeof fake);

    fake.optional = 1;
    run_rows(&r, undated_rows, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_OK);
    for (size_t i = 0; r.st && i < sizeof year_cases / sizeof *year_cases; i++) {
        const struct year_case *c = &year_cases[i];
        char kept[64] = "";

        CHECK_ROW("start_year_min %d, start_year_max %d", c->min, c->max);
        memset(&rep, 0, sizeof rep);
        rep.start_year_min = c->min;
        rep.start_year_max = c->max;
        CHECK_INT(ssc_filter_apply(&rep, r.st, &view, &count, &err), SSC_OK);
        for (size_t k = 0; k < view.count; k++)
            snprintf(kept + strlen(kept), sizeof kept - strlen(kept), "%s%s", k ? " " : "",
                     ssc_project_id(&view, k));
        CHECK_STR(kept, c->kept);
        CHECK_INT(count.total, 4);
        CHECK_INT(count.by_reason[SSC_FILTER_KEPT], view.count);
        CHECK_INT(count.by_reason[SSC_FILTER_BEFORE], c->before);
        CHECK_INT(count.by_reason[SSC_FILTER_AFTER], c->after);
        CHECK_INT(count.first_year, c->first);
        CHECK_INT(count.last_year, c->last);
        ssc_portfolio_release(&view);
    }
    CHECK_ROW_END();
    run_free(&r);
}

int main(void)
{
    test_labels();
    test_undated();
    return check_done();
}
