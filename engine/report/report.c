/* SPDX-License-Identifier: MIT */
/* Reading a report definition: libconfig parses, the schema below decides
 * what may appear where, and every problem names the file and line. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/csv.h"
#include "data/encoding.h"
#include "report/limits.h"
#include "data/nearest.h"
#include "data/refdata.h"
#include "data/sniff.h"
#include "data/store.h"
#include "report/period.h"

static const char *report_type_name(int type)
{
    switch (type) {
    case CONFIG_TYPE_GROUP: return "a group { ... }";
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64: return "a whole number";
    case CONFIG_TYPE_FLOAT: return "a number";
    case CONFIG_TYPE_STRING: return "a string in double quotes";
    case CONFIG_TYPE_BOOL: return "true or false";
    case CONFIG_TYPE_ARRAY: return "an array [ ... ] of strings";
    case CONFIG_TYPE_LIST: return "a list ( { ... }, ... )";
    default: return "something else";
    }
}

int ssc_report_fail(ssc_error *err, const ssc_report *r, const config_setting_t *s,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ssc_error_vset(err, r->path, s ? (long)config_setting_source_line(s) : 0, fmt, ap);
    va_end(ap);
    /* a value from the command line: point there, not at the file's line */
    for (size_t i = 0; s && i < r->n_set; i++)
        if (r->set_settings[i] == s) {
            char what[300];
            snprintf(what, sizeof what, "--set %s", r->set_texts[i]);
            ssc_error_prefix(err, what);
            err->line = 0;
        }
    return SSC_ERR;
}

static int report_check_group(const ssc_report *r, const config_setting_t *g, const char *prefix,
                              ssc_error *err);

/* data.currency_rates: ISO 4217 codes, each with the US dollars one unit
 * is worth. */
static int report_check_rates(const ssc_report *r, const config_setting_t *g, ssc_error *err)
{
    for (int i = 0; i < config_setting_length(g); i++) {
        const config_setting_t *e = config_setting_get_elem(g, (unsigned)i);
        const char *code = config_setting_name(e);
        int type = config_setting_type(e);
        double v;
        if (strlen(code) != 3 || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)
            return ssc_report_fail(err, r, e,
                               "data.currency_rates.%s: expected a currency code of three "
                               "capital letters (ISO 4217), e.g. EUR",
                               code);
        if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64 && type != CONFIG_TYPE_FLOAT)
            return ssc_report_fail(err, r, e,
                               "data.currency_rates.%s: expected US dollars per %s as a number, "
                               "e.g. 1.08",
                               code, code);
        v = type == CONFIG_TYPE_FLOAT ? config_setting_get_float(e)
                                      : (double)config_setting_get_int64(e);
        if (!(v > 0) || v > 1e9)
            return ssc_report_fail(err, r, e,
                               "data.currency_rates.%s: US dollars per %s must be above 0 (and "
                               "sensible)",
                               code, code);
    }
    return SSC_OK;
}

static int report_check_setting(const ssc_report *r, const config_setting_t *s,
                                const char *prefix, ssc_error *err)
{
    char path[256], known[512];
    const char *name = config_setting_name(s);
    int want, got = config_setting_type(s);

    snprintf(path, sizeof path, "%s%s%s", prefix ? prefix : "", prefix ? "." : "", name);
    want = ssc_report_key_type(path);
    if (!want) {
        const char *near = ssc_report_nearest_key(prefix, name);
        ssc_report_known_keys(prefix, known, sizeof known);
        if (near)
            return ssc_report_fail(err, r, s,
                                   "unknown setting \"%s\"%s%s; did you mean \"%s\"? (known here: "
                                   "%s)",
                                   name, prefix ? " in " : "", prefix ? prefix : "", near, known);
        return ssc_report_fail(err, r, s, "unknown setting \"%s\"%s%s (known here: %s)", name,
                           prefix ? " in " : "", prefix ? prefix : "", known);
    }
    if (got != want && !(want == CONFIG_TYPE_INT && got == CONFIG_TYPE_INT64) &&
        !(want == CONFIG_TYPE_FLOAT && (got == CONFIG_TYPE_INT || got == CONFIG_TYPE_INT64)))
        return ssc_report_fail(err, r, s, "%s: expected %s", path, report_type_name(want));
    if (want == CONFIG_TYPE_ARRAY) {
        for (int i = 0; i < config_setting_length(s); i++)
            if (config_setting_type(config_setting_get_elem(s, (unsigned)i)) !=
                CONFIG_TYPE_STRING)
                return ssc_report_fail(err, r, s, "%s: expected %s", path, report_type_name(want));
    } else if (want == CONFIG_TYPE_LIST) {
        for (int i = 0; i < config_setting_length(s); i++) {
            const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
            if (config_setting_type(e) != CONFIG_TYPE_GROUP)
                return ssc_report_fail(err, r, e, "%s: each entry must be a group { ... }", path);
            if (report_check_group(r, e, path, err) != SSC_OK)
                return SSC_ERR;
        }
    } else if (want == CONFIG_TYPE_GROUP) {
        if (strcmp(path, "sections.options") == 0)
            return SSC_OK; /* checked against the plugin's declared options */
        if (strcmp(path, "data.columns") == 0) {
            for (int i = 0; i < config_setting_length(s); i++) {
                const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
                if (config_setting_type(e) != CONFIG_TYPE_STRING)
                    return ssc_report_fail(err, r, e,
                                       "data.columns.%s: expected the file's header name as a "
                                       "string",
                                       config_setting_name(e));
            }
            return SSC_OK;
        }
        if (strcmp(path, "data.currency_rates") == 0)
            return report_check_rates(r, s, err);
        return report_check_group(r, s, path, err);
    }
    return SSC_OK;
}

static int report_check_group(const ssc_report *r, const config_setting_t *g, const char *prefix,
                              ssc_error *err)
{
    for (int i = 0; i < config_setting_length(g); i++)
        if (report_check_setting(r, config_setting_get_elem(g, (unsigned)i), prefix, err) !=
            SSC_OK)
            return SSC_ERR;
    return SSC_OK;
}

static const char *report_string(const config_setting_t *g, const char *name, const char *dflt)
{
    const char *v;
    return config_setting_lookup_string(g, name, &v) ? v : dflt;
}

static int report_strlist(ssc_report *r, const config_setting_t *s, ssc_strlist *out,
                          ssc_error *err)
{
    int n = s ? config_setting_length(s) : 0;
    out->items = NULL;
    out->count = 0;
    if (n <= 0)
        return SSC_OK;
    out->items = calloc((size_t)n, sizeof *out->items);
    if (!out->items)
        return ssc_error_oom(err);
    for (int i = 0; i < n; i++)
        out->items[out->count++] = config_setting_get_string_elem(s, i);
    return SSC_OK;
}

static char *report_join(const char *dir, const char *rel)
{
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (!p)
        return NULL;
    if (rel[0] == '/' || !dir[0])
        snprintf(p, n, "%s", rel);
    else
        snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

static int report_read_filters(ssc_report *r, ssc_error *err)
{
    const config_setting_t *f = config_lookup(&r->cfg, "filters");
    int v;

    if (!f)
        return SSC_OK;
    if (report_strlist(r, config_setting_get_member(f, "statuses"), &r->statuses, err) ||
        report_strlist(r, config_setting_get_member(f, "regions"), &r->regions, err) ||
        report_strlist(r, config_setting_get_member(f, "sectors"), &r->sectors, err) ||
        report_strlist(r, config_setting_get_member(f, "lead_institutions"), &r->leads, err))
        return SSC_ERR;
    for (size_t i = 0; i < r->statuses.count; i++)
        if (ssc_status_parse(r->statuses.items[i], strlen(r->statuses.items[i])) < 0)
            return ssc_report_fail(err, r, config_setting_get_member(f, "statuses"),
                               "filters.statuses: \"%s\" is not a status (pipeline, ongoing, "
                               "completed, cancelled, suspended)",
                               r->statuses.items[i]);
    for (size_t i = 0; i < r->regions.count; i++) {
        /* "Unspecified": projects a source placed in no region */
        int ok = strcmp(r->regions.items[i], SSC_REGION_UNSPECIFIED) == 0;
        for (size_t k = 0; k < ssc_region_count() && !ok; k++)
            ok = strcmp(ssc_region_key(k), r->regions.items[i]) == 0;
        if (!ok)
            return ssc_report_fail(err, r, config_setting_get_member(f, "regions"),
                               "filters.regions: \"%s\" is not a region (Africa, Asia, Europe, "
                               "Latin America and the Caribbean, Northern America, Oceania, "
                               "Unspecified)",
                               r->regions.items[i]);
    }
    static const char *const years[] = {"start_year_min", "start_year_max"};
    for (int k = 0; k < 2; k++) {
        const config_setting_t *y = config_setting_get_member(f, years[k]);
        if (!y)
            continue;
        v = config_setting_get_int(y);
        if (v < 1900 || v > 2200)
            return ssc_report_fail(err, r, y, "filters.%s: %d is not a year from 1900 to 2200",
                               years[k], v);
        *(k ? &r->start_year_max : &r->start_year_min) = v;
    }
    if (r->start_year_min && r->start_year_max && r->start_year_min > r->start_year_max)
        return ssc_report_fail(err, r, config_setting_get_member(f, "start_year_max"),
                           "filters.start_year_max: %d is before start_year_min %d",
                           r->start_year_max, r->start_year_min);
    return SSC_OK;
}

/* A from or to date: YYYY-MM-DD, or YYYY-MM / YYYY meaning that month's
 * or year's first day (from) or last day (to). */
static int report_period_date(const ssc_report *r, const config_setting_t *s, int last, ssc_date *out,
                       ssc_error *err)
{
    const char *v = config_setting_get_string(s);
    int y, m, d;

    if (ssc_csv_parse_date(v, strlen(v), &y, &m, &d) != SSC_CSV_DATE_OK || y < 1900 || y > 2200)
        return ssc_report_fail(err, r, s,
                               "period.%s: \"%s\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY, "
                               "years 1900 to 2200)",
                               config_setting_name(s), v);
    if (!m)
        m = last ? 12 : 1;
    if (!d)
        d = last ? ssc_csv_days_in_month(y, m) : 1;
    *out = (ssc_date){y, m, d};
    return SSC_OK;
}

static int report_read_period(ssc_report *r, ssc_error *err)
{
    const config_setting_t *g = config_lookup(&r->cfg, "period");
    const config_setting_t *year, *from, *to;

    if (!g)
        return SSC_OK;
    year = config_setting_get_member(g, "year");
    from = config_setting_get_member(g, "from");
    to = config_setting_get_member(g, "to");
    if (year && (from || to))
        return ssc_report_fail(err, r, from ? from : to,
                               "period: give either year or from and to, not both");
    if (year) {
        int y = config_setting_get_int(year);
        if (y < 1900 || y > 2200)
            return ssc_report_fail(err, r, year, "period.year: %d is not a year from 1900 to 2200",
                                   y);
        r->period = ssc_period_year(y);
    } else if (from && to) {
        if (report_period_date(r, from, 0, &r->period.from, err) != SSC_OK ||
            report_period_date(r, to, 1, &r->period.to, err) != SSC_OK)
            return SSC_ERR;
        if (ssc_period_span(r->period.from, r->period.to, &r->period) != SSC_OK)
            return ssc_report_fail(err, r, to, "period.to: %s is before period.from %s",
                                   config_setting_get_string(to), config_setting_get_string(from));
    } else if (from || to) {
        return ssc_report_fail(err, r, from ? from : to,
                               "period: %s needs %s too (or give year alone)",
                               from ? "from" : "to", from ? "to" : "from");
    } else {
        return ssc_report_fail(err, r, g, "period: empty (give year, or from and to)");
    }
    r->period_given = 1;
    return SSC_OK;
}

/* The columns of the portfolio format (docs/portfolio-csv.md). */
static const char *const report_columns[] = {
    "id", "title", "lead_institution", "partner_institutions", "countries", "sector",
    "sdg_primary", "sdg_secondary", "start_date", "end_date", "status", "funding_source",
    "budget_usd", "modality", "gender_marker", "beneficiaries"};
#define REPORT_N_COLUMNS (sizeof report_columns / sizeof *report_columns)

static int report_spec_column(const char *name)
{
    for (size_t i = 0; i < REPORT_N_COLUMNS; i++)
        if (strcmp(report_columns[i], name) == 0)
            return 1;
    return 0;
}

/* data.delimiter and data.encoding: how a CSV file is written.  Which
 * encodings exist is iconv's to say, so an unknown one is refused here,
 * at its line, rather than when the file is read. */
static int report_read_csv_keys(ssc_report *r, const config_setting_t *d, ssc_error *err)
{
    const config_setting_t *s = config_setting_get_member(d, "delimiter");

    if (s && ssc_delimiter_parse(config_setting_get_string(s), &r->data_delimiter) != 0)
        return ssc_report_fail(err, r, s,
                               "data.delimiter: \"%s\" is not a separator (one character such "
                               "as \",\", \";\" or \"|\", or \"tab\")",
                               config_setting_get_string(s));
    s = config_setting_get_member(d, "encoding");
    if (!s)
        return SSC_OK;
    r->data_encoding = config_setting_get_string(s);
    if (!ssc_encoding_known(r->data_encoding))
        return ssc_report_fail(err, r, s,
                               "data.encoding: iconv knows no encoding \"%s\" (`iconv -l` lists "
                               "them; e.g. \"GB18030\", \"WINDOWS-1252\", \"UTF-16\")",
                               r->data_encoding);
    return SSC_OK;
}

static int report_read_data(ssc_report *r, ssc_error *err)
{
    const config_setting_t *d = config_lookup(&r->cfg, "data");
    const char *path;

    if (!d || !config_setting_lookup_string(d, "path", &path))
        return ssc_report_fail(err, r, d, "data.path: missing (the portfolio file to read, relative "
                                      "to this report)");
    r->data_line = config_setting_source_line(d);
    if (!(r->data_path = report_join(r->dir, path)))
        return ssc_error_oom(err);
    /* which sources exist is known once plugins load: only the name's
     * form is checked here */
    r->data_format = report_string(d, "format", NULL);
    if (r->data_format) {
        const config_setting_t *f = config_setting_get_member(d, "format");
        r->data_format_line = config_setting_source_line(f);
        if (!r->data_format[0] || strlen(r->data_format) > 64 ||
            strspn(r->data_format, "abcdefghijklmnopqrstuvwxyz0123456789-_") !=
                strlen(r->data_format))
            return ssc_report_fail(err, r, f,
                               "data.format: \"%s\" is not a data source (csv, iati, sqlite, or "
                               "the name of another source plugin)",
                               r->data_format);
    }
    if (report_read_csv_keys(r, d, err) != SSC_OK)
        return SSC_ERR;
    const config_setting_t *t = config_setting_get_member(d, "timeout");
    if (t) {
        long long secs = config_setting_get_int64(t);
        if (secs < 1 || secs > 86400)
            return ssc_report_fail(err, r, t,
                                   "data.timeout: %lld is not a number of seconds from 1 to "
                                   "86400",
                                   secs);
        snprintf(r->data_timeout, sizeof r->data_timeout, "%lld", secs);
    }
    const config_setting_t *rates = config_setting_get_member(d, "currency_rates");
    int nr = rates ? config_setting_length(rates) : 0;
    if (nr > 0) {
        if (!(r->rates = calloc((size_t)nr, sizeof *r->rates)))
            return ssc_error_oom(err);
        for (int i = 0; i < nr; i++) {
            const config_setting_t *e = config_setting_get_elem(rates, (unsigned)i);
            r->rates[i].code = config_setting_name(e);
            r->rates[i].usd = config_setting_type(e) == CONFIG_TYPE_FLOAT
                                  ? config_setting_get_float(e)
                                  : (double)config_setting_get_int64(e);
        }
        r->n_rates = (size_t)nr;
    }
    const config_setting_t *cols = config_setting_get_member(d, "columns");
    int n = cols ? config_setting_length(cols) : 0;
    if (n > 0) {
        if (!(r->renames = calloc((size_t)n, sizeof *r->renames)))
            return ssc_error_oom(err);
        for (int i = 0; i < n; i++) {
            const config_setting_t *c = config_setting_get_elem(cols, (unsigned)i);
            if (!report_spec_column(config_setting_name(c))) {
                const char *near =
                    ssc_nearest(config_setting_name(c), report_columns, REPORT_N_COLUMNS);
                return ssc_report_fail(err, r, c,
                                       "data.columns.%s: the portfolio format has no column "
                                       "\"%s\"%s%s%s (see docs/portfolio-csv.md)",
                                       config_setting_name(c), config_setting_name(c),
                                       near ? "; did you mean \"" : "", near ? near : "",
                                       near ? "\"?" : "");
            }
            r->renames[i].to = config_setting_name(c);
            r->renames[i].from = config_setting_get_string(c);
        }
        r->n_renames = (size_t)n;
    }
    return SSC_OK;
}

static int report_read_sectors(ssc_report *r, ssc_error *err)
{
    const config_setting_t *l = config_lookup(&r->cfg, "sectors");
    int n = l ? config_setting_length(l) : 0;

    if (n <= 0)
        return SSC_OK;
    if (!(r->sector_defs = calloc((size_t)n, sizeof *r->sector_defs)))
        return ssc_error_oom(err);
    for (int i = 0; i < n; i++) {
        const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
        ssc_sector_def *sd = &r->sector_defs[i];
        sd->code = report_string(g, "code", NULL);
        if (!sd->code || !sd->code[0])
            return ssc_report_fail(err, r, g, "sectors: each sector needs a code");
        sd->label_en = report_string(g, "label", NULL);
        sd->label_zh = report_string(g, "label_zh", NULL);
        sd->colour = -1;
        const char *col = report_string(g, "colour", NULL);
        unsigned long rgb;
        if (col && ssc_colour_parse(col, &rgb) != 0)
            return ssc_report_fail(err, r, config_setting_get_member(g, "colour"),
                               "sectors.colour: \"%s\" is not a colour like \"#2A7FB8\"", col);
        if (col)
            sd->colour = (long)rgb;
    }
    r->n_sector_defs = (size_t)n;
    return SSC_OK;
}

static int report_data_table(const char *v, ssc_data_table *out)
{
    if (!strcmp(v, "below"))
        *out = SSC_DATA_TABLE_BELOW;
    else if (!strcmp(v, "appendix"))
        *out = SSC_DATA_TABLE_APPENDIX;
    else if (!strcmp(v, "none"))
        *out = SSC_DATA_TABLE_NONE;
    else
        return -1;
    return 0;
}

static int report_read_sections(ssc_report *r, ssc_error *err)
{
    const config_setting_t *l = config_lookup(&r->cfg, "sections");
    int n = l ? config_setting_length(l) : 0;

    if (n <= 0)
        return ssc_report_fail(err, r, l, "sections: the report has no sections; add at least one "
                                      "{ plugin = \"...\"; title = \"...\"; }");
    if (n > SSC_LIMIT_SECTIONS)
        return ssc_report_fail(err, r, l,
                               "sections: %d sections, more than the %d a report may have", n,
                               SSC_LIMIT_SECTIONS);
    if (!(r->sections = calloc((size_t)n, sizeof *r->sections)))
        return ssc_error_oom(err);
    for (int i = 0; i < n; i++) {
        config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
        ssc_section_def *sd = &r->sections[i];
        sd->line = config_setting_source_line(g);
        sd->plugin = report_string(g, "plugin", NULL);
        if (!sd->plugin || !sd->plugin[0])
            return ssc_report_fail(err, r, g, "sections: section %d has no plugin", i + 1);
        sd->title = report_string(g, "title", "");
        if (strcmp(r->language, "zh") == 0)
            sd->title = report_string(g, "title_zh", sd->title);
        sd->caption = report_string(g, "caption", NULL);
        int pb;
        if (config_setting_lookup_bool(g, "page_break", &pb))
            sd->page_break = pb;
        const char *layout = report_string(g, "layout", "auto");
        if (!strcmp(layout, "auto"))
            sd->layout = SSC_LAYOUT_AUTO;
        else if (!strcmp(layout, "full"))
            sd->layout = SSC_LAYOUT_FULL;
        else if (!strcmp(layout, "half"))
            sd->layout = SSC_LAYOUT_HALF;
        else
            return ssc_report_fail(err, r, config_setting_get_member(g, "layout"),
                               "sections.layout: \"%s\" is not a layout (auto, full, half)",
                               layout);
        const char *dt = report_string(g, "data_table", NULL);
        if (dt && report_data_table(dt, &sd->data_table) != 0)
            return ssc_report_fail(err, r, config_setting_get_member(g, "data_table"),
                               "sections.data_table: \"%s\" is not a place for the data "
                               "(below, appendix, none)",
                               dt);
        long long limit;
        /* int64 too: a large number written with L must not be ignored */
        if (config_setting_lookup_int64(g, "table_limit", &limit)) {
            if (limit < 0)
                return ssc_report_fail(err, r, config_setting_get_member(g, "table_limit"),
                                   "sections.table_limit: %lld is negative (0 shows every row)",
                                   limit);
            sd->table_limit = (size_t)limit;
        }
        /* 0 (or none): the engine stands a narrow table in blocks side by side */
        if (config_setting_lookup_int64(g, "table_columns", &limit)) {
            if (limit < 0 || limit > 4)
                return ssc_report_fail(err, r, config_setting_get_member(g, "table_columns"),
                                       "sections.table_columns: %lld is not 0 (the engine "
                                       "chooses) or 1 to 4 blocks side by side",
                                       limit);
            sd->table_columns = (int)limit;
        }
        sd->options = config_setting_get_member(g, "options");
        const char *chart = report_string(g, "chart", NULL);
        sd->chart = SSC_CHART_DEFAULT;
        if (chart && ssc_report_chart_kind(chart, &sd->chart) != SSC_OK)
            return ssc_report_fail(err, r, config_setting_get_member(g, "chart"),
                                   "sections.chart: \"%s\" is not a chart kind (bar, hbar, "
                                   "line, table, custom, stacked, grouped, donut, sdg-grid, "
                                   "tile-map)",
                                   chart);
    }
    r->n_sections = (size_t)n;
    return SSC_OK;
}

static int report_split_path(ssc_report *r, const char *path, ssc_error *err)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;

    r->path = malloc(strlen(path) + 1);
    r->dir = malloc(n + 2);
    if (!r->path || !r->dir)
        return ssc_error_oom(err);
    strcpy(r->path, path);
    if (!slash)
        strcpy(r->dir, ".");
    else if (n == 0)
        strcpy(r->dir, "/");
    else {
        memcpy(r->dir, path, n);
        r->dir[n] = '\0';
    }
    return SSC_OK;
}

int ssc_report_load(ssc_report *r, const char *path, const char *const *sets, size_t n_sets,
                    ssc_error *err)
{
    memset(r, 0, sizeof *r);
    config_init(&r->cfg);
    if (report_split_path(r, path, err) != SSC_OK)
        return SSC_ERR;
    config_set_include_dir(&r->cfg, r->dir);
    /* one that cannot be opened gets libconfig's words, as before */
    if (access(path, R_OK) == 0 && ssc_limits_file(path, err) != SSC_OK)
        return SSC_ERR;
    if (!config_read_file(&r->cfg, path)) {
        if (config_error_type(&r->cfg) == CONFIG_ERR_FILE_IO)
            return ssc_error_at(err, path, 0, "cannot read the report file");
        return ssc_error_at(err, config_error_file(&r->cfg) ? config_error_file(&r->cfg) : path,
                            config_error_line(&r->cfg), "%s", config_error_text(&r->cfg));
    }
    if (n_sets) {
        r->set_settings = calloc(n_sets, sizeof *r->set_settings);
        if (!r->set_settings)
            return ssc_error_oom(err);
        r->set_texts = sets;
    }
    for (size_t i = 0; i < n_sets; i++) {
        config_setting_t *changed = NULL;
        if (ssc_report_apply_set(&r->cfg, sets[i], &changed, err) != SSC_OK)
            return SSC_ERR;
        r->set_settings[r->n_set++] = changed;
    }
    char why[400];
    const config_setting_t *bad = ssc_limits_walk(config_root_setting(&r->cfg), why, sizeof why);
    if (bad)
        return ssc_report_fail(err, r, bad, "%s", why);
    if (report_check_group(r, config_root_setting(&r->cfg), NULL, err) != SSC_OK)
        return SSC_ERR;

    const config_setting_t *root = config_root_setting(&r->cfg);
    r->title = report_string(root, "title", NULL);
    if (!r->title || !r->title[0])
        return ssc_report_fail(err, r, NULL, "title: missing (the report's title)");
    r->subtitle = report_string(root, "subtitle", "");
    r->organisation = report_string(root, "organisation", "");
    r->date = report_string(root, "date", NULL);
    r->output = report_string(root, "output", NULL);
    r->language = report_string(root, "language", "en");
    if (strcmp(r->language, "en") != 0 && strcmp(r->language, "zh") != 0)
        return ssc_report_fail(err, r, config_setting_get_member(root, "language"),
                           "language: \"%s\" is not a report language (en, zh)", r->language);
    /* the network's members, for charts that tell them from partners */
    if (report_strlist(r, config_setting_get_member(root, "member_institutions"), &r->members,
                       err) != SSC_OK)
        return SSC_ERR;
    for (size_t i = 0; i < r->members.count; i++)
        if (!r->members.items[i] || !r->members.items[i][0])
            return ssc_report_fail(err, r, config_setting_get_member(root, "member_institutions"),
                                   "member_institutions: item %zu is not a name (a non-empty "
                                   "string)", i + 1);
    /* texts given per language: the report's language picks */
    if (strcmp(r->language, "zh") == 0) {
        r->title = report_string(root, "title_zh", r->title);
        r->subtitle = report_string(root, "subtitle_zh", r->subtitle);
        r->organisation = report_string(root, "organisation_zh", r->organisation);
    }
    r->keywords = report_string(root, "keywords", NULL);
    r->toc = 1;
    int toc;
    if (config_setting_lookup_bool(root, "toc", &toc))
        r->toc = toc;
    r->data_tables = SSC_DATA_TABLE_BELOW;
    const char *dts = report_string(root, "data_tables", NULL);
    if (dts && (report_data_table(dts, &r->data_tables) != 0 ||
                r->data_tables == SSC_DATA_TABLE_DEFAULT))
        return ssc_report_fail(err, r, config_setting_get_member(root, "data_tables"),
                           "data_tables: \"%s\" is not a place for the data (below, appendix, "
                           "none)",
                           dts);
    const char *logo = report_string(root, "logo", NULL);
    if (logo && !(r->logo = report_join(r->dir, logo)))
        return ssc_error_oom(err);
    if (report_read_data(r, err) || report_read_filters(r, err) ||
        report_read_period(r, err) || report_read_sectors(r, err) ||
        report_read_sections(r, err))
        return SSC_ERR;
    return SSC_OK;
}

void ssc_report_free(ssc_report *r)
{
    if (!r)
        return;
    config_destroy(&r->cfg);
    free(r->path);
    free(r->dir);
    free(r->data_path);
    free(r->logo);
    free(r->renames);
    free(r->rates);
    free(r->statuses.items);
    free(r->regions.items);
    free(r->sectors.items);
    free(r->leads.items);
    free(r->members.items);
    free(r->sector_defs);
    free(r->sections);
    free(r->set_settings);
    memset(r, 0, sizeof *r);
}

const char *ssc_report_data_option(const ssc_report *r, const char *name)
{
    const config_setting_t *d = config_lookup(&r->cfg, "data");
    const char *v;
    /* the one number a source reads, handed over as text like the rest */
    if (name && strcmp(name, "timeout") == 0)
        return r->data_timeout[0] ? r->data_timeout : NULL;
    return d && name && config_setting_lookup_string(d, name, &v) ? v : NULL;
}
