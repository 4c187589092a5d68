/* SPDX-License-Identifier: MIT */
/* Nearest names for "did you mean" hints (see nearest.h). */
#include "data/nearest.h"

#include <string.h>

static char nearest_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Names are short (setting names, plugin names, headers): longer words
 * are simply never close. */
#define NEAREST_MAX_LEN 64

int ssc_edit_distance(const char *a, size_t alen, const char *b, size_t blen, int max)
{
    /* three rows of the Damerau-Levenshtein table (optimal string
     * alignment): two back for swaps */
    int rows[3][NEAREST_MAX_LEN + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

    if (alen > NEAREST_MAX_LEN || blen > NEAREST_MAX_LEN)
        return max + 1;
    if ((alen > blen ? alen - blen : blen - alen) > (size_t)max)
        return max + 1;
    for (size_t j = 0; j <= blen; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= alen; i++) {
        int best = cur[0] = (int)i;
        for (size_t j = 1; j <= blen; j++) {
            int same = nearest_lower(a[i - 1]) == nearest_lower(b[j - 1]);
            int v = prev[j - 1] + !same;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && nearest_lower(a[i - 1]) == nearest_lower(b[j - 2]) &&
                nearest_lower(a[i - 2]) == nearest_lower(b[j - 1]) && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[blen] > max ? max + 1 : prev[blen];
}

const char *ssc_nearest(const char *word, const char *const *names, size_t n)
{
    size_t len = word ? strlen(word) : 0;
    int max = len <= 4 ? 1 : len <= 8 ? 2 : 3, best = max + 1;
    const char *found = NULL;

    if (len == 0)
        return NULL;
    if (max >= (int)len)
        max = (int)len - 1;
    for (size_t i = 0; i < n; i++) {
        int d;
        if (!names[i] || strcmp(names[i], word) == 0)
            continue;
        d = ssc_edit_distance(word, len, names[i], strlen(names[i]), max);
        if (d <= max && d < best) {
            best = d;
            found = names[i];
        }
    }
    return found;
}

/* The next character of s[*i..len) that is neither a separator nor a
 * BOM, lower-cased; 0 at the end. */
static char nearest_next(const char *s, size_t len, size_t *i)
{
    while (*i < len) {
        const unsigned char *p = (const unsigned char *)s + *i;
        if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t') {
            (*i)++;
        } else if (*p == 0xC2 && *i + 1 < len && p[1] == 0xA0) {
            *i += 2; /* no-break space */
        } else if (*p == 0xEF && *i + 2 < len && p[1] == 0xBB && p[2] == 0xBF) {
            *i += 3; /* U+FEFF */
        } else {
            return nearest_lower(s[(*i)++]);
        }
    }
    return 0;
}

int ssc_same_name_loosely(const char *s, size_t len, const char *name)
{
    size_t i = 0, j = 0, nlen = strlen(name);
    for (;;) {
        char a = nearest_next(s, len, &i), b = nearest_next(name, nlen, &j);
        if (a != b)
            return 0;
        if (!a)
            return 1;
    }
}
