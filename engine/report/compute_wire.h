/* SPDX-License-Identifier: MIT */
/* Between the command and its compute children (compute.c, the parent's
 * side; compute_child.c, the children's).
 *
 * The children share a counter and take the sections from it in turn;
 * for each, a child announces it on its own pipe ('S': the parent, which
 * reads outcomes in section order, learns from these headers whose pipe
 * to read) and calls its plugin, then sends the
 * section's outcome: a table ('T'), the plugin's own error ('E'), or 'R'
 * when it asked for a row past the limit (the child's table refuses it,
 * so memory stays bounded); 'D' ends a child's stream.  Numbers travel
 * as the doubles themselves, so tables (and the PDF and data-out drawn
 * from them) are exactly what an in-process compute gives.  The parent
 * trusts none of it: a plugin runs in the child, and may scribble on the
 * shared counter as on anything else there, so every announcement is
 * checked (each section once, in order), and every wait has the plugin's
 * time limit when there is one.
 *
 * Wire format (native byte order: both ends are this very binary):
 *   u32 = 4 bytes, u64 = 8 bytes, str = u32 length (NONE: no string) and
 *   the bytes, no terminator.
 *   'S' u32 section
 *   'T' u32 key_kind, u32 columns, u64 rows, str note,
 *       str summary (ssc_table_set_summary; "": the engine's),
 *       4 x str measure (ssc_table_set_measure; all NONE: projects),
 *       columns x (str name, str title, u32 type, u32 unit),
 *       rows x (str key, str label, u64 colour + 1 (0: none),
 *               f64 row total (NaN: none given),
 *               columns x (f64 number, str text))
 *   'E' str file, u64 line, str message
 *   'R' (more rows than the limit were asked for)
 *   'D' */
#ifndef SSC_COMPUTE_WIRE_H
#define SSC_COMPUTE_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "report/section.h"

#define COMPUTE_NONE 0xFFFFFFFFu
#define COMPUTE_MAX_STRING (16u << 20) /* 16 MiB: any one cell, note or name */
#define COMPUTE_MAX_COLUMNS 4096u

/* Shared (MAP_SHARED) between the children. */
typedef struct ssc_compute_deal {
    size_t next; /* the next section to take */
} ssc_compute_deal;

/* A child's life: takes sections from deal until none is left, writing
 * to fd; never returns. */
void ssc_compute_child(int fd, pid_t parent, const ssc_portfolio *view, ssc_section *sections,
                       size_t n, ssc_compute_deal *deal, size_t max_rows)
    __attribute__((noreturn));

#endif
