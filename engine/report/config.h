/* SPDX-License-Identifier: MIT */
/* Engine settings (config/ssc-report.conf): where plugins live, fonts and
 * the theme.  Found by --config FILE, then $SSC_REPORT_CONFIG, then the
 * installed file, then built-in defaults. */
#ifndef SSC_CONFIG_H
#define SSC_CONFIG_H

#include <stddef.h>

#include "report/theme.h"
#include "error.h"

typedef struct ssc_engine_config {
    char *path;          /* the file read, or NULL for built-in defaults */
    char **plugin_dirs;  /* full search order, ready for the loader */
    size_t n_plugin_dirs;
    long plugin_timeout;    /* seconds a section's compute may take */
    long plugin_max_rows;   /* rows a section's table may hold */
    long plugin_processes;  /* children computing sections at once; 0: per processor */
    ssc_theme theme;
} ssc_engine_config;

/* The defaults of plugin_timeout and plugin_max_rows. */
#define SSC_PLUGIN_TIMEOUT 30
#define SSC_PLUGIN_MAX_ROWS 1000000

/* explicit: --config's value or NULL.  Fills the plugin search order:
 * the file's plugin_path (relative entries from the file's folder), then
 * $SSC_REPORT_PLUGIN_PATH (absolute folders only: a relative one would
 * follow the current directory), then the build tree's plugins when
 * running uninstalled, else the installed folder. */
int ssc_engine_config_load(ssc_engine_config *c, const char *explicit_path, ssc_error *err);
void ssc_engine_config_free(ssc_engine_config *c);

/* Non-zero when this process runs from the build tree (uninstalled). */
int ssc_running_uninstalled(void);
/* Where the bundled report and sample, and the starter report and
 * portfolio template `init` copies, live: the source tree when
 * uninstalled, else the installed data folders. */
const char *ssc_bundled_report(void);
const char *ssc_bundled_sample(void);
const char *ssc_starter_report(void);
const char *ssc_starter_portfolio(void);

#endif
