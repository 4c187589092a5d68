/* SPDX-License-Identifier: MIT */
/* Plugin modules' descriptors read from their ELF files, without loading
 * them: no constructor or other code of theirs runs.  For choosing a
 * source plugin by a data file's extension and for `ssc-report plugins`,
 * which must not run every module in every plugin folder to learn what
 * each one is.  Only the module a report or command then names is loaded
 * (loader.c). */
#ifndef SSC_PEEK_H
#define SSC_PEEK_H

#include <stddef.h>

#include "error.h"
#include "loader.h"

typedef struct ssc_peek ssc_peek;

/* For each module in ld's folders (first found wins for a name, as for
 * loading), in name order: fn with what its file declares, the hooks
 * standing in for the real ones (never call them), or, for a module that
 * would be refused (an untrusted folder or file, no descriptor, wrong ABI,
 * a name that is not its file's, a missing hook, a call to an ssc_
 * function the engine does not export), a line in problems.  A module
 * this engine cannot read without loading (not ELF for this machine) is
 * one line too.  *out holds what fn was given until ssc_peek_free. */
int ssc_peek_each(const ssc_loader *ld, void (*fn)(const ssc_plugin_info *, void *), void *ctx,
                  ssc_diag *problems, ssc_peek **out, ssc_error *err);
/* One module by name, as ssc_peek_each would give it; *info valid until
 * ssc_peek_free(*out). */
int ssc_peek_one(const ssc_loader *ld, const char *name, const ssc_plugin_info **info,
                 ssc_peek **out, ssc_error *err);
void ssc_peek_free(ssc_peek *pk);

#endif
