/* SPDX-License-Identifier: MIT */
/* The text of a CSV source, held whole or read a block at a time (see
 * csv_text.h). */
#include "data/csv_text.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/bigmem.h"
#include "data/encoding.h"
#include "data/input.h"
#include "data/sniff.h"

#define CSV_ENCODING_HINT                                                                         \
    "if the file was saved by Excel on Chinese Windows set data.encoding = \"GB18030\" "         \
    "(Western Windows: \"WINDOWS-1252\")"

/* Refuses what is no CSV text at all, and says in *from which encoding
 * data (the text's first bytes, or all of it) must be converted from
 * (NULL: none) after *bom bytes of byte-order mark. */
static int text_encoding(const char *name, const char *data, size_t len, const char *encoding,
                         const char **from, size_t *bom, ssc_error *err)
{
    ssc_sniff_kind kind = ssc_sniff(data, len);
    const char *what = ssc_sniff_what(kind);
    int le;

    *from = encoding;
    *bom = 0;
    if (kind == SSC_SNIFF_XML || kind == SSC_SNIFF_SQLITE)
        return ssc_error_at(err, name, 0, "this is %s, not CSV: read it with data.format = \"%s\"",
                            what, kind == SSC_SNIFF_XML ? "iati" : "sqlite");
    if (what)
        return ssc_error_at(err, name, 0, "this is %s: save it as CSV (UTF-8)", what);
    /* a byte-order mark is the file's own word, and wins over the report's */
    if (ssc_sniff_bom_encoding(kind, bom))
        *from = ssc_sniff_bom_encoding(kind, bom);
    else if (ssc_encoding_is_utf8(*from) || (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
        *from = NULL;
    if (!*from && ssc_sniff_utf16_unmarked(data, len, &le))
        return ssc_error_at(err, name, 0,
                            "the file looks like UTF-16 text without a byte-order mark: set "
                            "data.encoding = \"%s\"",
                            le ? "UTF-16LE" : "UTF-16BE");
    return SSC_OK;
}

/* Converts all of the text, data[bom..len), from encoding from into
 * t->converted, which t then holds whole. */
static int text_convert(ssc_csv_text *t, const char *data, size_t len, const char *from,
                        size_t bom, ssc_error *err)
{
    long line = 0;
    unsigned char byte = 0;
    size_t out_len;

    switch (ssc_encoding_to_utf8(from, data + bom, len - bom, &t->converted, &out_len, &line,
                                 &byte)) {
    case SSC_ENC_OK:
        t->data = t->converted;
        t->len = t->total = out_len;
        t->at_end = t->whole = 1;
        return SSC_OK;
    case SSC_ENC_UNKNOWN:
        return ssc_error_at(err, t->name, 0,
                            "data.encoding: iconv knows no encoding \"%s\" (`iconv -l` lists "
                            "them; e.g. GB18030, WINDOWS-1252, UTF-16)",
                            from);
    case SSC_ENC_INVALID:
        if (bom)
            return ssc_error_at(err, t->name, line,
                                "the file starts with a %s byte-order mark, but is not %s text "
                                "here (byte 0x%02X)",
                                from, from, byte);
        return ssc_error_at(err, t->name, line,
                            "the file is not valid %s text here (byte 0x%02X); is "
                            "data.encoding = \"%s\" right?",
                            from, byte, from);
    default:
        return ssc_error_oom(err);
    }
}

int ssc_csv_text_buffer(ssc_csv_text *t, const char *data, size_t len, const char *name,
                        const char *encoding, ssc_error *err)
{
    const char *from;
    size_t bom;

    memset(t, 0, sizeof *t);
    t->fd = -1;
    t->name = name;
    data = data ? data : "";
    if (text_encoding(name, data, len, encoding, &from, &bom, err) != SSC_OK)
        return SSC_ERR;
    if (from)
        return text_convert(t, data, len, from, bom, err);
    t->data = data;
    t->len = t->total = len;
    t->at_end = t->whole = 1;
    return SSC_OK;
}

/* Reads from t's file into the block until it is full or the file ends. */
static int text_fill(ssc_csv_text *t, ssc_error *err)
{
    size_t before = t->len;
    int at_end = 0;

    t->data = t->block;
    if (ssc_input_fill(t->fd, t->block, &t->len, t->cap - 1, &at_end) != 0)
        return ssc_error_at(err, t->name, 0, "cannot read the file: %s", strerror(errno));
    t->got += t->len - before;
    t->at_end = at_end;
    /* read in blocks while its rows are checked, a file that another
     * program rewrites meanwhile would give rows of two files: a change of
     * size at least is caught */
    if (t->got > t->total || (at_end && t->got < t->total))
        return ssc_error_at(err, t->name, 0,
                            "the file %s while it was read; read it again when it is complete",
                            t->got > t->total ? "grew" : "shrank");
    return SSC_OK;
}

int ssc_csv_text_open(ssc_csv_text *t, const char *path, const char *name,
                      const char *encoding, size_t block, ssc_error *err)
{
    size_t size, first, head;
    const char *from;
    size_t bom;

    memset(t, 0, sizeof *t);
    t->name = name = name ? name : path;
    t->fd = ssc_input_open(path, name, ssc_input_max(), &size, err);
    if (t->fd < 0)
        return SSC_ERR;
    t->total = size;
    /* the head is judged before more is read, whatever the block */
    block = block ? block : SSC_CSV_BLOCK;
    first = block > SSC_INPUT_HEAD ? block : SSC_INPUT_HEAD;
    first = size < first ? size : first;
    t->step = first;
    t->cap = first + 2; /* one byte more to see the end */
    if (!(t->block = malloc(t->cap)))
        return ssc_error_oom(err);
    if (text_fill(t, err) != SSC_OK)
        return SSC_ERR;
    head = t->len < SSC_INPUT_HEAD ? t->len : SSC_INPUT_HEAD;
    if (ssc_csv_judge(t->block, head, (head == t->len && t->at_end) || head == size,
                      (void *)name, err) != SSC_OK)
        return SSC_ERR;
    if (text_encoding(name, t->block, t->len, encoding, &from, &bom, err) != SSC_OK)
        return SSC_ERR;
    if (from) {
        /* iconv converts what it is given whole: read the rest too */
        if (!t->at_end) {
            char *all = realloc(t->block, size + 2);
            if (!all)
                return ssc_error_oom(err);
            t->block = all;
            t->cap = size + 2;
            ssc_bigmem_advise(all, t->cap);
            if (text_fill(t, err) != SSC_OK)
                return SSC_ERR;
        }
        if (text_convert(t, t->block, t->len, from, bom, err) != SSC_OK)
            return SSC_ERR;
        free(t->block); /* the converted text is all that is read now */
        t->block = NULL;
        return SSC_OK;
    }
    t->whole = t->at_end;
    return SSC_OK;
}

void ssc_csv_text_free(ssc_csv_text *t)
{
    if (!t)
        return;
    if (t->fd >= 0)
        close(t->fd);
    free(t->block);
    free(t->converted);
    memset(t, 0, sizeof *t);
    t->fd = -1;
}

/* Checks the bytes that came since the last check, up to the last line
 * end (a character never straddles one, and the reader waits at a CR for
 * its LF anyway), then lets the reader at them; start is where the
 * reader's unread text begins, on line r->line. */
static int text_feed(ssc_csv_text *t, ssc_csv_reader *r, const char *start, ssc_error *err)
{
    size_t limit = t->len, bad;

    if (!t->at_end)
        while (limit > t->checked && t->data[limit - 1] != '\n' && t->data[limit - 1] != '\r')
            limit--;
    /* never before the reader (a byte-order mark and no line end yet) */
    if (t->data + limit < start)
        limit = (size_t)(start - t->data);
    bad = ssc_csv_utf8_check(t->data + t->checked, limit - t->checked);
    if (bad < limit - t->checked) {
        const char *at = t->data + t->checked + bad;
        long line = r->line;
        if (at > start)
            line += ssc_csv_line_of(start, (size_t)(at - start)) - 1;
        return ssc_error_at(err, t->name, line,
                            "the file is not valid UTF-8 (byte 0x%02X); " CSV_ENCODING_HINT,
                            (unsigned char)*at);
    }
    if (!t->nul && memchr(t->data + t->checked, '\0', limit - t->checked))
        t->nul = 1;
    t->checked = limit;
    ssc_csv_reader_more(r, start, (size_t)(t->data + limit - start), t->at_end && limit == t->len);
    return SSC_OK;
}

int ssc_csv_text_start(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err)
{
    ssc_csv_reader_init(r, t->data, t->len);
    return text_feed(t, r, r->p, err);
}

/* The text the reader had not read now starts t->block: the reader sees
 * it there before anything can fail, so that a failed read leaves no
 * view into a block that moved or was freed (ssc_csv_text_drain goes on
 * from the reader's position). */
static void text_moved(ssc_csv_text *t, ssc_csv_reader *r)
{
    t->data = t->block;
    ssc_csv_reader_more(r, t->data, t->checked, 0);
}

/* Keeps the text the reader has not read, reads more of the file after
 * it, and lets the reader go on. */
static int text_refill(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err)
{
    size_t done = (size_t)(r->p - t->data), keep = t->len - done;

    if (t->fd < 0 || t->at_end) /* the last block is final: no record waits */
        return ssc_error_at(err, t->name, 0, "internal error: the reader waits past the end");
    memmove(t->block, r->p, keep);
    t->base += done;
    t->checked -= done;
    t->len = keep;
    text_moved(t, r);
    /* a long record fills the block: grow it, so that every byte is read
     * again at most about once */
    if (keep > t->cap / 2) {
        char *nb;
        if (t->cap > SIZE_MAX / 2 || !(nb = realloc(t->block, t->cap * 2)))
            return ssc_error_oom(err);
        t->block = nb;
        t->cap *= 2;
        text_moved(t, r);
    }
    if (text_fill(t, err) != SSC_OK)
        return SSC_ERR;
    return text_feed(t, r, t->data, err);
}

int ssc_csv_text_refill(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err)
{
    return text_refill(t, r, err);
}

int ssc_csv_text_refill_into(ssc_csv_text *t, ssc_csv_reader *r, char **into, size_t *cap,
                             ssc_error *err)
{
    size_t done = (size_t)(r->p - t->data), keep = t->len - done, need = t->cap;

    if (t->fd < 0 || t->at_end || t->block != t->data)
        return ssc_error_at(err, t->name, 0, "internal error: the reader waits past the end");
    /* as text_refill: a long record that fills the block doubles it */
    if (keep > t->cap / 2) {
        if (t->cap > SIZE_MAX / 2)
            return ssc_error_oom(err);
        need = t->cap * 2;
    }
    if (*cap < need) {
        char *nb = realloc(*into, need);
        if (!nb)
            return ssc_error_oom(err);
        *into = nb;
        *cap = need;
    }
    memcpy(*into, r->p, keep);
    t->block = *into;
    t->cap = *cap;
    t->base += done;
    t->checked -= done;
    t->len = keep;
    text_moved(t, r);
    if (text_fill(t, err) != SSC_OK)
        return SSC_ERR;
    return text_feed(t, r, t->data, err);
}

int ssc_csv_text_next(ssc_csv_text *t, ssc_csv_reader *r, ssc_csv_record *rec, ssc_error *err)
{
    int rc;

    while ((rc = ssc_csv_next(r, rec)) == SSC_CSV_MORE)
        if (text_refill(t, r, err) != SSC_OK)
            return SSC_CSV_TEXT_FAILED;
    return rc;
}

int ssc_csv_text_drain(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err)
{
    while (!t->at_end && t->fd >= 0) {
        /* skip to the last line end checked (to the CR of a CRLF, so that
         * it counts once), counting the lines passed over */
        const char *cut = t->data + t->checked;
        while (cut > r->p && cut[-1] != '\n' && cut[-1] != '\r')
            cut--;
        if (cut > r->p) {
            cut--;
            if (*cut == '\n' && cut > r->p && cut[-1] == '\r')
                cut--;
            r->line += ssc_csv_line_of(r->p, (size_t)(cut - r->p)) - 1;
            r->p = cut;
        }
        if (text_refill(t, r, err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

size_t ssc_csv_text_pos(const ssc_csv_text *t, const ssc_csv_reader *r)
{
    return t->base + (size_t)(r->p - t->data);
}

/* Line ends in data[0..len) ('\r' alone is rare; such a file is sized as
 * it grows). */
static size_t text_lines(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    size_t n = 1;

    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

size_t ssc_csv_text_rows(const ssc_csv_text *t)
{
    size_t n = text_lines(t->data, t->len);
    double est;

    if (t->whole || t->len == 0)
        return n;
    /* the first block's lines scaled to the file, with a margin: the store
     * and the id set grow as rows come if it falls short */
    est = (double)n * ((double)t->total / (double)t->len) * 1.05 + 64;
    return est < (double)SIZE_MAX / 2 ? (size_t)est : SIZE_MAX / 2;
}

char ssc_csv_text_delimiter(const ssc_csv_text *t)
{
    return ssc_sniff_delimiter(t->data, t->len);
}

/* Judges the first bytes of a CSV file before the rest is read
 * (ssc_input_read): text with a header line, not a NUL byte or a line that
 * runs on past SSC_INPUT_HEAD bytes (a file of zeros, a disk image).
 * Files of another kind and UTF-16/32 pass, for csv_decode's messages. */
int ssc_csv_judge(const char *head, size_t len, int at_end, void *ctx, ssc_error *err)
{
    const char *name = ctx, *nul, *eol;
    int le;

    if (ssc_sniff(head, len) != SSC_SNIFF_TEXT || ssc_sniff_utf16_unmarked(head, len, &le))
        return SSC_OK;
    if ((nul = memchr(head, '\0', len)) != NULL)
        return ssc_error_at(err, name, ssc_csv_line_of(head, (size_t)(nul - head)),
                            "a NUL byte at byte %zu: this is not a text file (CSV is text)",
                            (size_t)(nul - head) + 1);
    eol = memchr(head, '\n', len);
    if (!eol)
        eol = memchr(head, '\r', len);
    if (!eol && !at_end)
        return ssc_error_at(err, name, 1,
                            "no line end in the first %d bytes: the first line must be the "
                            "header of column names",
                            SSC_INPUT_HEAD);
    return SSC_OK;
}
