/* SPDX-License-Identifier: MIT */
/* The report schema: every key a report may hold and its libconfig type.
 * Both the loader (report.c) and the --set overrides (report_set.c) ask
 * it; it asks neither, so they depend on it one way.  tests/e2e/e2e-docs.sh
 * reads the table below to check that docs/report-format.md documents
 * every key. */
#include "report/report.h"

#include <string.h>

#include "data/nearest.h"

/* Every key a report may hold, by schema path (list elements share their
 * list's path).  Members of "sections.options" belong to the section's
 * plugin and of "data.columns" to the file's headers: both are checked
 * elsewhere. */
static const struct report_key {
    const char *path;
    int type;
} report_schema[] = {
    {"title", CONFIG_TYPE_STRING},
    {"title_zh", CONFIG_TYPE_STRING},
    {"subtitle", CONFIG_TYPE_STRING},
    {"subtitle_zh", CONFIG_TYPE_STRING},
    {"organisation", CONFIG_TYPE_STRING},
    {"organisation_zh", CONFIG_TYPE_STRING},
    {"keywords", CONFIG_TYPE_STRING},
    {"logo", CONFIG_TYPE_STRING},
    {"toc", CONFIG_TYPE_BOOL},
    {"data_tables", CONFIG_TYPE_STRING},
    {"theme", CONFIG_TYPE_GROUP},
    {"theme.page_size", CONFIG_TYPE_STRING},
    {"theme.orientation", CONFIG_TYPE_STRING},
    {"theme.margin", CONFIG_TYPE_FLOAT},
    {"theme.accent", CONFIG_TYPE_STRING},
    {"theme.text", CONFIG_TYPE_STRING},
    {"theme.heading", CONFIG_TYPE_STRING},
    {"theme.font", CONFIG_TYPE_STRING},
    {"theme.body_size", CONFIG_TYPE_FLOAT},
    {"language", CONFIG_TYPE_STRING},
    {"member_institutions", CONFIG_TYPE_ARRAY},
    {"date", CONFIG_TYPE_STRING},
    {"output", CONFIG_TYPE_STRING},
    {"data", CONFIG_TYPE_GROUP},
    {"data.path", CONFIG_TYPE_STRING},
    {"data.format", CONFIG_TYPE_STRING},
    {"data.delimiter", CONFIG_TYPE_STRING},
    {"data.encoding", CONFIG_TYPE_STRING},
    {"data.columns", CONFIG_TYPE_GROUP},
    {"data.query", CONFIG_TYPE_STRING},
    {"data.table", CONFIG_TYPE_STRING},
    {"data.timeout", CONFIG_TYPE_INT},
    {"data.currency_rates", CONFIG_TYPE_GROUP},
    {"filters", CONFIG_TYPE_GROUP},
    {"filters.statuses", CONFIG_TYPE_ARRAY},
    {"filters.start_year_min", CONFIG_TYPE_INT},
    {"filters.start_year_max", CONFIG_TYPE_INT},
    {"filters.regions", CONFIG_TYPE_ARRAY},
    {"filters.sectors", CONFIG_TYPE_ARRAY},
    {"filters.lead_institutions", CONFIG_TYPE_ARRAY},
    {"period", CONFIG_TYPE_GROUP},
    {"period.year", CONFIG_TYPE_INT},
    {"period.from", CONFIG_TYPE_STRING},
    {"period.to", CONFIG_TYPE_STRING},
    {"sectors", CONFIG_TYPE_LIST},
    {"sectors.code", CONFIG_TYPE_STRING},
    {"sectors.label", CONFIG_TYPE_STRING},
    {"sectors.label_zh", CONFIG_TYPE_STRING},
    {"sectors.colour", CONFIG_TYPE_STRING},
    {"sections", CONFIG_TYPE_LIST},
    {"sections.plugin", CONFIG_TYPE_STRING},
    {"sections.title", CONFIG_TYPE_STRING},
    {"sections.title_zh", CONFIG_TYPE_STRING},
    {"sections.layout", CONFIG_TYPE_STRING},
    {"sections.page_break", CONFIG_TYPE_BOOL},
    {"sections.data_table", CONFIG_TYPE_STRING},
    {"sections.table_limit", CONFIG_TYPE_INT},
    {"sections.table_columns", CONFIG_TYPE_INT},
    {"sections.caption", CONFIG_TYPE_STRING},
    {"sections.chart", CONFIG_TYPE_STRING},
    {"sections.options", CONFIG_TYPE_GROUP},
};

int ssc_report_key_type(const char *schema_path)
{
    for (size_t i = 0; i < sizeof report_schema / sizeof *report_schema; i++)
        if (strcmp(report_schema[i].path, schema_path) == 0)
            return report_schema[i].type;
    return 0;
}

/* The keys allowed directly under prefix (NULL: at the top), as leaf
 * names into out (room for every key); returns how many. */
static size_t schema_leaves(const char *prefix, const char **out)
{
    size_t plen = prefix ? strlen(prefix) : 0, n = 0;

    for (size_t i = 0; i < sizeof report_schema / sizeof *report_schema; i++) {
        const char *p = report_schema[i].path;
        if (plen) {
            if (strncmp(p, prefix, plen) != 0 || p[plen] != '.')
                continue;
            p += plen + 1;
        }
        if (!strchr(p, '.'))
            out[n++] = p;
    }
    return n;
}

/* Lists the keys allowed directly under prefix, for "known here" hints. */
void ssc_report_known_keys(const char *prefix, char *buf, size_t len)
{
    const char *leaves[sizeof report_schema / sizeof *report_schema];
    size_t n = schema_leaves(prefix, leaves);

    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%s", used ? ", " : "", leaves[i]);
    }
}

const char *ssc_report_nearest_key(const char *prefix, const char *name)
{
    const char *leaves[sizeof report_schema / sizeof *report_schema];
    size_t n = schema_leaves(prefix, leaves);

    return ssc_nearest(name, leaves, n);
}

/* The chart kinds a section may ask for, by the names reports write. */
static const struct {
    const char *name;
    ssc_chart_kind kind;
} schema_charts[] = {{"bar", SSC_CHART_BAR},         {"hbar", SSC_CHART_HBAR},
                     {"line", SSC_CHART_LINE},       {"table", SSC_CHART_TABLE},
                     {"custom", SSC_CHART_CUSTOM},   {"stacked", SSC_CHART_STACKED},
                     {"grouped", SSC_CHART_GROUPED}, {"donut", SSC_CHART_DONUT},
                     {"sdg-grid", SSC_CHART_SDG_GRID}, {"tile-map", SSC_CHART_TILE_MAP}};

int ssc_report_chart_kind(const char *name, ssc_chart_kind *out)
{
    for (size_t k = 0; k < sizeof schema_charts / sizeof *schema_charts; k++)
        if (strcmp(schema_charts[k].name, name) == 0) {
            *out = schema_charts[k].kind;
            return SSC_OK;
        }
    return SSC_ERR;
}

const char *ssc_report_chart_name(ssc_chart_kind kind)
{
    for (size_t k = 0; k < sizeof schema_charts / sizeof *schema_charts; k++)
        if (schema_charts[k].kind == kind)
            return schema_charts[k].name;
    return "default";
}
