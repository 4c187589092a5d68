/* ssc-report: the command.  Parses arguments, calls the library, prints
 * one line per problem on stderr, and maps the outcome to an exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "report/config.h"
#include "loader.h"
#include "render.h"
#include "schedule/schedule_cli.h"
#include "data/nearest.h"
#include "data/source_csv.h"
#include "ssc-report/version.h"

static const char usage[] =
    "Usage: ssc-report COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  render [REPORT.cfg]   render a report to PDF (default: the bundled\n"
    "                        annual-meeting report and sample portfolio)\n"
    "  check REPORT.cfg      validate the report, its plugins and its data\n"
    "  plugins               list the plugins found (name, kind, version, file)\n"
    "  schedule list         show the scheduled jobs, their last and next runs\n"
    "  schedule next --cron EXPR [--from TIME] [--count N]\n"
    "                        print the next times a cron expression fires\n"
    "  run-due [--now TIME] [--config FILE]\n"
    "                        run every scheduled job that is due\n"
    "  daemon [--config FILE]\n"
    "                        run scheduled jobs as they come due (SIGHUP reloads)\n"
    "\n"
    "Options for render and check:\n"
    "  -o, --output FILE     write the PDF here (default: the report's output,\n"
    "                        else ./REPORT.pdf)\n"
    "      --data FILE       read this portfolio instead of the report's data\n"
    "                        ('-': standard input)\n"
    "      --data-out DIR    also write each section's numbers as DIR/NN-PLUGIN.csv\n"
    "      --charts DIR      also write each chart as DIR/NN-PLUGIN.png (150 dpi) and .svg\n"
    "      --set KEY=VALUE   override a report setting (e.g. language=zh,\n"
    "                        filters.start_year_min=2015); may repeat\n"
    "      --skip-bad-rows   render from the good rows, warning about the bad ones\n"
    "      --config FILE     engine settings (default: $SSC_REPORT_CONFIG, then the\n"
    "                        installed ssc-report.conf)\n"
    "\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n";

typedef struct cli {
    const char *command;
    ssc_render_opts ro;
    const char **sets;
    int n_sets;
} cli;

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

static const char *const cli_commands[] = {"render", "check",   "plugins",
                                           "schedule", "run-due", "daemon"};
static const char *const cli_options[] = {"--output", "--data",   "--data-out", "--charts",
                                          "--set",    "--config", "--skip-bad-rows",
                                          "--help",   "--version"};

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
            fputs(usage, stdout);
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
    c->ro.sets = c->sets;
    c->ro.n_sets = (size_t)c->n_sets;
    return -1;
}

static void cli_print_plugin(const ssc_plugin_info *info, void *ctx)
{
    (void)ctx;
    printf("%-16s %-7s %-8s %s\n", info->desc.name,
           info->desc.kind == SSC_PLUGIN_SOURCE ? "source" : "metric", info->desc.version,
           info->file);
}

static int cli_plugins(const cli *c)
{
    ssc_engine_config conf;
    ssc_loader *ld = NULL;
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
    printf("%-16s %-7s %-8s %s\n", "NAME", "KIND", "VERSION", "FILE");
    /* the csv source lives in the engine; it is listed like the others */
    printf("%-16s %-7s %-8s %s\n", ssc_csv_source()->name, "source", ssc_csv_source()->version,
           "(built in)");
    if (ssc_loader_each(ld, cli_print_plugin, NULL, &problems, &err) != SSC_OK) {
        ssc_error_print(&err, stderr);
        status = 1;
    }
    /* refused modules are reported, but do not hide the good ones */
    ssc_diag_print(&problems, stderr);
    if (ssc_diag_total(&problems))
        status = 1;
    ssc_diag_free(&problems);
    ssc_loader_free(ld);
    ssc_engine_config_free(&conf);
    return status;
}

static int cli_render(cli *c, int check_only)
{
    ssc_render_result res;
    ssc_diag problems;
    ssc_error err;
    int rc;

    ssc_error_clear(&err);
    ssc_diag_init(&problems, 50);
    c->ro.check_only = check_only;
    ssc_atomic_clean_on_signals();
    rc = ssc_render(&c->ro, &res, &problems, &err);
    ssc_diag_print(&problems, stderr);
    if (rc != SSC_OK) {
        ssc_error_print(&err, stderr);
        ssc_diag_free(&problems);
        return 1;
    }
    if (res.skipped_rows)
        fprintf(stderr, "warning: %zu bad row%s left out (--skip-bad-rows)\n", res.skipped_rows,
                res.skipped_rows == 1 ? "" : "s");
    if (check_only)
        printf("ok: %zu project%s, %zu after filters, %d pages\n", res.projects,
               res.projects == 1 ? "" : "s", res.shown, res.pages);
    else
        printf("wrote %s (%d page%s, %zu project%s)\n", res.output, res.pages,
               res.pages == 1 ? "" : "s", res.shown, res.shown == 1 ? "" : "s");
    ssc_diag_free(&problems);
    return 0;
}

int main(int argc, char **argv)
{
    cli c;
    int rc;

    memset(&c, 0, sizeof c);
    /* the scheduling commands have options of their own */
    if (argc > 1 && (!strcmp(argv[1], "schedule") || !strcmp(argv[1], "run-due") ||
                     !strcmp(argv[1], "daemon")))
        return ssc_cli_schedule(argc - 1, argv + 1);
    rc = cli_parse(&c, argc, argv);
    if (rc < 0) {
        if (!c.command) {
            fputs(usage, stderr);
            rc = 2;
        } else if (!strcmp(c.command, "render")) {
            rc = cli_render(&c, 0);
        } else if (!strcmp(c.command, "check")) {
            rc = c.ro.report ? cli_render(&c, 1) : cli_fail("check needs a report file:", "ssc-report check REPORT.cfg");
        } else if (!strcmp(c.command, "plugins")) {
            rc = cli_plugins(&c);
        } else {
            rc = cli_fail_word("unknown command", c.command, cli_commands,
                               sizeof cli_commands / sizeof *cli_commands);
        }
    }
    free(c.sets);
    return rc;
}
