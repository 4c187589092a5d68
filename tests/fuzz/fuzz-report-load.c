/* SPDX-License-Identifier: MIT */
/* Loading a report as the command does, for the report, --set and options
 * targets (fuzz.h): ssc_report_load, then the theme applied as render
 * does, and every loaded value read back.  A report that loads has a
 * title, a language of en or zh and sections that name a plugin; one that
 * does not has a message. */
#include <string.h>

#include "fuzz.h"
#include "report/report.h"
#include "report/theme.h"

/* Reads every value the loader filled (ASan reports a bad pointer). */
static size_t fuzz_report_walk(const ssc_report *r)
{
    size_t sum = strlen(r->title) + strlen(r->subtitle) + strlen(r->organisation);

    FUZZ_ASSERT(r->title[0]);
    FUZZ_ASSERT(strcmp(r->language, "en") == 0 || strcmp(r->language, "zh") == 0);
    for (size_t i = 0; i < r->n_sections; i++) {
        const ssc_section_def *s = &r->sections[i];
        FUZZ_ASSERT(s->plugin && s->plugin[0]);
        sum += strlen(s->plugin) + (s->title ? strlen(s->title) : 0) +
               (s->caption ? strlen(s->caption) : 0);
    }
    for (size_t i = 0; i < r->n_sector_defs; i++) {
        const ssc_sector_def *d = &r->sector_defs[i];
        sum += strlen(ssc_report_sector_label(r, d->code));
        FUZZ_ASSERT(d->colour >= -1 && d->colour <= 0xffffff);
    }
    for (size_t i = 0; i < r->n_renames; i++)
        sum += strlen(r->renames[i].from) + strlen(r->renames[i].to);
    for (size_t i = 0; i < r->n_rates; i++)
        FUZZ_ASSERT(r->rates[i].usd > 0);
    if (r->data_path)
        sum += strlen(r->data_path);
    if (ssc_report_data_option(r, "query"))
        sum += strlen(ssc_report_data_option(r, "query"));
    return sum;
}

int fuzz_report_load(struct ssc_report *r, const char *path, const char *const *sets,
                     size_t n_sets)
{
    ssc_error err;
    int rc;

    ssc_error_clear(&err);
    rc = ssc_report_load(r, path, sets, n_sets, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK) {
        ssc_theme theme;
        fuzz_report_walk(r);
        ssc_theme_default(&theme);
        rc = ssc_report_apply_theme(r, &theme, &err);
        fuzz_check_status(rc, &err);
    }
    return rc;
}
