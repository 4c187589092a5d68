/* SPDX-License-Identifier: MIT */
/* The fake engine of the iati plugin's tests (test-iati, test-iati-sniff):
 * ssc_source_* accessors that keep every project row, warning and label the
 * plugin hands over, and check the contract (columns known, set once,
 * between begin and end, never empty or padded); plus the helpers the
 * tests share (iati-fake.c). */
#ifndef SSC_TEST_IATI_FAKE_H
#define SSC_TEST_IATI_FAKE_H

#include <stddef.h>

#include <ssc-report/plugin.h>

extern const ssc_plugin iati_LTX_ssc_plugin;

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

/* The folder the test writes its files in (fake_setup). */
extern char work[2048];

/* Makes the work folder $top_builddir/tests/plugins/NAME.tmp; 0 when it
 * exists, else 99 (a hard error for automake). */
int fake_setup(const char *name);
/* The fakes' own checks count in iati-fake.c's copy of check.h's counters:
 * adds them to the caller's, and removes the work folder when no check
 * failed (kept for a look otherwise). */
void fake_finish(int *count, int *failures);

ssc_source *fake_new(const char *path, const char *language);
void fake_free(ssc_source *src);
/* The cell of column col in the row whose id is id; NULL when not set. */
const char *cell(const ssc_source *src, const char *id, const char *col);
long row_line(const ssc_source *src, const char *id);
const char *label(const ssc_source *src, const char *key);
/* How many warnings contain needle. */
int warned(const ssc_source *src, const char *needle);
/* The 1-based line of the first occurrence of needle in text. */
long line_of(const char *text, const char *needle);
/* "path:LINE: " followed by what, for checking a warning's place. */
const char *at_line(const ssc_source *src, long line, const char *what);
/* Runs the plugin on src; checks that libxml2 printed nothing on stderr. */
int run(ssc_source *src, ssc_error *err);
void remove_work(void);
/* Writes len bytes of text to work/name; returns the path. */
const char *write_file(const char *name, const char *text, size_t len);
/* Reads xml (written to work/name) with the report language lang. */
ssc_source *read_xml(const char *name, const char *xml, const char *lang, int *rc,
                     ssc_error *err);
/* Appends a printf text to the NUL-terminated buf (exits 99 when full). */
void fake_append(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
