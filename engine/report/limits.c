/* SPDX-License-Identifier: MIT */
/* What a report or engine settings file may hold (see limits.h). */
#include "report/limits.h"

#include <stdio.h>
#include <string.h>

#include "data/csv.h"
#include "data/input.h"

/* The line of data[off]. */
static long limits_line(const char *data, size_t off)
{
    long line = 1;

    for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + off - p))) != NULL; p++)
        line++;
    return line;
}

/* The deepest nesting of { [ ( in a libconfig text, strings and comments
 * left aside; returns the offset of the bracket that passes the limit, or
 * len. */
static size_t limits_nesting(const char *s, size_t len)
{
    int depth = 0;

    for (size_t i = 0; i < len; i++) {
        char c = s[i];

        if (c == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
        } else if (c == '#' || (c == '/' && i + 1 < len && s[i + 1] == '/')) {
            while (i < len && s[i] != '\n')
                i++;
        } else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
            for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++)
                ;
            i++;
        } else if (c == '{' || c == '[' || c == '(') {
            if (++depth > SSC_LIMIT_DEPTH)
                return i;
        } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
            depth--;
        }
    }
    return len;
}

int ssc_limits_file(const char *path, ssc_error *err)
{
    ssc_input in;
    size_t bad;
    const char *nul;

    if (ssc_input_read(&in, path, path, SSC_LIMIT_FILE_BYTES, NULL, NULL, err) != SSC_OK)
        return SSC_ERR;
    nul = memchr(in.data, '\0', in.len);
    bad = ssc_csv_utf8_check(in.data, nul ? (size_t)(nul - in.data) : in.len);
    if (nul && bad == (size_t)(nul - in.data)) {
        ssc_error_at(err, path, limits_line(in.data, bad),
                     "a NUL byte: this is not a text file");
    } else if (bad < in.len) {
        ssc_error_at(err, path, limits_line(in.data, bad),
                     "not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
                     (unsigned char)in.data[bad]);
    } else if ((bad = limits_nesting(in.data, in.len)) < in.len) {
        ssc_error_at(err, path, limits_line(in.data, bad), "nested more than %d levels",
                     SSC_LIMIT_DEPTH);
    } else {
        ssc_input_free(&in);
        return SSC_OK;
    }
    ssc_input_free(&in);
    return SSC_ERR;
}

/* "sections.[2].title": s's path as config_lookup reads it. */
static void limits_path(const config_setting_t *s, char *out, size_t size)
{
    const config_setting_t *chain[SSC_LIMIT_DEPTH + 2];
    int n = 0;
    size_t o = 0;

    for (; s && !config_setting_is_root(s) && n < SSC_LIMIT_DEPTH + 2; s = config_setting_parent(s))
        chain[n++] = s;
    out[0] = '\0';
    while (n-- > 0 && o < size) {
        const char *name = config_setting_name(chain[n]);
        int w = name ? snprintf(out + o, size - o, "%s%s", o ? "." : "", name)
                     : snprintf(out + o, size - o, "%s[%d]", o ? "." : "",
                                config_setting_index(chain[n]));
        o = w < 0 ? size : o + (size_t)w;
    }
}

static const config_setting_t *limits_visit(const config_setting_t *s, int depth, char *why,
                                            size_t size)
{
    char path[200];
    int type = config_setting_type(s), n;

    if (type == CONFIG_TYPE_STRING) {
        const char *v = config_setting_get_string(s);
        size_t len = strlen(v), bad = ssc_csv_utf8_check(v, len);

        if (bad < len) {
            limits_path(s, path, sizeof path);
            snprintf(why, size, "%s: not valid UTF-8 (byte 0x%02X at byte %zu of the text)",
                     path, (unsigned char)v[bad], bad + 1);
            return s;
        }
        if (len > SSC_LIMIT_TEXT) {
            limits_path(s, path, sizeof path);
            snprintf(why, size, "%s: a text of %zu bytes, more than the %d a text may have",
                     path, len, SSC_LIMIT_TEXT);
            return s;
        }
        return NULL;
    }
    if (!config_setting_is_aggregate(s))
        return NULL;
    if (depth > SSC_LIMIT_DEPTH) {
        limits_path(s, path, sizeof path);
        snprintf(why, size, "%s: nested more than %d levels", path, SSC_LIMIT_DEPTH);
        return s;
    }
    n = config_setting_length(s);
    if (n > SSC_LIMIT_LIST) {
        limits_path(s, path, sizeof path);
        snprintf(why, size, "%s: %d elements, more than the %d a list may have", path, n,
                 SSC_LIMIT_LIST);
        return s;
    }
    for (int i = 0; i < n; i++) {
        const config_setting_t *bad =
            limits_visit(config_setting_get_elem(s, (unsigned)i), depth + 1, why, size);
        if (bad)
            return bad;
    }
    return NULL;
}

const config_setting_t *ssc_limits_walk(const config_setting_t *root, char *why, size_t size)
{
    why[0] = '\0';
    return root ? limits_visit(root, 0, why, size) : NULL;
}
