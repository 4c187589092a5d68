/* SPDX-License-Identifier: MIT */
/* The portfolio store: interning, distinct lists (short and long), regions
 * derived from countries, and the accessors plugins read them through; the
 * id set, reserved ahead or grown, added to in one step or in three
 * (hash, prefetch, add), and a store reserved ahead; a line past what the
 * store's four bytes hold, refused with the file and line named. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../check.h"
#include "data/bigmem.h"
#include "data/idset.h"
#include "data/rowcheck.h"
#include "data/hash.h"
#include "data/share.h"
#include "data/store.h"

static ssc_text txt(const char *s)
{
    return (ssc_text){s, strlen(s)};
}

/* 5000 ids "ID-0" ... "ID-4999" on lines 2..5001, then each again: every
 * repeat names the line of the first.  reserve: 0 grows as ids come, else
 * the size asked for ahead (reserving again after the first half). */
static void idset_case(size_t reserve)
{
    ssc_idset *set = ssc_idset_new();
    static char ids[5000][16]; /* the set keeps views: the ids outlive it */
    char id[32];
    int new_ok = 1, repeat_ok = 1;

    CHECK(set != NULL);
    if (!set)
        return;
    if (reserve)
        CHECK_INT(ssc_idset_reserve(set, reserve), 0);
    for (long i = 0; i < 5000; i++) {
        int n = snprintf(ids[i], sizeof ids[i], "ID-%ld", i);
        if (i == 2500 && reserve)
            CHECK_INT(ssc_idset_reserve(set, 4 * reserve), 0); /* rehashes what is in */
        new_ok &= ssc_idset_add(set, ids[i], (size_t)n, i + 2) == 0;
    }
    for (long i = 4999; i >= 0; i--) {
        int n = snprintf(id, sizeof id, "ID-%ld", i);
        repeat_ok &= ssc_idset_add(set, id, (size_t)n, 9000 + i) == i + 2;
    }
    CHECK(new_ok);
    CHECK(repeat_ok);
    /* a prefix of a known id is another id */
    CHECK_INT(ssc_idset_add(set, "ID-", 3, 20000), 0);
    ssc_idset_free(set);
}

/* The three-step add (hash, prefetch, add_hashed) as the row checker
 * uses it: 3000 ids "R-1" ... "R-3000" on lines 101..3100 into a set
 * never reserved, so the table grows from nothing (1024 slots hold 614)
 * several times between a prefetch and its add; then repeats, each
 * answered with the line written here by hand. */
static void idset_hashed_case(void)
{
    ssc_idset *set = ssc_idset_new();
    static char ids[3001][16];
    int new_ok = 1;

    CHECK(set != NULL);
    if (!set)
        return;
    ssc_idset_prefetch(set, ssc_idset_hash("R-1", 3)); /* no table yet: a no-op */
    for (long i = 1; i <= 3000; i++) {
        int n = snprintf(ids[i], sizeof ids[i], "R-%ld", i);
        uint32_t h = ssc_idset_hash(ids[i], (size_t)n);
        ssc_idset_prefetch(set, h);
        new_ok &= ssc_idset_add_hashed(set, ids[i], (size_t)n, h, 100 + i) == 0;
    }
    CHECK(new_ok);
    /* the hash is the id's, not its address's: a copy elsewhere is found */
    CHECK_INT(ssc_idset_add_hashed(set, "R-1", 3, ssc_idset_hash("R-1", 3), 5000), 101);
    CHECK_INT(ssc_idset_add_hashed(set, "R-614", 5, ssc_idset_hash("R-614", 5), 5001), 714);
    CHECK_INT(ssc_idset_add_hashed(set, "R-615", 5, ssc_idset_hash("R-615", 5), 5002), 715);
    CHECK_INT(ssc_idset_add_hashed(set, "R-3000", 6, ssc_idset_hash("R-3000", 6), 5003), 3100);
    /* the one-step add and the three-step one share the table */
    CHECK_INT(ssc_idset_add(set, "R-2048", 6, 5004), 2148);
    CHECK_INT(ssc_idset_add(set, "S-1", 3, 5005), 0);
    CHECK_INT(ssc_idset_add_hashed(set, "S-1", 3, ssc_idset_hash("S-1", 3), 5006), 5005);
    /* a repeat is not added: its first line stays the answer */
    CHECK_INT(ssc_idset_add(set, "R-1", 3, 5007), 101);
    /* neither a prefix nor a longer id is a repeat */
    CHECK_INT(ssc_idset_add_hashed(set, "R-", 2, ssc_idset_hash("R-", 2), 5008), 0);
    CHECK_INT(ssc_idset_add_hashed(set, "R-30000", 7, ssc_idset_hash("R-30000", 7), 5009), 0);
    ssc_idset_free(set);
}

/* Lines are four bytes in the store: line 2^32 is refused, by the store
 * with the limit in words, by the row checker with the file and line. */
static void line_limit_case(void)
{
    ssc_store *st = ssc_store_new();
    ssc_error err;
    long past = (long)UINT32_MAX + 1; /* long is 64-bit where this builds */
    ssc_project_in p = {
        .id = txt("P-1"), .title = txt("T"), .lead = txt("L"), .sector = txt("water"),
        .start = {2014, 0, 0}, .status = SSC_STATUS_ONGOING, .beneficiaries = -1,
        .line = past,
    };

    CHECK(st != NULL);
    if (!st)
        return;
    ssc_error_clear(&err);
    CHECK_INT(ssc_store_append(st, &p, &err), SSC_ERR);
    CHECK_STR(err.message, "a portfolio may have at most 4294967295 lines");
    p.line = (long)UINT32_MAX;
    ssc_error_clear(&err);
    CHECK_INT(ssc_store_append(st, &p, &err), SSC_OK);
    ssc_store_free(st);

    ssc_rowcheck *rc = ssc_rowcheck_new("big.csv", NULL, 0);
    CHECK(rc != NULL);
    if (!rc)
        return;
    ssc_row row;
    memset(&row, 0, sizeof row);
    row.line = past;
    static const struct { int col; const char *name, *v; } cells[] = {
        {SSC_COL_ID, "id", "P-1"}, {SSC_COL_TITLE, "title", "Water"},
        {SSC_COL_LEAD, "lead_institution", "Institute A"}, {SSC_COL_PARTNERS, "partner_institutions", ""},
        {SSC_COL_COUNTRIES, "countries", "KEN"}, {SSC_COL_SECTOR, "sector", "water"},
        {SSC_COL_SDG_PRIMARY, "sdg_primary", "6"}, {SSC_COL_SDG_SECONDARY, "sdg_secondary", ""},
        {SSC_COL_START, "start_date", "2020"}, {SSC_COL_END, "end_date", ""},
        {SSC_COL_STATUS, "status", "ongoing"}, {SSC_COL_FUNDING, "funding_source", "PGTF"},
        {SSC_COL_BUDGET, "budget_usd", "1000"}, {SSC_COL_MODALITY, "modality", ""},
        {SSC_COL_GENDER, "gender_marker", ""}, {SSC_COL_BENEFICIARIES, "beneficiaries", ""},
    };
    for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
        row.col[cells[c].col].v = txt(cells[c].v);
        row.col[cells[c].col].name = cells[c].name;
    }
    ssc_error_clear(&err);
    ssc_rowcheck_begin(rc);
    CHECK_INT(ssc_rowcheck_end(rc, &row, &err), SSC_ERR);
    CHECK_STR(err.file, "big.csv");
    CHECK(err.line == past);
    CHECK_STR(err.message, "a portfolio may have at most 4294967295 lines");
    ssc_rowcheck_free(rc);
}

/* The prefault thread (bigmem.c) fills a buffer's page tables while the
 * caller writes to it: every byte written stays, before and after, and
 * the pages never written are resident once it is done (where the kernel
 * has MADV_POPULATE_WRITE; it did not exist before Linux 5.14), and a
 * range under 512 KiB is not worth a thread. */
static void bigmem_case(void)
{
    size_t len = (size_t)16 << 20, page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *buf = malloc(len), *res = malloc(len / page + 1);
    size_t bad = 0, absent = 0;
    int can = 1, queued;

    CHECK(buf != NULL && res != NULL);
    if (!buf || !res)
        return;
    for (size_t i = 0; i < len / 4; i++) /* the first quarter, before */
        buf[i] = (unsigned char)(i * 7 + 1);
    queued = ssc_bigmem_prefault(buf, len);
    for (size_t i = len / 4; i < len / 2; i++) /* the second, meanwhile */
        buf[i] = (unsigned char)(i * 7 + 1);
    ssc_bigmem_wait();
    for (size_t i = 0; i < len / 2; i++)
        bad += buf[i] != (unsigned char)(i * 7 + 1);
    CHECK_INT(bad, 0);
    CHECK_INT(ssc_bigmem_prefault(buf, (size_t)256 << 10), 0);
#ifdef MADV_POPULATE_WRITE
    {
        void *probe = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        can = probe != MAP_FAILED && madvise(probe, page, MADV_POPULATE_WRITE) == 0;
        if (probe != MAP_FAILED)
            munmap(probe, page);
    }
#else
    can = 0;
#endif
    /* a kernel that has the call takes the range (this fails under a
     * limit that refuses the process a second thread) */
    CHECK(queued == can);
    if (can && queued) {
        uintptr_t at = ((uintptr_t)buf + len / 2 + page - 1) & ~(uintptr_t)(page - 1);
        size_t n = ((uintptr_t)buf + len - at) / page;
        CHECK_INT(mincore((void *)at, n * page, res), 0);
        for (size_t i = 0; i < n; i++)
            absent += !(res[i] & 1);
        CHECK_INT(absent, 0); /* the half never written is in memory */
    }
    free(res);
    free(buf);
}

/* The title table shares the first texts it meets, up to its bound, and
 * copies the rest: every text reads back equal, the held ones are one
 * pointer, and a text met after the table is full is a copy each time.
 * Lengths around the hash's eight-byte words (0, 7, 8, 9, 16, 17). */
static void share_case(void)
{
    static const char *const texts[] = {"", "Seven..", "Eight...", "Nine.....",
                                        "Sixteen bytes...", "Seventeen bytes..", "Water",
                                        "Pilot project on maternal health"};
    enum { HELD = sizeof texts / sizeof *texts };
    ssc_intern *in = ssc_intern_new();
    ssc_share *sh = in ? ssc_share_new(in, HELD) : NULL; /* 16 slots: 8 held */
    const char *first[HELD];

    CHECK(sh != NULL);
    if (!sh) {
        ssc_intern_free(in);
        return;
    }
    for (size_t i = 0; i < HELD; i++) {
        first[i] = ssc_share_text(sh, texts[i], strlen(texts[i]));
        CHECK(first[i] != NULL && first[i] != texts[i]);
        CHECK_STR(first[i], texts[i]);
    }
    /* a ninth text does not fit: each time a copy, equal and distinct */
    const char *late1 = ssc_share_text(sh, "Late title", 10);
    const char *late2 = ssc_share_text(sh, "Late title", 10);
    CHECK(late1 && late2 && late1 != late2);
    CHECK_STR(late1, "Late title");
    CHECK_STR(late2, "Late title");
    for (size_t i = 0; i < HELD; i++) {
        char again[64];
        snprintf(again, sizeof again, "%s", texts[i]); /* another address */
        CHECK(ssc_share_text(sh, again, strlen(again)) == first[i]);
    }
    /* a prefix of a held text is another text */
    const char *prefix = ssc_share_text(sh, "Pilot project", 13);
    CHECK(prefix && prefix != first[HELD - 1]);
    CHECK_STR(prefix, "Pilot project");
    ssc_share_free(sh);
    ssc_intern_free(in);
}

/* A text whose eight slots are taken is copied, though the table has room:
 * nine texts of one home slot, found by trying names (the table of a bound
 * of 64 has 128 slots, so one name in 128 lands on slot 0). */
static void share_window_case(void)
{
    enum { SLOTS = 128 };
    char names[9][16];
    const char *held[8];
    size_t found = 0;
    ssc_intern *in = ssc_intern_new();
    ssc_share *sh = in ? ssc_share_new(in, SLOTS / 2) : NULL;

    CHECK(sh != NULL);
    for (unsigned i = 0; sh && found < 9 && i < 1000000; i++) {
        snprintf(names[found], sizeof names[found], "T%u", i);
        if ((ssc_hash_bytes(names[found], strlen(names[found])) & (SLOTS - 1)) == 0)
            found++;
    }
    CHECK_INT(found, 9);
    if (found == 9) {
        for (size_t i = 0; i < 8; i++)
            held[i] = ssc_share_text(sh, names[i], strlen(names[i]));
        const char *a = ssc_share_text(sh, names[8], strlen(names[8]));
        const char *b = ssc_share_text(sh, names[8], strlen(names[8]));
        CHECK(a && b && a != b); /* no slot in its window: a copy each time */
        CHECK_STR(a, names[8]);
        for (size_t i = 0; i < 8; i++)
            CHECK(ssc_share_text(sh, names[i], strlen(names[i])) == held[i]);
    }
    ssc_share_free(sh);
    ssc_intern_free(in);
}

int main(void)
{
    ssc_store *st = ssc_store_new();
    ssc_error err;
    char names[300][16];
    ssc_text partners[300];
    ssc_text countries[] = {txt("VNM"), txt("KEN"), txt("VNM"), txt("LKA"), txt("BRA")};
    unsigned char sdgs[] = {5, 17, 5, 1};

    ssc_error_clear(&err);
    idset_case(0);
    idset_case(10);
    idset_case(5000);
    idset_hashed_case();
    line_limit_case();
    bigmem_case();
    share_case();
    share_window_case();
    CHECK(st != NULL);
    if (!st)
        return check_done();
    /* room for rows ahead: appending then grows nothing, and reads the same */
    CHECK_INT(ssc_store_reserve(st, 3000, &err), SSC_OK);
    /* 300 partner names, each given twice: 150 distinct, in first-seen order */
    for (int i = 0; i < 300; i++) {
        snprintf(names[i], sizeof names[i], "Partner %03d", i % 150);
        partners[i] = txt(names[i]);
    }
    ssc_project_in p = {
        .id = txt("P-1"), .title = txt("Title"), .lead = txt("Lead"), .sector = txt("water"),
        .partners = partners, .n_partners = 300,
        .countries = countries, .n_countries = 5,
        .sdgs = sdgs, .n_sdgs = 4,
        .start = {2014, 7, 0}, .status = SSC_STATUS_ONGOING,
        .has_budget = 1, .budget_usd = 1500.5, .gender_marker = 2, .beneficiaries = -1,
        .line = 2,
    };
    CHECK_INT(ssc_store_append(st, &p, &err), SSC_OK);
    /* a second project sharing strings, with a short partner list */
    ssc_project_in q = p;
    q.id = txt("P-2");
    q.n_partners = 3; /* Partner 000, 001, 002 */
    q.n_countries = 1;
    q.has_budget = 0;
    q.end = (ssc_date){2016, 3, 31};
    q.line = 3;
    CHECK_INT(ssc_store_append(st, &q, &err), SSC_OK);

    ssc_portfolio all;
    ssc_portfolio_all(&all, st);
    CHECK_INT(ssc_portfolio_count(&all), 2);
    ssc_strings ps = ssc_project_partners(&all, 0);
    CHECK_INT(ps.count, 150);
    CHECK_STR(ps.items[0], "Partner 000");
    CHECK_STR(ps.items[149], "Partner 149");
    ssc_strings qs = ssc_project_partners(&all, 1);
    CHECK_INT(qs.count, 3);
    /* interned: the same name is the same pointer in both projects, and
     * so is a title that repeats (the store shares its first titles) */
    CHECK(qs.items[2] == ps.items[2]);
    CHECK(ssc_project_title(&all, 0) == ssc_project_title(&all, 1));
    CHECK_STR(ssc_project_title(&all, 1), "Title");
    ssc_strings cs = ssc_project_countries(&all, 0);
    CHECK_INT(cs.count, 4); /* VNM, KEN, LKA, BRA */
    CHECK_STR(cs.items[2], "LKA");
    ssc_strings rs = ssc_project_regions(&all, 0);
    CHECK_INT(rs.count, 3); /* Asia, Africa, Latin America and the Caribbean */
    CHECK_STR(rs.items[0], "Asia");
    CHECK_STR(rs.items[1], "Africa");
    CHECK_STR(rs.items[2], "Latin America and the Caribbean");
    ssc_ints gs = ssc_project_sdgs(&all, 0);
    CHECK_INT(gs.count, 3); /* 5, 17, 1 */
    CHECK_INT(ssc_project_sdg_primary(&all, 0), 5);
    double usd = 0;
    CHECK_INT(ssc_project_budget(&all, 0, &usd), 1);
    CHECK(fabs(usd - 1500.5) < 1e-9);
    CHECK_INT(ssc_project_budget(&all, 1, &usd), 0);
    CHECK_STR(ssc_project_status(&all, 1), "ongoing");
    CHECK_INT(ssc_project_start(&all, 0).month, 7);
    /* dates field by field (the accessor builds them in registers) */
    ssc_date sd = ssc_project_start(&all, 1), ed = ssc_project_end(&all, 0);
    CHECK(sd.year == 2014 && sd.month == 7 && sd.day == 0);
    CHECK(ed.year == 0 && ed.month == 0 && ed.day == 0); /* no end given */
    ed = ssc_project_end(&all, 1);
    CHECK(ed.year == 2016 && ed.month == 3 && ed.day == 31);
    sd = ssc_project_start(&all, 7);
    CHECK(sd.year == 0 && sd.month == 0 && sd.day == 0); /* no such row */
    CHECK_INT(ssc_store_line(st, 1), 3);
    /* out of range rows read as empty, never as a neighbour */
    CHECK_STR(ssc_project_id(&all, 7), "");
    CHECK_INT(ssc_project_partners(&all, 7).count, 0);
    ssc_store_free(st);
    return check_done();
}
