/* SPDX-License-Identifier: MIT */
/* Numbers as a reader sees them: thousands separators, at most one decimal
 * (cents for money below a thousand), and the unit written the way each
 * language writes it.
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

/* Tenths of v as "269.4" or "3" (no ".0"), grouped, never "%.1f" (see
 * above). */
static void format_tenths(char *out, size_t len, double v)
{
    char digits[32], grouped[48];
    long long tenths = llround(v * 10.0);
    snprintf(digits, sizeof digits, "%lld", tenths / 10);
    format_group(grouped, sizeof grouped, digits);
    if (tenths % 10 != 0)
        snprintf(out, len, "%s.%d", grouped, (int)(tenths % 10));
    else
        snprintf(out, len, "%s", grouped);
}

/* Drops trailing zeros of a decimal fraction, and the point with them. */
static void format_trim(char *s)
{
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *end = s + strlen(s);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
}

/* Money, one format per language (shared/spec/names-and-maps.md):
 * English "US$45,000", "US$2.69 million", "US$1.2 billion" (three
 * significant digits past a million, no cents at or above a thousand);
 * Chinese grouped by 万 (10^4) and 亿 (10^8) as CLDR's compact zh formats
 * group, with one decimal at most: "4.5万美元", "269.4万美元", "3.2亿美元",
 * and no space before the measure word. */
static void format_money(char *buf, size_t len, double mag, int neg, const char *number,
                         const char *lang)
{
    const char *sign = neg ? "-" : "";
    char scaled[80];

    if (format_is_zh(lang)) {
        /* 美元, 万美元, 亿美元 */
        if (mag >= 1e4 && mag < FORMAT_TENTHS_LIMIT) {
            int yi = llround(mag / 1e3) >= 100000; /* 9,999.96万 would round to 10,000万 */
            format_tenths(scaled, sizeof scaled, mag / (yi ? 1e8 : 1e4));
            snprintf(buf, len, "%s%s%s\u7f8e\u5143", sign, scaled, yi ? "\u4ebf" : "\u4e07");
        } else {
            snprintf(buf, len, "%s%s\u7f8e\u5143", sign, number);
        }
        return;
    }
    if (mag >= 999.5e3 && mag < FORMAT_TENTHS_LIMIT) {
        int billion = mag >= 999.5e6;
        double v = mag / (billion ? 1e9 : 1e6);
        /* three significant digits: 2.69, 10.5, 123 */
        int decimals = v < 9.995 ? 2 : v < 99.95 ? 1 : 0;
        long long scaled_int = llround(v * (decimals == 2 ? 100.0 : decimals ? 10.0 : 1.0));
        if (decimals == 2)
            snprintf(scaled, sizeof scaled, "%lld.%02lld", scaled_int / 100, scaled_int % 100);
        else if (decimals == 1)
            snprintf(scaled, sizeof scaled, "%lld.%lld", scaled_int / 10, scaled_int % 10);
        else
            snprintf(scaled, sizeof scaled, "%lld", scaled_int);
        format_trim(scaled);
        snprintf(buf, len, "%sUS$%s %s", sign, scaled, billion ? "billion" : "million");
        return;
    }
    snprintf(buf, len, "%sUS$%s", sign, number);
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
    if (unit == SSC_UNIT_USD && mag < 999.995 && mag != floor(mag)) {
        /* cents below a thousand only */
        long long cents = llround(mag * 100.0);
        if (cents % 100)
            snprintf(number, sizeof number, "%lld.%02lld", cents / 100, cents % 100);
        else
            snprintf(number, sizeof number, "%lld", cents / 100);
        if (cents == 0)
            neg = 0;
    } else if (unit == SSC_UNIT_USD && mag < FORMAT_TENTHS_LIMIT) {
        snprintf(digits, sizeof digits, "%lld", llround(mag));
        format_group(number, sizeof number, digits);
        if (llround(mag) == 0)
            neg = 0;
    } else if (mag < FORMAT_TENTHS_LIMIT) {
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
        format_money(buf, len, mag, neg, number, lang);
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

const char *ssc_format_value(char *buf, size_t len, double value, ssc_unit unit,
                             const char *lang)
{
    return ssc_format_number(buf, len, value, unit, lang);
}
