/* SPDX-License-Identifier: MIT */
/* Choosing a data source: data.format, else the file's extension, names
 * the built-in csv source or a source plugin.  Kept apart from source.c so
 * that the dependencies run one way: this file knows the csv source and
 * the loader, the csv source knows source.c's accessors, and source.c
 * knows no particular source. */
#include "data/source.h"

#include <stdio.h>
#include <string.h>

#include "data/peek.h"
#include "data/source_csv.h"

/* The extension of path's file name (after its last '.'), or NULL. */
static const char *source_extension(const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;
    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

static int source_same_ext(const char *a, size_t alen, const char *b)
{
    size_t i;
    for (i = 0; i < alen && b[i]; i++) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
        if (x != y)
            return 0;
    }
    return i == alen && !b[i];
}

const char *ssc_source_for_extension(const char *path)
{
    static const struct {
        const char *ext, *source;
    } exts[] = {{"csv", "csv"},       {"xml", "iati"},    {"sqlite", "sqlite"},
                {"sqlite3", "sqlite"}, {"db", "sqlite"}};
    const char *ext = path ? source_extension(path) : NULL;

    for (size_t i = 0; ext && i < sizeof exts / sizeof *exts; i++)
        if (source_same_ext(exts[i].ext, strlen(exts[i].ext), ext))
            return exts[i].source;
    return NULL;
}

/* A source plugin that declares ext among its extensions ("sqlite|db"). */
typedef struct source_scan {
    const char *ext;
    const char *found;
} source_scan;

static void source_scan_one(const ssc_plugin_info *info, void *ctx)
{
    source_scan *sc = ctx;
    const char *p = info->desc.extensions;

    if (sc->found || info->desc.kind != SSC_PLUGIN_SOURCE || !p)
        return;
    while (*p) {
        size_t n = strcspn(p, "|");
        if (n && source_same_ext(p, n, sc->ext)) {
            sc->found = info->desc.name;
            return;
        }
        p += n + (p[n] == '|');
    }
}

int ssc_source_find(ssc_loader *ld, const char *format, const char *path,
                    const ssc_plugin **out, ssc_error *err)
{
    const ssc_plugin_info *info;
    const char *name = format, *ext = path ? source_extension(path) : NULL;
    char why[256] = "", found[80];

    *out = NULL;
    if (!name) {
        name = ssc_source_for_extension(path);
        if (!name && ext && ld) {
            /* a plugin may read an extension the engine does not know:
             * the modules' descriptors are read from their files, and
             * only the one that claims it is loaded (no other module's
             * code runs); modules that would be refused do not take part */
            source_scan sc = {ext, NULL};
            ssc_peek *pk = NULL;
            ssc_error ignored;
            ssc_error_clear(&ignored);
            ssc_peek_each(ld, source_scan_one, &sc, NULL, &pk, &ignored);
            if (sc.found && snprintf(found, sizeof found, "%s", sc.found) < (int)sizeof found)
                name = found;
            ssc_peek_free(pk);
        }
        if (!name)
            name = "csv";
        else
            snprintf(why, sizeof why,
                     "reading %s needs the source plugin \"%s\" (chosen by the .%s extension; "
                     "data.format names another source)",
                     path, name, ext);
    }
    if (strcmp(name, "csv") == 0) {
        *out = ssc_csv_source();
        return SSC_OK;
    }
    if (!ld)
        return ssc_error_set(err, "no plugin \"%s\": no plugin folders are configured", name);
    if (ssc_loader_get(ld, name, &info, err) != SSC_OK) {
        if (why[0])
            ssc_error_prefix(err, why);
        return SSC_ERR;
    }
    if (info->desc.kind != SSC_PLUGIN_SOURCE)
        return ssc_error_set(err,
                             "plugin \"%s\" (%s) computes report sections; it is not a data "
                             "source (csv, iati, sqlite or another source plugin)",
                             name, info->file);
    *out = &info->desc;
    return SSC_OK;
}
