/* The portfolio's columns (docs/portfolio-csv.md): their names in the
 * spec's order, which are required, and finding one by name.  Every
 * source maps its own names onto these. */
#include "data/columns.h"

#include <string.h>

/* clang-format off */
static const struct {
    const char *name;
    int required;
} rowcheck_cols[SSC_COL_COUNT] = {
    {"id", 1},
    {"title", 1},
    {"lead_institution", 1},
    {"partner_institutions", 0},
    {"countries", 1},
    {"sector", 1},
    {"sdg_primary", 1},
    {"sdg_secondary", 0},
    {"start_date", 1},
    {"end_date", 0},
    {"status", 1},
    {"funding_source", 0},
    {"budget_usd", 0},
    {"modality", 0},
    {"gender_marker", 0},
    {"beneficiaries", 0},
    {"regions", 0},
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

int ssc_col_find(const char *s, size_t len)
{
    for (int c = 0; c < SSC_COL_SPEC; c++)
        if (strlen(rowcheck_cols[c].name) == len && memcmp(rowcheck_cols[c].name, s, len) == 0)
            return c;
    return -1;
}
