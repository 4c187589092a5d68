/* SPDX-License-Identifier: MIT */
/* test-iati: the iati source plugin's mapping rules (docs/iati.md), run
 * without the engine.  This program links the files of
 * plugins/sources/iati/ directly and provides fake ssc_source_* accessors
 * (iati-fake.c) that keep every project row, warning and label the plugin
 * hands over, so each rule can be checked on the text the engine would
 * receive.
 *
 *   test-iati                  the rules, on files this program writes and
 *                              the official IATI example (the fallbacks:
 *                              test-iati-fallbacks.c; malformed and
 *                              hostile inputs: test-iati-sniff.c)
 *   test-iati --count FILE     reads FILE keeping nothing, then prints the
 *                              counts and the peak RSS (tests/plugins/iati-memory.sh)
 *   test-iati --dump FILE [LANG]  prints the rows, labels and warnings the
 *                              plugin hands over (for looking at a file)
 *
 * Every expected value is written beside the XML it comes from; line numbers
 * in expected warnings are computed from the XML text, never hard-coded. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../check.h"
#include "iati-fake.h"

/* ---- IATI 2.0x: every rule ---------------------------------------------- */

static const char xml2_first[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<iati-activities version=\"2.03\" xmlns:ext=\"http://example.org/ext\">\n"
    " <iati-activity default-currency=\"USD\" xml:lang=\"en\">\n"
    "  <iati-identifier> XM-1 </iati-identifier>\n"
    "  <reporting-org ref=\"XM-ORG\" type=\"10\"><narrative>Lead Org</narrative>"
    "<narrative xml:lang=\"zh\">牵头机构</narrative></reporting-org>\n"
    "  <title><narrative>English\n   title</narrative>"
    "<narrative xml:lang=\"zh-CN\">中文标题</narrative></title>\n"
    "  <ext:title>Not a title</ext:title>\n"
    "  <description><narrative>Not the title</narrative></description>\n"
    "  <participating-org role=\"1\"><narrative>Funder</narrative></participating-org>\n"
    "  <participating-org role=\"4\"><narrative>Partner A</narrative></participating-org>\n"
    "  <participating-org role=\"4\" ref=\"XM-B\"><narrative xml:lang=\"fr\">Partenaire B"
    "</narrative><narrative xml:lang=\"zh\">伙伴乙</narrative></participating-org>\n"
    "  <participating-org role=\"4\"><narrative>Partner A</narrative></participating-org>\n"
    "  <participating-org role=\"4\" ref=\"XM-C\"/>\n"
    "  <participating-org role=\"4\"><narrative>Partner; D</narrative></participating-org>\n"
    "  <participating-org role=\"4\"><narrative>Partner; D</narrative></participating-org>\n"
    "  <activity-status code=\"2\"/>\n"
    "  <activity-date type=\"1\" iso-date=\"2019-01-15\"/>\n"
    "  <activity-date type=\"2\" iso-date=\"2019-03-01T09:00:00Z\"/>\n"
    "  <activity-date type=\"3\" iso-date=\"2022-12-31\"/>\n"
    "  <activity-date type=\"4\" iso-date=\"2023-06-30\"/>\n"
    "  <recipient-country code=\"vn\" percentage=\"50\"/>\n"
    "  <recipient-country code=\"VN\"/>\n"
    "  <recipient-country code=\" XK \"/>\n"
    "  <recipient-country code=\"ZZ\"/>\n"
    "  <recipient-region code=\"298\" vocabulary=\"1\"/>\n"
    "  <sector vocabulary=\"1\" code=\"31161\" percentage=\"30\"/>\n"
    "  <sector code=\"31120\" percentage=\"30\"/>\n"
    "  <sector vocabulary=\"DAC\" code=\"12220\" percentage=\"40\"/>\n"
    "  <sector vocabulary=\"2\" code=\"111\" percentage=\"100\"/>\n"
    "  <sector vocabulary=\"7\" code=\"5\"/>\n"
    "  <sector vocabulary=\"8\" code=\"3.1\"/>\n"
    "  <tag vocabulary=\"2\" code=\"5\"/>\n"
    "  <tag vocabulary=\"3\" code=\"13.a\"/>\n"
    "  <tag vocabulary=\"2\" code=\"18\"/>\n"
    "  <tag vocabulary=\"1\" code=\"7\"/>\n"
    "  <policy-marker vocabulary=\"99\" code=\"1\" significance=\"1\"/>\n"
    "  <policy-marker vocabulary=\"1\" code=\"2\" significance=\"1\"/>\n"
    "  <policy-marker vocabulary=\"1\" code=\"1\" significance=\"3\"/>\n"
    "  <budget type=\"1\"><period-start iso-date=\"2019-01-01\"/>"
    "<period-end iso-date=\"2019-12-31\"/><value currency=\"USD\">1000</value></budget>\n"
    "  <budget type=\"1\"><value currency=\"eur\"> 500.50 </value></budget>\n"
    "  <budget type=\"2\"><value>250</value></budget>\n"
    "  <transaction><transaction-type code=\"3\"/><value currency=\"USD\">99999</value>"
    "<sector vocabulary=\"1\" code=\"99810\"/><recipient-country code=\"FR\"/></transaction>\n"
    "  <document-link url=\"x\"><title><narrative>Doc title</narrative></title></document-link>\n"
    "  <result><title><narrative>Result title</narrative></title></result>\n"
    " </iati-activity>\n";
/* (Two literals: C99 promises only 4095 characters in one.) */
static const char xml2_rest[] =
    /* XM-2: regions from recipient-region, equal shares, no SDG, CHF. */
    " <iati-activity default-currency=\"CHF\" xml:lang=\"zh\"><!-- XM-2 -->\n"
    "  <iati-identifier>XM-2</iati-identifier>\n"
    "  <reporting-org ref=\"XM-ORG2\"/>\n"
    "  <title><narrative>区域项目</narrative><narrative xml:lang=\"en\">Regional</narrative>"
    "</title>\n"
    "  <recipient-region code=\"019\" vocabulary=\"2\"/>\n"
    "  <recipient-region code=\"298\"/>\n"
    "  <sector code=\"15110\"/>\n"
    "  <sector code=\"11110\"/>\n"
    "  <sector code=\"15111\"/>\n"
    "  <activity-status code=\"1\"/>\n"
    "  <activity-date type=\"1\" iso-date=\"2024-01-01\"/>\n"
    "  <activity-date type=\"3\" iso-date=\"2026\"/>\n"
    "  <policy-marker code=\"1\" significance=\"1\"/>\n"
    "  <budget><value>700</value></budget>\n"
    " </iati-activity>\n"
    /* XM-3: a publisher's own regions only; a tie; a budget with a comma. */
    " <iati-activity default-currency=\"USD\">\n"
    "  <iati-identifier>XM-3</iati-identifier>\n"
    "  <reporting-org><narrative>Org 3</narrative></reporting-org>\n"
    "  <title><narrative>Three</narrative></title>\n"
    "  <recipient-region code=\"A1\" vocabulary=\"99\"/>\n"
    "  <sector code=\"31110\" percentage=\"50\"/>\n"
    "  <sector code=\"12110\" percentage=\"50.0\"/>\n"
    "  <activity-status code=\"3\"/>\n"
    "  <budget><value>1,000</value></budget>\n"
    " </iati-activity>\n"
    /* XM-4: no region at all; 3-digit codes only; CHF. */
    " <iati-activity default-currency=\"USD\">\n"
    "  <iati-identifier>XM-4</iati-identifier>\n"
    "  <title><narrative>Four</narrative></title>\n"
    "  <sector vocabulary=\"2\" code=\"311\"/>\n"
    "  <sector vocabulary=\"99\" code=\"X\"/>\n"
    "  <activity-status code=\"4\"/>\n"
    "  <budget><value currency=\"CHF\">10</value></budget>\n"
    "  <budget><value currency=\"USD\">10</value></budget>\n"
    " </iati-activity>\n"
    /* XM-5: an unknown DAC region; no DAC sector; no budget. */
    " <iati-activity>\n"
    "  <iati-identifier>XM-5</iati-identifier>\n"
    "  <title><narrative>Five</narrative></title>\n"
    "  <recipient-region code=\"12345\" vocabulary=\"1\"/>\n"
    "  <sector vocabulary=\"99\" code=\"ABC\" percentage=\"100\"/>\n"
    "  <sector vocabulary=\"1\" code=\"311\"/>\n"
    "  <activity-status code=\"5\"/>\n"
    " </iati-activity>\n"
    /* XM-6: only unknown countries, so recipient-region counts; no currency. */
    " <iati-activity>\n"
    "  <iati-identifier>XM-6</iati-identifier>\n"
    "  <title><narrative>Six</narrative></title>\n"
    "  <recipient-country code=\"QQ\"/>\n"
    "  <recipient-region code=\"998\"/>\n"
    "  <recipient-region code=\"589\"/>\n"
    "  <activity-status code=\"6\"/>\n"
    "  <budget><value>5</value></budget>\n"
    " </iati-activity>\n"
    /* XM-7: two codes of one region; bad status and significance. */
    " <iati-activity default-currency=\"usd\">\n"
    "  <iati-identifier>XM-7</iati-identifier>\n"
    "  <title><narrative>Seven</narrative></title>\n"
    "  <recipient-region code=\"002\" vocabulary=\"2\"/>\n"
    "  <recipient-region code=\"289\" vocabulary=\"1\"/>\n"
    "  <activity-status code=\"9\"/>\n"
    "  <policy-marker vocabulary=\"1\" code=\"1\" significance=\"x\"/>\n"
    "  <budget><value>12.5</value></budget>\n"
    "  <budget><value>0.25</value></budget>\n"
    " </iati-activity>\n"
    /* XM-8: a missing percentage is an equal share (100 / 2 = 50 < 60). */
    " <iati-activity>\n"
    "  <iati-identifier>XM-8</iati-identifier>\n"
    "  <title><narrative>Eight</narrative></title>\n"
    "  <recipient-country code=\"BR\"/>\n"
    "  <sector code=\"31110\" percentage=\"60\"/>\n"
    "  <sector code=\"12110\"/>\n"
    "  <sector code=\"23210\" percentage=\"abc\"/>\n"
    "  <activity-status code=\"2\"/>\n"
    " </iati-activity>\n"
    "</iati-activities>\n";

static char xml2[sizeof xml2_first + sizeof xml2_rest];

static void test_v2(const char *lang)
{
    ssc_error err;
    int rc, zh = strcmp(lang, "zh") == 0;
    ssc_source *s;

    snprintf(xml2, sizeof xml2, "%s%s", xml2_first, xml2_rest);
    s = read_xml("v2.xml", xml2, lang, &rc, &err);

    CHECK_INT(rc, SSC_OK);
    CHECK_INT(s->n_rows, 8);

    /* XM-1: the texts, in the report's language when there is one. */
    CHECK_STR(cell(s, "XM-1", "title"), zh ? "中文标题" : "English title");
    CHECK_STR(cell(s, "XM-1", "lead_institution"), zh ? "牵头机构" : "Lead Org");
    CHECK_STR(cell(s, "XM-1", "partner_institutions"),
              zh ? "Partner A;伙伴乙;XM-C;Partner, D" : "Partner A;Partenaire B;XM-C;Partner, D");
    CHECK_INT(row_line(s, "XM-1"), line_of(xml2, " <iati-activity default-currency=\"USD\" xml"));
    /* Countries: alpha-2 in any case to alpha-3, once each; XK is XKX. */
    CHECK_STR(cell(s, "XM-1", "countries"), "VNM;XKX");
    CHECK(cell(s, "XM-1", "regions") == NULL);
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "\"ZZ\""), "recipient-country code \"ZZ\"")), 1);
    /* 311 has 30 + 30, 122 has 40; the 3-digit and transaction sectors
     * do not count. */
    CHECK_STR(cell(s, "XM-1", "sector"), "311");
    CHECK_STR(label(s, "311"), "Agriculture");
    /* SDGs in document order: sector 7 (5), sector 8 (3.1), tag 2 (5
     * again), tag 3 (13.a); 18 is no goal, tag vocabulary 1 is not SDGs. */
    CHECK_STR(cell(s, "XM-1", "sdg_primary"), "5");
    CHECK_STR(cell(s, "XM-1", "sdg_secondary"), "3;13");
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "\"18\""), "tag (vocabulary 2) code \"18\"")), 1);
    CHECK_STR(cell(s, "XM-1", "status"), "ongoing");
    CHECK_STR(cell(s, "XM-1", "start_date"), "2019-03-01");
    CHECK_STR(cell(s, "XM-1", "end_date"), "2023-06-30");
    /* 1000 USD + 500.50 EUR at 1.1 + 250 in the default currency (USD). */
    CHECK_STR(cell(s, "XM-1", "budget_usd"), "1800.55");
    CHECK_STR(cell(s, "XM-1", "gender_marker"), "2");

    /* XM-2: no country, so the regions of its recipient-region codes. */
    CHECK_STR(cell(s, "XM-2", "title"), zh ? "区域项目" : "Regional");
    CHECK_STR(cell(s, "XM-2", "lead_institution"), "XM-ORG2");
    CHECK(cell(s, "XM-2", "countries") == NULL);
    CHECK_STR(cell(s, "XM-2", "regions"),
              "Africa;Latin America and the Caribbean;Northern America");
    CHECK_STR(cell(s, "XM-2", "sector"), "151"); /* two equal shares of three */
    CHECK(cell(s, "XM-2", "sdg_primary") == NULL);
    CHECK(cell(s, "XM-2", "sdg_secondary") == NULL);
    CHECK_STR(cell(s, "XM-2", "status"), "pipeline");
    CHECK_STR(cell(s, "XM-2", "start_date"), "2024-01-01");
    CHECK(cell(s, "XM-2", "end_date") == NULL);
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "\"2026\""), "activity-date iso-date \"2026\"")),
              1);
    CHECK(cell(s, "XM-2", "budget_usd") == NULL);
    CHECK_STR(cell(s, "XM-2", "gender_marker"), "1");

    CHECK_STR(cell(s, "XM-3", "regions"), "Unspecified");
    CHECK_STR(cell(s, "XM-3", "sector"), "121"); /* 50 and 50: the lower code */
    CHECK_STR(cell(s, "XM-3", "status"), "completed");
    CHECK(cell(s, "XM-3", "budget_usd") == NULL);
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "1,000"), "budget value \"1,000\"")), 1);
    CHECK(cell(s, "XM-3", "gender_marker") == NULL);
    CHECK(cell(s, "XM-3", "partner_institutions") == NULL);

    CHECK(cell(s, "XM-4", "lead_institution") == NULL);
    CHECK_STR(cell(s, "XM-4", "regions"), "Unspecified");
    CHECK_STR(cell(s, "XM-4", "sector"), "311");
    CHECK_STR(cell(s, "XM-4", "status"), "completed");
    CHECK(cell(s, "XM-4", "budget_usd") == NULL); /* one value in CHF: all left out */

    CHECK_STR(cell(s, "XM-5", "regions"), "Unspecified");
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "\"12345\""),
                                "recipient-region code \"12345\" (vocabulary 1")),
              1);
    CHECK_STR(cell(s, "XM-5", "sector"), "unspecified");
    CHECK_STR(label(s, "unspecified"), "Unspecified");
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "code=\"311\"/>\n  <activity-status code=\"5"),
                                "sector code \"311\" is not a 5-digit")),
              1);
    CHECK_STR(cell(s, "XM-5", "status"), "cancelled");
    CHECK(cell(s, "XM-5", "budget_usd") == NULL);

    CHECK(cell(s, "XM-6", "countries") == NULL);
    CHECK_STR(cell(s, "XM-6", "regions"), "Asia"); /* 998 is unspecified, 589 Asia */
    CHECK_INT(warned(s, "recipient-country code \"QQ\""), 1);
    CHECK_STR(cell(s, "XM-6", "status"), "suspended");

    CHECK_STR(cell(s, "XM-7", "regions"), "Africa");
    /* Code 9 is no status, and XM-7 has no actual start date: pipeline,
     * told in the one warning about statuses (test_fallbacks has more). */
    CHECK_STR(cell(s, "XM-7", "status"), "pipeline");
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "<iati-identifier>XM-7") - 1,
                                "1 activity: no activity-status code from 1 to 6; ")),
              1);
    CHECK(cell(s, "XM-7", "gender_marker") == NULL);
    CHECK_INT(warned(s, "significance \"x\""), 1);
    CHECK_STR(cell(s, "XM-7", "budget_usd"), "12.75"); /* default-currency "usd" */

    CHECK_STR(cell(s, "XM-8", "countries"), "BRA");
    CHECK_STR(cell(s, "XM-8", "sector"), "311");
    CHECK_INT(warned(s, "sector percentage \"abc\""), 1);

    /* One warning for all activities left out of money: XM-2 and XM-4 in
     * CHF, XM-6 without a currency; it names the first one's line. */
    CHECK_INT(warned(s, "left out of money"), 1);
    CHECK_INT(warned(s, at_line(s, line_of(xml2, "<!-- XM-2 -->"),
                                "3 activities left out of money totals: no rate for CHF, "
                                "(no currency given)")),
              1);
    CHECK_STR(label(s, "121"), "Health, General");
    CHECK_STR(label(s, "151"), "Government & Civil Society-general");
    fake_free(s);
}

/* ---- IATI 1.0x ---------------------------------------------------------- */

static const char xml1[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<iati-activities version=\"1.05\" generated-datetime=\"2014-01-01T00:00:00\">\n"
    " <iati-activity default-currency=\"USD\" xml:lang=\"en\">\n"
    "  <reporting-org ref=\"GB-1\" type=\"10\">Old Reporter</reporting-org>\n"
    "  <iati-identifier>GB-1-001</iati-identifier>\n"
    "  <title>Old\n title</title>\n"
    "  <title xml:lang=\"zh\">旧标题</title>\n"
    "  <participating-org role=\"Funding\" ref=\"GB-1\">Old Reporter</participating-org>\n"
    "  <participating-org role=\"Implementing\" ref=\"GB-2\">Old Implementer"
    "</participating-org>\n"
    "  <participating-org role=\"implementing\">Second Implementer</participating-org>\n"
    "  <recipient-country code=\"KE\" percentage=\"100\">Kenya</recipient-country>\n"
    "  <activity-status code=\"3\">Completion</activity-status>\n"
    "  <activity-date type=\"start-planned\" iso-date=\"2010-01-01\"/>\n"
    "  <activity-date type=\"start-actual\" iso-date=\"2010-02-01\">1 Feb 2010</activity-date>\n"
    "  <activity-date type=\"end-planned\">2013-12-31</activity-date>\n"
    "  <sector vocabulary=\"DAC\" code=\"14030\" percentage=\"100\">Water</sector>\n"
    "  <sector vocabulary=\"DAC-3\" code=\"311\"/>\n"
    "  <policy-marker vocabulary=\"DAC\" code=\"1\" significance=\"2\">Gender</policy-marker>\n"
    "  <budget type=\"Original\"><period-start iso-date=\"2010-01-01\"/>"
    "<value currency=\"GBP\" value-date=\"2010-01-01\">100000</value></budget>\n"
    " </iati-activity>\n"
    " <iati-activity default-currency=\"GBP\">\n"
    "  <iati-identifier>GB-1-002</iati-identifier>\n"
    "  <reporting-org ref=\"GB-1\"/>\n"
    "  <title>Regional programme</title>\n"
    "  <recipient-region code=\"289\">South of Sahara</recipient-region>\n"
    "  <sector vocabulary=\"DAC-3\" code=\"311\"/>\n"
    "  <activity-status code=\"2\"/>\n"
    "  <activity-date type=\"start-actual\" iso-date=\"2011-05-05\"/>\n"
    "  <activity-date type=\"end-actual\" iso-date=\"2012-05-05\"/>\n"
    "  <activity-date type=\"end-planned\" iso-date=\"2013-05-05\"/>\n"
    "  <budget><value>2000</value></budget>\n"
    " </iati-activity>\n"
    "</iati-activities>\n";

static void test_v1(const char *lang)
{
    ssc_error err;
    int rc, zh = strcmp(lang, "zh") == 0;
    ssc_source *s = read_xml("v1.xml", xml1, lang, &rc, &err);

    CHECK_INT(rc, SSC_OK);
    CHECK_INT(s->n_rows, 2);
    CHECK_STR(cell(s, "GB-1-001", "title"), zh ? "旧标题" : "Old title");
    CHECK_STR(cell(s, "GB-1-001", "lead_institution"), "Old Reporter");
    CHECK_STR(cell(s, "GB-1-001", "partner_institutions"), "Old Implementer;Second Implementer");
    CHECK_STR(cell(s, "GB-1-001", "countries"), "KEN");
    CHECK_STR(cell(s, "GB-1-001", "status"), "completed");
    CHECK_STR(cell(s, "GB-1-001", "start_date"), "2010-02-01");
    CHECK_STR(cell(s, "GB-1-001", "end_date"), "2013-12-31"); /* the element's text */
    CHECK_STR(cell(s, "GB-1-001", "sector"), "140");
    CHECK_STR(label(s, "140"), "Water Supply & Sanitation");
    CHECK_STR(cell(s, "GB-1-001", "gender_marker"), "2");
    CHECK_STR(cell(s, "GB-1-001", "budget_usd"), "125000");
    CHECK(cell(s, "GB-1-001", "sdg_primary") == NULL);

    CHECK_STR(cell(s, "GB-1-002", "lead_institution"), "GB-1");
    CHECK_STR(cell(s, "GB-1-002", "title"), "Regional programme");
    CHECK_STR(cell(s, "GB-1-002", "regions"), "Africa");
    CHECK_STR(cell(s, "GB-1-002", "sector"), "311");
    CHECK_STR(cell(s, "GB-1-002", "start_date"), "2011-05-05");
    CHECK_STR(cell(s, "GB-1-002", "end_date"), "2012-05-05");
    CHECK_STR(cell(s, "GB-1-002", "budget_usd"), "2500");
    CHECK_INT(s->n_warnings, 0);
    fake_free(s);
}

/* ---- the official example ----------------------------------------------- */

static void test_example(void)
{
    const char *top = getenv("top_srcdir");
    char path[4200];
    ssc_error err;
    ssc_source *s;
    int rc;

    /* A missing fixture is a failure, not a skip. */
    CHECK(top != NULL);
    snprintf(path, sizeof path, "%s/tests/plugins/iati/activity-standard-example-annotated.xml",
             top ? top : ".");
    CHECK(access(path, R_OK) == 0);

    /* Without a EUR rate: the budget is left out, and said so. */
    s = fake_new(path, "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK_INT(s->n_rows, 1);
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "title"), "Activity title");
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "lead_institution"), "Organisation name");
    /* Its participating-orgs have roles 1 to 3: no implementer. */
    CHECK(cell(s, "AA-AAA-123456789-ABC123", "partner_institutions") == NULL);
    /* AF and AG at the activity level; TM is in a transaction. */
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "countries"), "AFG;ATG");
    CHECK(cell(s, "AA-AAA-123456789-ABC123", "regions") == NULL);
    /* Vocabulary 2: 111 and 112 at 50% each, the tie goes to 111. */
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "sector"), "111");
    CHECK_STR(label(s, "111"), "Education, Level Unspecified");
    /* Its tags are of vocabularies 1 and 99: no SDG. */
    CHECK(cell(s, "AA-AAA-123456789-ABC123", "sdg_primary") == NULL);
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "status"), "ongoing");
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "start_date"), "2012-04-28");
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "end_date"), "2015-12-31");
    /* Policy markers 2 and 9 only: no gender marker. */
    CHECK(cell(s, "AA-AAA-123456789-ABC123", "gender_marker") == NULL);
    CHECK(cell(s, "AA-AAA-123456789-ABC123", "budget_usd") == NULL);
    CHECK_INT(s->n_warnings, 1);
    CHECK_INT(warned(s, "1 activity left out of money totals: no rate for EUR (add it to "
                        "data.currency_rates)"),
              1);
    fake_free(s);

    /* With one: 3000 EUR at 1.1; and the French title for a French report. */
    s = fake_new(path, "fr");
    s->rate_cur[0] = "EUR";
    s->rate[0] = 1.1;
    s->n_rates = 1;
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "budget_usd"), "3300");
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "title"), "Titre de l'activité");
    CHECK_STR(cell(s, "AA-AAA-123456789-ABC123", "lead_institution"), "Nom de l'organisme");
    CHECK_INT(s->n_warnings, 0);
    fake_free(s);
}

static void test_descriptor(void)
{
    const ssc_plugin *p = &iati_LTX_ssc_plugin;

    CHECK_INT(p->abi_major, SSC_ABI_MAJOR);
    CHECK_INT(p->abi_minor, SSC_ABI_MINOR);
    CHECK(SSC_ABI_MINOR >= 2); /* ssc_source_optional is of ABI 1.2 */
    CHECK_INT(p->kind, SSC_PLUGIN_SOURCE);
    CHECK_STR(p->name, "iati");
    CHECK_STR(p->extensions, "xml");
    CHECK(p->read != NULL && p->compute == NULL);
}

/* ---- --count ------------------------------------------------------------ */

/* AddressSanitizer keeps freed memory in quarantine, so the peak RSS of a
 * sanitized build says nothing about the plugin; the memory test reads this. */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_SANITIZED 1
#endif
#endif
#ifndef TEST_SANITIZED
#define TEST_SANITIZED 0
#endif

static int count_file(const char *path, const char *lang)
{
    ssc_source *s = fake_new(path, lang);
    ssc_error err;
    struct rusage ru;
    int rc;

    s->count_only = 1;
    rc = iati_LTX_ssc_plugin.read(s, &err);
    getrusage(RUSAGE_SELF, &ru);
    if (rc != SSC_OK)
        fprintf(stderr, "%s\n", err.text);
    printf("activities=%zu budgets=%ld warnings=%zu maxrss_kb=%ld sanitized=%d\n", s->n_rows,
           s->rows_with_budget, s->n_warnings, ru.ru_maxrss, TEST_SANITIZED);
    fake_free(s);
    return rc == SSC_OK ? 0 : 1;
}

static int dump_file(const char *path, const char *lang)
{
    ssc_source *s = fake_new(path, lang);
    ssc_error err;
    int rc = iati_LTX_ssc_plugin.read(s, &err);

    for (size_t r = 0; r < s->n_rows; r++) {
        printf("row at line %ld\n", s->rows[r].line);
        for (int i = 0; i < s->rows[r].n; i++)
            printf("  %s = %s\n", s->rows[r].col[i], s->rows[r].val[i]);
    }
    for (size_t i = 0; i < s->n_labels; i++)
        printf("label %s = %s\n", s->labels[i][0], s->labels[i][1]);
    for (size_t i = 0; i < s->n_warnings; i++)
        printf("warning: %s\n", s->warnings[i]);
    if (rc != SSC_OK)
        printf("error: %s\n", err.text);
    fake_free(s);
    return rc == SSC_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    int rc;

    if (argc >= 3 && strcmp(argv[1], "--count") == 0)
        return count_file(argv[2], argc >= 4 ? argv[3] : "en");
    if (argc >= 3 && strcmp(argv[1], "--dump") == 0)
        return dump_file(argv[2], argc >= 4 ? argv[3] : "en");
    if ((rc = fake_setup("test-iati")) != 0)
        return rc;
    test_descriptor();
    test_v2("en");
    test_v2("zh");
    test_v1("en");
    test_v1("zh");
    test_example();
    fake_finish(&check_count, &check_failures);
    printf("%d checks\n", check_count);
    return check_done();
}
