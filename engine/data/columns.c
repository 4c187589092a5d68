/* SPDX-License-Identifier: MIT */
/* The portfolio's columns (docs/portfolio-csv.md): their names in the
 * spec's order, which are required, which of those a source may declare
 * optional, and finding one by name.  Every source maps its own names
 * onto these. */
#include "data/columns.h"

#include <string.h>

/* clang-format off */
/* optional: a source may declare the required column optional for its
 * projects (ssc_source_optional) because the engine gives its absence a
 * documented meaning: a project without a start date has no start year
 * (year 0), which every plugin and filter handles.  No other required
 * column has such a meaning, so no other may be declared optional. */
static const struct {
    const char *name;
    int required, optional;
} rowcheck_cols[SSC_COL_COUNT] = {
    {"id", 1, 0},
    {"title", 1, 0},
    {"lead_institution", 1, 0},
    {"partner_institutions", 0, 0},
    {"countries", 1, 0},
    {"sector", 1, 0},
    {"sdg_primary", 1, 0},
    {"sdg_secondary", 0, 0},
    {"start_date", 1, 1},
    {"end_date", 0, 0},
    {"status", 1, 0},
    {"funding_source", 0, 0},
    {"budget_usd", 0, 0},
    {"modality", 0, 0},
    {"gender_marker", 0, 0},
    {"beneficiaries", 0, 0},
    {"regions", 0, 0},
};
/* clang-format on */

const char *ssc_col_name(int col)
{
    return col >= 0 && col < SSC_COL_COUNT ? rowcheck_cols[col].name : "";
}

int ssc_col_required(int col)
{
    return col >= 0 && col < SSC_COL_COUNT && rowcheck_cols[col].required;
}

int ssc_col_may_be_optional(int col)
{
    return col >= 0 && col < SSC_COL_COUNT && rowcheck_cols[col].optional;
}

int ssc_col_find(const char *s, size_t len)
{
    for (int c = 0; c < SSC_COL_SPEC; c++)
        if (strlen(rowcheck_cols[c].name) == len && memcmp(rowcheck_cols[c].name, s, len) == 0)
            return c;
    return -1;
}
