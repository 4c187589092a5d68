/* Report definitions (engine/report/report.c, engine/report/report_set.c): every report
 * is written by this test into a temporary folder, loaded with
 * ssc_report_load, and the values or the error (file, line, message) are
 * checked.  Expected lines are counted in the text written here (line_of),
 * never copied from the program's output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"
#include "report/report.h"
#include "report/section.h"

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
 * prefix. */
static void expect_error_sets(const char *name, const char *text, const char *const *sets,
                              size_t n_sets, long line, const char *prefix, int where)
{
    ssc_report r;
    ssc_error err;
    const char *path = write_report(name, text);

    ssc_error_clear(&err);
    int rc = ssc_report_load(&r, path, sets, n_sets, &err);
    if (rc == SSC_OK)
        fprintf(stderr, "test-report.c:%d: %s loaded, expected an error\n", where, name);
    CHECK_INT(rc, SSC_ERR);
    CHECK(err.set);
    if (line >= 0) {
        CHECK_STR(err.file, path);
        if (err.line != line)
            fprintf(stderr, "test-report.c:%d: (%s)\n", where, name);
        CHECK_INT(err.line, line);
    }
    if (strncmp(err.message, prefix, strlen(prefix)) != 0)
        fprintf(stderr, "test-report.c:%d: (%s)\n", where, name);
    CHECK_PREFIX(err.message, prefix);
    ssc_report_free(&r);
}

#define EXPECT_ERROR(name, text, line, prefix)                                              \
    expect_error_sets(name, text, NULL, 0, line, prefix, __LINE__)

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
    CHECK_STR(r.title, "Annual meeting 2024");
    CHECK_STR(r.subtitle, "Projects, partners & results");
    CHECK_STR(r.organisation, "The secretariat");
    CHECK_STR(r.language, "en");
    CHECK_STR(r.date, "1 March 2024");
    CHECK_STR(r.output, "out/annual.pdf");
    snprintf(want, sizeof want, "%s/reports/../data/portfolio.csv", tmpdir);
    CHECK_STR(r.data_path, want);
    CHECK_STR(r.data_format, "csv");
    CHECK_INT(r.data_line, line_of(text, "data = {"));
    CHECK_INT(r.n_renames, 2);
    if (r.n_renames == 2) {
        CHECK_STR(r.renames[0].to, "id");
        CHECK_STR(r.renames[0].from, "Project code");
        CHECK_STR(r.renames[1].to, "countries");
        CHECK_STR(r.renames[1].from, "Country list");
    }
    CHECK_INT(r.statuses.count, 2);
    if (r.statuses.count == 2) {
        CHECK_STR(r.statuses.items[0], "ongoing");
        CHECK_STR(r.statuses.items[1], "completed");
    }
    CHECK_INT(r.start_year_min, 2005);
    CHECK_INT(r.start_year_max, 2020);
    CHECK_INT(r.regions.count, 2);
    if (r.regions.count == 2)
        CHECK_STR(r.regions.items[1], "Latin America and the Caribbean");
    CHECK_INT(r.sectors.count, 1);
    CHECK_INT(r.leads.count, 2);
    if (r.leads.count == 2)
        CHECK_STR(r.leads.items[1], "Institute, B");

    CHECK_INT(r.n_sector_defs, 2);
    if (r.n_sector_defs == 2) {
        CHECK_STR(r.sector_defs[0].code, "water");
        CHECK_STR(r.sector_defs[0].label_en, "Water and sanitation");
        CHECK_STR(r.sector_defs[0].label_zh, "水");
        CHECK_INT(r.sector_defs[0].colour, 0x2A7FB8);
        CHECK_STR(r.sector_defs[1].code, "health");
        CHECK(r.sector_defs[1].label_zh == NULL);
        CHECK_INT(r.sector_defs[1].colour, -1);
    }
    /* labels: the report's, else the built-in defaults, else the code */
    CHECK_STR(ssc_report_sector_label(&r, "water"), "Water and sanitation");
    CHECK_STR(ssc_report_sector_label(&r, "forestry"), "Forestry");
    CHECK_STR(ssc_report_sector_label(&r, "fishery"), "Fishery and aquaculture");
    CHECK_STR(ssc_report_sector_label(&r, "space-travel"), "space-travel");
    CHECK_INT(ssc_report_sector_colour(&r, "water"), 0x2A7FB8);
    CHECK_INT(ssc_report_sector_colour(&r, "space-travel"), -1);

    CHECK_INT(r.n_sections, 6);
    if (r.n_sections == 6) {
        CHECK_STR(r.sections[0].plugin, "kpi");
        CHECK_STR(r.sections[0].title, "At a glance");
        CHECK(r.sections[0].caption == NULL);
        CHECK_INT(r.sections[0].chart, SSC_CHART_DEFAULT);
        CHECK(r.sections[0].options == NULL);
        CHECK_INT(r.sections[0].line, line_of(text, "{ plugin = \"kpi\""));
        CHECK_STR(r.sections[1].plugin, "by-region");
        CHECK_STR(r.sections[1].caption, "Counted once per region.");
        CHECK_INT(r.sections[1].chart, SSC_CHART_HBAR);
        CHECK_INT(r.sections[1].line, line_of(text, "{ plugin = \"by-region\""));
        CHECK_INT(r.sections[2].chart, SSC_CHART_BAR);
        CHECK(r.sections[2].options != NULL);
        if (r.sections[2].options) {
            const char *count = NULL;
            CHECK(config_setting_lookup_string(r.sections[2].options, "count", &count));
            CHECK_STR(count, "primary");
        }
        CHECK_INT(r.sections[3].chart, SSC_CHART_LINE);
        CHECK_INT(r.sections[4].chart, SSC_CHART_TABLE);
        CHECK_INT(r.sections[5].chart, SSC_CHART_CUSTOM);
        CHECK_INT(r.sections[5].line, line_of(text, "{ plugin = \"kpi\"; title = \"Again\""));
    }
    ssc_report_free(&r);

    /* the same report in Chinese: label_zh where given, else the label */
    path = write_report("reports/good-zh.cfg", text);
    {
        const char *sets[] = {"language=zh"};
        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, sets, 1, &err), SSC_OK);
        CHECK_STR(r.language, "zh");
        CHECK_STR(ssc_report_sector_label(&r, "water"), "水");
        CHECK_STR(ssc_report_sector_label(&r, "health"), "Health");
        CHECK_STR(ssc_report_sector_label(&r, "forestry"), "林业");
        ssc_report_free(&r);
    }
}

static void test_defaults(void)
{
    ssc_report r;
    ssc_error err;
    const char *path = write_report("minimal.cfg", MINIMAL);
    char want[4300];

    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    CHECK_STR(r.language, "en");
    CHECK_STR(r.subtitle, "");
    CHECK_STR(r.organisation, "");
    CHECK(r.date == NULL);
    CHECK(r.output == NULL);
    CHECK(r.data_format == NULL); /* the source follows the file's extension */
    snprintf(want, sizeof want, "%s/p.csv", tmpdir);
    CHECK_STR(r.data_path, want);
    CHECK_INT(r.statuses.count, 0);
    CHECK_INT(r.start_year_min, 0);
    CHECK_INT(r.start_year_max, 0);
    CHECK_INT(r.n_renames, 0);
    CHECK_INT(r.n_sector_defs, 0);
    CHECK_INT(r.n_sections, 1);
    /* every built-in sector has a label in both languages and a colour */
    static const char *const builtin[] = {"agriculture", "forestry", "fishery",
                                          "renewable-energy", "ict", "water",
                                          "financial-services"};
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++) {
        CHECK(strcmp(ssc_report_sector_label(&r, builtin[i]), builtin[i]) != 0);
        CHECK(ssc_report_sector_colour(&r, builtin[i]) >= 0);
    }
    CHECK_STR(ssc_report_sector_label(&r, "agriculture"), "Agriculture");
    CHECK_STR(ssc_report_sector_label(&r, "renewable-energy"), "Renewable energy");
    CHECK_STR(ssc_report_sector_label(&r, "ict"), "Information technology");
    CHECK_STR(ssc_report_sector_label(&r, "water"), "Clean water");
    CHECK_STR(ssc_report_sector_label(&r, "financial-services"), "Financial services");
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

static void test_schema_errors(void)
{
    static const char unknown_top[] = "title = \"T\";\n"
                                      "data = { path = \"p.csv\"; };\n"
                                      "\n"
                                      "colour = \"blue\";\n"
                                      "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("unknown-top.cfg", unknown_top, line_of(unknown_top, "colour"),
                 "unknown setting \"colour\"");

    static const char unknown_filter[] = "title = \"T\";\n"
                                         "data = { path = \"p.csv\"; };\n"
                                         "filters = {\n"
                                         "  statuses = [ \"ongoing\" ];\n"
                                         "  start_year = 2010;\n"
                                         "};\n"
                                         "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("unknown-filter.cfg", unknown_filter, line_of(unknown_filter, "start_year ="),
                 "unknown setting \"start_year\" in filters");

    static const char unknown_section[] = "title = \"T\";\n"
                                          "data = { path = \"p.csv\"; };\n"
                                          "sections = (\n"
                                          "  { plugin = \"kpi\"; },\n"
                                          "  { plugin = \"timeline\"; kind = \"line\"; }\n"
                                          ");\n";
    EXPECT_ERROR("unknown-section.cfg", unknown_section, line_of(unknown_section, "kind ="),
                 "unknown setting \"kind\" in sections");

    static const char title_int[] = "data = { path = \"p.csv\"; };\n"
                                    "title = 3;\n"
                                    "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("title-int.cfg", title_int, line_of(title_int, "title = 3"),
                 "title: expected a string");

    static const char year_float[] = MINIMAL "filters = {\n  start_year_min = 2010.5;\n};\n";
    EXPECT_ERROR("year-float.cfg", year_float, line_of(year_float, "start_year_min"),
                 "filters.start_year_min: expected a whole number");

    static const char year_string[] = MINIMAL "filters = { start_year_max = \"2010\"; };\n";
    EXPECT_ERROR("year-string.cfg", year_string, line_of(year_string, "start_year_max"),
                 "filters.start_year_max: expected a whole number");

    static const char statuses_ints[] = MINIMAL "filters = {\n statuses = [ 1, 2 ];\n};\n";
    EXPECT_ERROR("statuses-ints.cfg", statuses_ints, line_of(statuses_ints, "statuses"),
                 "filters.statuses: expected an array");

    static const char data_scalar[] = "title = \"T\";\ndata = \"p.csv\";\n"
                                      "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("data-scalar.cfg", data_scalar, line_of(data_scalar, "data ="),
                 "data: expected a group");

    static const char section_string[] = "title = \"T\";\ndata = { path = \"p.csv\"; };\n"
                                         "sections = (\n  \"kpi\"\n);\n";
    EXPECT_ERROR("section-string.cfg", section_string, -1,
                 "sections: each entry must be a group");

    static const char column_int[] = "title = \"T\";\n"
                                     "data = {\n  path = \"p.csv\";\n"
                                     "  columns = { id = 3; };\n};\n"
                                     "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("column-int.cfg", column_int, line_of(column_int, "id = 3"),
                 "data.columns.id: expected the file's header name");
}

static void test_value_errors(void)
{
    static const char language[] = "title = \"T\";\n"
                                   "language = \"fr\";\n"
                                   "data = { path = \"p.csv\"; };\n"
                                   "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("language.cfg", language, line_of(language, "language"),
                 "language: \"fr\" is not a report language");

    static const char region[] = MINIMAL "filters = {\n"
                                         "  regions = [ \"Africa\", \"Europa\" ];\n"
                                         "};\n";
    EXPECT_ERROR("region.cfg", region, line_of(region, "regions"),
                 "filters.regions: \"Europa\" is not a region");

    static const char status[] = MINIMAL "filters = {\n"
                                         "  statuses = [ \"ongoing\", \"done\" ];\n"
                                         "};\n";
    EXPECT_ERROR("status.cfg", status, line_of(status, "statuses"),
                 "filters.statuses: \"done\" is not a status");

    static const char years[] = MINIMAL "filters = {\n"
                                        "  start_year_min = 2015;\n"
                                        "  start_year_max = 2010;\n"
                                        "};\n";
    EXPECT_ERROR("years.cfg", years, line_of(years, "start_year_max"),
                 "filters.start_year_max: 2010 is before start_year_min 2015");

    static const char year_range[] = MINIMAL "filters = {\n  start_year_min = 95;\n};\n";
    EXPECT_ERROR("year-range.cfg", year_range, line_of(year_range, "start_year_min"),
                 "filters.start_year_min: 95 is not a year");

    static const char chart[] = "title = \"T\";\n"
                                "data = { path = \"p.csv\"; };\n"
                                "sections = (\n"
                                "  { plugin = \"kpi\"; },\n"
                                "  { plugin = \"by-region\";\n"
                                "    chart = \"pie\"; }\n"
                                ");\n";
    EXPECT_ERROR("chart.cfg", chart, line_of(chart, "chart ="),
                 "sections.chart: \"pie\" is not a chart kind");

    static const char no_sections[] = "title = \"T\";\ndata = { path = \"p.csv\"; };\n";
    EXPECT_ERROR("no-sections.cfg", no_sections, -1, "sections: the report has no sections");

    static const char empty_sections[] = "title = \"T\";\ndata = { path = \"p.csv\"; };\n"
                                         "sections = ( );\n";
    EXPECT_ERROR("empty-sections.cfg", empty_sections, -1,
                 "sections: the report has no sections");

    static const char no_plugin[] = "title = \"T\";\ndata = { path = \"p.csv\"; };\n"
                                    "sections = (\n  { plugin = \"kpi\"; },\n"
                                    "  { title = \"Orphan\"; }\n);\n";
    EXPECT_ERROR("no-plugin.cfg", no_plugin, line_of(no_plugin, "{ title = \"Orphan\""),
                 "sections: section 2 has no plugin");

    static const char no_title[] = "data = { path = \"p.csv\"; };\n"
                                   "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("no-title.cfg", no_title, -1, "title: missing");

    static const char no_data[] = "title = \"T\";\nsections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("no-data.cfg", no_data, -1, "data.path: missing");

    /* whether a source exists is known once plugins load; a name no
     * plugin could have is refused here */
    static const char format[] = "title = \"T\";\n"
                                 "data = {\n  path = \"p.xlsx\";\n  format = \"Excel 2007\";\n};\n"
                                 "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("format.cfg", format, line_of(format, "format ="),
                 "data.format: \"Excel 2007\" is not a data source");

    static const char colour[] = MINIMAL "sectors = (\n"
                                         "  { code = \"water\"; colour = \"#2A7FB8\"; },\n"
                                         "  { code = \"ict\"; colour = \"purple\"; }\n"
                                         ");\n";
    EXPECT_ERROR("colour.cfg", colour, line_of(colour, "\"purple\""),
                 "sectors.colour: \"purple\" is not a colour");

    /* six hexadecimal digits, nothing else (strtol alone would take a sign) */
    static const char *const bad_colours[] = {"#-12345", "#+12345", "# 12345", "#12345",
                                              "#1234567", "2A7FB8#"};
    for (size_t i = 0; i < sizeof bad_colours / sizeof *bad_colours; i++) {
        char text[512], prefix[128];
        snprintf(text, sizeof text, MINIMAL "sectors = ( { code = \"ict\"; colour = \"%s\"; } );\n",
                 bad_colours[i]);
        snprintf(prefix, sizeof prefix, "sectors.colour: \"%s\" is not a colour", bad_colours[i]);
        EXPECT_ERROR("bad-colour.cfg", text, line_of(text, "colour ="), prefix);
    }

    static const char no_code[] = MINIMAL "sectors = (\n  { label = \"Water\"; }\n);\n";
    EXPECT_ERROR("no-code.cfg", no_code, line_of(no_code, "{ label"),
                 "sectors: each sector needs a code");
}

static void test_syntax_errors(void)
{
    /* a syntax error: libconfig's message, with the file and its line */
    static const char syntax[] = "title = \"T\";\n"
                                 "data = { path = \"p.csv\"; };\n"
                                 "\n"
                                 "language = = \"en\";\n"
                                 "sections = ( { plugin = \"kpi\"; } );\n";
    EXPECT_ERROR("syntax.cfg", syntax, line_of(syntax, "= ="), "syntax error");

    static const char unclosed[] = "title = \"T\";\n"
                                   "data = { path = \"p.csv\"; };\n"
                                   "sections = ( { plugin = \"kpi\"; } );\n"
                                   "subtitle = \"never closed;\n";
    {
        ssc_report r;
        ssc_error err;
        const char *path = write_report("unclosed.cfg", unclosed);
        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_ERR);
        CHECK_STR(err.file, path);
        CHECK(err.line >= line_of(unclosed, "subtitle"));
        ssc_report_free(&r);
    }

    /* a file that cannot be read: the path, no line */
    {
        ssc_report r;
        ssc_error err;
        char path[4300];
        snprintf(path, sizeof path, "%s/no-such-report.cfg", tmpdir);
        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_ERR);
        CHECK_STR(err.file, path);
        CHECK_INT(err.line, 0);
        CHECK_PREFIX(err.message, "cannot read the report file");
        ssc_report_free(&r);
    }
}

static void test_set(void)
{
    static const char text[] = "title = \"Set\";\n"
                               "language = \"en\";\n"
                               "data = { path = \"p.csv\"; };\n"
                               "sections = (\n"
                               "  { plugin = \"kpi\"; title = \"Zero\"; },\n"
                               "  { plugin = \"by-region\"; title = \"One\"; },\n"
                               "  { plugin = \"by-sdg\"; title = \"Two\"; options = { count = "
                               "\"any\"; }; }\n"
                               ");\n";
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
        CHECK_STR(r.language, "zh");
        CHECK_INT(r.start_year_min, 2015);
        CHECK_INT(r.start_year_max, 0);
        CHECK_STR(r.subtitle, "From the command line");
        CHECK_INT(r.n_sections, 3);
        if (r.n_sections == 3) {
            CHECK_STR(r.sections[0].title, "Zero");
            CHECK_STR(r.sections[0].caption, "Created by --set");
            CHECK_STR(r.sections[1].title, "One");
            CHECK_STR(r.sections[2].title, "Goals, = and all");
            const char *count = NULL;
            CHECK(r.sections[2].options &&
                  config_setting_lookup_string(r.sections[2].options, "count", &count));
            CHECK_STR(count, "primary");
        }
        ssc_report_free(&r);
    }
    /* "sections.[1].title", libconfig's own spelling, works too */
    {
        const char *sets[] = {"sections.[1].title=Regions"};
        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, sets, 1, &err), SSC_OK);
        if (r.n_sections == 3)
            CHECK_STR(r.sections[1].title, "Regions");
        ssc_report_free(&r);
    }
    /* an override is checked like a value in the file, and the message
     * quotes the --set instead of the file's line, which holds the old value */
    {
        const char *sets[] = {"language=fr"};
        expect_error_sets("set-fr.cfg", text, sets, 1, 0,
                          "--set language=fr: language: \"fr\" is not a report language",
                          __LINE__);
        const char *years[] = {"filters.start_year_min=2015", "filters.start_year_max=2012"};
        expect_error_sets("set-years.cfg", text, years, 2, 0,
                          "--set filters.start_year_max=2012: filters.start_year_max: 2012 is "
                          "before start_year_min 2015",
                          __LINE__);
        const char *chart[] = {"sections.1.chart=pie"};
        expect_error_sets("set-chart.cfg", text, chart, 1, 0,
                          "--set sections.1.chart=pie: sections.chart: \"pie\" is not a chart kind",
                          __LINE__);
    }
    /* errors in the override itself: no file, no line */
    {
        const char *unknown[] = {"colour=blue"};
        expect_error_sets("set-unknown.cfg", text, unknown, 1, -1,
                          "--set colour=blue: the report has no setting \"colour\"", __LINE__);
        const char *unknown_in[] = {"filters.start_year=2015"};
        expect_error_sets("set-unknown-in.cfg", text, unknown_in, 1, -1,
                          "--set filters.start_year=2015: the report has no setting", __LINE__);
        const char *not_int[] = {"filters.start_year_min=twenty"};
        expect_error_sets("set-notint.cfg", text, not_int, 1, -1,
                          "--set filters.start_year_min=twenty: filters.start_year_min expects "
                          "a whole number",
                          __LINE__);
        const char *trailing[] = {"filters.start_year_min=2015x"};
        expect_error_sets("set-trailing.cfg", text, trailing, 1, -1,
                          "--set filters.start_year_min=2015x: filters.start_year_min expects "
                          "a whole number",
                          __LINE__);
        const char *no_eq[] = {"language"};
        expect_error_sets("set-noeq.cfg", text, no_eq, 1, -1, "--set language: expected KEY=VALUE",
                          __LINE__);
        const char *no_key[] = {"=zh"};
        expect_error_sets("set-nokey.cfg", text, no_key, 1, -1, "--set =zh: expected KEY=VALUE",
                          __LINE__);
        const char *array[] = {"filters.statuses=ongoing"};
        static const char with_statuses[] = MINIMAL "filters = { statuses = [ \"ongoing\" ]; };\n";
        expect_error_sets("set-array.cfg", with_statuses, array, 1, -1,
                          "--set filters.statuses=ongoing: \"filters.statuses\" is not a single "
                          "value",
                          __LINE__);
        const char *beyond[] = {"sections.3.title=Four"};
        expect_error_sets("set-beyond.cfg", text, beyond, 1, -1,
                          "--set sections.3.title=Four: cannot add", __LINE__);
    }
    /* the errors from --set carry no file line: the command line is not a file */
    {
        const char *unknown[] = {"colour=blue"};
        ssc_error_clear(&err);
        CHECK_INT(ssc_report_load(&r, path, unknown, 1, &err), SSC_ERR);
        CHECK_INT(err.line, 0);
        ssc_report_free(&r);
    }
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
    ssc_report r;
    ssc_error err;
    const char *path = write_report("labels.cfg", text);

    ssc_error_clear(&err);
    CHECK_INT(ssc_report_load(&r, path, NULL, 0, &err), SSC_OK);
    ssc_section s = {.report = &r, .def = r.sections, .plugin = NULL, .store = NULL};
    CHECK_STR(ssc_section_label(&s, SSC_KEY_SECTOR, "water"), "水资源");       /* the report's */
    CHECK_STR(ssc_section_label(&s, SSC_KEY_SECTOR, "forestry"), "林业");      /* built in */
    CHECK_STR(ssc_section_label(&s, SSC_KEY_SECTOR, "mining"), "mining");      /* none: the key */
    CHECK_STR(ssc_section_label(&s, SSC_KEY_REGION, "Africa"), "非洲");
    CHECK_STR(ssc_section_label(&s, SSC_KEY_SDG, "5"), "性别平等");
    CHECK_STR(ssc_section_label(&s, SSC_KEY_STATUS, "ongoing"), "进行中");
    CHECK_STR(ssc_section_label(&s, SSC_KEY_COUNTRY, "KEN"), "Kenya");
    CHECK_STR(ssc_section_label(&s, SSC_KEY_TEXT, "free"), "free");
    ssc_report_free(&r);
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
    test_schema_errors();
    test_value_errors();
    test_syntax_errors();
    test_set();
    test_section_labels();

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
