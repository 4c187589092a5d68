/* SPDX-License-Identifier: MIT */
/* Fuzz target for the engine settings file (config/ssc-report.conf):
 * the input is written to a file and read as --config FILE is read, by
 * both of the loaders the command has for it: ssc_engine_config_load
 * (plugin path, fonts, theme) and ssc_jobs_load (the scheduler's jobs,
 * state folder and log).  What loads must read back; what does not has
 * a message. */
#include <string.h>

#include "fuzz.h"
#include "report/config.h"
#include "schedule/jobs.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* the plugin path from the environment is added after the file's */
    unsetenv("SSC_REPORT_PLUGIN_PATH");
    unsetenv("SSC_REPORT_CONFIG");
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path;
    ssc_engine_config c;
    ssc_jobs j;
    ssc_error err;
    int rc;

    if (size > 65536)
        return 0;
    path = fuzz_file(data, size, ".conf");

    memset(&c, 0, sizeof c);
    ssc_error_clear(&err);
    rc = ssc_engine_config_load(&c, path, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK) {
        FUZZ_ASSERT(c.n_plugin_dirs >= 1);
        for (size_t i = 0; i < c.n_plugin_dirs; i++)
            FUZZ_ASSERT(c.plugin_dirs[i] && c.plugin_dirs[i][0]);
    }
    ssc_engine_config_free(&c);

    memset(&j, 0, sizeof j);
    ssc_error_clear(&err);
    rc = ssc_jobs_load(&j, path, &err);
    fuzz_check_status(rc, &err);
    if (rc == SSC_OK)
        for (size_t i = 0; i < j.n_jobs; i++) {
            const ssc_job *job = &j.jobs[i];
            char out[4096];
            FUZZ_ASSERT(job->report && job->report[0] == '/');
            FUZZ_ASSERT(job->output && job->output[0] == '/');
            for (size_t k = 0; k < job->n_sets; k++)
                FUZZ_ASSERT(job->sets[k]);
            /* the output name of a due time, as a run makes it */
            ssc_error_clear(&err);
            fuzz_check_status(ssc_job_output(job, 1767225600, out, sizeof out, &err), &err);
        }
    ssc_jobs_free(&j);
    return 0;
}
