/* SPDX-License-Identifier: MIT */
/* ssc-report: the command.  Parses arguments, calls the library, prints
 * one line per problem on stderr, and maps the outcome to an exit status. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "report/config.h"
#include "report/report.h"
#include "report/starter.h"
#include "loader.h"
#include "render.h"
#include "schedule/schedule_cli.h"
#include "data/nearest.h"
#include "data/peek.h"
#include "data/source_csv.h"
#include "ssc-report/version.h"

static const char usage[] =
    "Usage: ssc-report COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  render [REPORT.cfg]   render a report to PDF (default: the bundled\n"
    "                        annual-meeting report and sample portfolio)\n"
    "  check [REPORT.cfg]    validate the report, its plugins and its data\n"
    "  plugins [NAME]        list the plugins found (kind, version, summary, options);\n"
    "                        with NAME, one plugin in full\n"
    "  init DIR              write a starter report and portfolio template into DIR\n"
    "  help [COMMAND]        show this help, or a command's own\n"
    "  schedule list         show the scheduled jobs, their last and next runs\n"
    "  schedule next --cron EXPR [--from TIME] [--count N] [--tz ZONE]\n"
    "                        print the next times a cron expression fires\n"
    "  run-due [--now TIME] [--config FILE]\n"
    "                        run every scheduled job that is due\n"
    "  run JOB [--config FILE]\n"
    "                        run one scheduled job now (its lock, state, log, keep)\n"
    "  daemon [--config FILE]\n"
    "                        run scheduled jobs as they come due (SIGHUP reloads)\n"
    "\n"
    "Options for render and check:\n"
    "  -o, --output FILE     write the PDF here (default: the report's output,\n"
    "                        else ./REPORT.pdf); '-': standard output\n"
    "      --data FILE       read this portfolio instead of the report's data\n"
    "                        ('-': standard input)\n"
    "      --data-out DIR    also write each section's numbers as DIR/NN-PLUGIN.csv\n"
    "      --charts DIR      also write each chart as DIR/NN-PLUGIN.png (150 dpi) and .svg\n"
    "      --set KEY=VALUE   override a report setting (e.g. language=zh,\n"
    "                        filters.start_year_min=2015); may repeat\n"
    "      --skip-bad-rows   render from the good rows, warning about the bad ones\n"
    "      --config FILE     engine settings (default: $SSC_REPORT_CONFIG, then the\n"
    "                        installed ssc-report.conf)\n"
    "  -q, --quiet           print nothing but errors (no progress, warnings or summary)\n"
    "  -v, --verbose         also print how long each phase took, on stderr\n"
    "\n"
    "  -h, --help            show this help (after a command: its own)\n"
    "  -V, --version         show the version\n";

/* Each command's own help: `ssc-report help COMMAND`, `COMMAND --help`. */
static const struct cli_help {
    const char *command;
    const char *text;
} cli_helps[] = {
    {"render",
     "Usage: ssc-report render [REPORT.cfg] [-o OUT.pdf|-] [--data FILE|-] [--data-out DIR]\n"
     "                         [--charts DIR] [--set KEY=VALUE]... [--skip-bad-rows]\n"
     "                         [--config FILE] [--quiet|--verbose]\n"
     "\n"
     "Renders REPORT.cfg (default: the bundled annual-meeting report) to a PDF,\n"
     "written atomically: a failed run leaves the previous file in place.\n"
     "  -o, --output FILE     the PDF (.pdf; '-' writes it to standard output);\n"
     "                        default: the report's output, else REPORT.pdf\n"
     "      --data FILE       the portfolio instead of the report's data.path\n"
     "                        ('-': standard input)\n"
     "      --data-out DIR    each section's numbers as DIR/NN-PLUGIN.csv\n"
     "      --charts DIR      each chart as DIR/NN-PLUGIN.png (150 dpi) and .svg\n"
     "      --set KEY=VALUE   override a report setting; may repeat\n"
     "      --skip-bad-rows   leave bad rows out instead of refusing the data\n"
     "      --config FILE     engine settings\n"
     "  -q, --quiet           print nothing but errors\n"
     "  -v, --verbose         also print each phase's time on stderr\n"
     "On a terminal, a render that takes more than a second shows its phase and\n"
     "progress on stderr, on one line that is rewritten; not when stderr is not a\n"
     "terminal, nor with --quiet.\n"
     "Exit status: 0 written, 1 a problem with the report, data or plugins\n"
     "(nothing replaced), 2 a usage error, 3 a plugin crashed, ran past\n"
     "plugin_timeout, exited or returned more than plugin_max_rows rows\n"
     "(nothing replaced).\n"},
    {"check",
     "Usage: ssc-report check [REPORT.cfg] [--data FILE|-] [--set KEY=VALUE]...\n"
     "                        [--skip-bad-rows] [--config FILE] [--quiet|--verbose]\n"
     "\n"
     "Validates REPORT.cfg (default: the bundled annual-meeting report), its\n"
     "plugins and its data, and lays the document out, exactly as render would,\n"
     "but writes nothing.  Exit status: 0 ok, 1 problems found, 2 a usage error,\n"
     "3 a plugin crashed, hung, exited or returned too many rows.\n"},
    {"plugins",
     "Usage: ssc-report plugins [NAME] [--config FILE]\n"
     "\n"
     "Lists the plugins in the plugin folders (the engine settings' plugin_path,\n"
     "$SSC_REPORT_PLUGIN_PATH, the installed folder): name, kind, version,\n"
     "summary and options, read from each module's file without running any of\n"
     "its code; modules that would be refused are listed with the reason.  With NAME, shows that plugin in full: its file, default chart\n"
     "and every option with its values and help.  Exit status: 0 ok, 1 a\n"
     "module was refused (or NAME is not a plugin).\n"},
    {"init",
     "Usage: ssc-report init DIR\n"
     "\n"
     "Writes DIR/report.cfg, a starter report, and DIR/portfolio.csv, a portfolio\n"
     "template with three example projects; both render as they are:\n"
     "  ssc-report render DIR/report.cfg\n"
     "DIR is created if needed; existing files are never overwritten.\n"},
    {"help",
     "Usage: ssc-report help [COMMAND]\n"
     "\n"
     "Shows the general help, or COMMAND's own.\n"},
};

static const struct cli_help *cli_help_of(const char *command)
{
    for (size_t i = 0; command && i < sizeof cli_helps / sizeof *cli_helps; i++)
        if (!strcmp(cli_helps[i].command, command))
            return &cli_helps[i];
    return NULL;
}

/* The general help, with where the bundled files of this copy live. */
static void cli_usage(FILE *to)
{
    fputs(usage, to);
    fprintf(to,
            "\nBundled report: %s\n"
            "Bundled sample: %s\n"
            "Manual: man ssc-report (and ssc-report-report(5), ssc-report.conf(5))\n",
            ssc_bundled_report(), ssc_bundled_sample());
}

/* The progress line and the phase timings (ssc_progress). */
typedef struct cli_progress {
    int live;    /* stderr is a terminal and not --quiet: show the line */
    int verbose; /* print each phase's time */
    int shown;   /* a line is on the terminal now */
    ssc_phase phase;
    double start, phase_start, drawn_at;
    double delay; /* seconds before the line appears: SSC_REPORT_PROGRESS_DELAY, else 1 */
} cli_progress;

typedef struct cli {
    const char *command;
    ssc_render_opts ro;
    const char **sets;
    int n_sets;
    int quiet, verbose;
    cli_progress progress;
} cli;

static double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *const cli_phase_names[SSC_PHASE_COUNT] = {
    "start-up (settings, report, plugins)", "reading the data", "computing the sections",
    "laying out", "writing the PDF", "other outputs", "done"};

/* Takes the progress line off the terminal, so that what follows starts
 * on a clean line. */
static void cli_progress_clear(cli_progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%*s\r", 72, "");
    p->shown = 0;
}

static void cli_progress_note(void *ctx, ssc_phase phase, double done, double total)
{
    cli_progress *p = ctx;
    double now = cli_now();
    char line[128];

    if (phase != p->phase || phase == SSC_PHASE_START) {
        if (p->verbose && p->phase_start > 0) {
            cli_progress_clear(p);
            fprintf(stderr, "ssc-report: %s: %.3f s\n", cli_phase_names[p->phase],
                    now - p->phase_start);
        }
        if (phase == SSC_PHASE_START)
            p->start = now;
        if (p->verbose && phase == SSC_PHASE_DONE)
            fprintf(stderr, "ssc-report: total: %.3f s\n", now - p->start);
        p->phase = phase;
        p->phase_start = now;
    }
    if (phase == SSC_PHASE_DONE) {
        cli_progress_clear(p);
        return;
    }
    /* only a run that lasts is worth a line, redrawn ten times a second */
    if (!p->live || now - p->start < p->delay || (p->shown && now - p->drawn_at < 0.1))
        return;
    if (phase == SSC_PHASE_READ && total > 0)
        snprintf(line, sizeof line, "reading the data: %.0f of %.0f MB", done / 1e6, total / 1e6);
    else if (phase == SSC_PHASE_LAYOUT && done > 0)
        snprintf(line, sizeof line, "laying out: page %.0f", done);
    else if (phase == SSC_PHASE_WRITE && done > 0 && total > 0)
        snprintf(line, sizeof line, "writing the PDF: page %.0f of %.0f", done, total);
    else
        snprintf(line, sizeof line, "%s...", cli_phase_names[phase]);
    fprintf(stderr, "\r%-72.72s", line);
    fflush(stderr);
    p->shown = 1;
    p->drawn_at = now;
}

/* Prints "ssc-report: WHAT ARG" and a hint; returns the usage status. */
static int cli_fail(const char *what, const char *arg)
{
    fprintf(stderr, "ssc-report: %s%s%s\nTry 'ssc-report --help'.\n", what, arg ? " " : "",
            arg ? arg : "");
    return 2;
}

/* The same for a word that is not one of known[0..n), naming the nearest
 * one when it is close ("rendr" -> render). */
static int cli_fail_word(const char *what, const char *arg, const char *const *known, size_t n)
{
    const char *near = ssc_nearest(arg, known, n);
    if (!near)
        return cli_fail(what, arg);
    fprintf(stderr, "ssc-report: %s %s; did you mean %s?\nTry 'ssc-report --help'.\n", what, arg,
            near);
    return 2;
}

static const char *const cli_commands[] = {"render",   "check",   "plugins", "init",
                                           "help",     "schedule", "run-due", "daemon",
                                           "run"};
static const char *const cli_options[] = {"--output", "--data",   "--data-out", "--charts",
                                          "--set",    "--config", "--skip-bad-rows",
                                          "--quiet",  "--verbose", "--help",  "--version"};

/* Returns -1 when parsing succeeded, else the exit status to use. */
static int cli_parse(cli *c, int argc, char **argv)
{
    c->sets = calloc((size_t)argc, sizeof *c->sets);
    if (!c->sets)
        return cli_fail("out of memory", NULL);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            const struct cli_help *h = cli_help_of(c->command);
            if (h)
                fputs(h->text, stdout);
            else
                cli_usage(stdout);
            return 0;
        }
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("ssc-report %s (plugin ABI %d.%d)\n", SSC_VERSION_STRING, SSC_ABI_MAJOR,
                   SSC_ABI_MINOR);
            return 0;
        }
        if (!strcmp(a, "--skip-bad-rows")) {
            c->ro.skip_bad_rows = 1;
            continue;
        }
        if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            c->quiet = 1;
            continue;
        }
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            c->verbose = 1;
            continue;
        }
        if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            value = &c->ro.output;
        else if (!strcmp(a, "--data"))
            value = &c->ro.data;
        else if (!strcmp(a, "--data-out"))
            value = &c->ro.data_out;
        else if (!strcmp(a, "--charts"))
            value = &c->ro.charts;
        else if (!strcmp(a, "--config"))
            value = &c->ro.config;
        else if (!strcmp(a, "--set")) {
            if (i + 1 >= argc)
                return cli_fail("a value is missing after", a);
            c->sets[c->n_sets++] = argv[++i];
            continue;
        }
        if (value) {
            if (i + 1 >= argc)
                return cli_fail("a value is missing after", a);
            *value = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1])
            return cli_fail_word("unknown option", a, cli_options,
                                 sizeof cli_options / sizeof *cli_options);
        if (!c->command)
            c->command = a;
        else if (!c->ro.report)
            c->ro.report = a;
        else
            return cli_fail("unexpected argument", a);
    }
    if (c->quiet && c->verbose)
        return cli_fail("--quiet and --verbose contradict each other:", "choose one");
    c->ro.sets = c->sets;
    c->ro.n_sets = (size_t)c->n_sets;
    return -1;
}

/* One line per plugin, and its options' names on the next when it has
 * some. */
static void cli_print_plugin(const ssc_plugin_info *info, void *ctx)
{
    const ssc_option *o = info->desc.options;
    (void)ctx;
    printf("%-16s %-7s %-8s %s\n", info->desc.name,
           info->desc.kind == SSC_PLUGIN_SOURCE ? "source" : "metric",
           info->desc.version[0] ? info->desc.version : "-", info->desc.summary);
    if (o && o->name) {
        printf("%-16s options:", "");
        for (; o->name; o++)
            printf(" %s%s", o->name, o[1].name ? "," : "\n");
    }
}

/* A refused module, from the loader's "FILE: why" problem line: its name
 * (the file's, without folder and extension) and the reason. */
static void cli_print_refused(const char *line)
{
    const char *colon = strstr(line, ": ");
    const char *base = line, *end = colon ? colon : line + strlen(line), *dot;

    for (const char *p = line; p < end; p++)
        if (*p == '/')
            base = p + 1;
    dot = base;
    while (dot < end && *dot != '.')
        dot++;
    printf("%-16.*s %-7s %-8s %s\n", (int)(dot - base), base, "refused", "-",
           colon ? colon + 2 : line);
}

/* Every option of one plugin, with its values and help. */
static void cli_print_plugin_full(const ssc_plugin_info *info)
{
    const ssc_plugin *d = &info->desc;

    printf("%s: %s plugin, version %s\n", d->name,
           d->kind == SSC_PLUGIN_SOURCE ? "source" : "metric", d->version[0] ? d->version : "-");
    if (d->summary[0])
        printf("  %s\n", d->summary);
    printf("  file:    %s\n", info->file);
    if (d->kind == SSC_PLUGIN_SOURCE) {
        printf("  reads:   %s\n", d->extensions && d->extensions[0] ? d->extensions : "-");
        return;
    }
    printf("  chart:   %s%s\n", ssc_report_chart_name(d->default_chart),
           d->render ? " (draws its own)" : "");
    if (!d->options || !d->options->name) {
        printf("  options: none\n");
        return;
    }
    printf("  options:\n");
    for (const ssc_option *o = d->options; o->name; o++) {
        if (o->type == SSC_OPTION_INT)
            printf("    %-14s whole number %ld to %ld\n", o->name, o->min, o->max);
        else
            printf("    %-14s %s\n", o->name, o->choices ? o->choices : "text");
        if (o->help && o->help[0])
            printf("    %-14s %s\n", "", o->help);
    }
}

static int cli_plugins(const cli *c)
{
    ssc_engine_config conf;
    ssc_loader *ld = NULL;
    ssc_peek *pk = NULL;
    ssc_error err;
    ssc_diag problems;
    int status = 0;

    ssc_error_clear(&err);
    ssc_diag_init(&problems, 0);
    if (ssc_engine_config_load(&conf, c->ro.config, &err) != SSC_OK ||
        ssc_loader_new(&ld, (const char *const *)conf.plugin_dirs, conf.n_plugin_dirs, &err) !=
            SSC_OK) {
        ssc_error_print(&err, stderr);
        ssc_engine_config_free(&conf);
        return 1;
    }
    if (c->ro.report) {
        /* plugins NAME: the csv source is built in, the rest are modules */
        const ssc_plugin_info *info;
        if (!strcmp(c->ro.report, "csv")) {
            printf("csv: source plugin, version %s (built in)\n  %s\n  reads:   csv\n",
                   ssc_csv_source()->version, ssc_csv_source()->summary);
        } else if (ssc_peek_one(ld, c->ro.report, &info, &pk, &err) == SSC_OK) {
            cli_print_plugin_full(info);
        } else {
            ssc_error_print(&err, stderr);
            status = 1;
        }
    } else {
        printf("%-16s %-7s %-8s %s\n", "NAME", "KIND", "VERSION", "SUMMARY");
        /* the csv source lives in the engine; it is listed like the others */
        printf("%-16s %-7s %-8s %s\n", ssc_csv_source()->name, "source",
               ssc_csv_source()->version, "(built in) portfolio CSV files");
        /* read from the modules' files: listing runs no plugin's code */
        if (ssc_peek_each(ld, cli_print_plugin, NULL, &problems, &pk, &err) != SSC_OK) {
            ssc_error_print(&err, stderr);
            status = 1;
        }
        /* refused modules are listed with the reason, and do not hide the
         * good ones; the exit status says something is wrong */
        for (size_t i = 0; i < problems.count; i++)
            cli_print_refused(problems.lines[i]);
        if (ssc_diag_total(&problems)) {
            fprintf(stderr, "ssc-report: %zu module%s refused (listed above)\n",
                    ssc_diag_total(&problems), ssc_diag_total(&problems) == 1 ? "" : "s");
            status = 1;
        }
    }
    ssc_diag_free(&problems);
    ssc_peek_free(pk);
    ssc_loader_free(ld);
    ssc_engine_config_free(&conf);
    return status;
}

/* render -o -: the PDF is written (atomically, as always) into a private
 * temporary folder, then copied to standard output and removed. */
static int cli_stdout_copy(const char *path)
{
    char buf[65536];
    size_t n;
    int ok = 1;
    FILE *in = fopen(path, "rb");

    if (!in) {
        fprintf(stderr, "ssc-report: cannot read %s back\n", path);
        return 1;
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, stdout) != n) {
            ok = 0;
            break;
        }
    if (ferror(in))
        ok = 0;
    fclose(in);
    if (fflush(stdout) != 0)
        ok = 0;
    if (!ok)
        fprintf(stderr, "ssc-report: writing the PDF to standard output failed\n");
    return ok ? 0 : 1;
}

static int cli_render(cli *c, int check_only)
{
    ssc_render_result res;
    ssc_diag problems;
    ssc_error err;
    int rc;

    char tmpdir[4096] = "/tmp/ssc-report-XXXXXX", tmpfile[4200] = "";
    int to_stdout = !check_only && c->ro.output && !strcmp(c->ro.output, "-");

    ssc_error_clear(&err);
    ssc_diag_init(&problems, 50);
    c->ro.check_only = check_only;
    ssc_atomic_clean_on_signals();
    /* the progress goes to a person at a terminal, never into a log */
    c->progress.live = !c->quiet && isatty(STDERR_FILENO);
    c->progress.verbose = c->verbose;
    const char *delay = getenv("SSC_REPORT_PROGRESS_DELAY");
    char *end;
    c->progress.delay = delay && *delay ? strtod(delay, &end) : 1.0;
    if (!delay || !*delay || *end || !(c->progress.delay >= 0))
        c->progress.delay = 1.0;
    ssc_progress progress = {.note = cli_progress_note, .ctx = &c->progress};
    c->ro.progress = &progress;
    if (to_stdout) {
        const char *t = getenv("TMPDIR");
        if (t && t[0] && strlen(t) < sizeof tmpdir - 32)
            snprintf(tmpdir, sizeof tmpdir, "%s/ssc-report-XXXXXX", t);
        /* a reader that goes away (| head) makes the copy fail with EPIPE
         * instead of killing the process before it cleans up */
        signal(SIGPIPE, SIG_IGN);
        if (!mkdtemp(tmpdir)) {
            fprintf(stderr, "ssc-report: cannot create a temporary folder for -o -\n");
            return 1;
        }
        snprintf(tmpfile, sizeof tmpfile, "%s/report.pdf", tmpdir);
        c->ro.output = tmpfile;
    }
    rc = ssc_render(&c->ro, &res, &problems, &err);
    c->ro.progress = NULL;
    /* a second dry run is time the phases show: say why it was run */
    if (c->verbose && res.fonts_widened[0])
        fprintf(stderr,
                "ssc-report: fonts: \"%s\" has characters that no font of the theme's "
                "lists has; laid out again from every installed font\n",
                res.fonts_widened);
    /* on success the list holds only warnings, which --quiet silences */
    if (rc != SSC_OK || !c->quiet)
        ssc_diag_print(&problems, stderr);
    if (rc != SSC_OK)
        ssc_error_print(&err, stderr);
    /* the copy reports its own failure */
    else if (to_stdout && cli_stdout_copy(tmpfile) != 0)
        rc = SSC_ERR;
    if (to_stdout) {
        remove(tmpfile);
        rmdir(tmpdir);
    }
    if (rc != SSC_OK) {
        ssc_diag_free(&problems);
        return res.plugin_fault ? 3 : 1;
    }
    if (c->quiet) {
        ssc_diag_free(&problems);
        return 0;
    }
    if (res.skipped_rows)
        fprintf(stderr, "warning: %zu bad row%s left out (--skip-bad-rows)\n", res.skipped_rows,
                res.skipped_rows == 1 ? "" : "s");
    /* a cut text is information the reader does not get: say so, and
     * where to find it whole */
    if (res.shortened)
        fprintf(stderr,
                "warning: %zu text%s in the PDF %s cut short to fit, the first \"%s\"; "
                "--data-out has every value whole\n",
                res.shortened, res.shortened == 1 ? "" : "s",
                res.shortened == 1 ? "is" : "are", res.first_shortened);
    if (check_only)
        printf("ok: %zu project%s, %zu after filters, %d pages\n", res.projects,
               res.projects == 1 ? "" : "s", res.shown, res.pages);
    else
        /* with -o - the PDF is on standard output: the note goes aside */
        fprintf(to_stdout ? stderr : stdout, "wrote %s (%d page%s, %zu project%s)\n",
                to_stdout ? "the PDF to standard output" : res.output, res.pages,
                res.pages == 1 ? "" : "s", res.shown, res.shown == 1 ? "" : "s");
    ssc_diag_free(&problems);
    return 0;
}

/* ssc-report help [COMMAND] */
static int cli_help(const char *command)
{
    const struct cli_help *h;

    if (!command) {
        cli_usage(stdout);
        return 0;
    }
    if ((h = cli_help_of(command))) {
        fputs(h->text, stdout);
        return 0;
    }
    if (!strcmp(command, "schedule") || !strcmp(command, "run-due") ||
        !strcmp(command, "daemon") || !strcmp(command, "run")) {
        char *args[] = {(char *)command, (char *)"--help", NULL};
        return ssc_cli_schedule(2, args);
    }
    return cli_fail_word("help: unknown command", command, cli_commands,
                         sizeof cli_commands / sizeof *cli_commands);
}

static int cli_init(const cli *c)
{
    char report[4096];
    ssc_error err;

    if (!c->ro.report)
        return cli_fail("init needs a folder:", "ssc-report init DIR");
    ssc_error_clear(&err);
    if (ssc_starter_init(c->ro.report, report, sizeof report, &err) != SSC_OK) {
        ssc_error_print(&err, stderr);
        return 1;
    }
    printf("wrote %s and %s/portfolio.csv; render with:\n  ssc-report render %s\n", report,
           c->ro.report, report);
    return 0;
}

int main(int argc, char **argv)
{
    cli c;
    int rc;

    memset(&c, 0, sizeof c);
    /* the scheduling commands have options of their own */
    if (argc > 1 && (!strcmp(argv[1], "schedule") || !strcmp(argv[1], "run-due") ||
                     !strcmp(argv[1], "daemon") || !strcmp(argv[1], "run")))
        return ssc_cli_schedule(argc - 1, argv + 1);
    rc = cli_parse(&c, argc, argv);
    if (rc < 0) {
        if (!c.command) {
            cli_usage(stderr);
            rc = 2;
        } else if (!strcmp(c.command, "render")) {
            rc = cli_render(&c, 0);
        } else if (!strcmp(c.command, "check")) {
            rc = cli_render(&c, 1);
        } else if (!strcmp(c.command, "plugins")) {
            rc = cli_plugins(&c);
        } else if (!strcmp(c.command, "init")) {
            rc = cli_init(&c);
        } else if (!strcmp(c.command, "help")) {
            rc = cli_help(c.ro.report);
        } else {
            rc = cli_fail_word("unknown command", c.command, cli_commands,
                               sizeof cli_commands / sizeof *cli_commands);
        }
    }
    free(c.sets);
    return rc;
}
