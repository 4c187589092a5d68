/* SPDX-License-Identifier: MIT */
/* ssc-report plugin interface: the one header a plugin includes.
 *
 * A plugin is a libtool module exporting one const descriptor, built with
 * SSC_METRIC_PLUGIN.  It sees the portfolio, its section and its output table
 * only through the opaque handles and accessor functions declared here, so the
 * engine may change its insides without breaking compiled plugins.
 *
 * Strings of one portfolio that are equal are the same pointer (they are
 * interned), so a plugin may compare or hash them by address.  Titles are
 * the exception: a repeated title is usually one pointer, not always (the
 * engine shares up to 32,768 distinct ones and copies the rest), so
 * compare titles by their text.
 *
 * Ownership: everything the engine hands out is borrowed and stays valid for
 * the duration of the hook call; strings returned by accessors are never freed
 * by the plugin.  Functions returning int return 0 (SSC_OK) on success and a
 * negative value on failure, after filling the optional ssc_error.
 */
#ifndef SSC_REPORT_PLUGIN_H
#define SSC_REPORT_PLUGIN_H

#include <stddef.h>

#include <cairo.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Major changes break compiled plugins; minor ones only add (functions,
 * fields at the end of structs).  The engine loads a plugin whose major
 * equals its own and whose minor is not newer than its own.  1.2 added
 * ssc_source_optional; 1.3 the country names and UN groupings, and project
 * names in the report's language; 1.4 the reporting period (ssc_period);
 * 1.5 ssc_format_value, ssc_section_is_member and SSC_KEY_GENDER; 1.6 the
 * member list (ssc_section_members), the locator map and SDG colours; 1.7
 * ssc_table_set_measure and ssc_table_set_row_total; 1.8
 * ssc_table_set_summary; 1.9 ssc_table_row_interned and
 * ssc_table_add_interned. */
#define SSC_ABI_MAJOR 1
#define SSC_ABI_MINOR 9

#define SSC_OK 0
#define SSC_ERR (-1)

typedef struct ssc_portfolio ssc_portfolio; /* filtered projects, read-only */
typedef struct ssc_section ssc_section;     /* one section of the report */
typedef struct ssc_table ssc_table;         /* what a metric computes */
typedef struct ssc_canvas ssc_canvas;       /* a box on a page to draw into */
typedef struct ssc_error ssc_error;         /* filled on failure */

/* ---- errors ------------------------------------------------------------ */

/* Records a message (printf format) in err, if err is not NULL; returns
 * SSC_ERR so that a hook can write `return ssc_error_set(err, ...);`. */
int ssc_error_set(ssc_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- portfolio --------------------------------------------------------- */

/* A borrowed list of strings, valid while the hook runs. */
typedef struct ssc_strings {
    const char *const *items;
    size_t count;
} ssc_strings;

/* A borrowed list of small integers (SDG numbers). */
typedef struct ssc_ints {
    const unsigned char *items;
    size_t count;
} ssc_ints;

/* A date as written: month and day are 0 when the source gave less. */
typedef struct ssc_date {
    int year; /* 0: no date */
    int month;
    int day;
} ssc_date;

size_t ssc_portfolio_count(const ssc_portfolio *p);

const char *ssc_project_id(const ssc_portfolio *p, size_t row);
const char *ssc_project_title(const ssc_portfolio *p, size_t row);
const char *ssc_project_lead(const ssc_portfolio *p, size_t row);
ssc_strings ssc_project_partners(const ssc_portfolio *p, size_t row);
/* Distinct ISO 3166-1 alpha-3 codes, in the order the source gave them. */
ssc_strings ssc_project_countries(const ssc_portfolio *p, size_t row);
/* Distinct UN M49 regions (English names, the stable keys) of the countries. */
ssc_strings ssc_project_regions(const ssc_portfolio *p, size_t row);
const char *ssc_project_sector(const ssc_portfolio *p, size_t row);
int ssc_project_sdg_primary(const ssc_portfolio *p, size_t row);
/* Distinct SDGs (1-17), the primary first, then the secondary ones. */
ssc_ints ssc_project_sdgs(const ssc_portfolio *p, size_t row);
ssc_date ssc_project_start(const ssc_portfolio *p, size_t row);
ssc_date ssc_project_end(const ssc_portfolio *p, size_t row);
/* One of "pipeline", "ongoing", "completed", "cancelled", "suspended". */
const char *ssc_project_status(const ssc_portfolio *p, size_t row);
const char *ssc_project_funding_source(const ssc_portfolio *p, size_t row); /* "" if none */
const char *ssc_project_modality(const ssc_portfolio *p, size_t row);       /* "" if none */
/* Returns 1 and stores the budget in *usd when the project has one, else 0. */
int ssc_project_budget(const ssc_portfolio *p, size_t row, double *usd);
int ssc_project_gender_marker(const ssc_portfolio *p, size_t row); /* -1 if none */
long long ssc_project_beneficiaries(const ssc_portfolio *p, size_t row); /* -1 if none */
/* An extra column of the source by its header name; NULL if no such column. */
const char *ssc_project_field(const ssc_portfolio *p, size_t row, const char *column);

/* ABI 1.3: names in a report's language ("en" or "zh").  For "zh" the
 * portfolio's title_zh, lead_institution_zh and description_zh columns
 * where the row has them, else the English values (the Chinese edition's
 * front matter says so).  ssc_project_description is "" when the row has
 * none.  ssc_institution_name gives the Chinese name the portfolio gives an
 * institution (lead or partner, from any row) for its English name, else
 * the name itself: map ssc_project_partners' items, or the keys of a table
 * of institutions, through it. */
const char *ssc_project_title_in(const ssc_portfolio *p, size_t row, const char *lang);
const char *ssc_project_lead_in(const ssc_portfolio *p, size_t row, const char *lang);
const char *ssc_project_description(const ssc_portfolio *p, size_t row, const char *lang);
const char *ssc_institution_name(const ssc_portfolio *p, const char *name, const char *lang);

/* ---- section ----------------------------------------------------------- */

const char *ssc_section_title(const ssc_section *s);
/* "en" or "zh": plugins that generate text write it in this language. */
const char *ssc_section_language(const ssc_section *s);
/* ABI 1.5: 1 when the report's member_institutions lists institution (its
 * English name, as in lead_institution), 0 when it does not, -1 when the
 * report lists no members. */
int ssc_section_is_member(const ssc_section *s, const char *institution);
/* Options declared by the plugin and set in the report; NULL / dflt when
 * the report did not set them.  The engine has already checked their type,
 * choices and range against the plugin's declaration. */
const char *ssc_section_option_string(const ssc_section *s, const char *name);
long ssc_section_option_int(const ssc_section *s, const char *name, long dflt);

/* ---- the reporting period (ABI 1.4) ------------------------------------ */

/* The span of days a report looks back on: the report's period (a
 * calendar year, or from/to dates), by default the latest start year of
 * the shown projects.  from and to are complete dates, both days in it. */
typedef struct ssc_period {
    ssc_date from;
    ssc_date to;
    int year; /* the calendar year when the period is exactly one, else 0 */
} ssc_period;

/* The report's period. */
ssc_period ssc_section_period(const ssc_section *s);
/* The period of the same length just before it, for comparison: the year
 * before a year; as many whole months before a period of whole months;
 * else as many days. */
ssc_period ssc_section_previous_period(const ssc_section *s);
/* Where date d falls: -1 before the period, 0 in it, 1 after it; a date
 * given as a year or a month is read as its first day, so a project counts
 * in one period only.  A date with year 0 (no date) gives -2. */
int ssc_period_where(const ssc_period *p, ssc_date d);

/* ABI 1.6: the report's member_institutions list, the names as the data
 * spells them, in the report's order; empty when the report gives none. */
ssc_strings ssc_section_members(const ssc_section *s);

/* ---- tables ------------------------------------------------------------ */

/* What a table's keys are: the engine labels them in the report language
 * and colours them (SDG colours, sector colours from the report). */
typedef enum ssc_key_kind {
    SSC_KEY_TEXT = 0, /* free text: the key is its own label */
    SSC_KEY_REGION,   /* UN M49 region name in English */
    SSC_KEY_SECTOR,   /* sector code */
    SSC_KEY_SDG,      /* "1" .. "17" */
    SSC_KEY_YEAR,     /* "2014" */
    SSC_KEY_COUNTRY,  /* ISO 3166-1 alpha-3 */
    SSC_KEY_STATUS,   /* project status code */
    SSC_KEY_PROJECT,  /* project id; the plugin sets the label (title) */
    SSC_KEY_GENDER    /* ABI 1.5: gender marker "0", "1", "2" or "none": an
                       * ordered scale, coloured so in every report */
} ssc_key_kind;

/* ABI 1.1: the name the engine shows for a key in the report's language:
 * regions, SDG short names, sectors (the report's labels, else built-in,
 * else the data source's, else in English the code made readable:
 * "disaster-risk" as "Disaster risk"), countries, statuses.  The key
 * itself when it has none; borrowed, valid while the hook runs. */
const char *ssc_section_label(const ssc_section *s, ssc_key_kind kind, const char *key);

/* ---- reference data ----------------------------------------------------- */

/* ABI 1.3: a country's or area's name by ISO 3166-1 alpha-3 code (any case):
 * the UN's English short name for "en", the Chinese name for "zh" (any "zh"
 * tag); NULL when the code is unknown.  Static strings. */
const char *ssc_country_name(const char *alpha3, const char *lang);

/* ABI 1.3: the UN groupings of UN M49 a country belongs to, as a bit mask;
 * 0 for none or an unknown code. */
#define SSC_GROUP_LDC 1  /* Least Developed Countries */
#define SSC_GROUP_LLDC 2 /* Landlocked Developing Countries */
#define SSC_GROUP_SIDS 4 /* Small Island Developing States */
int ssc_country_groups(const char *alpha3);

typedef enum ssc_column_type {
    SSC_COLUMN_NUMBER = 0,
    SSC_COLUMN_TEXT
} ssc_column_type;

typedef enum ssc_unit {
    SSC_UNIT_COUNT = 0, /* whole projects, countries, ... */
    SSC_UNIT_USD,       /* US dollars */
    SSC_UNIT_PERCENT    /* 0-100 */
} ssc_unit;

typedef enum ssc_sort {
    SSC_SORT_VALUE_DESC = 0, /* first column, largest first; ties by key */
    SSC_SORT_VALUE_ASC,
    SSC_SORT_KEY_ASC,        /* byte order of keys */
    SSC_SORT_KEY_NUMERIC     /* keys read as numbers (years, SDGs) */
} ssc_sort;

void ssc_table_set_key_kind(ssc_table *t, ssc_key_kind kind);
/* Adds a column and returns its index (>= 0), or SSC_ERR. */
int ssc_table_add_column(ssc_table *t, const char *name, ssc_column_type type, ssc_unit unit);
/* The column's heading as shown in the report (the name is the stable key
 * used in data-out files); defaults to the name. */
int ssc_table_set_column_title(ssc_table *t, int column, const char *title);
/* Finds the row with this key or appends it; returns its index or SSC_ERR. */
int ssc_table_row(ssc_table *t, const char *key);
/* Adds inc to column 0 of the row with this key (created with 0 if new).
 * When the table has no column yet, a number column "value" is added. */
int ssc_table_add(ssc_table *t, const char *key, double inc);
/* ssc_table_row and ssc_table_add for a key that stays unchanged at its
 * address while the table lives, such as the portfolio's strings (one
 * pointer per text): the row is found again by the key's address, without
 * hashing its text, when a metric meets the same key a million times
 * (ABI 1.9).  Never a buffer reused for other keys. */
int ssc_table_row_interned(ssc_table *t, const char *key);
int ssc_table_add_interned(ssc_table *t, const char *key, double inc);
int ssc_table_add_to(ssc_table *t, int row, int column, double inc);
int ssc_table_set_text(ssc_table *t, int row, int column, const char *text);
/* Overrides the label the engine would derive from the key kind. */
int ssc_table_set_label(ssc_table *t, int row, const char *label);
/* A sentence for the caption, in the section's language (copied). */
int ssc_table_set_note(ssc_table *t, const char *note);
int ssc_table_sort(ssc_table *t, ssc_sort order, ssc_error *err);
/* Keeps only the first n rows. */
void ssc_table_truncate(ssc_table *t, size_t n);
/* ABI 1.7: what the count columns measure, when not projects: the noun
 * for one and for several in English, the Chinese noun and the Chinese
 * counter written after a number ("person", "people", "受益人", "人").
 * The engine's sentences and column headings use it ("Africa has the most
 * people: 12,000").  All four are required (copied). */
int ssc_table_set_measure(ssc_table *t, const char *one, const char *many, const char *zh_noun,
                          const char *zh_counter);
/* ABI 1.7: the number of distinct projects (or whatever the table
 * measures) a row stands for, when its columns split or repeat them: a
 * status stacked by region counts a project in two regions twice in its
 * bar, once here.  The engine's summary ranks the rows by it and says it;
 * once any row has one, rows without one (an "Other" row) are not ranked. */
int ssc_table_set_row_total(ssc_table *t, int row, double distinct);
/* ABI 1.8: the sentence under the chart, in the section's language, when
 * the engine's own ("Africa has the most projects: 24 of 47.") would not
 * say what the chart is about: a share per period, one series of a
 * stacked chart.  Read it off this table's numbers (copied; "" gives the
 * engine's sentence back). */
int ssc_table_set_summary(ssc_table *t, const char *sentence);

/* Reading a table back (for render hooks). */
size_t ssc_table_rows(const ssc_table *t);
size_t ssc_table_columns(const ssc_table *t);
const char *ssc_table_column_name(const ssc_table *t, size_t column);
const char *ssc_table_column_title(const ssc_table *t, size_t column);
const char *ssc_table_key(const ssc_table *t, size_t row);
const char *ssc_table_label(const ssc_table *t, size_t row);
double ssc_table_number(const ssc_table *t, size_t row, size_t column);
const char *ssc_table_text(const ssc_table *t, size_t row, size_t column);

/* ---- drawing (for plugins with their own render hook) ------------------ */

typedef struct ssc_box {
    double x, y, w, h; /* PDF points, y down */
} ssc_box;

typedef enum ssc_align { SSC_ALIGN_START = 0, SSC_ALIGN_CENTER, SSC_ALIGN_END } ssc_align;

typedef struct ssc_text_style {
    double size;          /* points; 0 means the body size */
    int bold;
    unsigned long colour; /* 0xRRGGBB; 0 means the theme's text colour */
    ssc_align align;
    int max_lines;        /* 0: wrap freely; else ellipsize after this many */
} ssc_text_style;

/* The box this section may draw in. */
ssc_box ssc_canvas_box(const ssc_canvas *c);
/* Lays text out as plain text (never markup) in box.w, from the top of box;
 * returns the height used. */
double ssc_canvas_text(ssc_canvas *c, ssc_box box, const char *text, const ssc_text_style *style);
/* The height text would take laid out in width w, without drawing it. */
double ssc_canvas_text_height(ssc_canvas *c, double w, const char *text,
                              const ssc_text_style *style);
void ssc_canvas_fill(ssc_canvas *c, ssc_box box, unsigned long rgb);
void ssc_canvas_line(ssc_canvas *c, double x0, double y0, double x1, double y1, double width,
                     unsigned long rgb);
/* Formats a number for display in the report's language (thousands
 * separators; "%" for SSC_UNIT_PERCENT; money as ssc_format_value writes
 * it). */
const char *ssc_canvas_format(ssc_canvas *c, double value, ssc_unit unit);
/* ABI 1.5: the same without a canvas, into buf (returned), for text a
 * plugin writes in lang ("en" or "zh"): "1,234", "12.5%", money as
 * "US$45,000", "US$2.69 million" or "4.5万美元", "269.4万美元", "3.2亿美元"
 * (cents only below a thousand; no space before a Chinese measure word). */
const char *ssc_format_value(char *buf, size_t len, double value, ssc_unit unit,
                             const char *lang);
/* The theme's accent colour number i (cycled). */
unsigned long ssc_canvas_palette(const ssc_canvas *c, size_t i);
/* ABI 1.6: a locator: the world tile grid drawn small in box (keeping its
 * proportions), the given countries (alpha-3 codes) in rgb and the others
 * light grey. */
void ssc_canvas_locator(ssc_canvas *c, ssc_box box, ssc_strings countries, unsigned long rgb);
/* ABI 1.6: the official colour of SDG goal (1-17); grey outside. */
unsigned long ssc_canvas_sdg_colour(const ssc_canvas *c, int goal);
/* For anything else: the Cairo context, already clipped to the box. */
cairo_t *ssc_canvas_cairo(ssc_canvas *c);

/* ---- the descriptor ---------------------------------------------------- */

typedef enum ssc_plugin_kind {
    SSC_PLUGIN_METRIC = 1, /* computes a table from the portfolio */
    SSC_PLUGIN_SOURCE = 2  /* ABI 1.1: fills the portfolio from a file or database */
} ssc_plugin_kind;

/* ---- sources (ABI 1.1) ------------------------------------------------- */

typedef struct ssc_source ssc_source; /* what a source plugin fills */

/* The file or database to read, as the report or --data gave it. */
const char *ssc_source_path(const ssc_source *src);
/* A string setting of the report's data group (e.g. "query"); NULL if unset. */
const char *ssc_source_option(const ssc_source *src, const char *name);
/* The report's language ("en" or "zh"), for sources with texts in several. */
const char *ssc_source_language(const ssc_source *src);
/* US dollars per unit of currency (ISO 4217) from the report's
 * data.currency_rates; returns 1 and sets *usd when known, else 0. */
int ssc_source_currency_rate(const ssc_source *src, const char *currency, double *usd);

/* A source hands over one project at a time, as the text a portfolio CSV
 * row would hold (docs/portfolio-csv.md: list cells joined with ';'), so
 * that every source is validated by the same rules with the same messages.
 * line is the project's line (or row number) for messages.  A source may
 * also set "regions" (a list of region names) for a project without
 * countries.  ssc_source_end returns SSC_ERR only when reading must stop
 * (out of memory); a project that breaks the rules is reported and
 * counted, and the run decides (--skip-bad-rows) whether to go on. */
int ssc_source_begin(ssc_source *src, long line);
int ssc_source_set(ssc_source *src, const char *column, const char *value, size_t len);
int ssc_source_end(ssc_source *src);
/* ABI 1.2: declares that this source's projects may leave out a column
 * the portfolio rules otherwise require, because the source knows its
 * data may have none to give.  Only "start_date" may be declared: a
 * project without one has no start year (ssc_project_start gives year 0,
 * "no date"); it counts in every chart except per-year ones, which leave
 * it out and say how many in their note, and it does not pass a
 * filters.start_year_min or start_year_max bound.  A start date the
 * source does give is checked as always.  Call it in the read hook before
 * the first ssc_source_begin, so that one set of rules holds for every
 * project; another column or a later call is a misuse that fails the
 * read (SSC_ERR).  A source that never calls it, as every ABI 1.1 source,
 * keeps start_date required. */
int ssc_source_optional(ssc_source *src, const char *column);
/* A warning about the input (not an error): "FILE:LINE: message". */
void ssc_source_warn(ssc_source *src, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Gives the label of a key (e.g. a sector code's name from a codelist);
 * the report's own labels still win. */
int ssc_source_set_label(ssc_source *src, ssc_key_kind kind, const char *key, const char *label);

typedef enum ssc_chart_kind {
    SSC_CHART_DEFAULT = 0, /* the plugin's default_chart */
    SSC_CHART_BAR,         /* vertical bars */
    SSC_CHART_HBAR,        /* horizontal bars */
    SSC_CHART_LINE,
    SSC_CHART_TABLE,
    SSC_CHART_CUSTOM,      /* the plugin's render hook */
    /* ABI 1.1 */
    SSC_CHART_STACKED,     /* bars stacked by series (one bar per row) */
    SSC_CHART_GROUPED,     /* bars side by side per series */
    SSC_CHART_DONUT,       /* shares of a whole; seven slices at most, the rest "Other" */
    SSC_CHART_SDG_GRID,    /* 17 tiles in the SDG colours (SDG-keyed tables) */
    SSC_CHART_TILE_MAP     /* one square per country on a world grid (country-keyed) */
} ssc_chart_kind;

typedef enum ssc_option_type { SSC_OPTION_STRING = 1, SSC_OPTION_INT } ssc_option_type;

/* An option a section of the report may set for this plugin. */
typedef struct ssc_option {
    const char *name;
    ssc_option_type type;
    const char *choices; /* strings: "a|b|c" or NULL for any */
    long min, max;       /* ints: allowed range (inclusive) */
    const char *help;
} ssc_option;

typedef struct ssc_plugin {
    unsigned abi_major;
    unsigned abi_minor;
    size_t struct_size;
    const char *name;    /* equals the module's file name without extension */
    const char *summary; /* one line */
    const char *version;
    ssc_plugin_kind kind;
    ssc_chart_kind default_chart;
    const ssc_option *options; /* terminated by an entry with name NULL; may be NULL */
    /* Required: fills out from the filtered portfolio. */
    int (*compute)(const ssc_portfolio *p, const ssc_section *s, ssc_table *out, ssc_error *err);
    /* Optional: draws the table itself (chart kind "custom"). */
    int (*render)(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err);
    /* ABI 1.1, sources only: file name extensions it reads ("xml",
     * "sqlite|db"), and the hook that reads ssc_source_path into src. */
    const char *extensions;
    int (*read)(ssc_source *src, ssc_error *err);
    /* ABI 1.1, optional with render: the height (points) the drawing needs
     * at width w; without it a custom drawing gets most of a page. */
    double (*measure)(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w);
} ssc_plugin;

/* The exported symbol: libtool's NAME_LTX_ prefix makes it unique per module,
 * so plugins can also be preloaded into a static build. */
#define SSC_PLUGIN_SYMBOL "ssc_plugin"

/* Define the descriptor of module ID (the file name with '-' as '_'):
 *   SSC_METRIC_PLUGIN(by_region, "by-region", .summary = ..., .compute = ...);
 *   SSC_SOURCE_PLUGIN(iati, "iati", .extensions = "xml", .read = ...); */
#define SSC_SOURCE_PLUGIN(id, plugin_name, ...)                                             \
    extern const ssc_plugin id##_LTX_ssc_plugin;                                            \
    const ssc_plugin id##_LTX_ssc_plugin = {.abi_major = SSC_ABI_MAJOR,                     \
                                            .abi_minor = SSC_ABI_MINOR,                     \
                                            .struct_size = sizeof(ssc_plugin),              \
                                            .name = plugin_name,                            \
                                            .kind = SSC_PLUGIN_SOURCE,                      \
                                            __VA_ARGS__}

#define SSC_METRIC_PLUGIN(id, plugin_name, ...)                                             \
    extern const ssc_plugin id##_LTX_ssc_plugin;                                            \
    const ssc_plugin id##_LTX_ssc_plugin = {.abi_major = SSC_ABI_MAJOR,                     \
                                            .abi_minor = SSC_ABI_MINOR,                     \
                                            .struct_size = sizeof(ssc_plugin),              \
                                            .name = plugin_name,                            \
                                            .kind = SSC_PLUGIN_METRIC,                      \
                                            __VA_ARGS__}

#ifdef __cplusplus
}
#endif

#endif /* SSC_REPORT_PLUGIN_H */
