/* SPDX-License-Identifier: MIT */
/* Section accessors for plugins, and option checking (see section.h). */
#include "report/section.h"

#include <string.h>

#include "report/label.h"
#include "report/period.h"

const char *ssc_section_title(const ssc_section *s)
{
    return s && s->def->title ? s->def->title : "";
}

const char *ssc_section_language(const ssc_section *s)
{
    return s ? s->report->language : "en";
}

int ssc_section_is_member(const ssc_section *s, const char *institution)
{
    if (!s || s->report->members.count == 0)
        return -1;
    for (size_t i = 0; institution && i < s->report->members.count; i++)
        if (strcmp(s->report->members.items[i], institution) == 0)
            return 1;
    return 0;
}

static const config_setting_t *section_option(const ssc_section *s, const char *name)
{
    return s && s->def->options ? config_setting_get_member(s->def->options, name) : NULL;
}

const char *ssc_section_option_string(const ssc_section *s, const char *name)
{
    const config_setting_t *o = section_option(s, name);
    return o ? config_setting_get_string(o) : NULL;
}

long ssc_section_option_int(const ssc_section *s, const char *name, long dflt)
{
    const config_setting_t *o = section_option(s, name);
    if (!o)
        return dflt;
    if (config_setting_type(o) == CONFIG_TYPE_INT64)
        return (long)config_setting_get_int64(o);
    if (config_setting_type(o) == CONFIG_TYPE_INT)
        return config_setting_get_int(o);
    return dflt;
}

/* "a|b|c" contains v as a whole item. */
static int section_in_choices(const char *choices, const char *v)
{
    size_t n = strlen(v);
    for (const char *p = choices; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, v, n) == 0)
            return 1;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
}

int ssc_section_check_options(const ssc_section *s, ssc_error *err)
{
    const config_setting_t *g = s->def->options;
    const char *file = s->report->path;

    for (int i = 0; g && i < config_setting_length(g); i++) {
        const config_setting_t *o = config_setting_get_elem(g, (unsigned)i);
        const char *name = config_setting_name(o);
        long line = config_setting_source_line(o);
        const ssc_option *decl = NULL;
        for (const ssc_option *d = s->plugin->options; d && d->name && !decl; d++)
            if (strcmp(d->name, name) == 0)
                decl = d;
        if (!decl) {
            char known[256] = "";
            for (const ssc_option *d = s->plugin->options; d && d->name; d++) {
                size_t u = strlen(known);
                snprintf(known + u, sizeof known - u, "%s%s", u ? ", " : "", d->name);
            }
            return ssc_error_at(err, file, line,
                                "options.%s: plugin \"%s\" has no such option (it has: %s)", name,
                                s->plugin->name, known[0] ? known : "none");
        }
        int t = config_setting_type(o);
        if (decl->type == SSC_OPTION_STRING) {
            if (t != CONFIG_TYPE_STRING)
                return ssc_error_at(err, file, line, "options.%s: expected a string", name);
            if (decl->choices && !section_in_choices(decl->choices, config_setting_get_string(o)))
                return ssc_error_at(err, file, line,
                                    "options.%s: \"%s\" is not one of %s", name,
                                    config_setting_get_string(o), decl->choices);
        } else {
            if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
                return ssc_error_at(err, file, line, "options.%s: expected a whole number", name);
            long long v = t == CONFIG_TYPE_INT ? config_setting_get_int(o)
                                               : config_setting_get_int64(o);
            if (v < decl->min || v > decl->max)
                return ssc_error_at(err, file, line, "options.%s: %lld is outside %ld to %ld",
                                    name, v, decl->min, decl->max);
        }
    }
    return SSC_OK;
}

const char *ssc_section_label(const ssc_section *s, ssc_key_kind kind, const char *key)
{
    const char *label;
    if (!s || !key)
        return key ? key : "";
    label = ssc_label_key(s->report, s->store, kind, key, NULL, NULL, 0);
    return label ? label : key;
}

ssc_period ssc_section_period(const ssc_section *s)
{
    ssc_period none = {{0, 0, 0}, {0, 0, 0}, 0};
    return s ? s->report->period : none;
}

ssc_period ssc_section_previous_period(const ssc_section *s)
{
    ssc_period p = ssc_section_period(s);
    return p.from.year ? ssc_period_previous(&p) : p;
}

ssc_strings ssc_section_members(const ssc_section *s)
{
    ssc_strings none = {NULL, 0};
    if (!s)
        return none;
    ssc_strings m = {s->report->members.items, s->report->members.count};
    return m;
}
