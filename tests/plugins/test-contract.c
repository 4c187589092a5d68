/* SPDX-License-Identifier: MIT */
/* The plugin contract: good modules load, and every kind of broken module
 * is refused with a message naming the file and what to do. */
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "data/peek.h"
#include "error.h"
#include "loader.h"

static char dir[4096];

static int contains(const char *hay, const char *needle)
{
    int ok = strstr(hay, needle) != NULL;
    if (!ok)
        fprintf(stderr, "  \"%s\" does not contain \"%s\"\n", hay, needle);
    return ok;
}

/* Loads name and expects a refusal mentioning every string in want. */
static void expect_refused(ssc_loader *ld, const char *name, const char *const *want)
{
    const ssc_plugin_info *info = NULL;
    ssc_error err;
    ssc_error_clear(&err);
    CHECK(ssc_loader_get(ld, name, &info, &err) == SSC_ERR);
    CHECK(err.set);
    for (; *want; want++)
        CHECK(contains(err.message, *want));
}

static void count_plugin(const ssc_plugin_info *info, void *ctx)
{
    (void)info;
    (*(int *)ctx)++;
}

static int dummy_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *t,
                         ssc_error *e)
{
    (void)p;
    (void)s;
    (void)t;
    (void)e;
    return 0;
}

int main(void)
{
    const char *top = getenv("top_builddir");
    const ssc_plugin_info *info = NULL;
    ssc_loader *ld = NULL;
    ssc_error err;

    ssc_error_clear(&err);
    snprintf(dir, sizeof dir, "%s/tests/plugins/modules", top ? top : ".");
    const char *dirs[] = {dir};
    CHECK(ssc_loader_new(&ld, dirs, 1, &err) == SSC_OK);
    if (!ld)
        return check_done();

    /* a good module, by name, with its descriptor copied */
    CHECK(ssc_loader_get(ld, "good", &info, &err) == SSC_OK);
    if (info) {
        CHECK_STR(info->desc.name, "good");
        CHECK_STR(info->desc.version, "0.1");
        CHECK_STR(info->desc.summary, "Counts every project");
        CHECK(info->desc.compute != NULL);
        CHECK(info->desc.render == NULL);
        CHECK(contains(info->file, "/tests/plugins/modules/good.la"));
    }
    /* loading twice gives the same plugin */
    const ssc_plugin_info *again = NULL;
    CHECK(ssc_loader_get(ld, "good", &again, &err) == SSC_OK);
    CHECK(again == info);

    /* both versions are named: the plugin's and the engine's */
    char engine_abi[32], newer_abi[32];
    snprintf(engine_abi, sizeof engine_abi, "ABI %d.%d", SSC_ABI_MAJOR, SSC_ABI_MINOR);
    snprintf(newer_abi, sizeof newer_abi, "ABI %d.%d", SSC_ABI_MAJOR, SSC_ABI_MINOR + 1);
    expect_refused(ld, "wrong-abi", (const char *const[]){"wrong-abi.la", "ABI 99.0", engine_abi,
                                                          "rebuild", NULL});
    expect_refused(ld, "newer-minor", (const char *const[]){"newer-minor.la", newer_abi,
                                                            engine_abi, NULL});
    expect_refused(ld, "no-descriptor",
                   (const char *const[]){"no-descriptor.la", "no plugin descriptor",
                                         "no_descriptor_LTX_ssc_plugin", "SSC_METRIC_PLUGIN",
                                         NULL});
    expect_refused(ld, "name-mismatch",
                   (const char *const[]){"name-mismatch.la", "something-else",
                                         "\"name-mismatch\"", NULL});
    expect_refused(ld, "missing-hook",
                   (const char *const[]){"missing-hook.la", "no compute hook", ".compute",
                                         NULL});
    /* a call the engine cannot resolve is refused when loading, with the
     * symbol named, never a "symbol lookup error" mid-render */
    expect_refused(ld, "undefined-symbol",
                   (const char *const[]){"undefined-symbol.la", "\"undefined-symbol\"",
                                         "undefined symbol ssc_table_add_row_misspelt",
                                         "-z defs", NULL});
    expect_refused(ld, "not-there", (const char *const[]){"no plugin \"not-there\"", dir, NULL});
    /* names are file names: nothing that could leave the plugin folders */
    expect_refused(ld, "../plugins/good", (const char *const[]){"is not a plugin name", NULL});
    expect_refused(ld, "", (const char *const[]){"is not a plugin name", NULL});

    /* listing reads the descriptors from the files, without loading:
     * the good ones are listed, the refused ones reported with the
     * reasons loading gives.  A call to a function the engine lacks is
     * told only where the engine's functions are visible (the command,
     * linked with -export-dynamic), not in this test program. */
    int n = 0;
    ssc_diag problems;
    ssc_peek *pk = NULL;
    ssc_diag_init(&problems, 0);
    CHECK(ssc_peek_each(ld, count_plugin, &n, &problems, &pk, &err) == SSC_OK);
    CHECK_INT(n, dlsym(RTLD_DEFAULT, "ssc_table_add") ? 2 : 3); /* good, failing */
    CHECK_INT(ssc_diag_total(&problems), dlsym(RTLD_DEFAULT, "ssc_table_add") ? 6 : 5);
    const char *const reasons[] = {"wrong-abi.la: plugin ABI 99.0", "newer-minor.la: plugin ABI",
                                   /* one string in two pieces: parenthesised, so
                                    * clang's -Wstring-concatenation sees it meant */
                                   ("no-descriptor.la: no plugin descriptor (symbol "
                                    "no_descriptor_LTX_ssc_plugin)"),
                                   "name-mismatch.la: plugin calls itself",
                                   "missing-hook.la: plugin \"missing-hook\" has no compute hook"};
    for (size_t k = 0; k < sizeof reasons / sizeof *reasons; k++) {
        int found = 0;
        for (size_t i = 0; i < problems.count; i++)
            found |= strstr(problems.lines[i], reasons[k]) != NULL;
        if (!found)
            fprintf(stderr, "  no refusal with \"%s\"\n", reasons[k]);
        CHECK(found);
    }
    ssc_diag_free(&problems);
    ssc_peek_free(pk);
    /* one module by name, its options and hooks as declared */
    const ssc_plugin_info *peeked = NULL;
    CHECK(ssc_peek_one(ld, "good", &peeked, &pk, &err) == SSC_OK);
    if (peeked) {
        CHECK_STR(peeked->desc.name, "good");
        CHECK_STR(peeked->desc.summary, "Counts every project");
        CHECK_STR(peeked->desc.version, "0.1");
        CHECK(peeked->desc.kind == SSC_PLUGIN_METRIC);
        CHECK(peeked->desc.compute != NULL && peeked->desc.render == NULL);
        CHECK(contains(peeked->file, "good.la"));
    }
    ssc_peek_free(pk);
    ssc_error_clear(&err);
    CHECK(ssc_peek_one(ld, "not-there", &peeked, &pk, &err) == SSC_ERR);
    CHECK(contains(err.message, "no plugin \"not-there\""));
    ssc_peek_free(pk);
    ssc_loader_free(ld);

    /* an older plugin with a shorter descriptor: the tail reads as zero */
    ssc_plugin old, copy;
    memset(&old, 0xAB, sizeof old);
    old.abi_major = SSC_ABI_MAJOR;
    old.abi_minor = 0;
    old.struct_size = offsetof(ssc_plugin, render) + sizeof old.render; /* ABI 1.0 */
    old.name = "old";
    old.summary = "s";
    old.version = "1";
    old.kind = SSC_PLUGIN_METRIC;
    old.default_chart = SSC_CHART_BAR;
    old.options = NULL;
    old.compute = dummy_compute;
    old.render = NULL;
    CHECK(ssc_loader_check(&old, "old.la", "old", &copy, &err) == SSC_OK);
    CHECK(copy.render == NULL);
    CHECK(copy.compute == dummy_compute);
    CHECK(copy.extensions == NULL); /* past the 1.0 descriptor: zero, not 0xAB */
    CHECK(copy.read == NULL);
    /* a descriptor too short to hold the 1.0 fields is refused */
    old.struct_size = offsetof(ssc_plugin, compute);
    ssc_error_clear(&err);
    CHECK(ssc_loader_check(&old, "old.la", "old", &copy, &err) == SSC_ERR);
    CHECK(contains(err.message, "SSC_METRIC_PLUGIN"));
    /* a custom chart without a render hook is refused */
    old.struct_size = sizeof old;
    old.default_chart = SSC_CHART_CUSTOM;
    old.render = NULL;
    ssc_error_clear(&err);
    CHECK(ssc_loader_check(&old, "old.la", "old", &copy, &err) == SSC_ERR);
    CHECK(contains(err.message, "render hook"));
    return check_done();
}
