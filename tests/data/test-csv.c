/* SPDX-License-Identifier: MIT */
/* The CSV reader (engine/data/csv.c) and the portfolio CSV source
 * (engine/data/source_csv.c) against docs/portfolio-csv.md.  Every input is
 * written here as a C string, and every expected value and message was
 * worked out by hand from that input. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "data/csv.h"
#include "data/encoding.h"
#include "data/nearest.h"
#include "data/sniff.h"
#include "data/source_csv.h"
#include "data/store.h"

#define HEADER                                                                                     \
    "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,"                 \
    "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,"                 \
    "gender_marker,beneficiaries\n"
/* Only the required columns, in spec order. */
#define REQ "id,title,lead_institution,countries,sector,sdg_primary,start_date,status\n"

#define SKIP_HINT "fix them, or render the good rows with --skip-bad-rows"
#define SKIP_HINT1 "fix it, or render the good rows with --skip-bad-rows"

/* ---- the reader -------------------------------------------------------- */

static int next(ssc_csv_reader *r, ssc_csv_record *rec)
{
    return ssc_csv_next(r, rec);
}

#define CHECK_FIELD(rec, i, want)                                                                  \
    do {                                                                                           \
        CHECK_INT((rec).fields[i].len, strlen(want));                                              \
        CHECK((rec).fields[i].len == strlen(want) &&                                               \
              memcmp((rec).fields[i].s, (want), strlen(want)) == 0);                               \
    } while (0)

static void test_reader_basics(void)
{
    /* BOM, CRLF, a quoted comma, a doubled quote, a quoted CRLF, a blank
     * line, and a last record without a line end. */
    static const char in[] = "\xEF\xBB\xBF"
                             "a,b,c\r\n"                         /* line 1 */
                             "1,\"x, y\",\"say \"\"hi\"\"\"\r\n" /* line 2 */
                             "2,\"two\r\nlines\",z\r\n"          /* lines 3-4 */
                             "\r\n"                              /* line 5: blank */
                             "3,,last";                          /* line 6 */
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 1);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 0, "a"); /* the BOM is not part of the first name */
    CHECK_FIELD(rec, 2, "c");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 2);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "x, y");
    CHECK(rec.fields[1].s == in + 3 + 7 + 3); /* points into the input: no copy */
    CHECK_FIELD(rec, 2, "say \"hi\"");
    CHECK_INT(rec.bad_field, 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 3);
    CHECK_FIELD(rec, 1, "two\r\nlines");
    CHECK_FIELD(rec, 2, "z");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 6);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "");
    CHECK_FIELD(rec, 2, "last");
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
}

static void test_reader_edges(void)
{
    /* LF and lone-CR line ends, a trailing comma, a quote inside an
     * unquoted field, text after a closing quote, an empty quoted field. */
    static const char in[] = "a,b\n"           /* 1 */
                             "x,\r"            /* 2: trailing comma, lone CR */
                             "5\" disk,\"\"\n" /* 3 */
                             "\"ab\"cd,e\n"    /* 4 */
                             "\"\n\n\",f\n";   /* 5-7 */
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 2);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 0, "x");
    CHECK_FIELD(rec, 1, "");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 3);
    CHECK_FIELD(rec, 0, "5\" disk");
    CHECK_FIELD(rec, 1, "");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 4);
    CHECK_INT(rec.count, 2);
    CHECK_INT(rec.bad_field, 1);
    CHECK_FIELD(rec, 0, "ab");
    CHECK_FIELD(rec, 1, "e");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.line, 5);
    CHECK_INT(rec.bad_field, 0);
    CHECK_FIELD(rec, 0, "\n\n");
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);

    /* An unclosed quote: the line it opens on, and which field. */
    static const char open_q[] = "a,b\n1,2\n3,\"never\nends\n";
    ssc_csv_reader_init(&r, open_q, sizeof open_q - 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(next(&r, &rec), SSC_CSV_UNCLOSED);
    CHECK_INT(r.unclosed_line, 3);
    CHECK_INT(r.unclosed_field, 1);
    ssc_csv_reader_free(&r);

    /* Empty input, and input of blank lines only. */
    ssc_csv_reader_init(&r, "", 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
    ssc_csv_reader_init(&r, "\n\r\n\n", 4);
    CHECK_INT(next(&r, &rec), SSC_CSV_END);
    ssc_csv_reader_free(&r);
}

/* Wide records and many unescaped fields: the field array and the scratch
 * buffer grow while a record is read, and earlier fields must survive. */
static void test_reader_growth(void)
{
    size_t n = 300, len = 0;
    char *in = malloc(n * 16 + 2);
    ssc_csv_reader r;
    ssc_csv_record rec;
    int ok = 1;

    if (!in) {
        CHECK(!"out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(in + len, "%s\"q\"\"%03zu\"", i ? "," : "", i);
    in[len++] = '\n';
    ssc_csv_reader_init(&r, in, len);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, n);
    for (size_t i = 0; i < rec.count && i < n; i++) {
        char want[16];
        sprintf(want, "q\"%03zu", i);
        ok &= rec.fields[i].len == 5 && memcmp(rec.fields[i].s, want, 5) == 0;
    }
    CHECK(ok);
    ssc_csv_reader_free(&r);
    free(in);
}

/* ---- the source -------------------------------------------------------- */

/* Joins the problem lines with '\n' (for one comparison per test). */
static const char *joined(const ssc_diag *d)
{
    static char buf[16384];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->count && o < sizeof buf; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "\n" : "", d->lines[i]);
    return buf;
}

typedef struct loaded {
    int rc;
    ssc_store *st;
    ssc_portfolio view;
    ssc_diag d;
    ssc_error err;
    size_t skipped;
} loaded;

static void load_opt(loaded *l, const char *csv, size_t len, const ssc_csv_options *opt)
{
    memset(l, 0, sizeof *l);
    ssc_diag_init(&l->d, 0);
    ssc_error_clear(&l->err);
    l->skipped = 99;
    l->rc = ssc_csv_load_buffer(csv, len, "t.csv", opt, &l->st, &l->d, &l->skipped, &l->err);
    if (l->st)
        ssc_portfolio_all(&l->view, l->st);
}

static void load(loaded *l, const char *csv)
{
    load_opt(l, csv, strlen(csv), NULL);
}

static void unload(loaded *l)
{
    ssc_store_free(l->st);
    ssc_diag_free(&l->d);
}

/* Loads csv, which must fail with exactly the problems want (one per
 * line) and the summary for a row problem. */
static void expect_problems(const char *csv, const char *want, size_t n)
{
    loaded l;
    char summary[256];
    load(&l, csv);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK(l.st == NULL);
    CHECK_STR(joined(&l.d), want);
    CHECK_INT(ssc_diag_total(&l.d), n);
    snprintf(summary, sizeof summary, "%zu problem%s; nothing rendered (%s)", n, n == 1 ? "" : "s",
             n == 1 ? SKIP_HINT1 : SKIP_HINT);
    CHECK_STR(l.err.message, summary);
    CHECK_STR(l.err.file, "t.csv");
    unload(&l);
}

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

static void test_files(void)
{
    char path[] = "/tmp/test-csv-XXXXXX";
    static const char csv[] = "\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\r\n";
    ssc_csv_options opt = {.display_name = "portfolio.csv"};
    ssc_store *st = NULL;
    ssc_diag d;
    ssc_error err;
    int fd = mkstemp(path);

    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK(write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1));
    close(fd);
    ssc_diag_init(&d, 0);
    CHECK_INT(ssc_csv_load(path, NULL, &st, &d, NULL, NULL), SSC_OK);
    CHECK(st && ssc_store_count(st) == 1);
    ssc_store_free(st);
    unlink(path);

    ssc_error_clear(&err);
    CHECK_INT(ssc_csv_load(path, &opt, &st, &d, NULL, &err), SSC_ERR);
    CHECK(st == NULL);
    CHECK_STR(err.file, "portfolio.csv");
    CHECK_STR(err.message, "cannot read the file: No such file or directory");
    CHECK_INT(ssc_diag_total(&d), 0);
    ssc_diag_free(&d);
}


/* ---- files as people have them ------------------------------------------ */

/* The reader with another separator: ';' and tab split, commas are text. */
static void test_reader_delimiter(void)
{
    static const char in[] = "a;b,c;\"x;y\"\n1\t2;3\n";
    ssc_csv_reader r;
    ssc_csv_record rec;

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, ';'), 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 3);
    CHECK_FIELD(rec, 1, "b,c");
    CHECK_FIELD(rec, 2, "x;y");
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 0, "1\t2");
    ssc_csv_reader_free(&r);

    ssc_csv_reader_init(&r, in, sizeof in - 1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '\t'), 0);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 1);
    CHECK_INT(next(&r, &rec), SSC_CSV_RECORD);
    CHECK_INT(rec.count, 2);
    CHECK_FIELD(rec, 1, "2;3");
    /* a quote or a line end cannot separate: refused, the last one stays */
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '"'), -1);
    CHECK_INT(ssc_csv_reader_set_delimiter(&r, '\n'), -1);
    CHECK_INT(r.delim, '\t');
    ssc_csv_reader_free(&r);
}

/* The separator from the header line only, or as the report sets it. */
static void test_separators(void)
{
    /* ';' as Excel writes it in many locales: lists are quoted */
    static const char semi[] = "id;title;lead_institution;countries;sector;sdg_primary;"
                               "start_date;status;budget_usd\r\n"
                               "P1;\"Seeds, tools\";EMBRAPA;\"BRA;ARG\";agriculture;2;2010;"
                               "ongoing;1500.5\r\n";
    static const char tab[] = "id\ttitle\tlead_institution\tcountries\tsector\tsdg_primary\t"
                              "start_date\tstatus\n"
                              "P1\tSeeds; tools\tEMBRAPA\tBRA;ARG\tagriculture\t2\t2010\t"
                              "ongoing\n";
    ssc_csv_options opt = {.delimiter = ','};
    loaded l;
    double usd = 0;

    CHECK_INT(ssc_sniff_delimiter(semi, sizeof semi - 1), ';');
    CHECK_INT(ssc_sniff_delimiter(tab, sizeof tab - 1), '\t');
    CHECK_INT(ssc_sniff_delimiter("a;b\tc;d\n", 8), ';');
    CHECK_INT(ssc_sniff_delimiter("a;b,c;d\n", 8), ',');
    CHECK_INT(ssc_sniff_delimiter("\"a,b\";c\n1,2", 11), ';'); /* quoted commas do not count */
    CHECK_INT(ssc_sniff_delimiter("id\n1;2,3\n", 9), ',');     /* later lines do not count */
    CHECK_INT(ssc_sniff_delimiter("", 0), ',');

    load(&l, semi);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(joined(&l.d), "");
    CHECK_STR(ssc_project_title(&l.view, 0), "Seeds, tools");
    CHECK_INT(ssc_project_countries(&l.view, 0).count, 2);
    CHECK_INT(ssc_project_budget(&l.view, 0, &usd), 1);
    CHECK(usd == 1500.5);
    unload(&l);
    load(&l, tab);
    CHECK_INT(l.rc, SSC_OK);
    CHECK_STR(ssc_project_title(&l.view, 0), "Seeds; tools");
    CHECK_INT(ssc_project_countries(&l.view, 0).count, 2);
    unload(&l);

    /* the report's separator wins over the header's: here it is wrong,
     * and the message says which one the header uses */
    load_opt(&l, semi, sizeof semi - 1, &opt);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, countries, "
              "sector, sdg_primary, start_date, status; the columns seem to be separated by "
              "';', not ',' as data.delimiter says: set data.delimiter = \";\" in the report");
    unload(&l);
    opt.delimiter = '\t';
    load_opt(&l, tab, sizeof tab - 1, &opt);
    CHECK_INT(l.rc, SSC_OK);
    unload(&l);

    /* an unquoted comma in one name makes the header read as comma
     * separated: the hint names ';' and the setting */
    load(&l, "id;title;lead_institution;countries;sector;sdg_primary;start_date;status;"
             "notes, misc\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, countries, "
              "sector, sdg_primary, start_date, status; the columns seem to be separated by "
              "';', not "
              "',' (taken because the header line holds a comma): set data.delimiter = \";\" "
              "in the report");
    unload(&l);

    /* the setting's values */
    char d = 0, buf[4];
    CHECK_INT(ssc_delimiter_parse(";", &d), 0);
    CHECK_INT(d, ';');
    CHECK_INT(ssc_delimiter_parse("tab", &d), 0);
    CHECK_INT(d, '\t');
    CHECK_INT(ssc_delimiter_parse("\t", &d), 0);
    CHECK_INT(ssc_delimiter_parse("|", &d), 0);
    CHECK_INT(d, '|');
    CHECK_INT(ssc_delimiter_parse("\"", &d), -1);
    CHECK_INT(ssc_delimiter_parse(";;", &d), -1);
    CHECK_INT(ssc_delimiter_parse("a", &d), -1);
    CHECK_INT(ssc_delimiter_parse(" ", &d), -1);
    CHECK_INT(ssc_delimiter_parse("", &d), -1);
    CHECK_STR(ssc_delimiter_show(';', buf), "';'");
    CHECK_STR(ssc_delimiter_show('\t', buf), "tab");
}

/* utf8 converted with iconv to `to`, as a test input (caller frees). */
static char *encode(const char *utf8, const char *to, size_t *len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    size_t in_left = strlen(utf8), cap = 4 * in_left + 8, out_left = cap;
    char *buf = malloc(cap), *ip = (char *)utf8, *op = buf;

    CHECK(cd != (iconv_t)-1 && buf);
    if (cd == (iconv_t)-1 || !buf) {
        free(buf);
        *len = 0;
        return NULL;
    }
    CHECK(iconv(cd, &ip, &in_left, &op, &out_left) != (size_t)-1);
    iconv_close(cd);
    *len = cap - out_left;
    return buf;
}

/* A portfolio in GB18030, Windows-1252 and UTF-16 reads as its UTF-8
 * original: the titles come back as they were written. */
static void test_encodings(void)
{
    static const char utf8[] = REQ "P1,杂交水稻高产栽培技术,中国农业科学院,VNM,"
                                   "agriculture,2,2010,ongoing\n"
                                   "P2,Pérez-Guerrero: coopération Sud-Sud,Instituto de "
                                   "Investigación,BRA,water,6,2012,completed\n";
    static const char western[] = REQ "P1,\"Café, crème brûlée à São Tomé\","
                                      "Universität Zürich,STP,water,6,2012,ongoing\n"
                                      "P2,Budget in €: ñandú,L,BRA,water,6,2012,ongoing\n";
    static const struct {
        const char *encoding, *text, *title0, *lead0, *title1;
        int bom;
    } cases[] = {
        {"GB18030", utf8, "杂交水稻高产栽培技术", "中国农业科学院",
         "Pérez-Guerrero: coopération Sud-Sud", 0},
        {"WINDOWS-1252", western, "Café, crème brûlée à São Tomé", "Universität Zürich",
         "Budget in €: ñandú", 0},
        {"UTF-16LE", utf8, "杂交水稻高产栽培技术", "中国农业科学院", NULL, 1},
        {"UTF-16BE", utf8, "杂交水稻高产栽培技术", NULL, NULL, 1},
        {"UTF-16", utf8, "杂交水稻高产栽培技术", NULL, NULL, 0}, /* iconv writes a BOM */
    };
    loaded l;

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len, n;
        char *bytes = encode(cases[i].text, cases[i].encoding, &len), *in;
        ssc_csv_options opt = {.encoding = cases[i].encoding};
        CHECK_ROW("%s", cases[i].encoding);
        if (!bytes)
            continue;
        /* the byte-order mark alone is enough: no data.encoding then */
        n = cases[i].bom ? 2 : 0;
        in = malloc(len + n);
        CHECK(in != NULL);
        if (!in) {
            free(bytes);
            continue;
        }
        memcpy(in, strcmp(cases[i].encoding, "UTF-16LE") == 0 ? "\xFF\xFE" : "\xFE\xFF", n);
        memcpy(in + n, bytes, len);
        load_opt(&l, in, len + n, cases[i].bom ? NULL : &opt);
        CHECK_INT(l.rc, SSC_OK);
        CHECK_STR(joined(&l.d), "");
        if (l.st) {
            CHECK_STR(ssc_project_title(&l.view, 0), cases[i].title0);
            if (cases[i].lead0)
                CHECK_STR(ssc_project_lead(&l.view, 0), cases[i].lead0);
            if (cases[i].title1)
                CHECK_STR(ssc_project_title(&l.view, 1), cases[i].title1);
        }
        unload(&l);
        /* without the setting, an 8-bit file is refused with the hint */
        if (!cases[i].bom && strcmp(cases[i].encoding, "UTF-16") != 0) {
            load_opt(&l, in, len + n, NULL);
            CHECK_INT(l.rc, SSC_ERR);
            CHECK_INT(l.err.line, 2);
            CHECK(strstr(l.err.message, "data.encoding = \"GB18030\"") != NULL);
            unload(&l);
        }
        free(bytes);
        free(in);
    }
    CHECK_ROW_END();
    /* the setting's case does not matter to iconv */
    {
        size_t len;
        char *bytes = encode(western, "WINDOWS-1252", &len);
        ssc_csv_options opt = {.encoding = "windows-1252"};
        load_opt(&l, bytes, len, &opt);
        CHECK_INT(l.rc, SSC_OK);
        unload(&l);
        free(bytes);
    }

    /* "UTF-8" as the setting converts nothing; a UTF-8 BOM is skipped */
    ssc_csv_options u8 = {.encoding = "utf8"}, gb_bom = {.encoding = "GB18030"};
    load_opt(&l, "\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\n",
             sizeof("\xEF\xBB\xBF" REQ "P1,T,L,VNM,s,1,2010,ongoing\n") - 1, &u8);
    CHECK_INT(l.rc, SSC_OK);
    unload(&l);

    /* a UTF-8 byte-order mark wins over the setting too: re-saved as
     * UTF-8, the file is read as it now is */
    load_opt(&l, "\xEF\xBB\xBF" REQ "P1,水稻,L,VNM,s,1,2010,ongoing\n",
             sizeof("\xEF\xBB\xBF" REQ "P1,水稻,L,VNM,s,1,2010,ongoing\n") - 1, &gb_bom);
    CHECK_INT(l.rc, SSC_OK);
    if (l.st)
        CHECK_STR(ssc_project_title(&l.view, 0), "水稻");
    unload(&l);

    /* bytes that are not the encoding given: the line, the byte */
    ssc_csv_options gb = {.encoding = "GB18030"};
    static const char bad_gb[] = REQ "P1,T,L,VNM,s,1,2010,ongoing\n"
                                     "P2,\x80,L,VNM,s,1,2010,ongoing\n";
    load_opt(&l, bad_gb, sizeof bad_gb - 1, &gb);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_INT(l.err.line, 3);
    CHECK_STR(l.err.message, "the file is not valid GB18030 text here (byte 0x80); is "
                             "data.encoding = \"GB18030\" right?");
    unload(&l);
    ssc_csv_options nonesuch = {.encoding = "KLINGON-8"};
    load_opt(&l, REQ, sizeof REQ - 1, &nonesuch);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_PREFIX(l.err.message, "data.encoding: iconv knows no encoding \"KLINGON-8\"");
    unload(&l);

    /* UTF-16 without its mark is recognised by its NUL bytes */
    load_opt(&l, "i\0d\0,\0", 6, NULL);
    CHECK_INT(l.rc, SSC_ERR);
    CHECK_STR(l.err.message, "the file looks like UTF-16 text without a byte-order mark: set "
                             "data.encoding = \"UTF-16LE\"");
    unload(&l);

    CHECK(ssc_encoding_known("GB18030"));
    CHECK(ssc_encoding_known("windows-1252"));
    CHECK(!ssc_encoding_known("KLINGON-8"));
    CHECK(!ssc_encoding_known(""));
    CHECK(ssc_encoding_is_utf8("UTF-8") && ssc_encoding_is_utf8("utf8"));
    CHECK(!ssc_encoding_is_utf8("UTF-16"));
    CHECK_INT(ssc_csv_utf8_check("ab\xC3\xA9\xE4\xB8\xAD", 7), 7);
    CHECK_INT(ssc_csv_utf8_check("0123456789abcdef0123\xFF", 21), 20);
    CHECK_INT(ssc_csv_utf8_check("a\0b", 3), 3); /* NUL is the cells' business */
    CHECK_INT(ssc_csv_line_of("a\nb\r\nc\rd", 8), 4);
}

/* What is no CSV at all, known by its first bytes: one line each. */
static void test_not_csv(void)
{
    /* ZIP local headers: the entry name's length at byte 26, the name at 30 */
    static const char xlsx[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                               "\23\0\0\0[Content_Types].xml";
    static const char xlsx2[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                                "\17\0\0\0xl/workbook.xml";
    static const char ods[] = "PK\3\4\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\10\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    static const char odt[] = "PK\3\4\12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\10\0\0\0mimetypeapplication/vnd.oasis.opendocument.text";
    static const char docx[] = "PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                               "\23\0\0\0[Content_Types].xml....word/document.xml";
    static const struct {
        const char *bytes;
        size_t len;
        const char *message;
    } cases[] = {
        {xlsx, sizeof xlsx - 1, "this is an XLSX spreadsheet: save it as CSV (UTF-8)"},
        {xlsx2, sizeof xlsx2 - 1, "this is an XLSX spreadsheet: save it as CSV (UTF-8)"},
        {ods, sizeof ods - 1, "this is an ODS spreadsheet: save it as CSV (UTF-8)"},
        {odt, sizeof odt - 1, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {docx, sizeof docx - 1, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {"PK\5\6\0\0\0\0", 8, "this is a ZIP archive: save it as CSV (UTF-8)"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10,
         "this is an XLS spreadsheet: save it as CSV (UTF-8)"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15, "this is a PDF document: save it as CSV (UTF-8)"},
        {"\xEF\xBB\xBF <?xml version=\"1.0\"?>\n<iati-activities/>", 47,
         "this is an XML file, not CSV: read it with data.format = \"iati\""},
        {"SQLite format 3\0\x10\0", 18,
         "this is an SQLite database, not CSV: read it with data.format = \"sqlite\""},
    };
    loaded l;

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK_ROW("%s", cases[i].message);
        load_opt(&l, cases[i].bytes, cases[i].len, NULL);
        CHECK_INT(l.rc, SSC_ERR);
        CHECK(l.st == NULL);
        CHECK_STR(joined(&l.d), "");
        CHECK_STR(l.err.file, "t.csv");
        CHECK_INT(l.err.line, 0);
        CHECK_STR(l.err.message, cases[i].message);
        unload(&l);
    }
    CHECK_ROW_END();
    /* a truncated ZIP header is still a ZIP, never a read past the end */
    CHECK_INT(ssc_sniff("PK\3\4\1", 5), SSC_SNIFF_ZIP);
    CHECK_INT(ssc_sniff("PK\3\4\24\0\0\0\10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\377\377\0\0x", 31),
              SSC_SNIFF_ZIP);
    CHECK_INT(ssc_sniff(REQ, sizeof REQ - 1), SSC_SNIFF_TEXT);
    CHECK_INT(ssc_sniff("<id>,title\n", 11), SSC_SNIFF_TEXT);
}

/* Header names that are nearly right: "did you mean". */
static void test_header_hints(void)
{
    loaded l;

    load(&l, "ID,Title,lead institution,countries,Sector ,sdg_primary,start_date,Status,"
             "notes\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, title, lead_institution, sector, status; "
              "did you mean id for column 1 \"ID\", title for column 2 \"Title\", "
              "lead_institution for column 3 \"lead institution\", sector for column 5 "
              "\"Sector\", status for column 8 \"Status\"? (header names must be exact: rename "
              "them, or map them with data.columns)");
    unload(&l);
    /* a BOM left inside the first name (a file converted twice), and a
     * slip of the keyboard */
    load(&l, "\xEF\xBB\xBF\xEF\xBB\xBFid,title,lead_institution,countires,sector,sdg_primary,"
             "start_date,status\n");
    CHECK_STR(joined(&l.d),
              "t.csv:1: missing required columns: id, countries; did you mean id for column 1 "
              "\"\xEF\xBB\xBFid\", countries for column 4 \"countires\"? (header names must be "
              "exact: rename them, or map them with data.columns)");
    unload(&l);
    /* nothing close: no guess */
    load(&l, "id,name,lead_institution,countries,sector,sdg_primary,start_date,status\n");
    CHECK_STR(joined(&l.d), "t.csv:1: missing required column: title");
    unload(&l);

    CHECK(ssc_same_name_loosely("Lead Institution", 16, "lead_institution"));
    CHECK(ssc_same_name_loosely("SDG-primary", 11, "sdg_primary"));
    CHECK(ssc_same_name_loosely("start\xC2\xA0" "date", 11, "start_date"));
    CHECK(!ssc_same_name_loosely("lead", 4, "lead_institution"));
    CHECK_INT(ssc_edit_distance("countires", 9, "countries", 9, 3), 1);
    CHECK_INT(ssc_edit_distance("kpi", 3, "KPI", 3, 1), 0);
    CHECK_INT(ssc_edit_distance("abc", 3, "xyz", 3, 1), 2);
    CHECK_INT(ssc_edit_distance("", 0, "ab", 2, 5), 2);
    static const char *const names[] = {"by-region", "by-sector", "by-sdg", "kpi", "timeline"};
    CHECK_STR(ssc_nearest("by-regoin", names, 5), "by-region");
    CHECK_STR(ssc_nearest("by_sdg", names, 5), "by-sdg");
    CHECK_STR(ssc_nearest("kip", names, 5), "kpi");
    CHECK(ssc_nearest("funding", names, 5) == NULL);
    CHECK(ssc_nearest("x", names, 5) == NULL);
    CHECK(ssc_nearest("", names, 5) == NULL);
}

int main(void)
{
    test_reader_basics();
    test_reader_edges();
    test_reader_growth();
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
    test_files();
    test_reader_delimiter();
    test_separators();
    test_encodings();
    test_not_csv();
    test_header_hints();
    return check_done();
}
