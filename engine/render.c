/* SPDX-License-Identifier: MIT */
/* The render pipeline (see render.h).  Outputs are written to temporary
 * files and renamed only when everything succeeded. */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "draw/compose.h"
#include "report/compute.h"
#include "report/config.h"
#include "dataout.h"
#include "report/filter.h"
#include "report/label.h"
#include "loader.h"
#include "report/report.h"
#include "report/section.h"
#include "data/nearest.h"
#include "data/sniff.h"
#include "data/input.h"
#include "data/source.h"
#include "report/period.h"
#include "data/csv_text.h"
#include "data/source_csv.h"
#include "report/table.h"

/* FILE in messages about data read from standard input (--data -). */
#define RENDER_STDIN_NAME "(standard input)"

typedef struct render_job {
    ssc_engine_config conf;
    int conf_borrowed; /* conf is the caller's (opts->engine): not freed here */
    ssc_report report;
    ssc_loader *loader;
    ssc_section *sections;
    ssc_table **tables;
    ssc_store *store;
    ssc_portfolio view;
    ssc_filter_count filtered; /* what the filters kept and left out */
    ssc_atomic pdf;
    ssc_atomic *csv;
    size_t n_csv;
    ssc_atomic *charts;
    size_t n_charts;
    ssc_theme theme; /* the engine's, with the report's theme over it */
    ssc_fonts *fonts; /* what the document and the charts are drawn from */
    char stdin_copy[4096]; /* --data -: the temporary copy, removed at the end */
    const char *data_path;  /* the data as given (--data, else the report's); "-": stdin */
} render_job;

static void render_job_free(render_job *j)
{
    if (j->stdin_copy[0])
        unlink(j->stdin_copy);
    ssc_atomic_abort(&j->pdf);
    for (size_t i = 0; i < j->n_csv; i++)
        ssc_atomic_abort(&j->csv[i]);
    free(j->csv);
    for (size_t i = 0; i < j->n_charts; i++)
        ssc_atomic_abort(&j->charts[i]);
    free(j->charts);
    for (size_t i = 0; j->tables && i < j->report.n_sections; i++)
        ssc_table_free(j->tables[i]);
    free(j->tables);
    free(j->sections);
    ssc_portfolio_release(&j->view);
    ssc_store_free(j->store);
    ssc_loader_free(j->loader);
    ssc_report_free(&j->report);
    ssc_fonts_free(j->fonts);
    if (!j->conf_borrowed)
        ssc_engine_config_free(&j->conf);
}

/* Adds "; did you mean "by-region"?" to err when name, which no plugin
 * folder holds, is a slip for a module that one does (or for extra, the
 * built-in "csv"). */
static void render_suggest_plugin(const render_job *j, const char *name, const char *extra,
                                  ssc_error *err)
{
    char **names = NULL;
    const char **all;
    size_t n = 0, len = strlen(err->message);
    const char *near = NULL;
    ssc_error ignored;

    ssc_error_clear(&ignored);
    if (!j->loader || ssc_loader_names(j->loader, &names, &n, &ignored) != SSC_OK)
        return;
    if ((all = malloc((n + 1) * sizeof *all))) {
        int found = extra && strcmp(extra, name) == 0;
        for (size_t i = 0; i < n; i++) {
            all[i] = names[i];
            found |= strcmp(names[i], name) == 0;
        }
        all[n] = extra;
        /* a module of that very name that failed to load needs no guess */
        if (!found)
            near = ssc_nearest(name, all, extra ? n + 1 : n);
        if (near && len < sizeof err->message)
            snprintf(err->message + len, sizeof err->message - len, "; did you mean \"%s\"?",
                     near);
        free(all);
    }
    ssc_loader_names_free(names, n);
}

/* Loads each section's plugin and checks the options the report gives it. */
static int render_bind_plugins(render_job *j, ssc_error *err)
{
    const ssc_report *r = &j->report;

    if (ssc_loader_new(&j->loader, (const char *const *)j->conf.plugin_dirs,
                       j->conf.n_plugin_dirs, err) != SSC_OK)
        return SSC_ERR;
    j->sections = calloc(r->n_sections, sizeof *j->sections);
    j->tables = calloc(r->n_sections, sizeof *j->tables);
    if (!j->sections || !j->tables)
        return ssc_error_oom(err);
    for (size_t i = 0; i < r->n_sections; i++) {
        const ssc_plugin_info *info;
        ssc_section *s = &j->sections[i];
        s->report = r;
        s->def = &r->sections[i];
        if (ssc_loader_get(j->loader, s->def->plugin, &info, err) != SSC_OK) {
            /* the message names the module; say which section needed it */
            char prefix[160];
            render_suggest_plugin(j, s->def->plugin, NULL, err);
            snprintf(prefix, sizeof prefix, "section %zu needs plugin \"%s\"", i + 1,
                     s->def->plugin);
            ssc_error_prefix(err, prefix);
            snprintf(err->file, sizeof err->file, "%s", r->path);
            err->line = s->def->line;
            return SSC_ERR;
        }
        s->plugin = &info->desc;
        if (s->plugin->kind != SSC_PLUGIN_METRIC)
            return ssc_error_at(err, r->path, s->def->line,
                                "section %zu: plugin \"%s\" is a data source; sections need a "
                                "metric plugin (a source is named by data.format)",
                                i + 1, s->plugin->name);
        if (s->def->chart == SSC_CHART_CUSTOM && !s->plugin->render)
            return ssc_error_at(err, r->path, s->def->line,
                                "chart: plugin \"%s\" has no drawing of its own; use bar, hbar, "
                                "line or table",
                                s->plugin->name);
        if (ssc_section_check_options(s, err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

static const char *render_data_option(const void *report, const char *name)
{
    return ssc_report_data_option(report, name);
}

/* path made absolute and without "." and ".." steps, for messages: where
 * a relative data.path really led. */
static void render_resolve(const char *path, char *out, size_t size)
{
    char cwd[4096], full[8192];
    size_t o = 0;
    const char *p;

    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(full, sizeof full, "%s", path);
    else
        snprintf(full, sizeof full, "%s/%s", cwd, path);
    out[0] = '\0';
    for (p = full; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--; /* the slash before the step taken back */
        } else if (n && !(n == 1 && p[0] == '.') && o + n + 2 < size) {
            out[o++] = '/';
            memcpy(out + o, p, n);
            o += n;
        }
        p += n + (p[n] == '/');
    }
    if (o == 0 && size > 1)
        out[o++] = full[0] == '/' ? '/' : '.';
    out[o] = '\0';
}

/* A data file that cannot be opened is the report's line of data.path
 * and the path it resolved to: a report copied elsewhere breaks its
 * relative data.path, and the message must show where it led.  A path
 * typed on the command line (--data, --set data.path=...) is left to the
 * source, whose message names it as typed. */
static int render_check_data_file(const ssc_report *r, const char *path, ssc_error *err)
{
    const config_setting_t *s = config_lookup(&r->cfg, "data.path");
    char where[4096];
    struct stat st;
    int fd, why;

    for (size_t i = 0; s && i < r->n_set; i++)
        if (r->set_settings[i] == s)
            return SSC_OK;
    /* O_NONBLOCK: a FIFO must not block here; the source refuses it */
    if ((fd = open(path, O_RDONLY | O_NONBLOCK)) >= 0) {
        why = fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) ? EISDIR : 0;
        close(fd);
        if (!why)
            return SSC_OK;
    } else {
        why = errno;
    }
    render_resolve(path, where, sizeof where);
    return ssc_report_fail(err, r, s, "data.path: cannot open %s (resolved to %s): %s",
                           s ? config_setting_get_string(s) : path, where, strerror(why));
}

/* The head of standard input, for a CSV (data.format csv, or none and no
 * other kind of file), as the CSV source judges a file's. */
static int render_spool_judge(const char *format, const char *head, size_t len, int at_end,
                              ssc_error *err)
{
    ssc_sniff_kind kind = ssc_sniff(head, len);

    if (format ? strcmp(format, "csv") != 0 : kind == SSC_SNIFF_XML || kind == SSC_SNIFF_SQLITE)
        return SSC_OK;
    return ssc_csv_judge(head, len, at_end, (void *)RENDER_STDIN_NAME, err);
}

/* --data -: standard input is copied to a temporary file, which every
 * source can open by name (the sqlite one needs a real file); its first
 * bytes choose the source when data.format does not. */
static int render_spool_stdin(render_job *j, const char **format, ssc_error *err)
{
    const char *dir = getenv("TMPDIR");
    char buf[65536], head[SSC_INPUT_HEAD];
    size_t head_len = 0, total = 0, max = ssc_input_max();
    int fd, judged = 0;

    if (isatty(STDIN_FILENO))
        return ssc_error_set(err, "--data -: standard input is a terminal; pipe the portfolio "
                                  "in, e.g. --data - < portfolio.csv");
    if (!dir || !dir[0])
        dir = "/tmp";
    snprintf(j->stdin_copy, sizeof j->stdin_copy, "%s/ssc-report-stdin-XXXXXX", dir);
    if ((fd = mkstemp(j->stdin_copy)) < 0) {
        int why = errno;
        j->stdin_copy[0] = '\0';
        return ssc_error_set(err, "--data -: cannot create a temporary file in %s: %s", dir,
                             strerror(why));
    }
    for (;;) {
        ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
        size_t off = 0;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int why = errno;
            close(fd);
            return ssc_error_set(err, "--data -: cannot read standard input: %s", strerror(why));
        }
        if (got > 0 && (total += (size_t)got) > max) {
            close(fd);
            return ssc_error_at(err, RENDER_STDIN_NAME, 0,
                                "more than %zu bytes, the most an input may be "
                                "(SSC_REPORT_MAX_INPUT raises the limit)",
                                max);
        }
        if (head_len < sizeof head && got) {
            size_t n = (size_t)got < sizeof head - head_len ? (size_t)got : sizeof head - head_len;
            memcpy(head + head_len, buf, n);
            head_len += n;
        }
        /* a CSV's head is judged before the rest is copied: zeros from
         * /dev/zero are refused after 64 KiB, not after the limit */
        if (!judged && (head_len == sizeof head || got == 0)) {
            judged = 1;
            if (render_spool_judge(*format, head, head_len, got == 0, err) != SSC_OK) {
                close(fd);
                return SSC_ERR;
            }
        }
        if (got == 0)
            break;
        while (off < (size_t)got) {
            ssize_t put = write(fd, buf + off, (size_t)got - off);
            if (put < 0 && errno == EINTR)
                continue;
            if (put < 0) {
                int why = errno;
                close(fd);
                return ssc_error_set(err, "--data -: cannot copy standard input to %s: %s",
                                     j->stdin_copy, strerror(why));
            }
            off += (size_t)put;
        }
    }
    if (close(fd) != 0)
        return ssc_error_set(err, "--data -: cannot copy standard input to %s: %s",
                             j->stdin_copy, strerror(errno));
    if (!*format) {
        ssc_sniff_kind kind = ssc_sniff(head, head_len);
        *format = kind == SSC_SNIFF_XML ? "iati" : kind == SSC_SNIFF_SQLITE ? "sqlite" : "csv";
    }
    return SSC_OK;
}

/* data.delimiter and data.encoding describe CSV files; another source
 * reads its own format and ignores them, which the run should say. */
static void render_warn_csv_keys(const ssc_report *r, const ssc_plugin *source,
                                 ssc_diag *problems)
{
    static const char *const keys[] = {"delimiter", "encoding"};
    if (source == ssc_csv_source())
        return;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        const config_setting_t *d = config_lookup(&r->cfg, "data");
        const config_setting_t *s = d ? config_setting_get_member(d, keys[k]) : NULL;
        char where[16] = "";
        if (!s)
            continue;
        /* a setting added by --set has no line */
        if (config_setting_source_line(s) > 0)
            snprintf(where, sizeof where, ":%d", config_setting_source_line(s));
        ssc_diag_add(problems,
                     "%s%s: warning: data.%s describes CSV files; the %s source reads this "
                     "data and ignores it",
                     r->path, where, keys[k], source->name);
    }
}

/* Without a period in the report: the latest start year of the shown
 * projects (none, when no shown project has a start date: the plugins
 * that need a period say so). */
static void render_default_period(render_job *j)
{
    if (!j->report.period_given && j->filtered.last_year)
        j->report.period = ssc_period_year(j->filtered.last_year);
}

/* Reads the portfolio with the source data.format names, else the one
 * the file's extension implies (source.c); "-" is standard input. */
static int render_load_data(render_job *j, const ssc_render_opts *o, ssc_render_result *res,
                            ssc_diag *problems, ssc_error *err)
{
    const ssc_report *r = &j->report;
    const char *path = o->data ? o->data : r->data_path, *format = r->data_format;
    const ssc_plugin *source;
    ssc_source_opts so = {
        .path = path,
        .renames = r->renames,
        .n_renames = r->n_renames,
        .skip_bad_rows = o->skip_bad_rows,
        .language = r->language,
        .rates = r->rates,
        .n_rates = r->n_rates,
        .option = render_data_option,
        .option_ctx = r,
        .progress = o->progress,
        /* the processors the sections may use: a scheduled run shares
         * the machine with the others (runchild.c) */
        .threads = j->conf.plugin_processes ? (size_t)j->conf.plugin_processes
                                            : ssc_compute_processors(),
    };

    j->data_path = path;
    if (o->data && strcmp(o->data, "-") == 0) {
        if (render_spool_stdin(j, &format, err) != SSC_OK)
            return SSC_ERR;
        so.path = path = j->stdin_copy;
        so.display_name = RENDER_STDIN_NAME;
    } else if (!o->data && render_check_data_file(r, path, err) != SSC_OK) {
        return SSC_ERR;
    }
    if (ssc_source_find(j->loader, format, path, &source, err) != SSC_OK) {
        if (r->data_format) {
            render_suggest_plugin(j, r->data_format, "csv", err);
            ssc_error_prefix(err, "data.format");
        }
        snprintf(err->file, sizeof err->file, "%s", r->path);
        err->line = r->data_format ? r->data_format_line : r->data_line;
        return SSC_ERR;
    }
    render_warn_csv_keys(r, source, problems);
    if (ssc_source_read(source, &so, &j->store, problems, &res->skipped_rows, err) != SSC_OK)
        return SSC_ERR;
    res->projects = ssc_store_count(j->store);
    /* a report of nothing must not replace the last good one (a file whose
     * every row was bad, read with --skip-bad-rows) */
    if (res->projects == 0)
        return ssc_error_at(err, so.display_name ? so.display_name : path, 0,
                            "no projects to report (the file has no rows%s)",
                            res->skipped_rows ? " that pass the checks" : "");
    if (ssc_filter_apply(&j->report, j->store, &j->view, &j->filtered, err) != SSC_OK)
        return SSC_ERR;
    res->shown = j->view.count;
    render_default_period(j);
    if (res->shown == 0)
        ssc_diag_add(problems, "%s: warning: the filters leave none of the %zu projects; "
                               "every section will say it has no data",
                     r->path, res->projects);
    return SSC_OK;
}

/* Each section's plugin computes its table in a child process
 * (report/compute.c): a plugin that crashes, hangs, exits or floods its
 * table fails the run with one line naming it, and nothing is replaced. */
static int render_compute(render_job *j, ssc_render_result *res, ssc_error *err)
{
    ssc_compute_limits lim = {
        .timeout = j->conf.plugin_timeout,
        .max_rows = (size_t)j->conf.plugin_max_rows,
        .processes = (size_t)j->conf.plugin_processes,
    };

    for (size_t i = 0; i < j->report.n_sections; i++)
        j->sections[i].store = j->store;
    if (ssc_compute_sections(&j->view, j->sections, j->report.n_sections, j->tables, &lim,
                             &res->plugin_fault, err) != SSC_OK)
        return SSC_ERR;
    /* Labelling can fail on a name without a Chinese form: say which section. */
    for (size_t i = 0; i < j->report.n_sections; i++) {
        ssc_section *s = &j->sections[i];
        ssc_error perr;
        ssc_error_clear(&perr);
        if (ssc_label_table(j->tables[i], &j->report, j->store, &perr) != SSC_OK)
            return ssc_error_at(err, j->report.path, s->def->line, "section %zu (%s): %s", i + 1,
                                s->plugin->name, perr.message);
    }
    return SSC_OK;
}

/* What the document and the charts are drawn from. */
static ssc_compose render_compose(const render_job *j, const ssc_progress *progress)
{
    ssc_compose c = {
        .report = &j->report,
        .sections = j->sections,
        .tables = j->tables,
        .n = j->report.n_sections,
        .theme = &j->theme,
        .shown = j->view.count,
        .progress = progress,
        .filtered = &j->filtered,
        .data_path = j->data_path,
        .fonts = j->fonts,
    };
    return c;
}

static int render_document(render_job *j, const char *out, const ssc_progress *progress,
                           ssc_render_result *res, ssc_error *err)
{
    ssc_compose c = render_compose(j, progress);
    ssc_compose_out done;

    if (ssc_atomic_open(&j->pdf, out, err) != SSC_OK)
        return SSC_ERR;
    if (ssc_compose_pdf(&c, j->pdf.fp, &done, err) != SSC_OK)
        return SSC_ERR;
    res->pages = done.pages;
    res->shortened = done.shortened;
    memcpy(res->first_shortened, done.first_shortened, sizeof res->first_shortened);
    return ssc_atomic_finish(&j->pdf, err);
}

/* Why the fonts widened, for --verbose. */
static void render_widened(const render_job *j, ssc_render_result *res)
{
    const char *why = ssc_fonts_widened(j->fonts);
    if (why)
        ssc_escape(res->fonts_widened, sizeof res->fonts_widened, why, strlen(why));
}

static int render_charts(render_job *j, const char *dir, ssc_error *err)
{
    ssc_compose c = render_compose(j, NULL);
    return ssc_compose_charts(&c, dir, &j->charts, &j->n_charts, err);
}

static int render_data_out(render_job *j, const char *dir, ssc_error *err)
{
    j->csv = calloc(j->report.n_sections, sizeof *j->csv);
    if (!j->csv)
        return ssc_error_oom(err);
    for (size_t i = 0; i < j->report.n_sections; i++) {
        j->n_csv = i + 1;
        if (ssc_dataout_write(dir, i + 1, j->sections[i].plugin->name, j->tables[i], &j->csv[i],
                              err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

/* The output path: -o, else the report's output, else REPORTNAME.pdf.
 * The format follows the extension, and the engine writes PDF only: a
 * name ending in .png or .svg is refused with a pointer to --charts
 * rather than silently given a PDF. */
static int render_output_path(const ssc_render_opts *o, const ssc_report *r, char *buf,
                              size_t len, ssc_error *err)
{
    const char *base, *dot;

    if (o->output) {
        snprintf(buf, len, "%s", o->output);
    } else if (r->output) {
        snprintf(buf, len, "%s", r->output);
    } else {
        base = strrchr(r->path, '/');
        base = base ? base + 1 : r->path;
        dot = strrchr(base, '.');
        snprintf(buf, len, "%.*s.pdf", dot ? (int)(dot - base) : (int)strlen(base), base);
    }
    base = strrchr(buf, '/');
    base = base ? base + 1 : buf;
    dot = strrchr(base, '.');
    if (!dot || dot == base || !strcasecmp(dot, ".pdf"))
        return SSC_OK;
    if (!strcasecmp(dot, ".png") || !strcasecmp(dot, ".svg"))
        return ssc_error_set(err,
                             "%s: the report is written as PDF only; for each chart as %s, "
                             "use --charts DIR (and -o NAME.pdf for the report)",
                             buf, !strcasecmp(dot, ".png") ? "PNG" : "SVG");
    return ssc_error_set(err, "%s: the report is written as PDF only: name the file .pdf", buf);
}

int ssc_render(const ssc_render_opts *o, ssc_render_result *res, ssc_diag *problems,
               ssc_error *err)
{
    render_job j;
    int rc = SSC_ERR;

    memset(&j, 0, sizeof j);
    memset(res, 0, sizeof *res);
    ssc_progress_note(o->progress, SSC_PHASE_START, 0, 0);
    if (o->engine) {
        j.conf = *o->engine;
        j.conf_borrowed = 1;
    } else if (ssc_engine_config_load(&j.conf, o->config, err) != SSC_OK) {
        goto out;
    }
    if (ssc_report_load(&j.report, o->report ? o->report : ssc_bundled_report(), o->sets,
                        o->n_sets, err) != SSC_OK)
        goto out;
    j.theme = j.conf.theme;
    if (ssc_report_apply_theme(&j.report, &j.theme, err) != SSC_OK)
        goto out;
    /* a wrong output name is known before any plugin or data is read */
    if (render_output_path(o, &j.report, res->output, sizeof res->output, err) != SSC_OK)
        goto out;
    if (render_bind_plugins(&j, err) != SSC_OK)
        goto out;
    ssc_progress_note(o->progress, SSC_PHASE_READ, 0, 0);
    if (render_load_data(&j, o, res, problems, err) != SSC_OK)
        goto out;
    ssc_progress_note(o->progress, SSC_PHASE_COMPUTE, 0, 0);
    if (render_compute(&j, res, err) != SSC_OK)
        goto out;
    ssc_progress_note(o->progress, SSC_PHASE_LAYOUT, 0, 0);
    j.fonts = ssc_fonts_new(&j.theme, j.report.language);
    if (!j.fonts) {
        ssc_error_oom(err);
        goto out;
    }
    if (o->check_only) {
        ssc_compose c = render_compose(&j, o->progress);
        rc = ssc_compose_check(&c, &res->pages, err);
        render_widened(&j, res);
        goto out;
    }
    int written = render_document(&j, res->output, o->progress, res, err);
    render_widened(&j, res);
    if (written != SSC_OK)
        goto out;
    ssc_progress_note(o->progress, SSC_PHASE_OUTPUTS, 0, 0);
    if (o->data_out && render_data_out(&j, o->data_out, err) != SSC_OK)
        goto out;
    if (o->charts && render_charts(&j, o->charts, err) != SSC_OK)
        goto out;
    /* everything is on disk: only now replace earlier outputs, the report
     * first, so that a report that cannot be replaced leaves the others */
    if (ssc_atomic_commit(&j.pdf, err) != SSC_OK)
        goto out;
    for (size_t i = 0; i < j.n_csv; i++)
        if (ssc_atomic_commit(&j.csv[i], err) != SSC_OK)
            goto out;
    for (size_t i = 0; i < j.n_charts; i++)
        if (ssc_atomic_commit(&j.charts[i], err) != SSC_OK)
            goto out;
    rc = SSC_OK;
out:
    render_job_free(&j);
    ssc_progress_note(o->progress, SSC_PHASE_DONE, 0, 0);
    return rc;
}
