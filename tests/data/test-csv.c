/* SPDX-License-Identifier: MIT */
/* The CSV reader (engine/data/csv.c) and the portfolio CSV source
 * (engine/data/source_csv.c) against docs/portfolio-csv.md: the header,
 * the row rules and their messages.  The record reader alone is
 * test-csv-reader.c's; files as people have them (separators, encodings,
 * spreadsheets) are test-csv-files.c's.  Every
 * input is written here as a C string, and every expected value and
 * message was worked out by hand from that input. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "csv-load.h"
#include "data/csv.h"
#include "data/encoding.h"
#include "data/nearest.h"
#include "data/sniff.h"
#include "data/source_csv.h"
#include "data/store.h"

/* ---- the source -------------------------------------------------------- */

static void test_full_row(void)
{
    loaded l;
    ssc_strings s;
    ssc_ints g;
    ssc_date d;
    double usd = 0;

    load(&l, HEADER "PGTF-2014-07,\"Rice, and more\",EMBRAPA, FIOCRUZ ; UNIDO ,vnm; LKA,"
                    "agriculture,2,5;2; 13,2014-07,2016-02-29,ongoing,PGTF,1500000.50,"
                    "south-south,1,12000\n");
    CHECK_INT(l.rc, SSC_OK);
    CHECK_INT(l.skipped, 0);
    CHECK_INT(ssc_diag_total(&l.d), 0);
    CHECK_INT(ssc_portfolio_count(&l.view), 1);
    CHECK_STR(ssc_project_id(&l.view, 0), "PGTF-2014-07");
    CHECK_STR(ssc_project_title(&l.view, 0), "Rice, and more");
    CHECK_STR(ssc_project_lead(&l.view, 0), "EMBRAPA");
    s = ssc_project_partners(&l.view, 0);
    CHECK_INT(s.count, 2);
    if (s.count == 2) {
        CHECK_STR(s.items[0], "FIOCRUZ");
        CHECK_STR(s.items[1], "UNIDO");
    }
    s = ssc_project_countries(&l.view, 0);
    CHECK_INT(s.count, 2);
    if (s.count == 2) {
        CHECK_STR(s.items[0], "VNM"); /* stored in upper case */
        CHECK_STR(s.items[1], "LKA");
    }
    s = ssc_project_regions(&l.view, 0);
    CHECK_INT(s.count, 1);
    if (s.count == 1)
        CHECK_STR(s.items[0], "Asia");
    CHECK_STR(ssc_project_sector(&l.view, 0), "agriculture");
    CHECK_INT(ssc_project_sdg_primary(&l.view, 0), 2);
    g = ssc_project_sdgs(&l.view, 0);
    CHECK_INT(g.count, 3); /* 2, then 5 and 13; the repeated 2 once */
    if (g.count == 3) {
        CHECK_INT(g.items[0], 2);
        CHECK_INT(g.items[1], 5);
        CHECK_INT(g.items[2], 13);
    }
    d = ssc_project_start(&l.view, 0);
    CHECK(d.year == 2014 && d.month == 7 && d.day == 0);
    d = ssc_project_end(&l.view, 0);
    CHECK(d.year == 2016 && d.month == 2 && d.day == 29);
    CHECK_STR(ssc_project_status(&l.view, 0), "ongoing");
    CHECK_STR(ssc_project_funding_source(&l.view, 0), "PGTF");
    CHECK_INT(ssc_project_budget(&l.view, 0, &usd), 1);
    CHECK(usd == 1500000.5);
    CHECK_STR(ssc_project_modality(&l.view, 0), "south-south");
    CHECK_INT(ssc_project_gender_marker(&l.view, 0), 1);
    CHECK_INT(ssc_project_beneficiaries(&l.view, 0), 12000);
    CHECK_INT(ssc_store_line(l.st, 0), 2);
    unload(&l);
}

/* Columns in another order, optional ones absent, extra ones kept. */
static void test_order_and_extras(void)
{
    loaded l;
    double usd;

    load(&l, "status,notes,sector,countries,Region code,sdg_primary,id,start_date,title,"
             "lead_institution\n"
             "completed,first note,water,KEN,x1,6,A-1,2001,Wells,KARI\n"
             "pipeline,,ict,BRA;ARG,x2,9,A-2,2020-01-31,Links,EMBRAPA\n");
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(joined(&l.d), "");
    CHECK_INT(ssc_portfolio_count(&l.view), 2);
    CHECK_STR(ssc_project_id(&l.view, 1), "A-2");
    CHECK_STR(ssc_project_title(&l.view, 1), "Links");
    CHECK_STR(ssc_project_status(&l.view, 0), "completed");
    CHECK_INT(ssc_project_sdg_primary(&l.view, 0), 6);
    CHECK_STR(ssc_project_field(&l.view, 0, "notes"), "first note");
    CHECK_STR(ssc_project_field(&l.view, 1, "notes"), "");
    CHECK_STR(ssc_project_field(&l.view, 0, "Region code"), "x1");
    CHECK_STR(ssc_project_field(&l.view, 1, "Region code"), "x2");
    CHECK(ssc_project_field(&l.view, 0, "nothing") == NULL);
    CHECK(ssc_project_field(&l.view, 0, "status") == NULL); /* a spec column, not extra */
    /* the optional columns' "none" values */
    CHECK_INT(ssc_project_budget(&l.view, 0, &usd), 0);
    CHECK_INT(ssc_project_gender_marker(&l.view, 0), -1);
    CHECK_INT(ssc_project_beneficiaries(&l.view, 0), -1);
    CHECK_STR(ssc_project_modality(&l.view, 0), "");
    CHECK_STR(ssc_project_funding_source(&l.view, 0), "");
    CHECK_INT(ssc_project_partners(&l.view, 0).count, 0);
    CHECK_INT(ssc_project_end(&l.view, 0).year, 0);
    CHECK_INT(ssc_project_sdgs(&l.view, 1).count, 1);
    unload(&l);
}

static void test_renames(void)
{
    static const ssc_rename renames[] = {
        {"Project ID", "id"}, {"Name", "title"}, {"Not in this file", "sector"}};
    static const ssc_rename bad[] = {{"Code", "project_code"}};
    ssc_csv_options opt = {.renames = renames, .n_renames = 3};
    static const char csv[] = "Project ID,Name,lead_institution,countries,sector,sdg_primary,"
                              "start_date,status\n"
                              "P-1,Seeds,EMBRAPA,BRA,agriculture,2,2010,completed\n";
    loaded l;

    load_opt(&l, csv, strlen(csv), &opt);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(joined(&l.d), "");
    CHECK_STR(ssc_project_id(&l.view, 0), "P-1");
    CHECK_STR(ssc_project_title(&l.view, 0), "Seeds");
    CHECK(ssc_project_field(&l.view, 0, "Project ID") == NULL);
    unload(&l);

    /* Without the renames the two columns are extras, and id and title
     * are missing. */
    load(&l, csv);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d), "t.csv:1: missing required columns: id, title");
    unload(&l);

    /* A rename onto a name the spec does not have. */
    opt.renames = bad;
    opt.n_renames = 1;
    load_opt(&l, csv, strlen(csv), &opt);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d),
              "t.csv: the report renames column 'Code' to 'project_code', which is not a "
              "portfolio column (expected one of id, title, lead_institution, "
              "partner_institutions, countries, sector, sdg_primary, sdg_secondary, "
              "start_date, end_date, status, funding_source, budget_usd, modality, "
              "gender_marker, beneficiaries)\n"
              "t.csv:1: missing required columns: id, title");
    unload(&l);

    /* A rename and the spec name both present: the column twice. */
    opt.renames = renames;
    opt.n_renames = 1;
    load_opt(&l,
             "id,Project ID,title,lead_institution,countries,sector,sdg_primary,start_date,"
             "status\n",
             strlen("id,Project ID,title,lead_institution,countries,sector,sdg_primary,"
                    "start_date,status\n"),
             &opt);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d), "t.csv:1: id: appears more than once in the header (columns 1 and 2)");
    unload(&l);
}

static void test_header_problems(void)
{
    loaded l;

    load(&l, "id,title,sector,status,notes,sdg_primary,notes, ,start_date\n");
    CHECK_INT(l.rc, SSC_ERR);
    CHECK(l.st == NULL);
    CHECK_STR(joined(&l.d),
              "t.csv:1: notes: appears more than once in the header (columns 5 and 7)\n"
              "t.csv:1: column 8 has no name (name it, or delete the column)\n"
              "t.csv:1: missing required columns: lead_institution, countries");
    CHECK_STR(l.err.message, "3 problems; nothing rendered (fix them: --skip-bad-rows cannot "
                             "skip a bad header or an unclosed quote)");
    unload(&l);

    load(&l, "id,title,lead_institution,countries,sector,sdg_primary,start_date\n");
    CHECK_STR(joined(&l.d), "t.csv:1: missing required column: status");
    CHECK_STR(l.err.message, "1 problem; nothing rendered (fix it: --skip-bad-rows cannot skip "
                             "this one)");
    unload(&l);

    /* bytes that are not UTF-8 are the file's problem, found before the
     * header is read: one line, naming the line */
    load(&l, "id,ti\xC3tle,lead_institution,countries,sector,sdg_primary,start_date,status\n");
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d), "");
    CHECK_STR(l.err.file, "t.csv");
    CHECK_INT(l.err.line, 1);
    CHECK_PREFIX(l.err.message, "the file is not valid UTF-8 (byte 0xC3); ");
    unload(&l);

    /* A quoted header name may hold a line end: kept as written for
     * plugins, shown with '?' in messages, which stay one line each. */
    load(&l, "id,\"note\nnext\",title,lead_institution,countries,sector,sdg_primary,"
             "start_date,status\n"
             "P1,n,T,L,VNM,s,1,2010,ongoing\n");
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(ssc_project_field(&l.view, 0, "note\nnext"), "n");
    unload(&l);
    load(&l, "id,\"note\nnext\",title,lead_institution,countries,sector,sdg_primary,"
             "start_date,status,\"note\nnext\"\n");
    CHECK_STR(joined(&l.d), "t.csv:1: note?next: appears more than once in the header "
                            "(columns 2 and 10)");
    unload(&l);

    /* Empty inputs. */
    load(&l, "");
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d), "t.csv:1: the file is empty (expected a header row naming the "
                            "columns)");
    unload(&l);
    load(&l, "\xEF\xBB\xBF\r\n\r\n");
    CHECK_STR(joined(&l.d), "t.csv:1: the file is empty (expected a header row naming the "
                            "columns)");
    unload(&l);
    /* UTF-16 with its byte-order mark is read: "id" is the one column */
    load_opt(&l, "\xFF\xFEi\0d\0", 6, NULL);
    CHECK_STR(joined(&l.d), "t.csv:1: missing required columns: title, lead_institution, "
                            "countries, sector, sdg_primary, start_date, status");
    unload(&l);

    /* A header alone is a portfolio with no projects. */
    load(&l, "\xEF\xBB\xBF" HEADER);
    CHECK_INT(l.rc, SSC_OK);
    CHECK(l.st != NULL);
    CHECK_INT(ssc_portfolio_count(&l.view), 0);
    unload(&l);
}

/* Each rule of the spec, with its message. */
static void test_rules(void)
{
    /* required cells: the cell is blank or only spaces */
    expect_problems(REQ "P1, ,EMBRAPA,BRA,,2,2010,\n",
                    "t.csv:2: title: required, but empty\n"
                    "t.csv:2: sector: required, but empty\n"
                    "t.csv:2: status: required, but empty",
                    3);
    expect_problems(REQ ",T,L,,s,,,ongoing\n",
                    "t.csv:2: id: required, but empty\n"
                    "t.csv:2: countries: required, but empty\n"
                    "t.csv:2: sdg_primary: required, but empty\n"
                    "t.csv:2: start_date: required, but empty",
                    4);
    /* countries */
    expect_problems(REQ "P1,T,L,VNM;XYZ;lka;;USA,s,1,2010,ongoing\n",
                    "t.csv:2: countries: XYZ is not an ISO 3166-1 alpha-3 country code\n"
                    "t.csv:2: countries: empty item in VNM;XYZ;lka;;USA (separate items with "
                    "a single ';')",
                    2);
    expect_problems(REQ "P1,T,L,VN,s,1,2010,ongoing\n"
                        "P2,T,L,VNM;,s,1,2010,ongoing\n",
                    "t.csv:2: countries: VN is not an ISO 3166-1 alpha-3 country code\n"
                    "t.csv:3: countries: empty item in VNM; (separate items with a single ';')",
                    2);
    /* SDGs */
    expect_problems(REQ "P1,T,L,VNM,s,19,2010,ongoing\n"
                        "P2,T,L,VNM,s,0,2010,ongoing\n"
                        "P3,T,L,VNM,s,2.5,2010,ongoing\n"
                        "P4,T,L,VNM,s,goal 4,2010,ongoing\n",
                    "t.csv:2: sdg_primary: 19 is not an SDG (expected a whole number from 1 to "
                    "17)\n"
                    "t.csv:3: sdg_primary: 0 is not an SDG (expected a whole number from 1 to "
                    "17)\n"
                    "t.csv:4: sdg_primary: 2.5 is not an SDG (expected a whole number from 1 "
                    "to 17)\n"
                    "t.csv:5: sdg_primary: goal 4 is not an SDG (expected a whole number from "
                    "1 to 17)",
                    4);
    expect_problems("id,title,lead_institution,countries,sector,sdg_primary,sdg_secondary,"
                    "start_date,status\n"
                    "P1,T,L,VNM,s,1,3; 18 ;17,2010,ongoing\n"
                    "P2,T,L,VNM,s,1,3;;;4,2010,ongoing\n", /* reported once */
                    "t.csv:2: sdg_secondary: 18 is not an SDG (expected a whole number from 1 "
                    "to 17)\n"
                    "t.csv:3: sdg_secondary: empty item in 3;;;4 (separate items with a single "
                    "';')",
                    2);
    /* partners */
    expect_problems("id,title,lead_institution,partner_institutions,countries,sector,"
                    "sdg_primary,start_date,status\n"
                    "P1,T,L,A;;B,VNM,s,1,2010,ongoing\n",
                    "t.csv:2: partner_institutions: empty item in A;;B (separate items with a "
                    "single ';')",
                    1);
    /* dates: forms, calendar, leap years, order */
    expect_problems(REQ "P1,T,L,VNM,s,1,2014/07/01,ongoing\n"
                        "P2,T,L,VNM,s,1,2014-7,ongoing\n"
                        "P3,T,L,VNM,s,1,2014-13,ongoing\n"
                        "P4,T,L,VNM,s,1,2023-02-29,ongoing\n"
                        "P5,T,L,VNM,s,1,1900-02-29,ongoing\n"
                        "P6,T,L,VNM,s,1,2014-04-31,ongoing\n"
                        "P7,T,L,VNM,s,1,0000,ongoing\n"
                        "P8,T,L,VNM,s,1,2000-02-29,ongoing\n"
                        "P9,T,L,VNM,s,1,2024-02-29,ongoing\n",
                    "t.csv:2: start_date: 2014/07/01 is not a date (expected YYYY, YYYY-MM or "
                    "YYYY-MM-DD, e.g. 2014-07-01)\n"
                    "t.csv:3: start_date: 2014-7 is not a date (expected YYYY, YYYY-MM or "
                    "YYYY-MM-DD, e.g. 2014-07-01)\n"
                    "t.csv:4: start_date: 2014-13 is not a calendar date (months run from 01 "
                    "to 12)\n"
                    "t.csv:5: start_date: 2023-02-29 is not a calendar date (February 2023 "
                    "has 28 days)\n"
                    "t.csv:6: start_date: 1900-02-29 is not a calendar date (February 1900 "
                    "has 28 days)\n"
                    "t.csv:7: start_date: 2014-04-31 is not a calendar date (April 2014 has "
                    "30 days)\n"
                    "t.csv:8: start_date: 0000 is not a calendar date (there is no year 0000)",
                    7);
    expect_problems("id,title,lead_institution,countries,sector,sdg_primary,start_date,"
                    "end_date,status\n"
                    "P1,T,L,VNM,s,1,2014-07-15,2014-07-14,ongoing\n"
                    "P2,T,L,VNM,s,1,2014-07,2014-06-30,ongoing\n"
                    "P3,T,L,VNM,s,1,2015,2014,ongoing\n"
                    "P4,T,L,VNM,s,1,2014-07,2014,ongoing\n"       /* 2014 may end in December */
                    "P5,T,L,VNM,s,1,2014,2014-01,ongoing\n"       /* same year: fine */
                    "P6,T,L,VNM,s,1,2014-07-15,2014-07,ongoing\n" /* July may end after the 15th */
                    "P7,T,L,VNM,s,1,2014-07-15,2014-07-15,ongoing\n",
                    "t.csv:2: end_date: 2014-07-14 is before start_date 2014-07-15\n"
                    "t.csv:3: end_date: 2014-06-30 is before start_date 2014-07\n"
                    "t.csv:4: end_date: 2014 is before start_date 2015",
                    3);
    /* status */
    expect_problems(REQ "P1,T,L,VNM,s,1,2010,active\n"
                        "P2,T,L,VNM,s,1,2010,Ongoing\n",
                    "t.csv:2: status: active is not a status (expected pipeline, ongoing, "
                    "completed, cancelled or suspended)\n"
                    "t.csv:3: status: Ongoing is not a status (expected pipeline, ongoing, "
                    "completed, cancelled or suspended)",
                    2);
}

static void test_number_rules(void)
{
#define NUMS                                                                                       \
    "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,"                    \
    "budget_usd,modality,gender_marker,beneficiaries\n"
#define GOOD "T,L,VNM,s,1,2010,ongoing,"
    loaded l;
    double usd = -1;

    expect_problems(NUMS "P1," GOOD "\"1,500\",,,\n"
                         "P2," GOOD "-5,,,\n"
                         "P3," GOOD "1e6,,,\n"
                         "P4," GOOD "$100,,,\n"
                         "P5," GOOD "1.2.3,,,\n",
                    "t.csv:2: budget_usd: 1,500 is not a number (expected US dollars with '.' "
                    "as the decimal point and no thousands separators, e.g. 1500000.50)\n"
                    "t.csv:3: budget_usd: -5 is negative (expected 0 or more)\n"
                    "t.csv:4: budget_usd: 1e6 is not a number (expected US dollars with '.' "
                    "as the decimal point and no thousands separators, e.g. 1500000.50)\n"
                    "t.csv:5: budget_usd: $100 is not a number (expected US dollars with '.' "
                    "as the decimal point and no thousands separators, e.g. 1500000.50)\n"
                    "t.csv:6: budget_usd: 1.2.3 is not a number (expected US dollars with '.' "
                    "as the decimal point and no thousands separators, e.g. 1500000.50)",
                    5);
    expect_problems(NUMS "P1," GOOD ",bilateral,3,\n"
                         "P2," GOOD ",South-South,1.0,\n"
                         "P3," GOOD ",,,-1\n"
                         "P4," GOOD ",,,12.5\n"
                         "P5," GOOD ",,,\"1,200\"\n"
                         "P6," GOOD ",,,9223372036854775808\n",
                    "t.csv:2: modality: bilateral is not a modality (expected south-south or "
                    "triangular)\n"
                    "t.csv:2: gender_marker: 3 is not a gender marker (expected 0, 1 or 2)\n"
                    "t.csv:3: modality: South-South is not a modality (expected south-south or "
                    "triangular)\n"
                    "t.csv:3: gender_marker: 1.0 is not a gender marker (expected 0, 1 or 2)\n"
                    "t.csv:4: beneficiaries: -1 is negative (expected 0 or more)\n"
                    "t.csv:5: beneficiaries: 12.5 is not a whole number (expected people "
                    "reached, 0 or more, without separators)\n"
                    "t.csv:6: beneficiaries: 1,200 is not a whole number (expected people "
                    "reached, 0 or more, without separators)\n"
                    "t.csv:7: beneficiaries: 9223372036854775808 is too large",
                    8);

    /* the edges that are fine */
    load(&l, NUMS "P1," GOOD "0,triangular,0,9223372036854775807\n"
                  "P2," GOOD ".25,,2,0\n"
                  "P3," GOOD "7.,,,-0\n"
                  "P4," GOOD "0.1,,,\n");
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(joined(&l.d), "");
    CHECK_INT(ssc_project_budget(&l.view, 0, &usd), 1);
    CHECK(usd == 0.0);
    CHECK_INT(ssc_project_beneficiaries(&l.view, 0), 9223372036854775807LL);
    CHECK_STR(ssc_project_modality(&l.view, 0), "triangular");
    CHECK_INT(ssc_project_gender_marker(&l.view, 0), 0);
    ssc_project_budget(&l.view, 1, &usd);
    CHECK(usd == 0.25);
    CHECK_INT(ssc_project_gender_marker(&l.view, 1), 2);
    CHECK_INT(ssc_project_beneficiaries(&l.view, 1), 0);
    ssc_project_budget(&l.view, 2, &usd);
    CHECK(usd == 7.0);
    CHECK_INT(ssc_project_beneficiaries(&l.view, 2), 0);
    ssc_project_budget(&l.view, 3, &usd);
    CHECK(usd == 0.1); /* correctly rounded, as strtod would give */
    unload(&l);
#undef NUMS
#undef GOOD
}

static void test_text_rules(void)
{
    static const char nul[] = REQ "P1,Ti\0tle,L,VNM,s,1,2010,ongoing\n";
    loaded l;

    /* a title longer than the limit is a problem, not minutes of layout:
     * 20,000 bytes, counted here by hand */
    {
        static char big[sizeof REQ + 20100];
        size_t n = (size_t)snprintf(big, sizeof big, "%sP1,", REQ);
        memset(big + n, 'x', 20000);
        n += 20000;
        snprintf(big + n, sizeof big - n, ",L,VNM,s,1,2010,ongoing\n");
        expect_problems(big, "t.csv:2: title: is 20000 bytes long (at most 16384; is a closing "
                             "quote missing?)",
                        1);
    }

    /* invalid UTF-8 anywhere is one problem of the file, at the first bad
     * byte's line, with the setting that fixes it: here the é of a
     * Windows-1252 "Café" on line 2, not the later surrogate */
    load(&l, "id,title,lead_institution,countries,sector,sdg_primary,start_date,status,"
             "notes\n"
             "P1,Caf\xE9,L,VNM,s,1,2010,ongoing,\xED\xA0\x80\n");
    CHECK_INT(l.rc, SSC_ERR);
    CHECK(l.st == NULL);
    CHECK_STR(joined(&l.d), "");
    CHECK_STR(l.err.file, "t.csv");
    CHECK_INT(l.err.line, 2);
    CHECK_STR(l.err.message, "the file is not valid UTF-8 (byte 0xE9); if the file was saved "
                             "by Excel on Chinese Windows set data.encoding = \"GB18030\" "
                             "(Western Windows: \"WINDOWS-1252\")");
    unload(&l);
    load_opt(&l, nul, sizeof nul - 1, NULL);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d), "t.csv:2: title: contains a NUL byte (save the file as UTF-8 text)");
    unload(&l);

    /* Chinese and Arabic titles are text like any other */
    load(&l, REQ "P1,水稻价值链,L,CHN,s,2,2010,ongoing\n"
                 "P2,التعاون في مجال الري,L,EGY,s,6,2010,ongoing\n");
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(ssc_project_title(&l.view, 0), "水稻价值链");
    CHECK_STR(ssc_project_title(&l.view, 1), "التعاون في مجال الري");
    unload(&l);

    /* a long value is cut in the message */
    expect_problems(REQ "P1,T,L,VNM,s,1,2010,"
                        "this status is much longer than forty bytes of text\n",
                    "t.csv:2: status: this status is much longer than forty by... is not a "
                    "status (expected pipeline, ongoing, completed, cancelled or suspended)",
                    1);
}

/* Line numbers follow the physical lines, across quoted line ends. */
static void test_lines_and_rows(void)
{
    expect_problems(REQ "P1,\"A title\non two lines\",L,VNM,s,1,2010,ongoing\n" /* 2-3 */
                        "\n"                                                    /* 4 */
                        "P2,T,L,VNM,s,19,2010,ongoing\n"                        /* 5 */
                        ",,,,,,,\n"                                             /* 6 */
                        "P3,T,L,VNM,s,1\n"                                      /* 7 */
                        "P1,\"x\"y,L,VNM,s,1,2010,ongoing\n",                   /* 8 */
                    "t.csv:5: sdg_primary: 19 is not an SDG (expected a whole number from 1 to "
                    "17)\n"
                    "t.csv:7: the row has 6 fields, but the header has 8 (a value holding a "
                    "comma must be in double quotes)\n"
                    "t.csv:8: title: text after the closing quote (inside quotes, write a "
                    "quote as \"\")\n"
                    "t.csv:8: id: P1 is already used on line 2",
                    4);
    /* the same with CRLF line ends */
    expect_problems(REQ "P1,\"A title\r\non two lines\",L,VNM,s,1,2010,ongoing\r\n"
                        "\r\n"
                        "P2,T,L,VNM,s,19,2010,ongoing\r\n",
                    "t.csv:5: sdg_primary: 19 is not an SDG (expected a whole number from 1 to "
                    "17)",
                    1);
}

static void test_duplicate_ids(void)
{
    /* an id quoted with a doubled quote is compared after unescaping, and
     * the first use is named even when more rows repeat it */
    expect_problems(REQ "\"X\"\"1\",T,L,VNM,s,1,2010,ongoing\n"
                        "B,T,L,VNM,s,1,2010,ongoing\n"
                        "X\"1,T,L,VNM,s,1,2010,ongoing\n"
                        "\"B\",T,L,VNM,s,1,2010,ongoing\n"
                        "\"X\"\"1\",T,L,VNM,s,1,2010,ongoing\n",
                    "t.csv:4: id: X\"1 is already used on line 2\n"
                    "t.csv:5: id: B is already used on line 3\n"
                    "t.csv:6: id: X\"1 is already used on line 2",
                    3);
    /* a repeated id is found when the row is settled, after its cells
     * were judged, but reported first, as the columns come; a bad row's
     * id still counts as used */
    expect_problems(REQ "A,T,L,VNM,s,1,2010,ongoing\n"
                        "A,T,L,XXX,s,19,2010,ongoing\n"
                        "B,,L,VNM,s,1,2010,ongoing\n"
                        "B,T,L,VNM,s,1,2010,bad\n",
                    "t.csv:3: id: A is already used on line 2\n"
                    "t.csv:3: countries: XXX is not an ISO 3166-1 alpha-3 country code\n"
                    "t.csv:3: sdg_primary: 19 is not an SDG (expected a whole number from 1 to "
                    "17)\n"
                    "t.csv:4: title: required, but empty\n"
                    "t.csv:5: id: B is already used on line 4\n"
                    "t.csv:5: status: bad is not a status (expected pipeline, ongoing, "
                    "completed, cancelled or suspended)",
                    6);
    /* without a problem list the error names the id's problem, the first */
    {
        static const char csv[] = REQ "A,T,L,VNM,s,1,2010,ongoing\nA,T,L,XXX,s,1,2010,ongoing\n";
        ssc_store *st = NULL;
        ssc_error err;

        ssc_error_clear(&err);
        CHECK_INT(ssc_csv_load_buffer(csv, sizeof csv - 1, "n.csv", NULL, &st, NULL, NULL, &err),
                  SSC_ERR);
        CHECK_STR(err.message, "n.csv:3: id: A is already used on line 2 (and 1 more problem)");
    }
}

static void test_unclosed_quote(void)
{
    static const ssc_csv_options skip = {.skip_bad_rows = 1};
    static const char csv[] = REQ "P1,T,L,VNM,s,1,2010,ongoing\n"
                                  "P2,\"T,L,VNM,s,1,2010,ongoing\n"
                                  "P3,T,L,VNM,s,1,2010,ongoing\n";
    loaded l;

    load_opt(&l, csv, sizeof csv - 1, &skip);
    CHECK_INT(l.rc, SSC_ERR); /* even when skipping: the rest of the file is lost */
    CHECK(l.st == NULL);
    CHECK_STR(joined(&l.d), "t.csv:3: title: the quoted value starting on this line never ends "
                            "(a closing \" is missing)");
    CHECK_STR(l.err.message, "1 problem; nothing rendered (fix it: --skip-bad-rows cannot skip "
                             "this one)");
    unload(&l);
}

static void test_skip_bad_rows(void)
{
    static const ssc_csv_options skip = {.skip_bad_rows = 1, .display_name = "shown.csv"};
    static const char csv[] = REQ "P1,T,L,VNM,s,1,2010,ongoing\n"
                                  "P2,T,L,XXX,s,1,2010,ongoing\n"
                                  "P3,T,L,VNM,s,1,2010,ongoing\n"
                                  "P4,T,L,VNM,s,1,2010,bad\n"
                                  "P5,T,L,VNM,s,1,2010-02-30,bad\n"
                                  "P6,T,L,VNM,s,1,2010,ongoing\n";
    loaded l;

    load_opt(&l, csv, sizeof csv - 1, &skip);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_INT(l.skipped, 3);
    CHECK_INT(ssc_portfolio_count(&l.view), 3);
    CHECK_STR(ssc_project_id(&l.view, 0), "P1");
    CHECK_STR(ssc_project_id(&l.view, 1), "P3");
    CHECK_STR(ssc_project_id(&l.view, 2), "P6");
    CHECK_INT(ssc_store_line(l.st, 2), 7);
    CHECK_STR(joined(&l.d),
              "shown.csv:3: countries: XXX is not an ISO 3166-1 alpha-3 country code\n"
              "shown.csv:5: status: bad is not a status (expected pipeline, ongoing, "
              "completed, cancelled or suspended)\n"
              "shown.csv:6: start_date: 2010-02-30 is not a calendar date (February 2010 has "
              "28 days)\n"
              "shown.csv:6: status: bad is not a status (expected pipeline, ongoing, "
              "completed, cancelled or suspended)");
    CHECK(!l.err.set);
    unload(&l);
}

/* 60 bad rows: 50 problems kept, 10 counted. */
static void test_cap(void)
{
    char *csv = malloc(8192);
    size_t o;
    loaded l;

    if (!csv) {
        CHECK(!"out of memory");
        return;
    }
    o = (size_t)sprintf(csv, "%s", REQ);
    for (int i = 1; i <= 60; i++)
        o += (size_t)sprintf(csv + o, "P%d,T,L,VNM,s,18,2010,ongoing\n", i);
    load(&l, csv);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_INT(l.d.count, 50);
    CHECK_INT(l.d.dropped, 10);
    CHECK_STR(l.d.lines[0], "t.csv:2: sdg_primary: 18 is not an SDG (expected a whole number "
                            "from 1 to 17)");
    CHECK_STR(l.d.lines[49], "t.csv:51: sdg_primary: 18 is not an SDG (expected a whole number "
                             "from 1 to 17)");
    CHECK_STR(l.err.message, "60 problems; nothing rendered (" SKIP_HINT ")");
    unload(&l);
    free(csv);
}

/* Without a problem list the error carries the first problem. */
static void test_no_list(void)
{
    static const char csv[] = REQ "P1,T,L,VNM,s,1,2010,x\nP2,T,L,VNM,s,1,2010,y\n";
    ssc_store *st = (ssc_store *)1;
    ssc_error err;

    ssc_error_clear(&err);
    CHECK_INT(ssc_csv_load_buffer(csv, sizeof csv - 1, "n.csv", NULL, &st, NULL, NULL, &err),
              SSC_ERR);
    CHECK(st == NULL);
    CHECK_STR(err.message, "n.csv:2: status: x is not a status (expected pipeline, ongoing, "
                           "completed, cancelled or suspended) (and 1 more problem)");
}

/* Equal titles are one pointer (the store shares them while it has room):
 * twenty rows, so that the settling's hashes, worked out eight rows ahead
 * in a ring, wrap around more than once; a row given another row's hash,
 * or the id's, would get a copy of its own. */
static void test_shared_titles(void)
{
    static const char *const titles[] = {"Alpha", "Beta", "Gamma plus", "Alpha", "Beta"};
    char csv[4096];
    size_t o = (size_t)snprintf(csv, sizeof csv, "%s", REQ);
    loaded l;

    for (int i = 0; i < 20; i++)
        o += (size_t)snprintf(csv + o, sizeof csv - o, "P%d, %s ,L,VNM,s,1,2010,ongoing\n", i,
                              titles[i % 5]);
    load(&l, csv);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_INT(ssc_portfolio_count(&l.view), 20);
    for (size_t i = 0; i < 20 && l.rc == SSC_OK; i++) {
        CHECK_ROW("row %zu", i);
        CHECK_STR(ssc_project_title(&l.view, i), titles[i % 5]);
        for (size_t j = 0; j < i; j++)
            CHECK((ssc_project_title(&l.view, i) == ssc_project_title(&l.view, j)) ==
                  (strcmp(titles[i % 5], titles[j % 5]) == 0));
    }
    CHECK_ROW_END();
    unload(&l);
}

int main(void)
{
    test_full_row();
    test_order_and_extras();
    test_renames();
    test_header_problems();
    test_rules();
    test_number_rules();
    test_text_rules();
    test_lines_and_rows();
    test_duplicate_ids();
    test_unclosed_quote();
    test_skip_bad_rows();
    test_cap();
    test_no_list();
    test_shared_titles();
    return check_done();
}

