/* SPDX-License-Identifier: MIT */
/* ssc_table_row_interned and ssc_table_add_interned (ABI 1.9): rows found
 * by the key's address give the rows ssc_table_row gives, and stay right
 * after the rows are sorted or cut (the remembered addresses are dropped
 * then).  Expected rows and sums are worked out by hand below. */
#include <string.h>

#include "../check.h"
#include "report/table.h"
#include "ssc-report/plugin.h"

int main(void)
{
    /* three keys at addresses of their own, and "b" again elsewhere */
    static const char ka[] = "a", kb[] = "b", kc[] = "c";
    char kb2[] = "b";
    ssc_table *t = ssc_table_new();
    ssc_error err;

    CHECK(t != NULL);
    if (!t)
        return check_done();
    ssc_error_clear(&err);
    /* rows in the order met: b 0, a 1, c 2 */
    CHECK_INT(ssc_table_add_interned(t, kb, 1.0), SSC_OK);
    CHECK_INT(ssc_table_add_interned(t, ka, 1.0), SSC_OK);
    CHECK_INT(ssc_table_add_interned(t, kb, 1.0), SSC_OK);
    CHECK_INT(ssc_table_add_interned(t, kc, 1.0), SSC_OK);
    CHECK_INT(ssc_table_add_interned(t, kb2, 1.0), SSC_OK); /* same text: row 0 */
    CHECK_INT((int)ssc_table_rows(t), 3);
    CHECK_INT(ssc_table_row_interned(t, kb), 0);
    CHECK_INT(ssc_table_row_interned(t, kb2), 0);
    CHECK_INT(ssc_table_row_interned(t, ka), 1);
    CHECK(ssc_table_number(t, 0, 0) == 3.0); /* b three times */
    CHECK(ssc_table_number(t, 1, 0) == 1.0);
    /* sorted by key: a 0, b 1, c 2; the addresses follow their keys */
    CHECK_INT(ssc_table_sort(t, SSC_SORT_KEY_ASC, &err), SSC_OK);
    CHECK_INT(ssc_table_row_interned(t, ka), 0);
    CHECK_INT(ssc_table_row_interned(t, kb), 1);
    CHECK_INT(ssc_table_row_interned(t, kc), 2);
    CHECK_STR(ssc_table_key(t, (size_t)ssc_table_row_interned(t, kb)), "b");
    /* cut to "a": "c" is a new row 1, with 1.0 and nothing of before */
    ssc_table_truncate(t, 1);
    CHECK_INT(ssc_table_add_interned(t, kc, 1.0), SSC_OK);
    CHECK_INT((int)ssc_table_rows(t), 2);
    CHECK_INT(ssc_table_row_interned(t, kc), 1);
    CHECK_STR(ssc_table_key(t, 1), "c");
    CHECK(ssc_table_number(t, 1, 0) == 1.0);
    ssc_table_free(t);
    return check_done();
}
