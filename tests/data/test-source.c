/* SPDX-License-Identifier: MIT */
/* The source interface (engine/data/source.c, engine/data/rowcheck.c): what a source
 * plugin's read hook sees and what becomes of the projects it hands over.
 * A fake source (fake-source.h) plays the plugin: it hands over projects
 * written here as "column=value|column=value" strings.  Every
 * expected value and message was worked out by hand from those strings
 * and docs/portfolio-csv.md; where the CSV source must say the same, the
 * test reads the same rows as CSV and compares.  Labels and a source
 * that declares start_date optional are test-source-labels.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "csv-load.h" /* joined */
#include "report/filter.h"
#include "report/label.h"
#include "loader.h"
#include "data/refdata.h"
#include "report/report.h"
#include "data/source.h"
#include "data/source_csv.h"
#include "data/store.h"
#include "report/table.h"

#include "fake-source.h"

/* ---- runs: rows in, projects and messages out -------------------------- */

/* Rows the CSV reader would refuse get the CSV reader's messages. */
#define BAD_HEADER                                                                                \
    "id,title,lead_institution,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,"   \
    "status,budget_usd,gender_marker\n"
static const char bad_csv[] = BAD_HEADER
    "P1,T,L,VNM;XXX,s,19,,2014,2013,ongoing,1 500,3\n"
    "P2,,L,VNM;;LKA,s,1,2;x,2014-02-30,,done,-5,\n"
    "P1,T,L,VNM,s,1,,2014,,ongoing,,\n";
static const char *const bad_rows[] = {
    "id=P1|title=T|lead_institution=L|countries=VNM;XXX|sector=s|sdg_primary=19|"
    "sdg_secondary=|start_date=2014|end_date=2013|status=ongoing|budget_usd=1 500|"
    "gender_marker=3",
    "id=P2|title=|lead_institution=L|countries=VNM;;LKA|sector=s|sdg_primary=1|"
    "sdg_secondary=2;x|start_date=2014-02-30|end_date=|status=done|budget_usd=-5|"
    "gender_marker=",
    "id=P1|title=T|lead_institution=L|countries=VNM|sector=s|sdg_primary=1|sdg_secondary=|"
    "start_date=2014|end_date=|status=ongoing|budget_usd=|gender_marker=",
    NULL};

/* What a run of GOOD1, GOOD2 and a blank row gives, beyond the table's columns. */
static void good_rows(const run *r)
{
    ssc_strings s;
    ssc_ints g;
    double usd = 0;

    /* what the hook saw */
    CHECK_STR(fake.path, "db/t.db");
    CHECK_STR(fake.query, "SELECT 1");
    CHECK_STR(fake.lang, "zh");
    CHECK_INT(fake.eur_known, 1);
    CHECK(fake.eur == 1.25);
    CHECK_INT(fake.usd_known, 1);
    CHECK(fake.usd == 1.0);
    CHECK_INT(fake.xxx_known, 0);
    s = ssc_project_partners(&r->view, 0);
    CHECK_INT(s.count, 2);
    if (s.count == 2)
        CHECK_STR(s.items[1], "B");
    s = ssc_project_countries(&r->view, 0);
    CHECK_INT(s.count, 2);
    if (s.count == 2)
        CHECK_STR(s.items[0], "VNM");
    s = ssc_project_regions(&r->view, 0);
    CHECK_INT(s.count, 1);
    if (s.count == 1)
        CHECK_STR(s.items[0], "Asia");
    g = ssc_project_sdgs(&r->view, 0);
    CHECK_INT(g.count, 2);
    CHECK_INT(ssc_project_start(&r->view, 0).month, 7);
    CHECK_INT(ssc_project_end(&r->view, 0).year, 2016);
    CHECK(ssc_project_budget(&r->view, 0, &usd) && usd == 1500.5);
    CHECK_INT(ssc_project_gender_marker(&r->view, 0), 1);
    CHECK_INT(ssc_project_beneficiaries(&r->view, 0), 12);
    /* extra columns appear as the source names them; earlier rows hold "" */
    CHECK_STR(ssc_project_field(&r->view, 0, "notes"), "first");
    CHECK_STR(ssc_project_field(&r->view, 0, "colour"), "");
    CHECK_STR(ssc_project_field(&r->view, 1, "colour"), "blue");
    CHECK_STR(ssc_project_field(&r->view, 1, "notes"), "");
    CHECK_INT(ssc_store_line(r->st, 1), 2);

    /* regions without countries; no SDG given: the project names none */
    s = ssc_project_countries(&r->view, 1);
    CHECK_INT(s.count, 0);
    s = ssc_project_regions(&r->view, 1);
    CHECK_INT(s.count, 2);
    if (s.count == 2) {
        CHECK_STR(s.items[0], "Africa");
        CHECK_STR(s.items[1], "Unspecified");
        /* one pointer per region, whoever gave it (plugin.h's promise) */
        const ssc_country *ken = ssc_country_by_alpha3("KEN", 3);
        CHECK(ken && s.items[0] == ken->region);
        CHECK(s.items[1] == ssc_store_region("Unspecified", 11));
    }
    CHECK_INT(ssc_project_sdgs(&r->view, 1).count, 0);
    CHECK_INT(ssc_project_sdg_primary(&r->view, 1), 0);
    CHECK(!ssc_project_budget(&r->view, 1, NULL));
    CHECK_INT(ssc_project_gender_marker(&r->view, 1), -1);
    /* labels the source gave */
    CHECK_STR(ssc_store_label(r->st, SSC_KEY_SECTOR, "311"), "Agriculture (DAC)");
    CHECK(ssc_store_label(r->st, SSC_KEY_REGION, "311") == NULL);
    CHECK(ssc_store_label(r->st, SSC_KEY_SECTOR, "312") == NULL);
}

static void twelve_problems_and_the_warning(const run *r)
{
    CHECK_INT(ssc_diag_total(&r->d), 13);
}

/* The renamed columns are read as the spec's and kept by no other name. */
static void renamed(const run *r)
{
    CHECK_INT(ssc_project_sdg_primary(&r->view, 0), 1);
    CHECK(ssc_project_field(&r->view, 0, "Project code") == NULL);
}

#define ANY -1 /* as a count: not checked */
#define ROWS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* A row: the fake source hands over `rows`, with data.columns `renames`
 * (apply to every source, and messages use the source's own column names)
 * and --skip-bad-rows if `skip`; the run returns rc, leaves out `skipped`
 * rows, keeps the projects `kept` (ids, space-separated; NULL: not checked)
 * and lists `messages` (joined by '\n'; NULL: not checked); `more`, if
 * any, checks the rest before the run is freed. */
static const struct run_case {
    const char *name;
    const char *const *rows;
    const ssc_rename *renames;
    size_t n_renames;
    int skip, rc, skipped;
    const char *kept, *messages;
    void (*more)(const run *r);
} runs[] = {
    /* a warning is listed but is no problem; the blank third row is no project */
    {"good rows", ROWS(GOOD1, GOOD2, "   |id= "), NULL, 0, 0, SSC_OK, 0, "P1 P2",
     "t.db:3: warning: a warning about row 3", good_rows},
    /* the third row's id is the first row's, which was left out: still a
     * repeat, as in CSV */
    {"bad rows skipped", bad_rows, NULL, 0, 1, SSC_OK, 3, "", NULL,
     twelve_problems_and_the_warning},
    {"a good and a bad row",
     ROWS("id=A|title=T|lead_institution=L|countries=VNM|sector=s|sdg_primary=1|start_date=2014|"
          "status=ongoing",
          "id=B|title=T|lead_institution=L|countries=XXX|sector=s|sdg_primary=1|start_date=2014|"
          "status=ongoing"),
     NULL, 0, 1, SSC_OK, 1, "A", NULL, NULL},
    /* rules only sources other than CSV meet: columns not given at all, the
     * regions pseudo-column, a column given twice */
    {"source rules",
     ROWS(/* 1: no title, lead, countries or regions, sector, start or status */
          "id=N1",
          /* 2: regions and countries together; a region that is none */
          "id=N2|title=T|lead_institution=L|countries=KEN|regions=Africa|sector=s|"
          "start_date=2014|status=ongoing",
          "id=N3|title=T|lead_institution=L|regions=Africa;Europa;;Asia|sector=s|"
          "start_date=2014|status=ongoing",
          /* 4: secondary goals without a primary one; the id given twice */
          "id=N4|id=N5|title=T|lead_institution=L|countries=KEN|sector=s|sdg_secondary=3|"
          "start_date=2014|status=ongoing"),
     NULL, 0, 0, SSC_ERR, ANY, NULL,
     "t.db:1: title: required, but not given\n"
     "t.db:1: lead_institution: required, but not given\n"
     "t.db:1: countries: required, but not given\n"
     "t.db:1: sector: required, but not given\n"
     "t.db:1: start_date: required, but not given\n"
     "t.db:1: status: required, but not given\n"
     "t.db:2: regions: only for a project without countries (the regions of a project "
     "come from its countries)\n"
     "t.db:3: regions: Europa is not a region (expected Africa, Asia, Europe, Latin "
     "America and the Caribbean, Northern America, Oceania or Unspecified)\n"
     "t.db:3: regions: empty item in Africa;Europa;;Asia (separate items with a single "
     "';')\n"
     "t.db:4: id: given twice for this project\n"
     "t.db:4: sdg_primary: required, but not given\n"
     "t.db:3: warning: a warning about row 3",
     NULL},
    {"renames",
     ROWS("Project code=R1|title=T|lead_institution=L|countries=VNM|sector=s|Goal=18|"
          "start_date=2014|status=ongoing",
          "Project code=R2|title=T|lead_institution=L|countries=VNM|sector=s|Goal=1|"
          "start_date=2014|status=ongoing",
          /* the id twice, by both its names */
          "Project code=R3|id=R4|title=T|lead_institution=L|countries=VNM|sector=s|Goal=1|"
          "start_date=2014|status=ongoing"),
     (const ssc_rename[]){{"Project code", "id"}, {"Goal", "sdg_primary"}}, 2, 1, SSC_OK, ANY,
     "R2",
     "t.db:1: Goal: 18 is not an SDG (expected a whole number from 1 to 17)\n"
     "t.db:3: id: given twice for this project (as Project code and as id)\n"
     "t.db:3: warning: a warning about row 3",
     renamed},
};

static void test_runs(void)
{
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        const struct run_case *c = &runs[i];
        char kept[256], *id, *save = NULL;
        size_t n = 0;
        run r;

        run_rows(&r, c->rows, c->renames, c->n_renames, c->skip);
        CHECK_ROW("%s", c->name);
        CHECK_INT(r.rc, c->rc);
        if (c->rc == SSC_OK && r.err.set)
            fprintf(stderr, "%s: unexpected: %s: %s\n", c->name, r.err.file, r.err.message);
        if (c->skipped != ANY)
            CHECK_INT(r.skipped, c->skipped);
        if (c->messages)
            CHECK_STR(joined(&r.d), c->messages);
        if (c->kept) {
            snprintf(kept, sizeof kept, "%s", c->kept);
            for (id = strtok_r(kept, " ", &save); id; id = strtok_r(NULL, " ", &save), n++)
                if (r.st && n < ssc_portfolio_count(&r.view))
                    CHECK_STR(ssc_project_id(&r.view, n), id);
            CHECK_INT(r.st ? ssc_portfolio_count(&r.view) : 0, n);
        }
        if (c->more)
            c->more(&r);
        CHECK_ROW_END();
        run_free(&r);
    }
}

static void test_same_messages_as_csv(void)
{
    ssc_csv_options copt = {.display_name = "t.db"};
    ssc_store *st = NULL;
    ssc_diag d;
    ssc_error err;
    char csv_lines[16384];
    run r;

    ssc_diag_init(&d, 0);
    ssc_error_clear(&err);
    /* CSV lines are one more than row numbers: the header is line 1, so
     * the fake source numbers its rows from 2 by a blank first project */
    CHECK_INT(ssc_csv_load_buffer(bad_csv, sizeof bad_csv - 1, "t.db", &copt, &st, &d, NULL, &err),
              SSC_ERR);
    snprintf(csv_lines, sizeof csv_lines, "%s", joined(&d));
    /* automatic, not static: its items are other objects' values, which
     * C (and clang) do not allow as a static initialiser */
    const char *const shifted[] = {"", bad_rows[0], bad_rows[1], bad_rows[2], NULL};
    run_rows(&r, shifted, NULL, 0, 0);
    CHECK_INT(r.rc, SSC_ERR);
    CHECK(r.st == NULL);
    /* the hook's warning (line 3) is the only extra line */
    const char *src_lines = joined(&r.d);
    char want[16384 + 64];
    CHECK_STR(csv_lines,
              "t.db:2: countries: XXX is not an ISO 3166-1 alpha-3 country code\n"
              "t.db:2: sdg_primary: 19 is not an SDG (expected a whole number from 1 to 17)\n"
              "t.db:2: end_date: 2013 is before start_date 2014\n"
              "t.db:2: gender_marker: 3 is not a gender marker (expected 0, 1 or 2)\n"
              "t.db:2: budget_usd: 1 500 is not a number (expected US dollars with '.' as the "
              "decimal point and no thousands separators, e.g. 1500000.50)\n"
              "t.db:3: title: required, but empty\n"
              "t.db:3: countries: empty item in VNM;;LKA (separate items with a single ';')\n"
              "t.db:3: sdg_secondary: x is not an SDG (expected a whole number from 1 to 17)\n"
              "t.db:3: start_date: 2014-02-30 is not a calendar date (February 2014 has 28 "
              "days)\n"
              "t.db:3: status: done is not a status (expected pipeline, ongoing, completed, "
              "cancelled or suspended)\n"
              "t.db:3: budget_usd: -5 is negative (expected 0 or more)\n"
              "t.db:4: id: P1 is already used on line 2");
    snprintf(want, sizeof want, "%s\nt.db:3: warning: a warning about row 3", csv_lines);
    CHECK_STR(src_lines, want);
    CHECK_STR(r.err.file, "t.db");
    CHECK_STR(err.message, r.err.message);
    CHECK_STR(r.err.message, "12 problems; nothing rendered (fix them, or render the good rows "
                             "with --skip-bad-rows)");
    run_free(&r);
    ssc_diag_free(&d);
}

/* A row: a plugin that breaks the contract (misuse, see struct fake), or
 * whose hook fails with `fail`, fails the run with `message`, naming the
 * plugin, or the file unless the hook's message does (`file`; NULL: not
 * checked). */
static const struct contract_case {
    int misuse;
    const char *fail, *file, *message;
} contract_cases[] = {
    {1, NULL, NULL,
     "source plugin \"fake\": ssc_source_set(\"id\") outside ssc_source_begin and ssc_source_end"},
    {2, NULL, NULL,
     "source plugin \"fake\": ssc_source_begin(2) before the project begun for line 1 was "
     "ended with ssc_source_end"},
    {3, NULL, NULL,
     "source plugin \"fake\": the project begun for line 1 was never ended with ssc_source_end"},
    {4, NULL, NULL,
     "source plugin \"fake\": ssc_source_optional(\"start_date\") after the first project; "
     "call it before the first ssc_source_begin"},
    {5, NULL, NULL,
     "source plugin \"fake\": ssc_source_optional(\"title\"): only start_date may be "
     "declared optional"},
    {0, "no such table: projects", "t.db", "no such table: projects"},
    {0, "t.db:7: malformed", "", "t.db:7: malformed"},
};

static void test_contract(void)
{
    static const char *const one[] = {GOOD1, NULL};

    for (size_t i = 0; i < sizeof contract_cases / sizeof *contract_cases; i++) {
        const struct contract_case *c = &contract_cases[i];
        run r;

        fake.misuse = c->misuse;
        fake.fail = c->fail;
        /* misuses 1 and 2 happen before any row is read */
        run_rows(&r, c->misuse == 1 || c->misuse == 2 ? NULL : one, NULL, 0, 0);
        CHECK_ROW("misuse %d, failing with \"%s\"", c->misuse, c->fail ? c->fail : "");
        CHECK_INT(r.rc, SSC_ERR);
        if (c->file)
            CHECK_STR(r.err.file, c->file);
        CHECK_STR(r.err.message, c->message);
        CHECK_ROW_END();
        run_free(&r);
    }
}

/* The CSV reader is the built-in source "csv", read through the same
 * interface. */
static void test_builtin_csv(void)
{
    char path[] = "/tmp/test-source-XXXXXX";
    static const char csv[] = "id,title,lead_institution,countries,sector,sdg_primary,"
                              "start_date,status\nP1,T,L,VNM,s,1,2010,ongoing\n"
                              "P2,T,L,VNM,s,1,2010,later\n";
    ssc_source_opts o = {.path = path, .display_name = "p.csv", .skip_bad_rows = 1};
    const ssc_plugin *csv_src = ssc_csv_source();
    ssc_store *st = NULL;
    ssc_diag d;
    ssc_error err;
    size_t skipped = 0;

    if (check_temp_file(path, csv, sizeof csv - 1) != 0)
        return;
    CHECK_STR(csv_src->name, "csv");
    CHECK_INT(csv_src->kind, SSC_PLUGIN_SOURCE);
    ssc_diag_init(&d, 0);
    ssc_error_clear(&err);
    CHECK_INT(ssc_source_read(csv_src, &o, &st, &d, &skipped, &err), SSC_OK);
    CHECK(st && ssc_store_count(st) == 1);
    CHECK_INT(skipped, 1);
    CHECK_STR(joined(&d), "p.csv:3: status: later is not a status (expected pipeline, ongoing, "
                          "completed, cancelled or suspended)");
    ssc_store_free(st);
    ssc_diag_free(&d);
    unlink(path);
    ssc_error_clear(&err);
    CHECK_INT(ssc_source_read(csv_src, &o, &st, NULL, NULL, &err), SSC_ERR);
    CHECK_STR(err.file, "p.csv");
    CHECK_STR(err.message, "cannot read the file: No such file or directory");
}

/* A row: the source a data file's extension chooses (NULL: none). */
static const struct { const char *path, *source; } by_extension[] = {
    {"a/b.csv", "csv"}, {"b.XML", "iati"},   {"b.sqlite", "sqlite"}, {"b.db", "sqlite"},
    {"b.txt", NULL},    {"dir.csv/b", NULL}, {".csv", NULL},
};

static void test_choosing(void)
{
    const ssc_plugin *p = NULL;
    ssc_error err;
    ssc_loader *ld = NULL;
    char dir[4096];
    const char *top = getenv("top_builddir");

    for (size_t i = 0; i < sizeof by_extension / sizeof *by_extension; i++) {
        const char *got = ssc_source_for_extension(by_extension[i].path);
        CHECK_ROW("source for %s", by_extension[i].path);
        if (by_extension[i].source)
            CHECK_STR(got, by_extension[i].source);
        else
            CHECK(got == NULL);
    }
    CHECK_ROW_END();

    ssc_error_clear(&err);
    CHECK_INT(ssc_source_find(NULL, NULL, "p.txt", &p, &err), SSC_OK);
    CHECK(p == ssc_csv_source());
    CHECK_INT(ssc_source_find(NULL, "csv", "p.db", &p, &err), SSC_OK);
    CHECK(p == ssc_csv_source());

    /* the build's plugins: sqlite is a source, kpi is not */
    if (!top) {
        CHECK(!"top_builddir is not set (run through make check)");
        return;
    }
    snprintf(dir, sizeof dir, "%s/plugins", top);
    const char *dirs[] = {dir};
    CHECK_INT(ssc_loader_new(&ld, dirs, 1, &err), SSC_OK);
    if (!ld)
        return;
    CHECK_INT(ssc_source_find(ld, NULL, "x/p.DB", &p, &err), SSC_OK);
    CHECK(p && strcmp(p->name, "sqlite") == 0 && p->kind == SSC_PLUGIN_SOURCE);
    ssc_error_clear(&err);
    CHECK_INT(ssc_source_find(ld, "kpi", "p.csv", &p, &err), SSC_ERR);
    CHECK_PREFIX(err.message, "plugin \"kpi\" (");
    CHECK(strstr(err.message, "it is not a data source") != NULL);
    ssc_error_clear(&err);
    CHECK_INT(ssc_source_find(ld, "nosuch", "p.csv", &p, &err), SSC_ERR);
    CHECK_PREFIX(err.message, "no plugin \"nosuch\" in ");
    ssc_loader_free(ld);

    /* a source chosen by extension that is not installed says so */
    const char *none[] = {"/nonexistent"};
    CHECK_INT(ssc_loader_new(&ld, none, 1, &err), SSC_OK);
    ssc_error_clear(&err);
    CHECK_INT(ssc_source_find(ld, NULL, "p.xml", &p, &err), SSC_ERR);
    CHECK_PREFIX(err.message, "reading p.xml needs the source plugin \"iati\" (chosen by the .xml "
                              "extension; data.format names another source): no plugin \"iati\"");
    ssc_loader_free(ld);
}
int main(void)
{
    test_runs();
    test_same_messages_as_csv();
    test_contract();
    test_builtin_csv();
    test_choosing();
    return check_done();
}
