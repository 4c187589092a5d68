/* SPDX-License-Identifier: MIT */
/* Table layout: a table drawn over pages (ssc_chart_table) keeps whole
 * rows and its header on each, reports the height it used, never cuts a
 * wrapped text cell, and moves a row that does not fit whole to the next
 * page.  Heights are computed from the measured line height, never
 * hard-coded.  (The table kind in boxes of every size is in test-chart's
 * draw cases.) */
#include <math.h>

#include "../check.h"
#include "draw/charts/kinds.h"
#include "probe.h"

static void test_table_pages(void)
{
    test_probe p;
    double line_h, row_h, used;
    size_t next;
    const size_t rows = PAGES_ROWS;

    if (test_open(&p, "en", (ssc_box){30, 30, 400, 100}) != 0)
        return;
    ssc_table *t = test_pages_table();

    /* Every cell here takes one line: header and rows are one table line
     * plus the padding above and below. */
    ssc_text_style st = {.size = p.theme.body_size * SSC_TABLE_SIZE};
    ssc_text_measure(&p.c, "Ag", &st, 0, NULL, &line_h);
    row_h = line_h + 2 * SSC_TABLE_PAD_Y;

    /* room for the header and 3.5 rows: 3 rows per page */
    p.c.box = (ssc_box){30, 30, 400, floor(row_h * 4.5)};
    size_t first = 0, pages = 0;
    do {
        CHECK_INT(ssc_chart_table(&p.c, t, first, &next, &used, NULL), SSC_OK);
        CHECK_INT(next, first + 3 < rows ? first + 3 : rows);
        CHECK(fabs(used - row_h * (1 + (double)(next - first))) < 1e-6);
        CHECK(used <= p.c.box.h);
        pages++;
        if (next == first)
            break;
        first = next;
    } while (first < rows);
    CHECK_INT(pages, 4); /* 3 + 3 + 3 + 1 */

    /* no room for the header and one row: nothing drawn, same row next */
    p.c.box = (ssc_box){30, 30, 400, floor(row_h * 1.9)};
    CHECK_INT(ssc_chart_table(&p.c, t, 2, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, 2);
    CHECK(used == 0.0);
    /* past the end: done */
    CHECK_INT(ssc_chart_table(&p.c, t, rows, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, rows);

    /* A text cell wraps over as many lines as it needs, never cut: the
     * two sentences (some 320 characters) take at least four lines of a
     * column narrower than the 400-point table, a whole number of lines. */
    test_add_column(t, "Partners", SSC_COLUMN_TEXT);
    p.c.box = (ssc_box){30, 30, 400, 400};
    CHECK_INT(ssc_chart_table(&p.c, t, 0, &next, &used, NULL), SSC_OK);
    CHECK(next > 1);
    double lines = (used - row_h * (double)next - 2 * SSC_TABLE_PAD_Y) / line_h;
    CHECK(lines >= 4.0 - 1e-6);
    CHECK(fabs(lines - round(lines)) < 1e-6);
    CHECK(ssc_chart_height(&p.c, t, SSC_CHART_TABLE, 400) >=
          row_h * (rows + 1) + (lines - 1.0) * line_h - 1e-6);
    /* in a box two lines short of it, the row goes whole to the next page */
    p.c.box = (ssc_box){30, 30, 400, row_h + (lines - 2.0) * line_h + 2 * SSC_TABLE_PAD_Y};
    CHECK_INT(ssc_chart_table(&p.c, t, 0, &next, &used, NULL), SSC_OK);
    CHECK_INT(next, 0);
    CHECK(used == 0.0);
    test_close(&p);
    ssc_table_free(t);
}

int main(void)
{
    test_table_pages();
    return check_done();
}
