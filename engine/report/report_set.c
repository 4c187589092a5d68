/* SPDX-License-Identifier: MIT */
/* --set KEY=VALUE: overriding one scalar setting of a report from the
 * command line, before the report is checked, so an override is checked
 * exactly like a value written in the file. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/* The schema path of a config path: list indices dropped
 * ("sections.[2].title" and "sections.2.title" -> "sections.title"). */
static void report_set_schema_path(const char *key, char *out, size_t len)
{
    size_t o = 0;
    const char *p = key;

    while (*p && o + 1 < len) {
        const char *dot = strchr(p, '.');
        size_t seg = dot ? (size_t)(dot - p) : strlen(p);
        int index = seg > 0 && (p[0] == '[' || (p[0] >= '0' && p[0] <= '9'));
        if (!index) {
            if (o && o + 1 < len)
                out[o++] = '.';
            for (size_t i = 0; i < seg && o + 1 < len; i++)
                out[o++] = p[i];
        }
        p += seg;
        if (*p == '.')
            p++;
    }
    out[o] = '\0';
}

static int report_set_parse_int(const char *v, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < INT_MIN || n > INT_MAX)
        return -1;
    *out = (int)n;
    return 0;
}

/* libconfig accepts "sections.[2].title"; users write "sections.2.title". */
static void report_set_config_path(const char *key, char *out, size_t len)
{
    size_t o = 0;
    const char *p = key;
    while (*p && o + 4 < len) {
        const char *dot = strchr(p, '.');
        size_t seg = dot ? (size_t)(dot - p) : strlen(p);
        int digits = seg > 0 && strspn(p, "0123456789") == seg;
        if (digits)
            out[o++] = '[';
        for (size_t i = 0; i < seg && o + 3 < len; i++)
            out[o++] = p[i];
        if (digits)
            out[o++] = ']';
        p += seg;
        if (*p == '.') {
            out[o++] = '.';
            p++;
        }
    }
    out[o] = '\0';
}

/* An unknown key, with the nearest known one at its place when close
 * ("subtilte" -> "subtitle", "sections.0.titel" -> "sections.0.title"). */
static int report_set_unknown(const char *assignment, const char *key, const char *schema,
                              ssc_error *err)
{
    char prefix[300];
    const char *sdot = strrchr(schema, '.'), *kdot = strrchr(key, '.'), *near;

    snprintf(prefix, sizeof prefix, "%.*s", sdot ? (int)(sdot - schema) : 0, schema);
    near = ssc_report_nearest_key(sdot ? prefix : NULL, sdot ? sdot + 1 : schema);
    if (!near)
        return ssc_error_set(err, "--set %s: the report has no setting \"%s\"", assignment, key);
    return ssc_error_set(err,
                         "--set %s: the report has no setting \"%s\"; did you mean \"%.*s%s\"?",
                         assignment, key, kdot ? (int)(kdot - key + 1) : 0, key, near);
}

int ssc_report_apply_set(config_t *cfg, const char *assignment, config_setting_t **changed,
                         ssc_error *err)
{
    char key[256], cpath[300], schema[256];
    const char *eq = strchr(assignment, '=');
    const char *value;
    config_setting_t *s;
    int type, n;

    if (!eq || eq == assignment || (size_t)(eq - assignment) >= sizeof key)
        return ssc_error_set(err, "--set %s: expected KEY=VALUE, e.g. --set language=zh",
                             assignment);
    memcpy(key, assignment, (size_t)(eq - assignment));
    key[eq - assignment] = '\0';
    value = eq + 1;
    report_set_schema_path(key, schema, sizeof schema);
    report_set_config_path(key, cpath, sizeof cpath);

    s = config_lookup(cfg, cpath);
    if (s) {
        type = config_setting_type(s);
    } else {
        /* A key the file leaves out: create it in its parent group. */
        type = ssc_report_key_type(schema);
        const char *dot = strrchr(cpath, '.');
        config_setting_t *parent;
        if (!type)
            return report_set_unknown(assignment, key, schema, err);
        if (dot) {
            char ppath[300];
            memcpy(ppath, cpath, (size_t)(dot - cpath));
            ppath[dot - cpath] = '\0';
            parent = config_lookup(cfg, ppath);
            if (!parent && !strchr(ppath, '.') && ssc_report_key_type(ppath) == CONFIG_TYPE_GROUP)
                parent = config_setting_add(config_root_setting(cfg), ppath, CONFIG_TYPE_GROUP);
        } else {
            parent = config_root_setting(cfg);
        }
        if (!parent || config_setting_type(parent) != CONFIG_TYPE_GROUP)
            return ssc_error_set(err, "--set %s: cannot add \"%s\" to this report", assignment,
                                 key);
        s = config_setting_add(parent, dot ? dot + 1 : cpath, type);
        if (!s)
            return ssc_error_set(err, "--set %s: cannot add \"%s\" to this report", assignment,
                                 key);
    }
    *changed = s;
    switch (type) {
    case CONFIG_TYPE_STRING:
        if (!config_setting_set_string(s, value))
            return ssc_error_oom(err);
        return SSC_OK;
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        if (report_set_parse_int(value, &n) != 0)
            return ssc_error_set(err, "--set %s: %s expects a whole number", assignment, key);
        if (type == CONFIG_TYPE_INT64 ? !config_setting_set_int64(s, n)
                                      : !config_setting_set_int(s, n))
            return ssc_error_oom(err);
        return SSC_OK;
    case CONFIG_TYPE_BOOL:
        if (strcmp(value, "true") && strcmp(value, "false"))
            return ssc_error_set(err, "--set %s: %s expects true or false", assignment, key);
        config_setting_set_bool(s, value[0] == 't');
        return SSC_OK;
    case CONFIG_TYPE_FLOAT: {
        char *end;
        double d = strtod(value, &end);
        /* plain decimals only: strtod also reads "nan", "inf" and hex */
        if (end == value || *end || !isfinite(d) || strspn(value, "+-0123456789.") != strlen(value))
            return ssc_error_set(err, "--set %s: %s expects a number", assignment, key);
        config_setting_set_float(s, d);
        return SSC_OK;
    }
    default:
        return ssc_error_set(err,
                             "--set %s: \"%s\" is not a single value (only strings and numbers "
                             "can be set from the command line)",
                             assignment, key);
    }
}
