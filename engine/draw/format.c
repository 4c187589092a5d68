/* SPDX-License-Identifier: MIT */
/* Numbers as a reader sees them: thousands separators, at most one decimal,
 * and the unit written the way each language writes it.
 *
 * The digits are produced with integer arithmetic rather than "%.1f" so
 * that a program which calls setlocale() cannot turn the decimal point
 * into a comma behind our back. */
#include "draw/draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Beyond this, tenths no longer fit in a long long; such values are shown
 * whole (no budget comes near it). */
#define FORMAT_TENTHS_LIMIT 9.0e16

/* Writes the digits of whole into out with a comma every three digits. */
static void format_group(char *out, size_t len, const char *digits)
{
    size_t n = strlen(digits), o = 0;
    for (size_t i = 0; i < n && o + 1 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 2 < len)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

static int format_is_zh(const char *lang)
{
    return lang && strncmp(lang, "zh", 2) == 0;
}

const char *ssc_format_number(char *buf, size_t len, double value, ssc_unit unit, const char *lang)
{
    char digits[400], grouped[560], number[580];
    double mag;
    int neg;

    if (!buf || len == 0)
        return buf;
    if (!isfinite(value)) {
        snprintf(buf, len, "%s", "\u2013"); /* en dash: no value */
        return buf;
    }
    mag = fabs(value);
    neg = value < 0;
    number[0] = '\0';
    if (mag < FORMAT_TENTHS_LIMIT) {
        long long tenths = llround(mag * 10.0);
        snprintf(digits, sizeof digits, "%lld", tenths / 10);
        format_group(grouped, sizeof grouped, digits);
        if (tenths % 10 != 0)
            snprintf(number, sizeof number, "%s.%d", grouped, (int)(tenths % 10));
        else
            snprintf(number, sizeof number, "%s", grouped);
        if (tenths == 0)
            neg = 0; /* never "-0" */
    } else {
        snprintf(digits, sizeof digits, "%.0f", mag);
        format_group(grouped, sizeof grouped, digits);
        snprintf(number, sizeof number, "%s", grouped);
    }

    switch (unit) {
    case SSC_UNIT_USD:
        if (format_is_zh(lang))
            snprintf(buf, len, "%s%s \u7f8e\u5143", neg ? "-" : "", number); /* 美元 */
        else
            snprintf(buf, len, "%sUS$ %s", neg ? "-" : "", number);
        break;
    case SSC_UNIT_PERCENT:
        snprintf(buf, len, "%s%s%%", neg ? "-" : "", number);
        break;
    case SSC_UNIT_COUNT:
    default:
        snprintf(buf, len, "%s%s", neg ? "-" : "", number);
        break;
    }
    return buf;
}
