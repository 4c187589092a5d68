/* SPDX-License-Identifier: MIT */
/* A compute child: takes sections from the shared counter, runs their
 * plugins' compute hooks and writes each outcome on its pipe (the format
 * and the deal are in compute_wire.h). */
#include "report/compute_wire.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "report/table.h"

static void put(FILE *w, const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, w) != n)
        _exit(125); /* the parent is gone or the pipe broke: nobody to tell */
}

static void put_u32(FILE *w, uint32_t v)
{
    put(w, &v, sizeof v);
}

static void put_u64(FILE *w, uint64_t v)
{
    put(w, &v, sizeof v);
}

static void put_str(FILE *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!s) {
        put_u32(w, COMPUTE_NONE);
        return;
    }
    put_u32(w, n < COMPUTE_MAX_STRING ? (uint32_t)n : COMPUTE_MAX_STRING);
    put(w, s, n < COMPUTE_MAX_STRING ? n : COMPUTE_MAX_STRING); /* the parent refuses it */
}

static void put_table(FILE *w, const ssc_table *t)
{
    size_t cols = ssc_table_columns(t), rows = ssc_table_rows(t);

    put(w, "T", 1);
    put_u32(w, (uint32_t)ssc_table_key_kind(t));
    put_u32(w, (uint32_t)cols);
    put_u64(w, (uint64_t)rows);
    put_str(w, ssc_table_note(t));
    put_str(w, ssc_table_summary(t));
    for (int m = SSC_MEASURE_ONE; m <= SSC_MEASURE_ZH_COUNTER; m++)
        put_str(w, ssc_table_measures_projects(t) ? NULL
                                                  : ssc_table_measure(t, (ssc_measure_part)m));
    for (size_t c = 0; c < cols; c++) {
        put_str(w, ssc_table_column_name(t, c));
        put_str(w, ssc_table_column_title_override(t, c));
        put_u32(w, (uint32_t)ssc_table_column_type(t, c));
        put_u32(w, (uint32_t)ssc_table_column_unit(t, c));
    }
    for (size_t r = 0; r < rows; r++) {
        put_str(w, ssc_table_key(t, r));
        put_str(w, ssc_table_label_override(t, r));
        put_u64(w, (uint64_t)(ssc_table_colour(t, r) + 1));
        double total = ssc_table_row_total(t, r);
        put(w, &total, sizeof total);
        for (size_t c = 0; c < cols; c++) {
            double v = ssc_table_number(t, r, c);
            put(w, &v, sizeof v);
            put_str(w, ssc_table_text(t, r, c));
        }
    }
}

static void put_error(FILE *w, const char *file, long line, const char *message)
{
    put(w, "E", 1);
    put_str(w, file);
    put_u64(w, (uint64_t)line);
    put_str(w, message);
}

void ssc_compute_child(int fd, pid_t parent, const ssc_portfolio *view, ssc_section *sections,
                       size_t n, ssc_compute_deal *deal, size_t max_rows)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    FILE *w;

    /* die with the command, whatever kills it: an orphaned plugin must not
     * run on (the command may have been killed before it could kill us) */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(125);
    /* the command's handlers remove its temporary files: not ours to do */
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
    if (!(w = fdopen(fd, "wb")))
        _exit(125);
    for (;;) {
        size_t i = __atomic_fetch_add(&deal->next, 1, __ATOMIC_SEQ_CST);
        if (i >= n)
            break;
        ssc_section *s = &sections[i];
        ssc_table *t = ssc_table_new();
        ssc_error perr;
        ssc_error_clear(&perr);
        put(w, "S", 1);
        put_u32(w, (uint32_t)i);
        if (fflush(w) != 0)
            _exit(125);
        int rc = SSC_ERR;
        if (t) {
            ssc_table_set_max_rows(t, max_rows);
            rc = s->plugin->compute(view, s, t, &perr);
        }
        if (!t) {
            put_error(w, perr.file, 0, "out of memory");
        } else if (ssc_table_flooded(t)) {
            /* first: the plugin may pass the refused row off as its own
             * failure; the table never holds more than the limit */
            put(w, "R", 1);
        } else if (rc != SSC_OK || ssc_table_failed(t)) {
            put_error(w, perr.set ? perr.file : "", perr.set ? perr.line : 0,
                      perr.set ? perr.message : "the plugin failed without saying why");
        } else {
            put_table(w, t);
        }
        if (fflush(w) != 0)
            _exit(125);
        ssc_table_free(t);
    }
    put(w, "D", 1);
    if (fclose(w) != 0)
        _exit(125);
    _exit(0);
}
