/* SPDX-License-Identifier: MIT */
/* Catch-up planning: a year of missed hourly runs under "all" runs only the
 * newest 1,000 and counts the rest as skipped; "once" runs the latest. */
#include <string.h>

#include "schedule/catchup.h"
#include "../check.h"
#include "schedule/cron.h"
#include "schedule/jobs.h"
#include "schedule/statefile.h"

int main(void)
{
    ssc_job job;
    ssc_job_state st;
    ssc_catchup plan;
    ssc_error err;
    /* 2024-01-01T00:00:00Z and 2025-01-01T00:00:00Z: 2024 has 366 days */
    const time_t start = 1704067200, end = 1735689600;

    memset(&job, 0, sizeof job);
    memset(&st, 0, sizeof st);
    ssc_error_clear(&err);
    CHECK_INT(ssc_cron_parse(&job.cron, "0 * * * *", &err), SSC_OK);
    job.zone = SSC_CRON_UTC;
    job.name = "hourly";
    st.has_due = 1;
    st.last_due = start;

    job.catch_up = SSC_CATCH_UP_ALL;
    memset(&plan, 0, sizeof plan);
    CHECK_INT(ssc_catchup_plan(&job, &st, end, &plan, &err), SSC_OK);
    /* due times after start up to and including end: 366 * 24 of them */
    CHECK_INT(plan.n_runs, 1000);
    CHECK_INT(plan.n_skipped, 366 * 24 - 1000);
    CHECK(plan.n_runs == 1000 && plan.runs[999] == end);
    CHECK(plan.n_runs == 1000 && plan.runs[0] == end - 999 * 3600);
    CHECK(plan.first_skipped == start + 3600);
    /* max_age is 0: the cap, not an age, skipped them, and the log says so */
    char why[200];
    CHECK_INT(plan.n_capped, 366 * 24 - 1000);
    ssc_catchup_why(&job, &plan, why, sizeof why);
    CHECK_STR(why, "catch_up all runs at most the 1000 most recent missed runs");
    ssc_catchup_free(&plan);

    /* with max_age, those older are skipped for their age */
    job.max_age = 10 * 3600;
    memset(&plan, 0, sizeof plan);
    CHECK_INT(ssc_catchup_plan(&job, &st, end, &plan, &err), SSC_OK);
    CHECK_INT(plan.n_runs, 11);
    CHECK_INT(plan.n_capped, 0);
    ssc_catchup_why(&job, &plan, why, sizeof why);
    CHECK_STR(why, "catch_up all, older than max_age");
    ssc_catchup_free(&plan);
    job.max_age = 0;

    job.catch_up = SSC_CATCH_UP_ONCE;
    memset(&plan, 0, sizeof plan);
    CHECK_INT(ssc_catchup_plan(&job, &st, end, &plan, &err), SSC_OK);
    CHECK_INT(plan.n_runs, 1);
    CHECK(plan.n_runs == 1 && plan.runs[0] == end);
    ssc_catchup_free(&plan);
    return check_done();
}
