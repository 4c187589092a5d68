/* SPDX-License-Identifier: MIT */
/* Report definitions (engine/report/report.c, engine/report/report_set.c): every report
 * is written by this test into a temporary folder, loaded with
 * ssc_report_load, and the values or the error (file, line, message) are
 * checked.  Expected lines are counted in the text written here (line_of),
 * never copied from the program's output. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "report/report.h"
#include "report/section.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

static char tmpdir[4096];
static char paths[64][4200];
static int n_paths;

/* Writes text to a file called name in the temporary folder; returns its path. */
static const char *write_report(const char *name, const char *text)
{
    char *path = paths[n_paths++ % 64];
    FILE *fp;

    snprintf(path, sizeof paths[0], "%s/%s", tmpdir, name);
    fp = fopen(path, "w");
    if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(99);
    }
    return path;
}

/* The line (from 1) of the first occurrence of needle in text. */
static long line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    long line = 1;
    if (!at) {
        fprintf(stderr, "test bug: \"%s\" is not in the report text\n", needle);
        exit(99);
    }
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

/* Loads text (written as name) with the given --set overrides, expecting
 * failure; checks the error's file, line (-1: do not check) and message
 * prefix.  Failures name the file, as the caller is a loop over a table. */
static void expect_error(const char *name, const char *text, const char *const *sets,
                         size_t n_sets, long line, const char *prefix)
{
    ssc_report r;
    ssc_error err;
    const char *path = write_report(name, text);

    CHECK_ROW("%s", name);
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, sets, n_sets, &err), SSC_ERR);
    CHECK(err.set);
    if (line >= 0) {
        CHECK_STR(err.file, path);
        CHECK_INT(err.line, line);
    }
    CHECK_PREFIX(err.message, prefix);
    CHECK_ROW_END();
    ssc_report_free(&r);
}

/* ---- values read back: row types shared by the reports below ----------- */

/* A row: a string field of the report and its value (NULL: unset). */
struct str_field { const char *name; size_t offset; const char *want; };
#define STR(f) #f, offsetof(ssc_report, f)

/* A row: a number field of the report (an int or a size_t) and its value. */
struct num_field { const char *name; size_t offset, size; long long want; };
#define NUM(f) #f, offsetof(ssc_report, f), sizeof(((ssc_report *)0)->f)

/* A row: one section, in order; caption NULL: none; line_at: the text
 * whose line the section records (NULL: not checked). */
struct section_row {
    const char *plugin, *title, *caption;
    ssc_chart_kind chart;
    const char *line_at;
};

/* A row: the label a sector code gets. */
struct label_row { const char *code, *want; };

#define CHECK_STR_OR_NULL(got, want)                                                        \
    do { if (want) CHECK_STR(got, want); else CHECK((got) == NULL); } while (0)

static void check_fields(const ssc_report *r, const char *name, const struct str_field *strs,
                         size_t n_strs, const struct num_field *nums, size_t n_nums)
{
    const char *base = (const char *)r;

    for (size_t i = 0; i < n_strs; i++) {
        const char *s;
        memcpy(&s, base + strs[i].offset, sizeof s);
        CHECK_ROW("%s: %s", name, strs[i].name);
        CHECK_STR_OR_NULL(s, strs[i].want);
    }
    for (size_t i = 0; i < n_nums; i++) {
        long long got;
        if (nums[i].size == sizeof(int)) {
            int v;
            memcpy(&v, base + nums[i].offset, sizeof v);
            got = v;
        } else {
            size_t v;
            memcpy(&v, base + nums[i].offset, sizeof v);
            got = (long long)v;
        }
        CHECK_ROW("%s: %s", name, nums[i].name);
        CHECK_INT(got, nums[i].want);
    }
    CHECK_ROW_END();
}

static void check_sections(const ssc_report *r, const char *name, const char *text,
                           const struct section_row *rows, size_t n)
{
    CHECK_ROW("%s", name);
    CHECK_INT(r->n_sections, n);
    for (size_t i = 0; i < n && i < r->n_sections; i++) {
        const ssc_section_def *s = &r->sections[i];
        CHECK_ROW("%s: sections.%zu", name, i);
        CHECK_STR(s->plugin, rows[i].plugin);
        CHECK_STR(s->title, rows[i].title);
        CHECK_STR_OR_NULL(s->caption, rows[i].caption);
        CHECK_INT(s->chart, rows[i].chart);
        if (rows[i].line_at)
            CHECK_INT(s->line, line_of(text, rows[i].line_at));
    }
    CHECK_ROW_END();
}

static void check_labels(const ssc_report *r, const char *name, const struct label_row *rows,
                         size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CHECK_ROW("%s: label of %s", name, rows[i].code);
        CHECK_STR(ssc_report_sector_label(r, rows[i].code), rows[i].want);
    }
    CHECK_ROW_END();
}

/* A minimal valid report to build on. */
#define MINIMAL                                                                             \
    "title = \"Minimal\";\n"                                                                \
    "data = { path = \"p.csv\"; };\n"                                                       \
    "sections = ( { plugin = \"kpi\"; title = \"K\"; } );\n"

static void test_good_report(void)
{
    static const char text[] =
        "# A report using every key.\n"
        "title = \"Annual meeting 2024\";\n"
        "subtitle = \"Projects, partners & results\";\n"
        "organisation = \"The secretariat\";\n"
        "language = \"en\";\n"
        "date = \"1 March 2024\";\n"
        "output = \"out/annual.pdf\";\n"
        "data = {\n"
        "  path = \"../data/portfolio.csv\";\n"
        "  format = \"csv\";\n"
        "  columns = { id = \"Project code\"; countries = \"Country list\"; };\n"
        "};\n"
        "filters = {\n"
        "  statuses = [ \"ongoing\", \"completed\" ];\n"
        "  start_year_min = 2005;\n"
        "  start_year_max = 2020;\n"
        "  regions = [ \"Africa\", \"Latin America and the Caribbean\" ];\n"
        "  sectors = [ \"water\" ];\n"
        "  lead_institutions = [ \"Institute A\", \"Institute, B\" ];\n"
        "};\n"
        "sectors = (\n"
        "  { code = \"water\"; label = \"Water and sanitation\"; label_zh = \"水\"; "
        "colour = \"#2A7FB8\"; },\n"
        "  { code = \"health\"; label = \"Health\"; }\n"
        ");\n"
        "sections = (\n"
        "  { plugin = \"kpi\"; title = \"At a glance\"; },\n"
        "  { plugin = \"by-region\"; title = \"By region\"; chart = \"hbar\";\n"
        "    caption = \"Counted once per region.\"; },\n"
        "  { plugin = \"by-sdg\"; title = \"By goal\"; chart = \"bar\"; options = { count = "
        "\"primary\"; }; },\n"
        "  { plugin = \"timeline\"; title = \"Starts\"; chart = \"line\"; },\n"
        "  { plugin = \"project-table\"; title = \"Projects\"; chart = \"table\"; },\n"
        "  { plugin = \"kpi\"; title = \"Again\"; chart = \"custom\"; }\n"
        ");\n";
    static const struct str_field strs[] = {
        {STR(title), "Annual meeting 2024"}, {STR(subtitle), "Projects, partners & results"},
        {STR(organisation), "The secretariat"}, {STR(language), "en"},
        {STR(date), "1 March 2024"}, {STR(output), "out/annual.pdf"},
        {STR(data_format), "csv"},
    };
    static const struct num_field nums[] = {
        {NUM(n_renames), 2},    {NUM(statuses.count), 2}, {NUM(start_year_min), 2005},
        {NUM(regions.count), 2}, {NUM(sectors.count), 1},  {NUM(start_year_max), 2020},
        {NUM(leads.count), 2},  {NUM(n_sector_defs), 2},
    };
    static const ssc_rename renames[] = {{"Project code", "id"}, {"Country list", "countries"}};
    /* code, English label, Chinese label (NULL: none), colour (-1: none) */
    static const ssc_sector_def sector_defs[] = {
        {"water", "Water and sanitation", "水", 0x2A7FB8},
        {"health", "Health", NULL, -1},
    };
    static const struct section_row sections[] = {
        {"kpi", "At a glance", NULL, SSC_CHART_DEFAULT, "{ plugin = \"kpi\""},
        {"by-region", "By region", "Counted once per region.", SSC_CHART_HBAR,
         "{ plugin = \"by-region\""},
        {"by-sdg", "By goal", NULL, SSC_CHART_BAR, "{ plugin = \"by-sdg\""},
        {"timeline", "Starts", NULL, SSC_CHART_LINE, "{ plugin = \"timeline\""},
        {"project-table", "Projects", NULL, SSC_CHART_TABLE, "{ plugin = \"project-table\""},
        {"kpi", "Again", NULL, SSC_CHART_CUSTOM, "{ plugin = \"kpi\"; title = \"Again\""},
    };
    /* labels: the report's, else the built-in defaults, else the code */
    static const struct label_row labels[] = {
        {"water", "Water and sanitation"}, {"forestry", "Forestry"},
        {"fishery", "Fishery and aquaculture"}, {"space-travel", "space-travel"},
    };
    /* the same report in Chinese: label_zh where given, else the label */
    static const struct label_row labels_zh[] = {
        {"water", "水"}, {"health", "Health"}, {"forestry", "林业"},
    };
    const char *zh[] = {"language=zh"};
    ssc_report r;
    ssc_error err;
    char want[4300];
    const char *path;

    /* the report lives one folder down, so that data.path is resolved */
    snprintf(want, sizeof want, "%s/reports", tmpdir);
    if (mkdir(want, 0777) != 0) {
        perror(want);
        exit(99);
    }
    path = write_report("reports/good.cfg", text);
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    if (err.set)
        fprintf(stderr, "unexpected error: %s:%ld: %s\n", err.file, err.line, err.message);
    check_fields(&r, "good.cfg", strs, N_OF(strs), nums, N_OF(nums));
    if (r.statuses.count == 2) {
        CHECK_STR(r.statuses.items[0], "ongoing");
        CHECK_STR(r.statuses.items[1], "completed");
    }
    if (r.regions.count == 2)
        CHECK_STR(r.regions.items[1], "Latin America and the Caribbean");
    if (r.leads.count == 2)
        CHECK_STR(r.leads.items[1], "Institute, B");
    snprintf(want, sizeof want, "%s/reports/../data/portfolio.csv", tmpdir);
    CHECK_STR(r.data_path, want);
    CHECK_INT(r.data_line, line_of(text, "data = {"));
    for (size_t i = 0; i < N_OF(renames) && i < r.n_renames; i++) {
        CHECK_ROW("good.cfg: data.columns.%s", renames[i].to);
        CHECK_STR(r.renames[i].to, renames[i].to);
        CHECK_STR(r.renames[i].from, renames[i].from);
    }
    for (size_t i = 0; i < N_OF(sector_defs) && i < r.n_sector_defs; i++) {
        const ssc_sector_def *got = &r.sector_defs[i], *w = &sector_defs[i];
        CHECK_ROW("good.cfg: sectors.%zu", i);
        CHECK_STR(got->code, w->code);
        CHECK_STR(got->label_en, w->label_en);
        CHECK_STR_OR_NULL(got->label_zh, w->label_zh);
        CHECK_INT(got->colour, w->colour);
    }
    CHECK_ROW_END();
    check_labels(&r, "good.cfg", labels, N_OF(labels));
    CHECK_INT(ssc_report_sector_colour(&r, "water"), 0x2A7FB8);
    CHECK_INT(ssc_report_sector_colour(&r, "space-travel"), -1);
    check_sections(&r, "good.cfg", text, sections, N_OF(sections));
    if (r.n_sections == N_OF(sections)) {
        const char *count = NULL;
        CHECK(r.sections[0].options == NULL);
        CHECK(r.sections[2].options != NULL);
        if (r.sections[2].options) {
            CHECK(config_setting_lookup_string(r.sections[2].options, "count", &count));
            CHECK_STR(count, "primary");
        }
    }
    ssc_report_free(&r);

    path = write_report("reports/good-zh.cfg", text);
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, zh, 1, &err), SSC_OK);
    CHECK_STR(r.language, "zh");
    check_labels(&r, "good-zh.cfg", labels_zh, N_OF(labels_zh));
    ssc_report_free(&r);
}

static void test_defaults(void)
{
    static const struct str_field strs[] = {
        {STR(language), "en"}, {STR(subtitle), ""}, {STR(organisation), ""},
        {STR(date), NULL},     {STR(output), NULL},
        {STR(data_format), NULL}, /* the source follows the file's extension */
    };
    static const struct num_field nums[] = {
        {NUM(statuses.count), 0}, {NUM(start_year_min), 0}, {NUM(start_year_max), 0},
        {NUM(n_renames), 0},      {NUM(n_sector_defs), 0},  {NUM(n_sections), 1},
    };
    static const struct label_row labels[] = {
        {"agriculture", "Agriculture"}, {"renewable-energy", "Renewable energy"},
        {"ict", "Information technology"}, {"water", "Clean water"},
        {"financial-services", "Financial services"},
    };
    ssc_report r;
    ssc_error err;
    const char *path = write_report("minimal.cfg", MINIMAL);
    char want[4300];

    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    check_fields(&r, "minimal.cfg", strs, N_OF(strs), nums, N_OF(nums));
    snprintf(want, sizeof want, "%s/p.csv", tmpdir);
    CHECK_STR(r.data_path, want);
    /* every built-in sector has a label in both languages and a colour */
    static const char *const builtin[] = {"agriculture", "forestry", "fishery",
                                          "renewable-energy", "ict", "water",
                                          "financial-services"};
    for (size_t i = 0; i < N_OF(builtin); i++) {
        CHECK_ROW("built-in sector %s", builtin[i]);
        CHECK(strcmp(ssc_report_sector_label(&r, builtin[i]), builtin[i]) != 0);
        CHECK(ssc_report_sector_colour(&r, builtin[i]) >= 0);
    }
    CHECK_ROW_END();
    check_labels(&r, "minimal.cfg", labels, N_OF(labels));
    ssc_report_free(&r);

    /* an absolute data path is kept as it is */
    path = write_report("absolute.cfg", "title = \"A\";\n"
                                        "data = { path = \"/srv/data/p.csv\"; };\n"
                                        "sections = ( { plugin = \"kpi\"; } );\n");
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    CHECK_STR(r.data_path, "/srv/data/p.csv");
    if (r.n_sections == 1)
        CHECK_STR(r.sections[0].title, "");
    ssc_report_free(&r);
}

/* The start and end of most reports below. */
#define HEAD "title = \"T\";\ndata = { path = \"p.csv\"; };\n"
#define KPI "sections = ( { plugin = \"kpi\"; } );\n"

/* Six hexadecimal digits, nothing else (strtol alone would take a sign). */
#define BAD_COLOUR(name, c)                                                                 \
    {name, MINIMAL "sectors = ( { code = \"ict\"; colour = \"" c "\"; } );\n", "colour =",  \
     "sectors.colour: \"" c "\" is not a colour"}

/* A row: the report `text`, written as `name`, fails to load with a
 * message starting with `message`, naming the file and the line of the
 * first `at` in the text (NULL: file and line not checked). */
static const struct bad_report {
    const char *name, *text, *at, *message;
} bad_reports[] = {
    /* the schema: unknown keys and wrong types */
    {"unknown-top.cfg", HEAD "\ncolour = \"blue\";\n" KPI, "colour", "unknown setting \"colour\""},
    {"unknown-filter.cfg",
     HEAD "filters = {\n  statuses = [ \"ongoing\" ];\n  start_year = 2010;\n};\n" KPI,
     "start_year =", "unknown setting \"start_year\" in filters"},
    {"unknown-section.cfg",
     HEAD "sections = (\n  { plugin = \"kpi\"; },\n"
          "  { plugin = \"timeline\"; kind = \"line\"; }\n);\n",
     "kind =", "unknown setting \"kind\" in sections"},
    {"title-int.cfg", "data = { path = \"p.csv\"; };\ntitle = 3;\n" KPI, "title = 3",
     "title: expected a string"},
    {"year-float.cfg", MINIMAL "filters = {\n  start_year_min = 2010.5;\n};\n", "start_year_min",
     "filters.start_year_min: expected a whole number"},
    {"year-string.cfg", MINIMAL "filters = { start_year_max = \"2010\"; };\n", "start_year_max",
     "filters.start_year_max: expected a whole number"},
    {"statuses-ints.cfg", MINIMAL "filters = {\n statuses = [ 1, 2 ];\n};\n", "statuses",
     "filters.statuses: expected an array"},
    {"data-scalar.cfg", "title = \"T\";\ndata = \"p.csv\";\n" KPI, "data =",
     "data: expected a group"},
    {"section-string.cfg", HEAD "sections = (\n  \"kpi\"\n);\n", NULL,
     "sections: each entry must be a group"},
    {"column-int.cfg",
     "title = \"T\";\ndata = {\n  path = \"p.csv\";\n  columns = { id = 3; };\n};\n" KPI,
     "id = 3", "data.columns.id: expected the file's header name"},

    /* values */
    {"language.cfg", "title = \"T\";\nlanguage = \"fr\";\ndata = { path = \"p.csv\"; };\n" KPI,
     "language", "language: \"fr\" is not a report language"},
    {"region.cfg", MINIMAL "filters = {\n  regions = [ \"Africa\", \"Europa\" ];\n};\n",
     "regions", "filters.regions: \"Europa\" is not a region"},
    {"status.cfg", MINIMAL "filters = {\n  statuses = [ \"ongoing\", \"done\" ];\n};\n",
     "statuses", "filters.statuses: \"done\" is not a status"},
    {"years.cfg",
     MINIMAL "filters = {\n  start_year_min = 2015;\n  start_year_max = 2010;\n};\n",
     "start_year_max", "filters.start_year_max: 2010 is before start_year_min 2015"},
    {"year-range.cfg", MINIMAL "filters = {\n  start_year_min = 95;\n};\n", "start_year_min",
     "filters.start_year_min: 95 is not a year"},
    {"chart.cfg",
     HEAD "sections = (\n  { plugin = \"kpi\"; },\n  { plugin = \"by-region\";\n"
          "    chart = \"pie\"; }\n);\n",
     "chart =", "sections.chart: \"pie\" is not a chart kind"},
    {"no-sections.cfg", HEAD, NULL, "sections: the report has no sections"},
    {"empty-sections.cfg", HEAD "sections = ( );\n", NULL, "sections: the report has no sections"},
    {"no-plugin.cfg",
     HEAD "sections = (\n  { plugin = \"kpi\"; },\n  { title = \"Orphan\"; }\n);\n",
     "{ title = \"Orphan\"", "sections: section 2 has no plugin"},
    {"no-title.cfg", "data = { path = \"p.csv\"; };\n" KPI, NULL, "title: missing"},
    {"no-data.cfg", "title = \"T\";\n" KPI, NULL, "data.path: missing"},
    /* whether a source exists is known once plugins load; a name no
     * plugin could have is refused here */
    {"format.cfg",
     "title = \"T\";\ndata = {\n  path = \"p.xlsx\";\n  format = \"Excel 2007\";\n};\n" KPI,
     "format =", "data.format: \"Excel 2007\" is not a data source"},
    {"colour.cfg",
     MINIMAL "sectors = (\n  { code = \"water\"; colour = \"#2A7FB8\"; },\n"
             "  { code = \"ict\"; colour = \"purple\"; }\n);\n",
     "\"purple\"", "sectors.colour: \"purple\" is not a colour"},
    BAD_COLOUR("colour-minus.cfg", "#-12345"),
    BAD_COLOUR("colour-plus.cfg", "#+12345"),
    BAD_COLOUR("colour-space.cfg", "# 12345"),
    BAD_COLOUR("colour-five.cfg", "#12345"),
    BAD_COLOUR("colour-seven.cfg", "#1234567"),
    BAD_COLOUR("colour-hash-last.cfg", "2A7FB8#"),
    {"no-code.cfg", MINIMAL "sectors = (\n  { label = \"Water\"; }\n);\n", "{ label",
     "sectors: each sector needs a code"},

    /* issue 15: limits and text checked at load, values escaped */
    {"raw-utf8.cfg", HEAD "subtitle = \"Bad \xff\";\n" KPI, "subtitle",
     "not valid UTF-8 (byte 0xFF); save the file as UTF-8"},
    {"esc-utf8.cfg", HEAD "subtitle = \"Bad \\xff\";\n" KPI, "subtitle",
     "subtitle: not valid UTF-8 (byte 0xFF at byte 5 of the text)"},
    {"deep.cfg", HEAD "x = (((((((((((((((((1)))))))))))))))));\n" KPI, "x =",
     "nested more than 16 levels"},
    {"deep-ok.cfg", HEAD "x = \"((((((((((((((((((\"; # (((((((((((((((((((\n" KPI, "x =",
     "unknown setting \"x\""},
    {"newline.cfg", HEAD "language = \"e\\nn\\t\\x01\";\n" KPI, "language",
     "language: \"e\\nn\\t\\x01\" is not a report language"},

    /* a syntax error: libconfig's message, with the file and its line */
    {"syntax.cfg", HEAD "\nlanguage = = \"en\";\n" KPI, "= =", "syntax error"},
};

static void test_bad_reports(void)
{
    for (size_t i = 0; i < N_OF(bad_reports); i++) {
        const struct bad_report *b = &bad_reports[i];
        expect_error(b->name, b->text, NULL, 0, b->at ? line_of(b->text, b->at) : -1,
                     b->message);
    }
}

static void test_unreadable(void)
{
    static const char unclosed[] = HEAD KPI "subtitle = \"never closed;\n";
    ssc_report r;
    ssc_error err;
    const char *path = write_report("unclosed.cfg", unclosed);
    char missing[4300];

    /* a string never closed: somewhere from its line on */
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_ERR);
    CHECK_STR(err.file, path);
    CHECK(err.line >= line_of(unclosed, "subtitle"));
    ssc_report_free(&r);

    /* a file that cannot be read: the path, no line */
    snprintf(missing, sizeof missing, "%s/no-such-report.cfg", tmpdir);
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, missing, NULL, 0, &err), SSC_ERR);
    CHECK_STR(err.file, missing);
    CHECK_INT(err.line, 0);
    CHECK_PREFIX(err.message, "cannot read the report file");
    ssc_report_free(&r);
}

#define SET_TEXT                                                                            \
    "title = \"Set\";\n"                                                                    \
    "language = \"en\";\n"                                                                  \
    "data = { path = \"p.csv\"; };\n"                                                       \
    "sections = (\n"                                                                        \
    "  { plugin = \"kpi\"; title = \"Zero\"; },\n"                                          \
    "  { plugin = \"by-region\"; title = \"One\"; },\n"                                     \
    "  { plugin = \"by-sdg\"; title = \"Two\"; options = { count = \"any\"; }; }\n"         \
    ");\n"

#define NO_LINE -1

/* A row: the report `text`, written as `name`, with the --set overrides
 * `set`, fails to load with a message starting with `message`, naming the
 * file with line 0 (the line of the value the --set replaced would
 * mislead), or NO_LINE: the override itself is wrong, file and line are
 * not checked. */
static const struct bad_set {
    const char *name, *text, *set[2];
    long line;
    const char *message;
} bad_sets[] = {
    /* an override is checked like a value in the file, and the message
     * quotes the --set instead of the file's line */
    {"set-fr.cfg", SET_TEXT, {"language=fr"}, 0,
     "--set language=fr: language: \"fr\" is not a report language"},
    {"set-years.cfg", SET_TEXT, {"filters.start_year_min=2015", "filters.start_year_max=2012"}, 0,
     "--set filters.start_year_max=2012: filters.start_year_max: 2012 is before start_year_min "
     "2015"},
    {"set-chart.cfg", SET_TEXT, {"sections.1.chart=pie"}, 0,
     "--set sections.1.chart=pie: sections.chart: \"pie\" is not a chart kind"},
    /* errors in the override itself */
    {"set-unknown.cfg", SET_TEXT, {"colour=blue"}, NO_LINE,
     "--set colour=blue: the report has no setting \"colour\""},
    {"set-unknown-in.cfg", SET_TEXT, {"filters.start_year=2015"}, NO_LINE,
     "--set filters.start_year=2015: the report has no setting"},
    /* a near miss names the key at its place */
    {"set-near.cfg", SET_TEXT, {"subtilte=x"}, NO_LINE,
     "--set subtilte=x: the report has no setting \"subtilte\"; did you mean \"subtitle\"?"},
    {"set-near-in.cfg", SET_TEXT, {"sections.0.titel=x"}, NO_LINE,
     "--set sections.0.titel=x: the report has no setting \"sections.0.titel\"; did you mean "
     "\"sections.0.title\"?"},
    {"set-notint.cfg", SET_TEXT, {"filters.start_year_min=twenty"}, NO_LINE,
     "--set filters.start_year_min=twenty: filters.start_year_min expects a whole number"},
    {"set-trailing.cfg", SET_TEXT, {"filters.start_year_min=2015x"}, NO_LINE,
     "--set filters.start_year_min=2015x: filters.start_year_min expects a whole number"},
    {"set-noeq.cfg", SET_TEXT, {"language"}, NO_LINE, "--set language: expected KEY=VALUE"},
    {"set-nokey.cfg", SET_TEXT, {"=zh"}, NO_LINE, "--set =zh: expected KEY=VALUE"},
    {"set-array.cfg", MINIMAL "filters = { statuses = [ \"ongoing\" ]; };\n",
     {"filters.statuses=ongoing"}, NO_LINE,
     "--set filters.statuses=ongoing: \"filters.statuses\" is not a single value"},
    {"set-beyond.cfg", SET_TEXT, {"sections.3.title=Four"}, NO_LINE,
     "--set sections.3.title=Four: cannot add"},
};

static void test_set(void)
{
    static const char text[] = SET_TEXT;
    static const struct str_field strs[] = {
        {STR(language), "zh"}, {STR(subtitle), "From the command line"}};
    static const struct num_field nums[] = {{NUM(start_year_min), 2015}, {NUM(start_year_max), 0}};
    static const struct section_row sections[] = {
        {"kpi", "Zero", "Created by --set", SSC_CHART_DEFAULT, NULL},
        {"by-region", "One", NULL, SSC_CHART_DEFAULT, NULL},
        {"by-sdg", "Goals, = and all", NULL, SSC_CHART_DEFAULT, NULL},
    };
    const char *brackets[] = {"sections.[1].title=Regions"}, *unknown[] = {"colour=blue"};
    ssc_report r;
    ssc_error err;
    const char *path = write_report("set.cfg", text);

    /* strings, a created group and key, a list element by 0-based index, a
     * key absent from that element, and a plugin option */
    {
        const char *sets[] = {"language=zh",
                              "filters.start_year_min=2015",
                              "sections.2.title=Goals, = and all",
                              "sections.0.caption=Created by --set",
                              "sections.2.options.count=primary",
                              "subtitle=From the command line",
                              "title="};
        ssc_error_clear(&err);
        /* title= leaves an empty title, which the report must not have */
        CHECK_INT(ssc_report_load(&r, path, sets, 7, &err), SSC_ERR);
        CHECK_PREFIX(err.message, "title: missing");
        ssc_report_free(&r);

        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, sets, 6, &err), SSC_OK);
        if (err.set)
            fprintf(stderr, "unexpected error: %s:%ld: %s\n", err.file, err.line, err.message);
        check_fields(&r, "set.cfg", strs, N_OF(strs), nums, N_OF(nums));
        check_sections(&r, "set.cfg", text, sections, N_OF(sections));
        if (r.n_sections == 3) {
            const char *count = NULL;
            CHECK(r.sections[2].options &&
                  config_setting_lookup_string(r.sections[2].options, "count", &count));
            CHECK_STR(count, "primary");
        }
        ssc_report_free(&r);
    }
    /* "sections.[1].title", libconfig's own spelling, works too */
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, brackets, 1, &err), SSC_OK);
    if (r.n_sections == 3)
        CHECK_STR(r.sections[1].title, "Regions");
    ssc_report_free(&r);

    for (size_t i = 0; i < N_OF(bad_sets); i++) {
        const struct bad_set *b = &bad_sets[i];
        expect_error(b->name, b->text, b->set, b->set[1] ? 2 : 1, b->line, b->message);
    }
    /* the errors from --set carry no file line: the command line is not a file */
    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, unknown, 1, &err), SSC_ERR);
    CHECK_INT(err.line, 0);
    ssc_report_free(&r);
}

/* ssc_section_label: what plugins get for a key, in the report's language,
 * the report's own sector labels first. */
static void test_section_labels(void)
{
    static const char text[] = "title = \"L\";\n"
                               "language = \"zh\";\n"
                               "data = { path = \"p.csv\"; };\n"
                               "sectors = ( { code = \"water\"; label = \"Water\"; "
                               "label_zh = \"水资源\"; } );\n"
                               "sections = ( { plugin = \"kpi\"; title = \"K\"; } );\n";
    /* A row: the label of a key of a kind. */
    static const struct {
        ssc_key_kind kind;
        const char *key, *want;
    } labels[] = {
        {SSC_KEY_SECTOR, "water", "水资源"},   /* the report's */
        {SSC_KEY_SECTOR, "forestry", "林业"},  /* built in */
        {SSC_KEY_SECTOR, "mining", "mining"}, /* none: the key */
        {SSC_KEY_REGION, "Africa", "非洲"},
        {SSC_KEY_SDG, "5", "性别平等"},
        {SSC_KEY_STATUS, "ongoing", "进行中"},
        {SSC_KEY_COUNTRY, "KEN", "肯尼亚"}, /* CLDR, data/m49-countries.csv */
        {SSC_KEY_TEXT, "free", "free"},
    };
    ssc_report r;
    ssc_error err;
    const char *path = write_report("labels.cfg", text);

    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    ssc_section s = {.report = &r, .def = r.sections, .plugin = NULL, .store = NULL};
    for (size_t i = 0; i < N_OF(labels); i++) {
        CHECK_ROW("label of %s (kind %d)", labels[i].key, (int)labels[i].kind);
        CHECK_STR(ssc_section_label(&s, labels[i].kind, labels[i].key), labels[i].want);
    }
    CHECK_ROW_END();
    ssc_report_free(&r);
}

/* ssc_escape: one line of UTF-8 text whatever the bytes. */
static void test_escape(void)
{
    char out[64];

    CHECK_STR(ssc_escape(out, sizeof out, "a\nb\tc\rd", 7), "a\\nb\\tc\\rd");
    CHECK_STR(ssc_escape(out, sizeof out, "\x01\x7f\x80\xff", 4), "\\x01\\x7F\\x80\\xFF");
    /* UTF-8 stays; an overlong form, a surrogate and a cut sequence do not */
    CHECK_STR(ssc_escape(out, sizeof out, "\xe4\xb8\xad\\\"", 5), "\xe4\xb8\xad\\\"");
    CHECK_STR(ssc_escape(out, sizeof out, "\xc0\xaf", 2), "\\xC0\\xAF");
    CHECK_STR(ssc_escape(out, sizeof out, "\xed\xa0\x80", 3), "\\xED\\xA0\\x80");
    CHECK_STR(ssc_escape(out, sizeof out, "x\xe4\xb8", 3), "x\\xE4\\xB8");
    /* a NUL inside the length is a byte like the others */
    CHECK_STR(ssc_escape(out, sizeof out, "a\0b", 3), "a\\x00b");
    /* too long: cut at a character boundary, with "..." */
    CHECK_STR(ssc_escape(out, 10, "abcdefghijkl", 12), "abcdef...");
    CHECK_STR(ssc_escape(out, 10, "ab\xe4\xb8\xad\xe4\xb8\xad", 8), "ab\xe4\xb8\xad...");
    /* every error is recorded escaped */
    ssc_error err;
    ssc_error_at(&err, "f\nx", 3, "value \"%s\"", "a\nb\x80");
    CHECK_STR(err.file, "f\\nx");
    CHECK_STR(err.message, "value \"a\\nb\\x80\"");
}

int main(void)
{
    const char *base = getenv("top_builddir");
    snprintf(tmpdir, sizeof tmpdir, "%s/tests/report/test-report.XXXXXX", base ? base : ".");
    if (!mkdtemp(tmpdir)) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/test-report.XXXXXX");
        if (!mkdtemp(tmpdir)) {
            perror("mkdtemp");
            return 99;
        }
    }

    test_good_report();
    test_defaults();
    test_bad_reports();
    test_unreadable();
    test_set();
    test_section_labels();
    test_escape();

    int rc = check_done();
    if (rc == 0) {
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", tmpdir);
    } else {
        fprintf(stderr, "reports kept in %s\n", tmpdir);
    }
    return rc;
}
