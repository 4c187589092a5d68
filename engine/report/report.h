/* SPDX-License-Identifier: MIT */
/* A report definition, read from a libconfig file and checked against the
 * schema in schema.c; see docs/report-format.md for every key. */
#ifndef SSC_REPORT_H
#define SSC_REPORT_H

#include <stddef.h>

#include <libconfig.h>

#include "error.h"
#include "report/theme.h"
#include "data/source.h"
#include "data/source_csv.h"
#include "ssc-report/plugin.h"

typedef struct ssc_sector_def {
    const char *code;
    const char *label_en; /* NULL: the code */
    const char *label_zh; /* NULL: label_en */
    long colour;          /* 0xRRGGBB or -1 */
} ssc_sector_def;

/* How a section sits on the page. */
typedef enum ssc_layout {
    SSC_LAYOUT_AUTO = 0, /* after the previous one, as space allows */
    SSC_LAYOUT_FULL,     /* a page of its own */
    SSC_LAYOUT_HALF      /* at most half a page: two share a page */
} ssc_layout;

/* Where a chart's numbers are printed as a table. */
typedef enum ssc_data_table {
    SSC_DATA_TABLE_DEFAULT = 0, /* the report's data_tables */
    SSC_DATA_TABLE_BELOW,
    SSC_DATA_TABLE_APPENDIX,
    SSC_DATA_TABLE_NONE
} ssc_data_table;

typedef struct ssc_section_def {
    const char *plugin;
    const char *title;       /* in the report's language (title_zh for zh) */
    ssc_layout layout;
    int page_break;          /* start on a new page */
    ssc_data_table data_table;
    size_t table_limit;      /* rows of the data table shown; 0: all */
    int table_columns;       /* blocks of the table side by side; 0: the engine's choice */
    const char *caption;       /* NULL: generated */
    ssc_chart_kind chart;      /* SSC_CHART_DEFAULT: the plugin's */
    config_setting_t *options; /* group or NULL */
    long line;
} ssc_section_def;

typedef struct ssc_strlist {
    const char **items;
    size_t count;
} ssc_strlist;

typedef struct ssc_report {
    config_t cfg;
    char *path;     /* as given, for messages */
    char *dir;      /* its folder, for relative data paths */
    const char *title, *subtitle, *organisation, *language, *date;
    char *data_path; /* resolved against dir */
    const char *data_format; /* a source's name; NULL: chosen by the file's extension */
    long data_line, data_format_line;
    /* CSV only: the separator (0: found from the header line) and the
     * encoding to convert from (NULL: UTF-8, or a byte-order mark's) */
    char data_delimiter;
    const char *data_encoding;
    char data_timeout[24]; /* data.timeout as text for the source, or "" */
    ssc_currency_rate *rates; /* data.currency_rates */
    size_t n_rates;
    ssc_rename *renames;
    size_t n_renames;
    /* filters: an empty list keeps everything */
    ssc_strlist statuses, regions, sectors, leads;
    ssc_strlist members; /* member_institutions: empty when the report lists none */
    int start_year_min, start_year_max; /* 0: no bound */
    /* the reporting period (period.c); when the report gives none, the
     * render sets the default once the data is read */
    ssc_period period;
    int period_given;
    ssc_sector_def *sector_defs;
    size_t n_sector_defs;
    ssc_section_def *sections;
    size_t n_sections;
    const char *output; /* default output file, relative to the current folder */
    const char *keywords; /* PDF metadata, or NULL */
    char *logo;           /* cover logo (PNG) resolved against dir, or NULL */
    int toc;              /* print a table of contents (default yes) */
    ssc_data_table data_tables; /* default for the sections: below */
    /* settings --set changed, so errors about them quote the --set */
    const config_setting_t **set_settings;
    const char *const *set_texts;
    size_t n_set;
} ssc_report;

/* Reads and checks the report at path, after applying the KEY=VALUE
 * overrides in sets.  On failure err names the file and line. */
int ssc_report_load(ssc_report *r, const char *path, const char *const *sets, size_t n_sets,
                    ssc_error *err);
void ssc_report_free(ssc_report *r);

/* Applies one KEY=VALUE override to cfg (report_set.c); *changed is the
 * setting it changed or added. */
int ssc_report_apply_set(config_t *cfg, const char *assignment, config_setting_t **changed,
                         ssc_error *err);
/* Schema lookups (schema.c) shared by the loader and --set: the libconfig type a key
 * path (e.g. "filters.start_year_min", "sections.title") must have, or 0
 * when the key is unknown. */
int ssc_report_key_type(const char *schema_path);
/* The keys allowed directly under prefix (NULL: at the top), comma
 * separated in buf, for "known here" hints. */
void ssc_report_known_keys(const char *prefix, char *buf, size_t len);
/* The key allowed directly under prefix that name is a slip for
 * ("titel" -> "title"), or NULL when none is close. */
const char *ssc_report_nearest_key(const char *prefix, const char *name);

/* Chart kinds by the names reports write ("hbar"): SSC_ERR for a name
 * that is none; and the name of a kind ("default" for the plugin's). */
int ssc_report_chart_kind(const char *name, ssc_chart_kind *out);
const char *ssc_report_chart_name(ssc_chart_kind kind);

/* Records an error about setting s (NULL: the file) of the report,
 * quoting the --set that changed it if one did; returns SSC_ERR. */
int ssc_report_fail(ssc_error *err, const ssc_report *r, const config_setting_t *s,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Applies the report's theme group (page size, orientation, margin,
 * colours, font) over *theme (report_theme.c). */
int ssc_report_apply_theme(const ssc_report *r, ssc_theme *theme, ssc_error *err);

/* A string setting of the report's data group ("query"), or NULL: what
 * ssc_source_option gives a source.  Valid until the report is freed. */
const char *ssc_report_data_option(const ssc_report *r, const char *name);

/* Sector label and colour (report's, else built-in defaults). */
const char *ssc_report_sector_label(const ssc_report *r, const char *code);
/* The same in lang ("en" or "zh") whatever the report's language. */
const char *ssc_report_sector_label_in(const ssc_report *r, const char *code, const char *lang);
long ssc_report_sector_colour(const ssc_report *r, const char *code);
/* 1 when the report or the built-in sectors give code a Chinese label. */
int ssc_report_sector_has_zh(const ssc_report *r, const char *code);

#endif
