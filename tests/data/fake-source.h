/* SPDX-License-Identifier: MIT */
/* The fake source test-source.c and test-source-labels.c read through the
 * source interface: it hands over projects written as
 * "column=value|column=value" strings, one per row number from 1, with the
 * options, renames and currency rates a report would give.  Static
 * inline, like check.h, so that each test's checks count in its own
 * totals; one run at a time (the fake's state is this file's). */
#ifndef SSC_TEST_FAKE_SOURCE_H
#define SSC_TEST_FAKE_SOURCE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "csv-load.h" /* loaded, unload */
#include "data/source.h"
#include "data/store.h"

/* ---- the fake source --------------------------------------------------- */

/* What the fake hook does; set before each run (tests run one at a time). */
static struct fake {
    const char *const *rows; /* NULL-terminated */
    int misuse;              /* 1: set outside a project, 2: begin twice, 3: never end,
                                4: start_date declared optional after the first project,
                                5: title declared optional */
    const char *fail;        /* the hook fails with this message */
    int optional;            /* declares start_date optional before the first project */
    /* what the hook saw */
    char path[256], query[256], lang[8];
    int eur_known, usd_known, xxx_known;
    double eur, usd;
} fake;

/* Hands over "a=1|b=2" as one project. */
static inline int fake_project(ssc_source *src, long line, const char *text)
{
    char buf[2048], *item, *save = NULL;

    snprintf(buf, sizeof buf, "%s", text);
    if (ssc_source_begin(src, line) != SSC_OK)
        return SSC_ERR;
    for (item = strtok_r(buf, "|", &save); item; item = strtok_r(NULL, "|", &save)) {
        char *eq = strchr(item, '=');
        if (!eq)
            continue;
        *eq = '\0';
        if (ssc_source_set(src, item, eq + 1, strlen(eq + 1)) != SSC_OK)
            return SSC_ERR;
    }
    return fake.misuse == 3 && !fake.rows[line] ? SSC_OK : ssc_source_end(src);
}

static inline int fake_read(ssc_source *src, ssc_error *err)
{
    const char *q = ssc_source_option(src, "query");

    snprintf(fake.path, sizeof fake.path, "%s", ssc_source_path(src));
    snprintf(fake.query, sizeof fake.query, "%s", q ? q : "(none)");
    snprintf(fake.lang, sizeof fake.lang, "%s", ssc_source_language(src));
    fake.eur_known = ssc_source_currency_rate(src, "eur", &fake.eur);
    fake.usd_known = ssc_source_currency_rate(src, "USD", &fake.usd);
    fake.xxx_known = ssc_source_currency_rate(src, "XXX", NULL);
    if (fake.misuse == 1)
        return ssc_source_set(src, "id", "P1", 2) == SSC_ERR ? SSC_OK : SSC_ERR;
    if (fake.misuse == 2) {
        ssc_source_begin(src, 1);
        return ssc_source_begin(src, 2) == SSC_ERR ? SSC_OK : SSC_ERR;
    }
    if ((fake.misuse == 5 && ssc_source_optional(src, "title") != SSC_ERR) ||
        (fake.optional && ssc_source_optional(src, "start_date") != SSC_OK))
        return SSC_ERR;
    for (long i = 0; fake.rows && fake.rows[i]; i++) {
        if (fake_project(src, i + 1, fake.rows[i]) != SSC_OK)
            return SSC_ERR;
        if (fake.misuse == 4 && ssc_source_optional(src, "start_date") != SSC_ERR)
            return SSC_ERR;
    }
    ssc_source_warn(src, 3, "a warning about %s", "row 3");
    if (ssc_source_set_label(src, SSC_KEY_SECTOR, "311", "Agriculture (DAC)") != SSC_OK ||
        ssc_source_set_label(src, SSC_KEY_SECTOR, "water", "Water (source)") != SSC_OK)
        return SSC_ERR;
    if (fake.fail)
        return ssc_error_set(err, "%s", fake.fail);
    return SSC_OK;
}

static const ssc_plugin fake_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = SSC_ABI_MINOR,
    .struct_size = sizeof(ssc_plugin),
    .name = "fake",
    .kind = SSC_PLUGIN_SOURCE,
    .extensions = "fake",
    .read = fake_read,
};

static inline const char *fake_option(const void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "query") == 0 ? "SELECT 1" : NULL;
}

static const ssc_currency_rate rates[] = {{"EUR", 1.25}};

/* A read of the fake: what a CSV load gives (csv-load.h). */
typedef loaded run;

static inline void run_rows(run *r, const char *const *rows, const ssc_rename *renames, size_t n_renames,
                     int skip)
{
    ssc_source_opts o = {
        .path = "db/t.db",
        .display_name = "t.db",
        .renames = renames,
        .n_renames = n_renames,
        .skip_bad_rows = skip,
        .language = "zh",
        .rates = rates,
        .n_rates = 1,
        .option = fake_option,
    };
    fake.rows = rows;
    memset(r, 0, sizeof *r);
    ssc_diag_init(&r->d, 0);
    ssc_error_clear(&r->err);
    r->rc = ssc_source_read(&fake_plugin, &o, &r->st, &r->d, &r->skipped, &r->err);
    if (r->st)
        ssc_portfolio_all(&r->view, r->st);
}

static inline void run_free(run *r)
{
    unload(r);
    memset(&fake, 0, sizeof fake);
}

#define GOOD1                                                                                     \
    "id=P1|title=Rice|lead_institution=L1|partner_institutions= A ; B |countries=vnm;LKA|"        \
    "sector=agriculture|sdg_primary=2|sdg_secondary=5;2|start_date=2014-07|"                      \
    "end_date=2016|status=ongoing|budget_usd=1500.5|gender_marker=1|beneficiaries=12|"            \
    "notes=first"
#define GOOD2                                                                                     \
    "id=P2|title=Wells|lead_institution=L2|regions=Africa; Unspecified|sector=water|"             \
    "start_date=2015|status=completed|colour=blue"

#endif
