/* A source that declares start_date optional (ssc_source_optional, ABI
 * 1.2, engine/data/source.c and rowcheck.c), one that does not, and what
 * the engine then does with a project without a start date: no start year
 * (year 0), kept by a report without year filters, left out by one with.
 *
 * A fake source plays the plugin, handing over projects written here as
 * "column=value|column=value" strings, one per row number from 1.  Every
 * expected value and message comes from those strings and the rules of
 * docs/portfolio-csv.md and docs/plugin-guide.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "loader.h"
#include "data/source.h"
#include "data/store.h"
#include "report/filter.h"
#include "report/report.h"

/* ---- the fake source --------------------------------------------------- */

static struct fake {
    const char *const *rows; /* NULL-terminated */
    const char *optional;    /* declared with ssc_source_optional before the rows */
    const char *late;        /* declared after the first row (a misuse) */
    int optional_rc, late_rc;
} fake;

/* Hands over "a=1|b=2" as the project of line. */
static int fake_project(ssc_source *src, long line, const char *text)
{
    char buf[1024], *item, *save = NULL;

    snprintf(buf, sizeof buf, "%s", text);
    if (ssc_source_begin(src, line) != SSC_OK)
        return SSC_ERR;
    for (item = strtok_r(buf, "|", &save); item; item = strtok_r(NULL, "|", &save)) {
        char *eq = strchr(item, '=');
        if (!eq)
            continue;
        *eq = '\0';
        if (ssc_source_set(src, item, eq + 1, strlen(eq + 1)) != SSC_OK)
            return SSC_ERR;
    }
    return ssc_source_end(src);
}

static int fake_read(ssc_source *src, ssc_error *err)
{
    (void)err;
    if (fake.optional && (fake.optional_rc = ssc_source_optional(src, fake.optional)) != SSC_OK)
        return SSC_ERR;
    for (long i = 0; fake.rows && fake.rows[i]; i++) {
        if (fake_project(src, i + 1, fake.rows[i]) != SSC_OK)
            return SSC_ERR;
        if (i == 0 && fake.late && (fake.late_rc = ssc_source_optional(src, fake.late)) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

/* Built against this header: ABI 1.2, which has ssc_source_optional. */
static const ssc_plugin fake_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = SSC_ABI_MINOR,
    .struct_size = sizeof(ssc_plugin),
    .name = "fake",
    .kind = SSC_PLUGIN_SOURCE,
    .extensions = "fake",
    .read = fake_read,
};

/* A source built before ABI 1.2: the same hook, which never declares. */
static const ssc_plugin old_plugin = {
    .abi_major = SSC_ABI_MAJOR,
    .abi_minor = 1,
    .struct_size = sizeof(ssc_plugin),
    .name = "old",
    .kind = SSC_PLUGIN_SOURCE,
    .extensions = "old",
    .read = fake_read,
};

typedef struct run {
    int rc;
    ssc_store *st;
    ssc_portfolio view;
    ssc_diag d;
    ssc_error err;
} run;

static void run_rows(run *r, const ssc_plugin *plugin, const char *const *rows)
{
    ssc_source_opts o = {.path = "t.src", .language = "en"};

    fake.rows = rows;
    memset(r, 0, sizeof *r);
    ssc_diag_init(&r->d, 0);
    ssc_error_clear(&r->err);
    r->rc = ssc_source_read(plugin, &o, &r->st, &r->d, NULL, &r->err);
    if (r->st)
        ssc_portfolio_all(&r->view, r->st);
}

static void run_free(run *r)
{
    ssc_store_free(r->st);
    ssc_diag_free(&r->d);
    memset(&fake, 0, sizeof fake);
}

/* Whether some problem line is exactly want. */
static int listed(const ssc_diag *d, const char *want)
{
    for (size_t i = 0; i < d->count; i++)
        if (strcmp(d->lines[i], want) == 0)
            return 1;
    fprintf(stderr, "  no problem line \"%s\"; the lines:\n", want);
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "    %s\n", d->lines[i]);
    return 0;
}

#define BASE "title=T|lead_institution=L|countries=KEN|sector=water|status=ongoing"

/* P1 starts in 2014; P2 gives no start date; P3 an empty one; P4 an end
 * date but no start, which is no "end before start". */
static const char *const undated_rows[] = {
    "id=P1|start_date=2014-07|" BASE,
    "id=P2|" BASE,
    "id=P3|start_date= |" BASE,
    "id=P4|end_date=2001|" BASE,
    NULL,
};

/* ---- tests ------------------------------------------------------------- */

/* Declared optional: every project is kept, those without a start date
 * with year 0 ("no date" in plugin.h); the end date is kept alone. */
static void test_declared(void)
{
    run r;

    fake.optional = "start_date";
    run_rows(&r, &fake_plugin, undated_rows);
    CHECK_INT(fake.optional_rc, SSC_OK);
    CHECK_INT(r.rc, SSC_OK);
    CHECK_INT(r.d.count, 0);
    CHECK_INT(ssc_portfolio_count(&r.view), 4);
    for (size_t i = 0; r.st && i < 4; i++) {
        ssc_date d = ssc_project_start(&r.view, i);
        int dated = i == 0;

        CHECK_INT(d.year, dated ? 2014 : 0);
        CHECK_INT(d.month, dated ? 7 : 0);
        CHECK_INT(d.day, 0);
    }
    if (r.st)
        CHECK_INT(ssc_project_end(&r.view, 3).year, 2001);
    run_free(&r);

    /* A start date that is given is still checked. */
    static const char *const bad[] = {"id=P1|start_date=2014-13|" BASE, NULL};
    fake.optional = "start_date";
    run_rows(&r, &fake_plugin, bad);
    CHECK_INT(r.rc, SSC_ERR);
    CHECK(listed(&r.d, "t.src:1: start_date: 2014-13 is not a calendar date (months run "
                       "from 01 to 12)"));
    run_free(&r);
}

/* Not declared, by a source of ABI 1.2 or one built for 1.1: start_date
 * stays required, with the message every source gives. */
static void test_not_declared(void)
{
    const ssc_plugin *plugins[2] = {&fake_plugin, &old_plugin};
    ssc_plugin copy;
    ssc_error err;
    run r;

    /* the old descriptor loads as it did */
    ssc_error_clear(&err);
    CHECK_INT(ssc_loader_check(&old_plugin, "old.la", "old", &copy, &err), SSC_OK);
    for (int k = 0; k < 2; k++) {
        run_rows(&r, plugins[k], undated_rows);
        CHECK_INT(r.rc, SSC_ERR);
        CHECK(r.st == NULL);
        CHECK(listed(&r.d, "t.src:2: start_date: required, but not given"));
        CHECK(listed(&r.d, "t.src:3: start_date: required, but empty"));
        CHECK(listed(&r.d, "t.src:4: start_date: required, but not given"));
        CHECK_INT(r.d.count, 3);
        run_free(&r);
    }
}

/* Misuse fails the read, naming the plugin and what to do. */
static void test_misuse(void)
{
    run r;

    fake.late = "start_date";
    run_rows(&r, &fake_plugin, undated_rows);
    CHECK_INT(fake.late_rc, SSC_ERR);
    CHECK_INT(r.rc, SSC_ERR);
    CHECK(strstr(r.err.message, "source plugin \"fake\"") != NULL);
    CHECK(strstr(r.err.message, "after the first project") != NULL);
    run_free(&r);

    /* only start_date: no other required column has a meaning when absent */
    static const char *const others[] = {"title", "id", "countries", "status", "no-such", NULL};
    for (int i = 0; others[i]; i++) {
        fake.optional = others[i];
        run_rows(&r, &fake_plugin, undated_rows);
        CHECK_INT(fake.optional_rc, SSC_ERR);
        CHECK_INT(r.rc, SSC_ERR);
        CHECK(strstr(r.err.message, "only start_date may be declared optional") != NULL);
        run_free(&r);
    }
}

/* A project without a start year passes no year bound, and any other
 * filter as usual (docs/report-format.md, filters). */
static void test_filters(void)
{
    static const struct {
        int min, max;
        size_t kept; /* of undated_rows: P1 (2014) and three without a year */
    } cases[] = {{0, 0, 4}, {2000, 0, 1}, {0, 2020, 1}, {2000, 2020, 1}, {2015, 0, 0},
                 {0, 2013, 0}};
    ssc_report rep;
    ssc_portfolio view;
    ssc_error err;
    run r;

    fake.optional = "start_date";
    run_rows(&r, &fake_plugin, undated_rows);
    CHECK_INT(r.rc, SSC_OK);
    for (size_t i = 0; r.st && i < sizeof cases / sizeof cases[0]; i++) {
        memset(&rep, 0, sizeof rep);
        rep.start_year_min = cases[i].min;
        rep.start_year_max = cases[i].max;
        ssc_error_clear(&err);
        CHECK_INT(ssc_filter_apply(&rep, r.st, &view, &err), SSC_OK);
        CHECK_INT(view.count, cases[i].kept);
        if (cases[i].kept == 1)
            CHECK_STR(ssc_project_id(&view, 0), "P1");
        ssc_portfolio_release(&view);
    }
    run_free(&r);
}

int main(void)
{
    test_declared();
    test_not_declared();
    test_misuse();
    test_filters();
    return check_done();
}
