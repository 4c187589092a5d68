/* SPDX-License-Identifier: MIT */
/* test-iati: the iati source plugin's mapping rules (docs/iati.md), run
 * without the engine.  This program links the files of
 * plugins/sources/iati/ directly and provides fake ssc_source_* accessors
 * that keep every project row, warning and label the plugin hands over, so
 * each rule can be checked on the text the engine would receive.  The fakes
 * also check the contract: columns are known, set once, between begin and
 * end, never empty or padded.
 *
 *   test-iati                  the rules, on files this program writes, the
 *                              official IATI example and malformed inputs
 *   test-iati --count FILE     reads FILE keeping nothing, then prints the
 *                              counts and the peak RSS (tests/plugins/iati-memory.sh)
 *   test-iati --dump FILE [LANG]  prints the rows, labels and warnings the
 *                              plugin hands over (for looking at a file)
 *
 * Every expected value is written beside the XML it comes from; line numbers
 * in expected warnings are computed from the XML text, never hard-coded. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ssc-report/plugin.h>

#include "../check.h"

extern const ssc_plugin iati_LTX_ssc_plugin;

/* ---- the fake engine ---------------------------------------------------- */

#define FAKE_COLS 24

typedef struct fake_row {
    long line;
    int n;
    char *col[FAKE_COLS];
    char *val[FAKE_COLS];
} fake_row;

struct ssc_error {
    char text[2048];
};

struct ssc_source {
    const char *path;
    const char *language;
    const char *rate_cur[4];
    double rate[4];
    int n_rates;
    int count_only;
    int open;
    int begun;          /* a project was begun */
    int start_optional; /* ssc_source_optional("start_date") was called in time */
    fake_row cur;
    fake_row *rows;
    size_t n_rows, cap_rows;
    long rows_with_budget;
    char **warnings;
    size_t n_warnings;
    char *labels[64][2];
    size_t n_labels;
};

static const char *const fake_columns[] = {
    "id",       "title",  "lead_institution", "partner_institutions", "countries",
    "regions",  "sector", "sdg_primary",      "sdg_secondary",        "start_date",
    "end_date", "status", "budget_usd",       "gender_marker",        NULL};

int ssc_error_set(ssc_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err) {
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return SSC_ERR;
}

const char *ssc_source_path(const ssc_source *src)
{
    return src->path;
}

const char *ssc_source_option(const ssc_source *src, const char *name)
{
    return NULL;
}

const char *ssc_source_language(const ssc_source *src)
{
    return src->language;
}

int ssc_source_currency_rate(const ssc_source *src, const char *currency, double *usd)
{
    for (int i = 0; i < src->n_rates; i++)
        if (strcmp(src->rate_cur[i], currency) == 0) {
            *usd = src->rate[i];
            return 1;
        }
    return 0;
}

static char *fake_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (!p) {
        fprintf(stderr, "test-iati: out of memory\n");
        abort();
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void fake_row_free(fake_row *row)
{
    for (int i = 0; i < row->n; i++) {
        free(row->col[i]);
        free(row->val[i]);
    }
    row->n = 0;
}

/* The engine's contract: before the first project, start_date only. */
int ssc_source_optional(ssc_source *src, const char *column)
{
    CHECK(!src->begun);
    CHECK_STR(column, "start_date");
    src->start_optional = !src->begun && strcmp(column, "start_date") == 0;
    return SSC_OK;
}

int ssc_source_begin(ssc_source *src, long line)
{
    CHECK(!src->open);
    CHECK(line > 0);
    src->open = 1;
    src->begun = 1;
    src->cur.n = 0;
    src->cur.line = line;
    return SSC_OK;
}

int ssc_source_set(ssc_source *src, const char *column, const char *value, size_t len)
{
    int known = 0;

    CHECK(src->open);
    for (int i = 0; fake_columns[i]; i++)
        known |= strcmp(fake_columns[i], column) == 0;
    if (!known)
        fprintf(stderr, "unknown column %s\n", column);
    CHECK(known);
    for (int i = 0; i < src->cur.n; i++)
        CHECK(strcmp(src->cur.col[i], column) != 0);
    /* A cell the plugin sets is never empty, padded or cut by a NUL. */
    CHECK(len > 0 && value[0] != ' ' && value[len - 1] != ' ');
    CHECK(memchr(value, '\0', len) == NULL);
    if (src->cur.n == FAKE_COLS)
        return SSC_ERR;
    src->cur.col[src->cur.n] = fake_strndup(column, strlen(column));
    src->cur.val[src->cur.n] = fake_strndup(value, len);
    src->cur.n++;
    return SSC_OK;
}

int ssc_source_end(ssc_source *src)
{
    CHECK(src->open);
    src->open = 0;
    for (int i = 0; i < src->cur.n; i++)
        if (strcmp(src->cur.col[i], "budget_usd") == 0)
            src->rows_with_budget++;
    if (src->count_only) {
        src->n_rows++;
        fake_row_free(&src->cur);
        return SSC_OK;
    }
    if (src->n_rows == src->cap_rows) {
        size_t cap = src->cap_rows ? 2 * src->cap_rows : 16;
        fake_row *p = realloc(src->rows, cap * sizeof *p);

        if (!p)
            return SSC_ERR;
        src->rows = p;
        src->cap_rows = cap;
    }
    src->rows[src->n_rows++] = src->cur;
    src->cur.n = 0;
    return SSC_OK;
}

void ssc_source_warn(ssc_source *src, long line, const char *fmt, ...)
{
    char msg[2048], *full;
    size_t n;
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    n = strlen(src->path) + strlen(msg) + 32;
    full = malloc(n);
    if (!full)
        abort();
    snprintf(full, n, "%s:%ld: %s", src->path, line, msg);
    if (src->count_only) {
        free(full);
        src->n_warnings++;
        return;
    }
    src->warnings = realloc(src->warnings, (src->n_warnings + 1) * sizeof *src->warnings);
    if (!src->warnings)
        abort();
    src->warnings[src->n_warnings++] = full;
}

int ssc_source_set_label(ssc_source *src, ssc_key_kind kind, const char *key, const char *label)
{
    CHECK(kind == SSC_KEY_SECTOR);
    for (size_t i = 0; i < src->n_labels; i++)
        CHECK(strcmp(src->labels[i][0], key) != 0); /* once per key */
    if (src->n_labels < 64) {
        src->labels[src->n_labels][0] = fake_strndup(key, strlen(key));
        src->labels[src->n_labels][1] = fake_strndup(label, strlen(label));
        src->n_labels++;
    }
    return SSC_OK;
}

static void fake_free(ssc_source *src)
{
    for (size_t i = 0; i < src->n_rows && !src->count_only; i++)
        fake_row_free(&src->rows[i]);
    free(src->rows);
    for (size_t i = 0; i < src->n_warnings && !src->count_only; i++)
        free(src->warnings[i]);
    free(src->warnings);
    for (size_t i = 0; i < src->n_labels; i++) {
        free(src->labels[i][0]);
        free(src->labels[i][1]);
    }
    fake_row_free(&src->cur);
    free(src);
}

/* ---- helpers ------------------------------------------------------------ */

static char work[2048];

/* The cell of column col in the row whose id is id; NULL when not set. */
static const char *cell(const ssc_source *src, const char *id, const char *col)
{
    for (size_t r = 0; r < src->n_rows; r++) {
        const fake_row *row = &src->rows[r];
        int match = 0;

        for (int i = 0; i < row->n; i++)
            match |= strcmp(row->col[i], "id") == 0 && strcmp(row->val[i], id) == 0;
        if (!match)
            continue;
        for (int i = 0; i < row->n; i++)
            if (strcmp(row->col[i], col) == 0)
                return row->val[i];
        return NULL;
    }
    fprintf(stderr, "no project %s\n", id);
    return NULL;
}

static long row_line(const ssc_source *src, const char *id)
{
    for (size_t r = 0; r < src->n_rows; r++)
        for (int i = 0; i < src->rows[r].n; i++)
            if (strcmp(src->rows[r].col[i], "id") == 0 && strcmp(src->rows[r].val[i], id) == 0)
                return src->rows[r].line;
    return -1;
}

static const char *label(const ssc_source *src, const char *key)
{
    for (size_t i = 0; i < src->n_labels; i++)
        if (strcmp(src->labels[i][0], key) == 0)
            return src->labels[i][1];
    return NULL;
}

/* How many warnings contain needle. */
static int warned(const ssc_source *src, const char *needle)
{
    int n = 0;

    for (size_t i = 0; i < src->n_warnings; i++)
        n += strstr(src->warnings[i], needle) != NULL;
    return n;
}

/* The 1-based line of the first occurrence of needle in text. */
static long line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    long line = 1;

    if (!at) {
        fprintf(stderr, "line_of: \"%s\" is not in the text\n", needle);
        return -1;
    }
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

/* "path:LINE: " followed by what, for checking a warning's place. */
static const char *at_line(const ssc_source *src, long line, const char *what)
{
    static char buf[4200];

    snprintf(buf, sizeof buf, "%s:%ld: %s", src->path, line, what);
    return buf;
}

static ssc_source *fake_new(const char *path, const char *language)
{
    ssc_source *src = calloc(1, sizeof *src);

    if (!src)
        abort();
    src->path = path;
    src->language = language;
    return src;
}

/* Runs the plugin on path; checks that libxml2 printed nothing on stderr. */
static int run(ssc_source *src, ssc_error *err)
{
    char errpath[4200];
    int saved = dup(2), fd, rc;
    struct stat st;

    snprintf(errpath, sizeof errpath, "%s/stderr.txt", work);
    fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || saved < 0) {
        perror(errpath);
        exit(99);
    }
    fflush(stderr);
    dup2(fd, 2);
    close(fd);
    err->text[0] = '\0';
    rc = iati_LTX_ssc_plugin.read(src, err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    CHECK(stat(errpath, &st) == 0 && st.st_size == 0);
    CHECK(!src->open);
    return rc;
}

/* The files this program wrote in work, removed when every check passed
 * (like tests/lib.sh's work folder, kept for a look when one failed). */
static char written[64][64];
static int n_written;

static void remove_work(void)
{
    char path[4200];

    for (int i = 0; i < n_written; i++) {
        snprintf(path, sizeof path, "%s/%.63s", work, written[i]);
        remove(path);
    }
    snprintf(path, sizeof path, "%s/stderr.txt", work);
    remove(path);
    rmdir(work);
}

static const char *write_file(const char *name, const char *text, size_t len)
{
    static char path[8][4200];
    static int next;
    char *p = path[next++ % 8];
    FILE *f;
    int known = 0;

    for (int i = 0; i < n_written; i++)
        known |= strcmp(written[i], name) == 0;
    if (!known && n_written < 64)
        snprintf(written[n_written++], sizeof written[0], "%s", name);

    snprintf(p, sizeof path[0], "%s/%s", work, name);
    f = fopen(p, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        perror(p);
        exit(99);
    }
    return p;
}

/* Reads xml (written to work/name) with the report language lang. */
static ssc_source *read_xml(const char *name, const char *xml, const char *lang, int *rc,
                            ssc_error *err)
{
    ssc_source *src = fake_new(write_file(name, xml, strlen(xml)), lang);

    src->rate_cur[0] = "EUR";
    src->rate[0] = 1.1;
    src->rate_cur[1] = "GBP";
    src->rate[1] = 1.25;
    src->n_rates = 2;
    *rc = run(src, err);
    return src;
}

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

/* ---- fallbacks (docs/iati.md, Fallbacks) -------------------------------- */

/* One activity of the fallback file: what it gives, written in the 2.0x or
 * the 1.0x form by fb_write.  The expected row and warnings are worked out
 * from this table by fb_expect, by the rules of docs/iati.md. */
typedef struct fb_case {
    const char *id;      /* NULL: no iati-identifier; blanks: an empty one */
    const char *title;   /* NULL: no title; "": an empty one */
    const char *date[5]; /* by activity-date type: 1 planned start, 2 actual start,
                            3 planned end, 4 actual end; NULL: none */
    const char *status;  /* the activity-status code; NULL: no activity-status */
} fb_case;

static const fb_case fb_cases[] = {
    {"F-1", "Complete", {NULL, "2015-01-01", "2015-03-01", "2016-12-31", NULL}, "2"},
    {"F-2", NULL, {NULL, NULL, "2016-01-01", NULL, "2017-01-01"}, "4"},
    {"F-3", "", {NULL, "2016-02-01", NULL, NULL, NULL}, "1"},
    {NULL, "No identifier", {NULL, "2016-03-01", NULL, NULL, NULL}, "1"},
    {"   ", NULL, {NULL, "2016-04-01", NULL, NULL, NULL}, "1"},
    {"F-6", "Actual end before actual start",
     {NULL, "2019-01-01", "2020-05-22", NULL, "2019-10-31"}, "3"},
    {"F-7", "Planned end before planned start",
     {NULL, "2050-12-31", NULL, "2021-12-31", NULL}, "1"},
    {"F-8", "Ends the day it starts", {NULL, NULL, "2018-04-01", NULL, "2018-04-01"}, "4"},
    {"F-9", "No dates", {NULL, NULL, NULL, NULL, NULL}, "2"},
    {"F-10", "Only an end", {NULL, NULL, NULL, "2022-01-31", NULL}, "2"},
    {"F-11", "Empty status, started", {NULL, "2018-01-01", "2019-02-02", NULL, NULL}, ""},
    {"F-12", "Unknown status, ended", {NULL, NULL, "2019-02-02", NULL, "2020-01-01"}, "9"},
    {"F-13", "No status, planned", {NULL, "2019-03-03", NULL, NULL, NULL}, NULL},
    {"F-14", "No status, started", {NULL, NULL, "2019-04-04", "2025-01-01", NULL}, NULL},
    {"F-15", "Before 1", {NULL, NULL, "2011-01-01", "2010-12-31", NULL}, "2"},
    {"F-16", "Before 2", {NULL, NULL, "2012-01-02", NULL, "2012-01-01"}, "3"},
    {"F-17", "Before 3", {NULL, "2013-07-01", NULL, NULL, "2013-06-30"}, "3"},
};
#define FB_N (sizeof fb_cases / sizeof fb_cases[0])

/* The fallbacks' kinds, in the order of iati_fallback, with the wording of
 * their warnings after "N activities: " (docs/iati.md). */
static const char *const fb_what[5] = {
    "no iati-identifier; the id is the file's name, '#' and the activity's place in the file",
    "no title; the iati-identifier is the title",
    "no start date; no start year, so counted in every chart except those by year",
    "end date before start date; the end date is left out",
    "no activity-status code from 1 to 6; the status is ongoing if the activity has an "
    "actual start date and no actual end date, else pipeline",
};

/* How many activities a fallback was used for, and the first lines. */
typedef struct fb_tally {
    long count;
    long lines[3];
} fb_tally;

static void fb_count(fb_tally *t, long line)
{
    if (t->count < 3)
        t->lines[t->count] = line;
    t->count++;
}

typedef struct fb_expected {
    char id[64], title[64];
    const char *start, *end, *status;
    long line;
} fb_expected;

static int fb_blank(const char *s)
{
    return !s || strspn(s, " \t\n") == strlen(s);
}

static void fb_add(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
    if (strlen(buf) + 1 >= size) {
        fprintf(stderr, "fb_add: the buffer is too small\n");
        exit(99);
    }
}

static long fb_lines(const char *s)
{
    long n = 1;

    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The file in the 2.0x (v2) or 1.0x form; each activity's line into line[]. */
static void fb_write(char *xml, size_t size, int v2, long *line)
{
    static const char *const type1[5] = {"", "start-planned", "start-actual", "end-planned",
                                         "end-actual"};

    xml[0] = '\0';
    fb_add(xml, size, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"%s\">\n",
           v2 ? "2.03" : "1.05");
    for (size_t i = 0; i < FB_N; i++) {
        const fb_case *c = &fb_cases[i];

        line[i] = fb_lines(xml);
        fb_add(xml, size, " <iati-activity default-currency=\"USD\">\n");
        if (c->id)
            fb_add(xml, size, "  <iati-identifier>%s</iati-identifier>\n", c->id);
        if (v2) {
            fb_add(xml, size, "  <reporting-org ref=\"XM-F\"><narrative>Org F</narrative>"
                              "</reporting-org>\n");
            if (c->title)
                fb_add(xml, size, "  <title><narrative>%s</narrative></title>\n", c->title);
        } else {
            fb_add(xml, size, "  <reporting-org ref=\"XM-F\">Org F</reporting-org>\n");
            if (c->title)
                fb_add(xml, size, "  <title>%s</title>\n", c->title);
        }
        if (c->status)
            fb_add(xml, size, "  <activity-status code=\"%s\"/>\n", c->status);
        for (int t = 1; t <= 4; t++) {
            if (!c->date[t])
                continue;
            if (v2)
                fb_add(xml, size, "  <activity-date type=\"%d\" iso-date=\"%s\"/>\n", t,
                       c->date[t]);
            else if (i % 2) /* 1.0x allowed the date as the element's text */
                fb_add(xml, size, "  <activity-date type=\"%s\">%s</activity-date>\n",
                       type1[t], c->date[t]);
            else
                fb_add(xml, size, "  <activity-date type=\"%s\" iso-date=\"%s\"/>\n",
                       type1[t], c->date[t]);
        }
        fb_add(xml, size, "  <recipient-country code=\"KE\"/>\n  <sector code=\"11110\"/>\n"
                          " </iati-activity>\n");
    }
    fb_add(xml, size, "</iati-activities>\n");
}

/* What the rules make of case i, the activity number i + 1 of file. */
static void fb_expect(size_t i, const char *file, long line, fb_expected *e, fb_tally *kinds,
                      char *first_id, size_t first_size)
{
    static const char *const status[7] = {NULL,        "pipeline",  "ongoing",  "completed",
                                          "completed", "cancelled", "suspended"};
    const fb_case *c = &fb_cases[i];
    const char *start = c->date[2] ? c->date[2] : c->date[1];
    const char *end = c->date[4] ? c->date[4] : c->date[3];

    e->line = line;
    if (fb_blank(c->id)) {
        snprintf(e->id, sizeof e->id, "%s#%zu", file, i + 1);
        if (kinds[0].count == 0)
            snprintf(first_id, first_size, "%.60s", e->id);
        fb_count(&kinds[0], line);
    } else {
        snprintf(e->id, sizeof e->id, "%s", c->id + strspn(c->id, " "));
    }
    if (fb_blank(c->title)) {
        snprintf(e->title, sizeof e->title, "%.60s", e->id);
        fb_count(&kinds[1], line);
    } else {
        snprintf(e->title, sizeof e->title, "%s", c->title);
    }
    if (!start)
        fb_count(&kinds[2], line);
    if (start && end && strcmp(end, start) < 0) {
        end = NULL;
        fb_count(&kinds[3], line);
    }
    e->start = start;
    e->end = end;
    if (c->status && strlen(c->status) == 1 && c->status[0] >= '1' && c->status[0] <= '6') {
        e->status = status[c->status[0] - '0'];
    } else {
        e->status = c->date[2] && !c->date[4] ? "ongoing" : "pipeline";
        fb_count(&kinds[4], line);
    }
}

/* How many warnings are exactly "path:line: message" as want. */
static int warned_exactly(const ssc_source *src, const char *want)
{
    int n = 0;

    for (size_t i = 0; i < src->n_warnings; i++)
        n += strcmp(src->warnings[i], want) == 0;
    return n;
}

/* "at line 5", "at lines 5, 9" or "e.g. lines 5, 9, 12": the lines of the
 * first three of count. */
static void fb_lines_text(char *buf, size_t size, long count, const long *lines)
{
    long shown = count < 3 ? count : 3;

    snprintf(buf, size, "%s line%s", count > 3 ? "e.g." : "at", shown == 1 ? "" : "s");
    for (long i = 0; i < shown; i++)
        fb_add(buf, size, "%s %ld", i ? "," : "", lines[i]);
}

/* Every fallback, in the 2.0x or 1.0x form: the row each activity becomes,
 * and one warning per kind of fallback with its count and lines. */
static void test_fallbacks(int v2)
{
    static char xml[16384];
    const char *name = v2 ? "fallbacks-2.xml" : "fallbacks-1.xml";
    long line[FB_N];
    fb_expected e[FB_N];
    fb_tally kinds[5];
    char first_id[64] = "", want[8192], lines[64];
    int used = 0, rc;
    ssc_error err;
    ssc_source *s;

    fb_write(xml, sizeof xml, v2, line);
    memset(kinds, 0, sizeof kinds);
    for (size_t i = 0; i < FB_N; i++)
        fb_expect(i, name, line[i], &e[i], kinds, first_id, sizeof first_id);
    /* the table uses every fallback, and one of them more than three times */
    for (int k = 0; k < 5; k++)
        CHECK(kinds[k].count > 0);
    CHECK(kinds[3].count > 3);

    s = read_xml(name, xml, "en", &rc, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK(s->start_optional);
    CHECK_INT(s->n_rows, FB_N);
    for (size_t i = 0; i < FB_N; i++) {
        const char *start = cell(s, e[i].id, "start_date"), *end = cell(s, e[i].id, "end_date");

        CHECK_INT(row_line(s, e[i].id), e[i].line);
        CHECK_STR(cell(s, e[i].id, "title"), e[i].title);
        CHECK_STR(cell(s, e[i].id, "status"), e[i].status);
        if (e[i].start)
            CHECK_STR(start, e[i].start);
        else
            CHECK(start == NULL);
        if (e[i].end)
            CHECK_STR(end, e[i].end);
        else
            CHECK(end == NULL);
        /* what no fallback touches stays as in any activity */
        CHECK_STR(cell(s, e[i].id, "lead_institution"), "Org F");
        CHECK_STR(cell(s, e[i].id, "countries"), "KEN");
    }
    for (int k = 0; k < 5; k++) {
        if (kinds[k].count == 0)
            continue;
        used++;
        fb_lines_text(lines, sizeof lines, kinds[k].count, kinds[k].lines);
        snprintf(want, sizeof want, "%s:%ld: %ld %s: %s", s->path, kinds[k].lines[0],
                 kinds[k].count, kinds[k].count == 1 ? "activity" : "activities", fb_what[k]);
        if (k == 0)
            fb_add(want, sizeof want, " (the first: %s)", first_id);
        fb_add(want, sizeof want, ", %s", lines);
        CHECK_INT(warned_exactly(s, want), 1);
        if (!warned_exactly(s, want))
            fprintf(stderr, "  expected the warning: %s\n", want);
    }
    /* nothing else: one line per kind, never one per activity */
    CHECK_INT(s->n_warnings, used);
    fake_free(s);
}

/* n activities with an unknown country code each: the first warning in
 * full at once, the second in full after the file, with the count of the
 * rest and the lines of the first three of them. */
static void test_grouped(int n)
{
    static char xml[8192];
    long line[16];
    char want[4400], what[128], lines[64];
    ssc_error err;
    ssc_source *s;
    int rc;

    xml[0] = '\0';
    fb_add(xml, sizeof xml, "<iati-activities version=\"2.03\">\n");
    for (int i = 0; i < n; i++) {
        fb_add(xml, sizeof xml,
               " <iati-activity>\n  <iati-identifier>G-%d</iati-identifier>\n"
               "  <reporting-org ref=\"XM-G\"/><title><narrative>G</narrative></title>\n"
               "  <activity-status code=\"2\"/><activity-date type=\"2\" "
               "iso-date=\"2020-01-01\"/>\n",
               i);
        line[i] = fb_lines(xml);
        fb_add(xml, sizeof xml, "  <recipient-country code=\"Q%d\"/>\n </iati-activity>\n", i);
    }
    fb_add(xml, sizeof xml, "</iati-activities>\n");
    s = read_xml("grouped.xml", xml, "en", &rc, &err);
    CHECK_INT(rc, SSC_OK);
    CHECK_INT(s->n_rows, n);
    CHECK_INT(s->n_warnings, n >= 2 ? 2 : n);
    for (int i = 0; i < n && i < 2; i++) {
        snprintf(what, sizeof what,
                 "recipient-country code \"Q%d\" is not an ISO 3166-1 alpha-2 code of a known "
                 "country; left out",
                 i);
        snprintf(want, sizeof want, "%s:%ld: %s", s->path, line[i], what);
        if (i == 1 && n > 2) {
            fb_lines_text(lines, sizeof lines, n - 2, line + 2);
            fb_add(want, sizeof want, " (and %d more of this kind, %s)", n - 2, lines);
        }
        CHECK_INT(warned_exactly(s, want), 1);
        if (!warned_exactly(s, want))
            fprintf(stderr, "  expected the warning: %s\n", want);
    }
    fake_free(s);
}

/* ---- bad input ---------------------------------------------------------- */

/* Reads text and expects an error starting with "path:line: " + what. */
static void expect_error(const char *name, const char *text, size_t len, long line,
                         const char *what)
{
    ssc_source *s = fake_new(write_file(name, text, len), "en");
    ssc_error err;
    char want[4400];
    int rc = run(s, &err);

    CHECK_INT(rc, SSC_ERR);
    if (line > 0)
        snprintf(want, sizeof want, "%s:%ld: %s", s->path, line, what);
    else
        snprintf(want, sizeof want, "%s:", s->path);
    CHECK_PREFIX(err.text, want);
    fake_free(s);
}

static void test_errors(void)
{
    static const char mismatch[] = "<iati-activities>\n <iati-activity>\n"
                                   "  <iati-identifier>E-1</iati-identifier>\n"
                                   "  <title>x</titel>\n </iati-activity>\n</iati-activities>\n";
    static const char truncated[] = "<iati-activities>\n <iati-activity>\n"
                                    "  <iati-identifier>E-1</iati-identifier>\n"
                                    "  <title>x</title>\n";
    static const char bad_utf8[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<iati-activities>\n <iati-activity>\n"
                                   "  <iati-identifier>E-\xff\xfe</iati-identifier>\n"
                                   " </iati-activity>\n</iati-activities>\n";
    static const char undefined[] = "<iati-activities>\n <iati-activity>\n"
                                    "  <iati-identifier>&nothing;</iati-identifier>\n"
                                    " </iati-activity>\n</iati-activities>\n";
    static const char not_iati[] = "<?xml version=\"1.0\"?>\n<iati-organisations "
                                   "version=\"2.03\">\n</iati-organisations>\n";
    static const char binary[] = "\x00\x01\x02garbage\x00";
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE iati-activities [<!ENTITY e SYSTEM \"file:///etc/passwd\">\n"
        "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;\">]>\n"
        "<iati-activities>\n <iati-activity>\n"
        "  <iati-identifier>X-&e;</iati-identifier><title><narrative>&d;&d;&d;</narrative>"
        "</title>\n </iati-activity>\n</iati-activities>\n";
    ssc_source *s;
    ssc_error err;
    int rc;

    expect_error("mismatch.xml", mismatch, sizeof mismatch - 1, 4, "malformed XML: ");
    expect_error("truncated.xml", truncated, sizeof truncated - 1, 0, "");
    expect_error("bad-utf8.xml", bad_utf8, sizeof bad_utf8 - 1, 4,
                 "malformed XML: Input is not proper UTF-8");
    expect_error("undefined.xml", undefined, sizeof undefined - 1, 3, "malformed XML: ");
    expect_error("not-iati.xml", not_iati, sizeof not_iati - 1, 2,
                 "not an IATI activity file: the root element is <iati-organisations>");
    s = fake_new(write_file("empty.xml", "", 0), "en");
    CHECK_INT(run(s, &err), SSC_ERR);
    CHECK(strstr(err.text, "empty.xml: the file is empty") != NULL);
    fake_free(s);
    expect_error("binary.xml", binary, sizeof binary - 1, 0, "");

    /* A file that does not exist. */
    s = fake_new("/nonexistent/iati.xml", "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_ERR);
    CHECK_STR(err.text, "/nonexistent/iati.xml: No such file or directory");
    fake_free(s);

    /* Entities are never expanded: nothing is read from elsewhere and no
     * text grows a thousandfold (whether the file is then refused or read
     * without them, it never crashes). */
    s = fake_new(write_file("xxe.xml", xxe, sizeof xxe - 1), "en");
    rc = run(s, &err);
    for (size_t r = 0; r < s->n_rows; r++)
        for (int i = 0; i < s->rows[r].n; i++) {
            CHECK(strstr(s->rows[r].val[i], "root:") == NULL);
            CHECK(strlen(s->rows[r].val[i]) < 1000);
        }
    CHECK(rc == SSC_OK || strstr(err.text, "xxe.xml:") != NULL);
    fake_free(s);
}

/* Inputs that crashed libxml2 2.9.14 through the plugin (issue 15: an
 * xmlStopParser inside the error callback read a freed input), and what the
 * sniffing of the first bytes refuses.  Each must fail cleanly at line 1
 * with the reason, before libxml2 sees a byte. */
static void test_hostile_heads(void)
{
    /* "<" then three NUL bytes: libxml2 guesses UTF-32LE from them. */
    static const char nul3[] = "<\0\0\0";
    /* a declaration naming UTF-7, then a byte 0xFF */
    static const char utf7[] = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\xff";
    static const char ebcdic[] = "\x4c\x6f\xa7\x94\x93"; /* "<?xml" in EBCDIC */
    static const char utf32[] = "\xff\xfe\0\0<\0\0\0";
    static const char open_decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" ";
    static const char bad_name[] = "<?xml version=\"1.0\" encoding=\"U\nTF\"?><a/>";
    static const char text[] = "id,title\n1,x\n";
    static const char bom_decl[] = "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                   "<iati-activities><iati-activity>\n"
                                   "<iati-identifier>B-1</iati-identifier>\n"
                                   "</iati-activity></iati-activities>\n";
    ssc_source *s;
    ssc_error err;

    expect_error("nul3.xml", nul3, sizeof nul3 - 1, 1,
                 "not an IATI activity file: a NUL byte at byte 2 ");
    expect_error("utf7.xml", utf7, sizeof utf7 - 1, 1,
                 "the XML declaration names encoding \"UTF-7\", which the iati source does "
                 "not read");
    expect_error("ebcdic.xml", ebcdic, sizeof ebcdic - 1, 1,
                 "not an IATI activity file: it does not start with \"<\"");
    expect_error("utf32.xml", utf32, sizeof utf32 - 1, 1,
                 "not an IATI activity file: UTF-32 text");
    expect_error("open-decl.xml", open_decl, sizeof open_decl - 1, 1,
                 "the XML declaration does not end");
    expect_error("bad-name.xml", bad_name, sizeof bad_name - 1, 1,
                 "the XML declaration names no valid encoding");
    expect_error("text.xml", text, sizeof text - 1, 1,
                 "not an IATI activity file: it does not start with \"<\"");
    /* what passes: a byte-order mark, the encoding's name in any case */
    s = fake_new(write_file("bom.xml", bom_decl, sizeof bom_decl - 1), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_INT(s->n_rows, 1);
    fake_free(s);
}

#define DEPTH_LIMIT 64 /* the documented limit (docs/iati.md, Limits) */

/* Nesting past DEPTH_LIMIT is refused at the element that passes it. */
static void test_depth(void)
{
    char xml[4096];
    size_t len = 0;

    len += (size_t)sprintf(xml + len, "<iati-activities>\n<iati-activity>\n");
    for (int d = 3; d <= DEPTH_LIMIT + 1; d++)
        len += (size_t)sprintf(xml + len, "<x>\n");
    /* element DEPTH_LIMIT + 1 opens on line DEPTH_LIMIT + 1 */
    expect_error("deep.xml", xml, len, DEPTH_LIMIT + 1, "elements nested more than 64 levels");
}

/* Limits: a long title is cut at a character boundary, with a warning. */
static void test_limits(void)
{
    size_t n = 40000, len;
    char *xml = malloc(n + 512);
    ssc_source *s;
    ssc_error err;
    int rc;
    const char *title;

    if (!xml)
        abort();
    len = (size_t)sprintf(xml, "<iati-activities>\n<iati-activity>\n"
                               "<iati-identifier>L-1</iati-identifier>\n<title><narrative>");
    for (size_t i = 0; i < n / 3; i++, len += 3)
        memcpy(xml + len, "\xe4\xb8\xad", 3); /* 中 */
    len += (size_t)sprintf(xml + len, "</narrative></title>\n<sector code=\"11110\"/>\n"
                                      "</iati-activity>\n</iati-activities>\n");
    s = fake_new(write_file("long.xml", xml, len), "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    title = cell(s, "L-1", "title");
    CHECK(title && strlen(title) <= 16384 && strlen(title) % 3 == 0 && strlen(title) > 16000);
    CHECK_INT(warned(s, "was cut"), 1);
    CHECK_STR(cell(s, "L-1", "sector"), "111");
    fake_free(s);
    free(xml);
}

/* Many implementing organisations: the list keeps the whole names that fit
 * in the engine's 16 KiB for one cell (so the activity is no bad row),
 * with one warning, however many names are past it. */
static void test_many_partners(void)
{
    static char xml[262144];
    size_t fit = 0, len = 0, n = 2000;
    char name[64];
    ssc_source *s;
    ssc_error err;
    int rc;

    xml[0] = '\0';
    fb_add(xml, sizeof xml, "<iati-activities>\n<iati-activity>\n"
                            "<iati-identifier>M-1</iati-identifier>\n");
    for (size_t i = 1; i <= n; i++) {
        snprintf(name, sizeof name, "Organisation number %zu", i);
        fb_add(xml, sizeof xml, "<participating-org role=\"4\"><narrative>%s</narrative>"
                                "</participating-org>\n", name);
        /* the names that fit, with a ';' between two */
        if (fit == i - 1 && len + (i > 1) + strlen(name) <= 16384) {
            len += (i > 1) + strlen(name);
            fit = i;
        }
    }
    fb_add(xml, sizeof xml, "</iati-activity>\n</iati-activities>\n");
    CHECK(fit > 100 && fit < n);
    s = fake_new(write_file("partners.xml", xml, strlen(xml)), "en");
    rc = run(s, &err);
    CHECK_INT(rc, SSC_OK);
    const char *list = cell(s, "M-1", "partner_institutions");
    CHECK(list != NULL);
    if (list) {
        CHECK_INT(strlen(list), len);
        snprintf(name, sizeof name, ";Organisation number %zu", fit);
        CHECK(strlen(list) >= strlen(name) &&
              strcmp(list + strlen(list) - strlen(name), name) == 0);
    }
    CHECK_INT(warned(s, "names pass 16384 bytes; the rest are left out"), 1);
    fake_free(s);
}

/* UTF-8 text as UTF-16LE with a byte-order mark (BMP characters only). */
static size_t to_utf16(const char *s, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;

    out[n++] = '\xff';
    out[n++] = '\xfe';
    while (*p) {
        unsigned c = *p++;

        if (c >= 0xE0) {
            c = (c & 0x0F) << 12 | (p[0] & 0x3Fu) << 6 | (p[1] & 0x3Fu);
            p += 2;
        } else if (c >= 0xC0) {
            c = (c & 0x1F) << 6 | (p[0] & 0x3Fu);
            p += 1;
        }
        out[n++] = (char)(c & 0xFF);
        out[n++] = (char)(c >> 8);
    }
    return n;
}

/* Files in other encodings reach the rules as UTF-8. */
static void test_encodings(void)
{
    static const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                                 "<iati-activities><iati-activity>\n"
                                 "<iati-identifier>L-1</iati-identifier>\n"
                                 "<title><narrative>T\xedtulo</narrative></title>\n"
                                 "</iati-activity></iati-activities>\n";
    static const char utf8[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                               "<iati-activities><iati-activity>\n"
                               "<iati-identifier>U-1</iati-identifier>\n"
                               "<title><narrative>Título 中文</narrative></title>\n"
                               "<recipient-country code=\"ZZ\"/>\n"
                               "</iati-activity></iati-activities>\n";
    char utf16[2 * sizeof utf8 + 2];
    ssc_source *s;
    ssc_error err;

    s = fake_new(write_file("latin1.xml", latin1, sizeof latin1 - 1), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_STR(cell(s, "L-1", "title"), "Título");
    fake_free(s);

    s = fake_new(write_file("utf16.xml", utf16, to_utf16(utf8, utf16)), "en");
    CHECK_INT(run(s, &err), SSC_OK);
    CHECK_STR(cell(s, "U-1", "title"), "Título 中文");
    CHECK_INT(warned(s, at_line(s, 5, "recipient-country code \"ZZ\"")), 1);
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
    const char *build = getenv("top_builddir");

    if (argc >= 3 && strcmp(argv[1], "--count") == 0)
        return count_file(argv[2], argc >= 4 ? argv[3] : "en");
    if (argc >= 3 && strcmp(argv[1], "--dump") == 0)
        return dump_file(argv[2], argc >= 4 ? argv[3] : "en");
    snprintf(work, sizeof work, "%s/tests/plugins/test-iati.tmp", build ? build : ".");
    if (mkdir(work, 0700) != 0 && errno != EEXIST) {
        perror(work);
        return 99;
    }
    test_descriptor();
    test_v2("en");
    test_v2("zh");
    test_v1("en");
    test_v1("zh");
    test_example();
    test_fallbacks(1);
    test_fallbacks(0);
    test_grouped(2);
    test_grouped(4);
    test_grouped(7);
    test_errors();
    test_hostile_heads();
    test_depth();
    test_limits();
    test_many_partners();
    test_encodings();
    printf("%d checks\n", check_count);
    if (check_failures == 0)
        remove_work();
    else
        fprintf(stderr, "test-iati: files kept in %s\n", work);
    return check_done();
}
