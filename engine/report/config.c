/* SPDX-License-Identifier: MIT */
/* Engine settings (see config.h). */
#include "report/config.h"

#include <libconfig.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/nearest.h"
#include "report/compute.h"
#include "report/limits.h"

#ifndef SSC_BUILDDIR
#define SSC_BUILDDIR ""
#endif
#ifndef SSC_SRCDIR
#define SSC_SRCDIR ""
#endif

int ssc_running_uninstalled(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    if (n <= 0 || !SSC_BUILDDIR[0])
        return 0;
    exe[n] = '\0';
    /* the command is BUILDDIR/ssc-report (or libtool's BUILDDIR/.libs/
     * when it links a shared library), the unit tests live under
     * BUILDDIR/tests/; compare resolved paths, since the build folder may
     * be reached by a symlink.  An installed copy is elsewhere, even
     * under make distcheck. */
    char real[PATH_MAX];
    if (!realpath(SSC_BUILDDIR, real))
        return 0;
    size_t len = strlen(real);
    if (strncmp(exe, real, len) != 0)
        return 0;
    return strcmp(exe + len, "/ssc-report") == 0 || strncmp(exe + len, "/.libs/", 7) == 0 ||
           strncmp(exe + len, "/tests/", 7) == 0;
}

const char *ssc_bundled_report(void)
{
    return ssc_running_uninstalled() ? SSC_SRCDIR "/reports/annual-meeting.cfg"
                                     : SSC_REPORTDIR "/annual-meeting.cfg";
}

const char *ssc_bundled_sample(void)
{
    return ssc_running_uninstalled() ? SSC_SRCDIR "/data/sample-portfolio.csv"
                                     : SSC_SAMPLEDIR "/sample-portfolio.csv";
}

const char *ssc_starter_report(void)
{
    return ssc_running_uninstalled() ? SSC_SRCDIR "/reports/starter.cfg"
                                     : SSC_REPORTDIR "/starter.cfg";
}

const char *ssc_starter_portfolio(void)
{
    return ssc_running_uninstalled() ? SSC_SRCDIR "/data/starter-portfolio.csv"
                                     : SSC_SAMPLEDIR "/starter-portfolio.csv";
}

static int engcfg_add_dir(ssc_engine_config *c, const char *base, const char *dir, size_t len,
                          ssc_error *err)
{
    char **nd;
    char *d;
    size_t blen = (base && dir[0] != '/') ? strlen(base) + 1 : 0;

    if (len == 0)
        return SSC_OK; /* an empty entry would mean the current directory */
    nd = realloc(c->plugin_dirs, (c->n_plugin_dirs + 1) * sizeof *nd);
    if (!nd)
        return ssc_error_oom(err);
    c->plugin_dirs = nd;
    if (!(d = malloc(blen + len + 1)))
        return ssc_error_oom(err);
    if (blen)
        snprintf(d, blen + 1, "%s/", base);
    memcpy(d + blen, dir, len);
    d[blen + len] = '\0';
    c->plugin_dirs[c->n_plugin_dirs++] = d;
    return SSC_OK;
}

static int engcfg_colour(const config_setting_t *g, const char *name, unsigned long *out,
                         const char *file, ssc_error *err)
{
    const char *s;
    const config_setting_t *m = config_setting_get_member(g, name);
    if (!m)
        return SSC_OK;
    if (config_setting_type(m) != CONFIG_TYPE_STRING)
        return ssc_error_at(err, file, config_setting_source_line(m),
                            "theme.%s: expected a colour like \"#1F4E79\" in double quotes", name);
    s = config_setting_get_string(m);
    if (ssc_colour_parse(s, out) != 0)
        return ssc_error_at(err, file, config_setting_source_line(m),
                            "theme.%s: \"%s\" is not a colour like \"#1F4E79\"", name, s);
    return SSC_OK;
}

static int engcfg_check_keys(const config_setting_t *g, const char *const *known,
                             const char *where, const char *file, ssc_error *err)
{
    /* the elements of a list or array have no names (NULL): `theme = ( ... )`
       must be refused here, not compared by name (make fuzz, settings) */
    if (!config_setting_is_group(g))
        return ssc_error_at(err, file, config_setting_source_line(g),
                            "%s: expected settings in { }", where ? where : "settings");
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        size_t k;
        for (k = 0; known[k]; k++)
            if (strcmp(known[k], config_setting_name(s)) == 0)
                break;
        if (!known[k]) {
            const char *near = ssc_nearest(config_setting_name(s), known, k);
            return ssc_error_at(err, file, config_setting_source_line(s),
                                "unknown setting \"%s\"%s%s%s%s%s", config_setting_name(s),
                                where ? " in " : "", where ? where : "",
                                near ? "; did you mean \"" : "", near ? near : "",
                                near ? "\"?" : "");
        }
    }
    return SSC_OK;
}

/* A whole number from 1 to max, when the file sets it. */
static int engcfg_limit(const config_t *cfg, const char *name, long max, long *out,
                        const char *file, ssc_error *err)
{
    const config_setting_t *s = config_lookup(cfg, name);
    long long v;

    if (!s)
        return SSC_OK;
    if (config_setting_type(s) != CONFIG_TYPE_INT && config_setting_type(s) != CONFIG_TYPE_INT64)
        return ssc_error_at(err, file, config_setting_source_line(s),
                            "%s: expected a whole number from 1 to %ld", name, max);
    v = config_setting_get_int64(s);
    if (v < 1 || v > max)
        return ssc_error_at(err, file, config_setting_source_line(s),
                            "%s: %lld is outside 1 to %ld", name, v, max);
    *out = (long)v;
    return SSC_OK;
}

static int engcfg_read(ssc_engine_config *c, const char *path, ssc_error *err)
{
    static const char *const top[] = {"plugin_path", "plugin_timeout", "plugin_max_rows",
                                      "plugin_processes", "fonts", "theme", "jobs", "state_dir", "log",
                                      "log_format", "max_parallel", NULL};
    static const char *const fonts[] = {"body", "heading", NULL};
    static const char *const theme[] = {"accent", "text", "heading", "body_size", NULL};
    config_t cfg;
    int rc = SSC_ERR;
    char base[PATH_MAX];
    const char *slash = strrchr(path, '/');

    snprintf(base, sizeof base, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    /* relative plugin folders are the file's neighbours wherever the
     * command runs: anchor them to the folder's real path now */
    char real[PATH_MAX];
    if (realpath(base, real))
        snprintf(base, sizeof base, "%s", real);
    config_init(&cfg);
    if (access(path, R_OK) == 0 && ssc_limits_file(path, err) != SSC_OK)
        goto out;
    if (!config_read_file(&cfg, path)) {
        if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO)
            ssc_error_at(err, path, 0, "cannot read the engine configuration");
        else
            ssc_error_at(err, path, config_error_line(&cfg), "%s", config_error_text(&cfg));
        goto out;
    }
    const config_setting_t *root = config_root_setting(&cfg);
    char why[400];
    const config_setting_t *bad = ssc_limits_walk(root, why, sizeof why);
    if (bad) {
        ssc_error_at(err, path, config_setting_source_line(bad), "%s", why);
        goto out;
    }
    if (engcfg_check_keys(root, top, NULL, path, err) != SSC_OK)
        goto out;
    const config_setting_t *pp = config_lookup(&cfg, "plugin_path");
    if (pp) {
        if (config_setting_type(pp) != CONFIG_TYPE_ARRAY) {
            ssc_error_at(err, path, config_setting_source_line(pp),
                         "plugin_path: expected an array of folders [ \"...\" ]");
            goto out;
        }
        for (int i = 0; i < config_setting_length(pp); i++) {
            const char *d = config_setting_get_string_elem(pp, i);
            if (!d) {
                ssc_error_at(err, path, config_setting_source_line(pp),
                             "plugin_path: entry %d is not a string", i + 1);
                goto out;
            }
            if (engcfg_add_dir(c, base, d, strlen(d), err) != SSC_OK)
                goto out;
        }
    }
    if (engcfg_limit(&cfg, "plugin_timeout", 86400, &c->plugin_timeout, path, err) != SSC_OK ||
        engcfg_limit(&cfg, "plugin_max_rows", 100000000, &c->plugin_max_rows, path, err) !=
            SSC_OK ||
        engcfg_limit(&cfg, "plugin_processes", SSC_COMPUTE_MAX_PROCESSES, &c->plugin_processes,
                     path, err) != SSC_OK)
        goto out;
    const config_setting_t *f = config_lookup(&cfg, "fonts");
    if (f) {
        const char *s;
        if (engcfg_check_keys(f, fonts, "fonts", path, err) != SSC_OK)
            goto out;
        for (int i = 0; fonts[i]; i++) {
            const config_setting_t *fs = config_setting_get_member(f, fonts[i]);
            if (fs && config_setting_type(fs) != CONFIG_TYPE_STRING) {
                ssc_error_at(err, path, config_setting_source_line(fs),
                             "fonts.%s: expected a font family list in double quotes",
                             fonts[i]);
                goto out;
            }
        }
        if (config_setting_lookup_string(f, "body", &s))
            snprintf(c->theme.font_body, sizeof c->theme.font_body, "%s", s);
        if (config_setting_lookup_string(f, "heading", &s))
            snprintf(c->theme.font_heading, sizeof c->theme.font_heading, "%s", s);
    }
    const config_setting_t *t = config_lookup(&cfg, "theme");
    if (t) {
        double size;
        if (engcfg_check_keys(t, theme, "theme", path, err) != SSC_OK ||
            engcfg_colour(t, "accent", &c->theme.accent, path, err) != SSC_OK ||
            engcfg_colour(t, "text", &c->theme.text, path, err) != SSC_OK ||
            engcfg_colour(t, "heading", &c->theme.heading, path, err) != SSC_OK)
            goto out;
        const config_setting_t *bs = config_setting_get_member(t, "body_size");
        if (bs) {
            int bt = config_setting_type(bs);
            if (bt != CONFIG_TYPE_FLOAT && bt != CONFIG_TYPE_INT && bt != CONFIG_TYPE_INT64) {
                ssc_error_at(err, path, config_setting_source_line(bs),
                             "theme.body_size: expected a number of points");
                goto out;
            }
            size = bt == CONFIG_TYPE_FLOAT ? config_setting_get_float(bs)
                                           : (double)config_setting_get_int64(bs);
            if (size < 6 || size > 16) {
                ssc_error_at(err, path, config_setting_source_line(t),
                             "theme.body_size: %g is outside 6 to 16 points", size);
                goto out;
            }
            c->theme.body_size = size;
        }
    }
    rc = SSC_OK;
out:
    config_destroy(&cfg);
    return rc;
}

int ssc_engine_config_load(ssc_engine_config *c, const char *explicit_path, ssc_error *err)
{
    const char *path = explicit_path;
    char installed[PATH_MAX];

    memset(c, 0, sizeof *c);
    ssc_theme_default(&c->theme);
    c->plugin_timeout = SSC_PLUGIN_TIMEOUT;
    c->plugin_max_rows = SSC_PLUGIN_MAX_ROWS;
    c->plugin_processes = 0; /* one per processor */
    if (!path)
        path = getenv("SSC_REPORT_CONFIG");
    if (path && !path[0])
        path = NULL;
    if (!path) {
        snprintf(installed, sizeof installed, "%s/ssc-report/ssc-report.conf", SSC_SYSCONFDIR);
        if (!ssc_running_uninstalled() && access(installed, R_OK) == 0)
            path = installed;
    }
    if (path) {
        if (!(c->path = strdup(path)))
            return ssc_error_oom(err);
        if (engcfg_read(c, path, err) != SSC_OK)
            return SSC_ERR;
    }
    const char *env = getenv("SSC_REPORT_PLUGIN_PATH");
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t len = colon ? (size_t)(colon - env) : strlen(env);
        if (len && env[0] != '/')
            return ssc_error_set(err,
                                 "SSC_REPORT_PLUGIN_PATH: \"%.*s\" is a relative folder, which "
                                 "would load plugins from wherever the command runs; give "
                                 "plugin folders as absolute paths",
                                 (int)(len > 200 ? 200 : len), env);
        if (engcfg_add_dir(c, NULL, env, len, err) != SSC_OK)
            return SSC_ERR;
        env = colon ? colon + 1 : NULL;
    }
    const char *last = ssc_running_uninstalled() ? SSC_BUILDDIR "/plugins" : SSC_PLUGINDIR;
    return engcfg_add_dir(c, NULL, last, strlen(last), err);
}

void ssc_engine_config_free(ssc_engine_config *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_plugin_dirs; i++)
        free(c->plugin_dirs[i]);
    free(c->plugin_dirs);
    free(c->path);
    memset(c, 0, sizeof *c);
}
