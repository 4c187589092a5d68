/* SPDX-License-Identifier: MIT */
/* Times the engine's CSV reader (engine/data/csv.c) against libcsv on the same
 * file, in the same run, and checks that both see the same records:
 *
 *     csv-vs-libcsv FILE [RUNS]
 *
 * The file is read into memory once, so both timings are of parsing alone;
 * each parser runs RUNS times (default 3), in turns, and its best time
 * counts.  libcsv gets the cheapest callbacks possible (they only count),
 * so the ratio is a floor on what the engine's reader saves.  Both must
 * agree on the records, the fields and the bytes of field content (the
 * generated files have no spaces at the edges of unquoted fields, which
 * libcsv would trim).  Exit status: 0, or 1 when they disagree or on a
 * usage error. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../engine/data/csv.h"

typedef struct bench_counts {
    unsigned long long rows, fields, bytes;
} bench_counts;

static double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void bench_libcsv_field(void *s, size_t len, void *data)
{
    (void)s;
    ((bench_counts *)data)->fields++;
    ((bench_counts *)data)->bytes += len;
}

static void bench_libcsv_row(int c, void *data)
{
    (void)c;
    ((bench_counts *)data)->rows++;
}

static int bench_libcsv(const char *buf, size_t len, bench_counts *n)
{
    struct csv_parser p;

    memset(n, 0, sizeof *n);
    if (csv_init(&p, 0) != 0)
        return -1;
    if (csv_parse(&p, buf, len, bench_libcsv_field, bench_libcsv_row, n) != len) {
        fprintf(stderr, "libcsv: %s\n", csv_strerror(csv_error(&p)));
        csv_free(&p);
        return -1;
    }
    csv_fini(&p, bench_libcsv_field, bench_libcsv_row, n);
    csv_free(&p);
    return 0;
}

static int bench_ssc(const char *buf, size_t len, bench_counts *n)
{
    ssc_csv_reader r;
    ssc_csv_record rec;
    int rc;

    memset(n, 0, sizeof *n);
    ssc_csv_reader_init(&r, buf, len);
    while ((rc = ssc_csv_next(&r, &rec)) == SSC_CSV_RECORD) {
        n->rows++;
        n->fields += rec.count;
        for (size_t i = 0; i < rec.count; i++)
            n->bytes += rec.fields[i].len;
    }
    ssc_csv_reader_free(&r);
    if (rc != SSC_CSV_END) {
        fprintf(stderr, "ssc_csv: %s\n",
                rc == SSC_CSV_UNCLOSED ? "a quoted field never ends" : "out of memory");
        return -1;
    }
    return 0;
}

/* One timed call; -1 when the parser failed. */
static double bench_time(int (*parse)(const char *, size_t, bench_counts *), const char *buf,
                         size_t len, bench_counts *n)
{
    double t0 = bench_now();
    if (parse(buf, len, n) != 0)
        return -1;
    return bench_now() - t0;
}

int main(int argc, char **argv)
{
    ssc_csv_file f;
    bench_counts lib, ssc;
    double t_lib, t_ssc, mb;
    int runs = 3;

    if (argc < 2 || argc > 3 || (argc == 3 && (runs = atoi(argv[2])) < 1)) {
        fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
        return 1;
    }
    if (ssc_csv_file_read(&f, argv[1]) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    mb = (double)f.len / 1e6;
    /* The runs alternate, so that a busy moment on the machine hits both
     * parsers alike; the best of each counts. */
    t_lib = t_ssc = -1;
    for (int i = 0; i < runs; i++) {
        double a = bench_time(bench_libcsv, f.data, f.len, &lib);
        double b = bench_time(bench_ssc, f.data, f.len, &ssc);
        if (a < 0 || b < 0) {
            ssc_csv_file_free(&f);
            return 1;
        }
        t_lib = t_lib < 0 || a < t_lib ? a : t_lib;
        t_ssc = t_ssc < 0 || b < t_ssc ? b : t_ssc;
    }
    ssc_csv_file_free(&f);

    printf("file:    %s (%.1f MB), best of %d runs\n", argv[1], mb, runs);
    printf("libcsv:  %llu records, %llu fields, %llu bytes, %.3f s (%.0f MB/s)\n", lib.rows,
           lib.fields, lib.bytes, t_lib, mb / t_lib);
    printf("ssc_csv: %llu records, %llu fields, %llu bytes, %.3f s (%.0f MB/s)\n", ssc.rows,
           ssc.fields, ssc.bytes, t_ssc, mb / t_ssc);
    if (lib.rows != ssc.rows || lib.fields != ssc.fields || lib.bytes != ssc.bytes) {
        printf("MISMATCH: the two readers disagree on the records\n");
        return 1;
    }
    printf("ratio:   %.1fx faster than libcsv (goal: at least 3x)\n", t_lib / t_ssc);
    return 0;
}
