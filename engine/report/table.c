/* SPDX-License-Identifier: MIT */
/* Tables that metrics fill: rows found by key through a hash index, cells
 * as numbers or text.  The table owns every string it holds. */
#include "report/table.h"

#include "data/hash.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct table_col {
    char *name;
    char *title; /* NULL: the name */
    ssc_column_type type;
    ssc_unit unit;
} table_col;

typedef struct table_row {
    char *key;
    char *label;    /* NULL: derived by the engine */
    long colour;    /* -1: none */
    double total;   /* distinct things the row stands for; NAN: not given */
    double *num;    /* one per column */
    char **text;    /* one per column; NULL for empty */
} table_row;

#define TABLE_SEEN 256

struct ssc_table {
    ssc_key_kind key_kind;
    table_col *cols;
    size_t n_cols;
    table_row *rows;
    size_t n_rows, cap_rows;
    uint32_t *index; /* open addressing over row numbers + 1; 0 empty */
    size_t index_mask;
    char *note;
    char *summary;    /* the plugin's sentence under the chart; NULL: the engine's */
    char *measure[4]; /* one, many, Chinese noun, Chinese counter; NULL: projects */
    int failed;
    size_t max_rows; /* 0: no limit */
    int flooded;     /* a row past max_rows was asked for */
    /* ssc_table_row_interned: the last row found for a key's address, per
     * slot; forgotten whenever rows move (table_index_rebuild) */
    struct {
        const char *key;
        int row;
    } seen[TABLE_SEEN];
};

static char *table_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static uint32_t table_hash(const char *s)
{
    return ssc_hash_bytes(s, strlen(s));
}

ssc_table *ssc_table_new(void)
{
    return calloc(1, sizeof(ssc_table));
}

void ssc_table_free(ssc_table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->n_rows; r++) {
        table_row *row = &t->rows[r];
        free(row->key);
        free(row->label);
        if (row->text)
            for (size_t c = 0; c < t->n_cols; c++)
                free(row->text[c]);
        free(row->text);
        free(row->num);
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        free(t->cols[c].name);
        free(t->cols[c].title);
    }
    free(t->cols);
    free(t->rows);
    free(t->index);
    free(t->note);
    free(t->summary);
    for (size_t i = 0; i < 4; i++)
        free(t->measure[i]);
    free(t);
}

int ssc_table_failed(const ssc_table *t)
{
    return t->failed;
}

void ssc_table_set_max_rows(ssc_table *t, size_t max_rows)
{
    t->max_rows = max_rows;
}

int ssc_table_flooded(const ssc_table *t)
{
    return t->flooded;
}

static int table_fail(ssc_table *t)
{
    t->failed = 1;
    return SSC_ERR;
}

void ssc_table_set_key_kind(ssc_table *t, ssc_key_kind kind)
{
    t->key_kind = kind;
}

ssc_key_kind ssc_table_key_kind(const ssc_table *t)
{
    return t->key_kind;
}

int ssc_table_add_column(ssc_table *t, const char *name, ssc_column_type type, ssc_unit unit)
{
    size_t n = t->n_cols + 1;
    table_col *cols = realloc(t->cols, n * sizeof *cols);
    if (!cols)
        return table_fail(t);
    t->cols = cols;
    /* existing rows get an empty cell in the new column */
    for (size_t r = 0; r < t->n_rows; r++) {
        table_row *row = &t->rows[r];
        double *num = realloc(row->num, n * sizeof *num);
        if (!num)
            return table_fail(t);
        row->num = num;
        num[n - 1] = 0.0;
        char **text = realloc(row->text, n * sizeof *text);
        if (!text)
            return table_fail(t);
        row->text = text;
        text[n - 1] = NULL;
    }
    cols[n - 1].title = NULL;
    cols[n - 1].name = table_strdup(name ? name : "");
    if (!cols[n - 1].name)
        return table_fail(t);
    cols[n - 1].type = type;
    cols[n - 1].unit = unit;
    t->n_cols = n;
    return (int)(n - 1);
}

static int table_index_rebuild(ssc_table *t, size_t mask)
{
    uint32_t *idx = calloc(mask + 1, sizeof *idx);
    memset(t->seen, 0, sizeof t->seen); /* rows sorted or cut: rows moved */
    if (!idx)
        return -1;
    for (size_t r = 0; r < t->n_rows; r++) {
        size_t i = table_hash(t->rows[r].key) & mask;
        while (idx[i])
            i = (i + 1) & mask;
        idx[i] = (uint32_t)(r + 1);
    }
    free(t->index);
    t->index = idx;
    t->index_mask = mask;
    return 0;
}

int ssc_table_row(ssc_table *t, const char *key)
{
    if (!key)
        key = "";
    if (t->n_rows >= INT32_MAX)
        return table_fail(t);
    if (!t->index && table_index_rebuild(t, 63) != 0)
        return table_fail(t);
    size_t i = table_hash(key) & t->index_mask;
    for (; t->index[i]; i = (i + 1) & t->index_mask)
        if (strcmp(t->rows[t->index[i] - 1].key, key) == 0)
            return (int)(t->index[i] - 1);

    if (t->max_rows && t->n_rows >= t->max_rows) {
        t->flooded = 1; /* refused before it is stored: memory stays bounded */
        return table_fail(t);
    }
    if (t->n_rows == t->cap_rows) {
        size_t ncap = t->cap_rows ? t->cap_rows * 2 : 16;
        table_row *rows = realloc(t->rows, ncap * sizeof *rows);
        if (!rows)
            return table_fail(t);
        t->rows = rows;
        t->cap_rows = ncap;
    }
    table_row *row = &t->rows[t->n_rows];
    memset(row, 0, sizeof *row);
    row->colour = -1;
    row->total = NAN;
    row->key = table_strdup(key);
    row->num = calloc(t->n_cols ? t->n_cols : 1, sizeof *row->num);
    row->text = calloc(t->n_cols ? t->n_cols : 1, sizeof *row->text);
    if (!row->key || !row->num || !row->text) {
        free(row->key);
        free(row->num);
        free(row->text);
        return table_fail(t);
    }
    t->index[i] = (uint32_t)(t->n_rows + 1);
    t->n_rows++;
    /* keep the index at most half full */
    if (t->n_rows * 2 > t->index_mask + 1 && table_index_rebuild(t, t->index_mask * 2 + 1) != 0)
        return table_fail(t);
    return (int)(t->n_rows - 1);
}

int ssc_table_add_to(ssc_table *t, int row, int column, double inc)
{
    if (row < 0 || (size_t)row >= t->n_rows || column < 0 || (size_t)column >= t->n_cols)
        return table_fail(t);
    t->rows[row].num[column] += inc;
    return SSC_OK;
}

int ssc_table_row_interned(ssc_table *t, const char *key)
{
    size_t at = (size_t)(((uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull) >> 56) % TABLE_SEEN;
    int row;

    if (key && t->seen[at].key == key)
        return t->seen[at].row;
    row = ssc_table_row(t, key);
    if (row >= 0 && key) {
        t->seen[at].key = key;
        t->seen[at].row = row;
    }
    return row;
}

int ssc_table_add_interned(ssc_table *t, const char *key, double inc)
{
    if (t->n_cols == 0 && ssc_table_add_column(t, "value", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT) < 0)
        return SSC_ERR;
    int row = ssc_table_row_interned(t, key);
    if (row < 0)
        return SSC_ERR;
    return ssc_table_add_to(t, row, 0, inc);
}

int ssc_table_add(ssc_table *t, const char *key, double inc)
{
    if (t->n_cols == 0 && ssc_table_add_column(t, "value", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT) < 0)
        return SSC_ERR;
    int row = ssc_table_row(t, key);
    if (row < 0)
        return SSC_ERR;
    return ssc_table_add_to(t, row, 0, inc);
}

int ssc_table_set_text(ssc_table *t, int row, int column, const char *text)
{
    if (row < 0 || (size_t)row >= t->n_rows || column < 0 || (size_t)column >= t->n_cols)
        return table_fail(t);
    char *copy = table_strdup(text ? text : "");
    if (!copy)
        return table_fail(t);
    free(t->rows[row].text[column]);
    t->rows[row].text[column] = copy;
    return SSC_OK;
}

int ssc_table_set_label(ssc_table *t, int row, const char *label)
{
    if (row < 0 || (size_t)row >= t->n_rows)
        return table_fail(t);
    char *copy = table_strdup(label ? label : "");
    if (!copy)
        return table_fail(t);
    free(t->rows[row].label);
    t->rows[row].label = copy;
    return SSC_OK;
}

int ssc_table_set_colour(ssc_table *t, size_t row, unsigned long rgb)
{
    if (row >= t->n_rows)
        return table_fail(t);
    t->rows[row].colour = (long)(rgb & 0xFFFFFFul);
    return SSC_OK;
}

int ssc_table_set_note(ssc_table *t, const char *note)
{
    char *copy = table_strdup(note ? note : "");
    if (!copy)
        return table_fail(t);
    free(t->note);
    t->note = copy;
    return SSC_OK;
}

int ssc_table_set_summary(ssc_table *t, const char *sentence)
{
    char *copy = table_strdup(sentence ? sentence : "");
    if (!copy)
        return table_fail(t);
    free(t->summary);
    t->summary = copy;
    return SSC_OK;
}

const char *ssc_table_summary(const ssc_table *t)
{
    return t->summary ? t->summary : "";
}

int ssc_table_set_column_name(ssc_table *t, size_t column, const char *name)
{
    if (column >= t->n_cols)
        return table_fail(t);
    char *copy = table_strdup(name ? name : "");
    if (!copy)
        return table_fail(t);
    free(t->cols[column].name);
    t->cols[column].name = copy;
    return SSC_OK;
}

/* qsort has no context argument: the sort order travels in a file-local
 * comparator per order instead of a global. */
static int table_cmp_key(const table_row *a, const table_row *b)
{
    return strcmp(a->key, b->key);
}

static double table_first_number(const table_row *r)
{
    return r->num ? r->num[0] : 0.0;
}

static int table_cmp_value_desc(const void *pa, const void *pb)
{
    const table_row *a = pa, *b = pb;
    double va = table_first_number(a), vb = table_first_number(b);
    if (va != vb)
        return va > vb ? -1 : 1;
    return table_cmp_key(a, b);
}

static int table_cmp_value_asc(const void *pa, const void *pb)
{
    const table_row *a = pa, *b = pb;
    double va = table_first_number(a), vb = table_first_number(b);
    if (va != vb)
        return va < vb ? -1 : 1;
    return table_cmp_key(a, b);
}

static int table_cmp_key_asc(const void *pa, const void *pb)
{
    return table_cmp_key(pa, pb);
}

static int table_cmp_key_numeric(const void *pa, const void *pb)
{
    const table_row *a = pa, *b = pb;
    double va = strtod(a->key, NULL), vb = strtod(b->key, NULL);
    if (va != vb)
        return va < vb ? -1 : 1;
    return table_cmp_key(a, b);
}

int ssc_table_sort(ssc_table *t, ssc_sort order, ssc_error *err)
{
    int (*cmp)(const void *, const void *);

    switch (order) {
    case SSC_SORT_VALUE_DESC: cmp = table_cmp_value_desc; break;
    case SSC_SORT_VALUE_ASC: cmp = table_cmp_value_asc; break;
    case SSC_SORT_KEY_ASC: cmp = table_cmp_key_asc; break;
    case SSC_SORT_KEY_NUMERIC: cmp = table_cmp_key_numeric; break;
    default: return ssc_error_set(err, "unknown sort order %d", (int)order);
    }
    if (t->n_rows > 1)
        qsort(t->rows, t->n_rows, sizeof *t->rows, cmp);
    if (t->index && table_index_rebuild(t, t->index_mask) != 0) {
        t->failed = 1;
        return ssc_error_oom(err);
    }
    return SSC_OK;
}

/* Latin-1's letters with diacritics compared as their base letter, and
 * case ignored, so that "Côte d'Ivoire" stands between "Costa Rica" and
 * "Cuba"; other characters by code point.  Only the first difference after
 * folding decides; equal folded names fall back to bytes. */
static unsigned table_fold(const unsigned char **p)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"  /* U+00C0-U+00DF */
                                 "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"; /* U+00E0-U+00FF */
    const unsigned char *s = *p;
    unsigned c = *s++;

    if (c >= 0xC0 && c < 0xE0 && (*s & 0xC0) == 0x80) {
        c = ((c & 0x1Fu) << 6) | (*s++ & 0x3Fu);
        if (c >= 0xC0 && c <= 0xFF && latin1[c - 0xC0])
            c = (unsigned char)latin1[c - 0xC0];
    } else if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
    }
    *p = s;
    return c; /* bytes of longer sequences compare as bytes: code point order */
}

static int table_collate(const char *a, const char *b)
{
    const unsigned char *pa = (const unsigned char *)a, *pb = (const unsigned char *)b;

    while (*pa && *pb) {
        unsigned ca = table_fold(&pa), cb = table_fold(&pb);
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    if (*pa || *pb)
        return *pa ? 1 : -1;
    return strcmp(a, b);
}

typedef struct table_named {
    table_row row;
    const char *name;
} table_named;

static int table_cmp_named(const void *pa, const void *pb)
{
    const table_named *a = pa, *b = pb;
    return table_collate(a->name, b->name);
}

int ssc_table_order_ties(ssc_table *t, const char *const *names)
{
    table_named *run = NULL;
    size_t i, end, cap = 0;
    int moved = 0;

    for (i = 1; i < t->n_rows; i++)
        if (table_first_number(&t->rows[i]) > table_first_number(&t->rows[i - 1]))
            return SSC_OK; /* not largest first: not ours to touch */
    for (i = 0; i < t->n_rows; i = end) {
        double v = table_first_number(&t->rows[i]);
        for (end = i + 1; end < t->n_rows && table_first_number(&t->rows[end]) == v; end++)
            ;
        if (end - i < 2)
            continue;
        if (end - i > cap) {
            table_named *grown = realloc(run, (end - i) * sizeof *run);
            if (!grown) {
                free(run);
                t->failed = 1;
                return SSC_ERR;
            }
            run = grown;
            cap = end - i;
        }
        for (size_t k = i; k < end; k++) {
            run[k - i].row = t->rows[k];
            run[k - i].name = names[k] ? names[k] : t->rows[k].key;
        }
        qsort(run, end - i, sizeof *run, table_cmp_named);
        for (size_t k = i; k < end; k++)
            t->rows[k] = run[k - i].row;
        moved = 1;
    }
    free(run);
    if (moved && t->index && table_index_rebuild(t, t->index_mask) != 0) {
        t->failed = 1;
        return SSC_ERR;
    }
    return SSC_OK;
}

void ssc_table_truncate(ssc_table *t, size_t n)
{
    while (t->n_rows > n) {
        table_row *row = &t->rows[--t->n_rows];
        free(row->key);
        free(row->label);
        for (size_t c = 0; c < t->n_cols; c++)
            free(row->text[c]);
        free(row->text);
        free(row->num);
    }
    if (t->index && table_index_rebuild(t, t->index_mask) != 0)
        t->failed = 1;
}

size_t ssc_table_rows(const ssc_table *t)
{
    return t->n_rows;
}

size_t ssc_table_columns(const ssc_table *t)
{
    return t->n_cols;
}

const char *ssc_table_column_name(const ssc_table *t, size_t column)
{
    return column < t->n_cols ? t->cols[column].name : "";
}

const char *ssc_table_column_title(const ssc_table *t, size_t column)
{
    if (column >= t->n_cols)
        return "";
    return t->cols[column].title ? t->cols[column].title : t->cols[column].name;
}

int ssc_table_set_column_title(ssc_table *t, int column, const char *title)
{
    if (column < 0 || (size_t)column >= t->n_cols)
        return table_fail(t);
    char *copy = table_strdup(title ? title : "");
    if (!copy)
        return table_fail(t);
    free(t->cols[column].title);
    t->cols[column].title = copy;
    return SSC_OK;
}

const char *ssc_table_column_title_override(const ssc_table *t, size_t column)
{
    return column < t->n_cols ? t->cols[column].title : NULL;
}

int ssc_table_set_number(ssc_table *t, size_t row, size_t column, double v)
{
    if (row >= t->n_rows || column >= t->n_cols)
        return table_fail(t);
    t->rows[row].num[column] = v;
    return SSC_OK;
}

ssc_column_type ssc_table_column_type(const ssc_table *t, size_t column)
{
    return column < t->n_cols ? t->cols[column].type : SSC_COLUMN_NUMBER;
}

ssc_unit ssc_table_column_unit(const ssc_table *t, size_t column)
{
    return column < t->n_cols ? t->cols[column].unit : SSC_UNIT_COUNT;
}

const char *ssc_table_key(const ssc_table *t, size_t row)
{
    return row < t->n_rows ? t->rows[row].key : "";
}

const char *ssc_table_label_override(const ssc_table *t, size_t row)
{
    return row < t->n_rows ? t->rows[row].label : NULL;
}

const char *ssc_table_label(const ssc_table *t, size_t row)
{
    if (row >= t->n_rows)
        return "";
    return t->rows[row].label ? t->rows[row].label : t->rows[row].key;
}

double ssc_table_number(const ssc_table *t, size_t row, size_t column)
{
    if (row >= t->n_rows || column >= t->n_cols)
        return 0.0;
    return t->rows[row].num[column];
}

const char *ssc_table_text(const ssc_table *t, size_t row, size_t column)
{
    if (row >= t->n_rows || column >= t->n_cols || !t->rows[row].text[column])
        return "";
    return t->rows[row].text[column];
}

long ssc_table_colour(const ssc_table *t, size_t row)
{
    return row < t->n_rows ? t->rows[row].colour : -1;
}

const char *ssc_table_note(const ssc_table *t)
{
    return t->note ? t->note : "";
}

double ssc_table_max(const ssc_table *t)
{
    double m = 0.0;
    for (size_t c = 0; c < t->n_cols; c++) {
        if (t->cols[c].type != SSC_COLUMN_NUMBER)
            continue;
        for (size_t r = 0; r < t->n_rows; r++)
            if (isfinite(t->rows[r].num[c]) && t->rows[r].num[c] > m)
                m = t->rows[r].num[c];
    }
    return m;
}

int ssc_table_set_measure(ssc_table *t, const char *one, const char *many, const char *zh_noun,
                          const char *zh_counter)
{
    const char *in[4] = {one, many, zh_noun, zh_counter};
    char *copy[4] = {NULL, NULL, NULL, NULL};

    for (size_t i = 0; i < 4; i++)
        if (!in[i] || !in[i][0] || !(copy[i] = table_strdup(in[i]))) {
            for (size_t j = 0; j < 4; j++)
                free(copy[j]);
            return table_fail(t);
        }
    for (size_t i = 0; i < 4; i++) {
        free(t->measure[i]);
        t->measure[i] = copy[i];
    }
    return SSC_OK;
}

const char *ssc_table_measure(const ssc_table *t, ssc_measure_part part)
{
    static const char *const projects[4] = {"project", "projects", "项目", "个项目"};
    return t->measure[part] ? t->measure[part] : projects[part];
}

int ssc_table_measures_projects(const ssc_table *t)
{
    return t->measure[0] == NULL;
}

int ssc_table_set_row_total(ssc_table *t, int row, double distinct)
{
    if (row < 0 || (size_t)row >= t->n_rows || !isfinite(distinct) || distinct < 0)
        return table_fail(t);
    t->rows[row].total = distinct;
    return SSC_OK;
}

double ssc_table_row_total(const ssc_table *t, size_t row)
{
    return row < t->n_rows ? t->rows[row].total : NAN;
}
