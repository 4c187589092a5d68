/* SPDX-License-Identifier: MIT */
/* The text a CSV source reads (csv_text.c): from memory, or from a file a
 * block at a time, so that a million-row file costs the store's memory and
 * not also the file's.  It refuses what is no CSV text (a spreadsheet, an
 * archive, XML, SQLite, unmarked UTF-16), converts another encoding to
 * UTF-8 (in memory: such files are read whole), and checks each block as
 * UTF-8 before the reader sees it, so that the records, their lines and
 * the messages are the same whatever the blocks. */
#ifndef SSC_DATA_CSV_TEXT_H
#define SSC_DATA_CSV_TEXT_H

#include <stddef.h>

#include "error.h"
#include "data/csv.h"

/* Judges the first bytes of a CSV file before the rest is read (an
 * ssc_input_judge; ctx is the file's name for messages): refuses a NUL
 * byte and a first line that runs past SSC_INPUT_HEAD bytes.  Other kinds
 * of file pass, for the reader's own messages. */
int ssc_csv_judge(const char *head, size_t len, int at_end, void *ctx, ssc_error *err);

/* Bytes read from a file at a time, unless a caller asks for other. */
#define SSC_CSV_BLOCK ((size_t)1 << 20)

typedef struct ssc_csv_text {
    const char *name; /* the file as messages call it */
    const char *data; /* the text held: all of it, or the current block */
    size_t len;       /* bytes in data */
    size_t base;      /* offset in the text of data[0] */
    size_t checked;   /* data[0..checked) is checked UTF-8 */
    size_t total;     /* the text's length (a file's size) */
    int at_end;       /* data holds the end of the text */
    int nul;          /* a NUL byte was seen (cells must then be checked) */
    int whole;        /* all of the text is in data */
    /* a file read in blocks */
    int fd;
    char *block;
    size_t cap, got; /* block's size; bytes read from the file */
    size_t step;     /* bytes read at a time (a block as first sized) */
    char *converted; /* the text converted from another encoding */
} ssc_csv_text;

/* All of data[0..len) (not copied: it must outlive t), decoded from
 * encoding (NULL: UTF-8 or what a byte-order mark says). */
int ssc_csv_text_buffer(ssc_csv_text *t, const char *data, size_t len, const char *name,
                        const char *encoding, ssc_error *err);
/* The regular file path (ssc_input_open's checks and limit), judged by
 * ssc_csv_judge on its head, then read block bytes at a time (0:
 * SSC_CSV_BLOCK); a file in another encoding is read whole. */
int ssc_csv_text_open(ssc_csv_text *t, const char *path, const char *name,
                      const char *encoding, size_t block, ssc_error *err);
/* Frees what either of the two holds; call it after a failure too. */
void ssc_csv_text_free(ssc_csv_text *t);

/* Starts r on the text (after ssc_csv_reader_init's defaults; set the
 * separator after this).  Fails on bytes that are not UTF-8 in the first
 * block. */
int ssc_csv_text_start(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err);
/* ssc_csv_next, reading more of the file as the reader needs it.  Returns
 * what ssc_csv_next returns (never SSC_CSV_MORE), or SSC_CSV_TEXT_FAILED
 * with err set (bytes that are not UTF-8, a read error, a file that
 * grew). */
#define SSC_CSV_TEXT_FAILED (-100)
int ssc_csv_text_next(ssc_csv_text *t, ssc_csv_reader *r, ssc_csv_record *rec, ssc_error *err);

/* What ssc_csv_text_next does when ssc_csv_next says SSC_CSV_MORE: the
 * text not yet read moves to the front of the block, more of the file
 * follows it, and the reader goes on.  SSC_OK, or SSC_ERR with err set
 * (then ssc_csv_text_next's SSC_CSV_TEXT_FAILED). */
int ssc_csv_text_refill(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err);
/* The same, but the text goes on in *into (*cap bytes, grown with
 * realloc as needed) and the current block is left as it is: the records
 * read from it stay valid while their rows are settled.  t's block is
 * *into from then on; whoever passed it frees the block t held before
 * (and t frees its block, as ever).  Files read in blocks only. */
int ssc_csv_text_refill_into(ssc_csv_text *t, ssc_csv_reader *r, char **into, size_t *cap,
                             ssc_error *err);
/* Reads and checks the rest of a file whose rows are no longer read (a
 * bad header, too many rows, a failed row), so that bytes that are not
 * UTF-8 anywhere fail it with that message, as when it is read whole.
 * SSC_OK, or SSC_ERR with err set. */
int ssc_csv_text_drain(ssc_csv_text *t, ssc_csv_reader *r, ssc_error *err);
/* Bytes of the text before the reader's position, for the progress. */
size_t ssc_csv_text_pos(const ssc_csv_text *t, const ssc_csv_reader *r);
/* An estimate of the text's rows (its line ends; for a file read in
 * blocks, from the first block's). */
size_t ssc_csv_text_rows(const ssc_csv_text *t);
/* The separator the header line suggests (ssc_sniff_delimiter). */
char ssc_csv_text_delimiter(const ssc_csv_text *t);

#endif
