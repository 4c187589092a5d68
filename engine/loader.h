/* SPDX-License-Identifier: MIT */
/* Finding and loading plugin modules.  The only file that knows libltdl is
 * loader.c: if the loader ever changes, one file changes. */
#ifndef SSC_LOADER_H
#define SSC_LOADER_H

#include <stddef.h>

#include "error.h"
#include "ssc-report/plugin.h"

typedef struct ssc_loader ssc_loader;

/* A loaded, checked plugin: desc is the engine's own copy of the module's
 * descriptor (zero-filled past the size the module declared). */
typedef struct ssc_plugin_info {
    ssc_plugin desc;
    char *file; /* the module file it came from */
} ssc_plugin_info;

/* Searches dirs in order (each an absolute or relative folder, never ""
 * or the current directory implicitly).  Caller frees with ssc_loader_free. */
int ssc_loader_new(ssc_loader **out, const char *const *dirs, size_t n_dirs, ssc_error *err);
void ssc_loader_free(ssc_loader *ld);
/* Loads (once) and checks the plugin called name; *out is valid until
 * ssc_loader_free. */
int ssc_loader_get(ssc_loader *ld, const char *name, const ssc_plugin_info **out, ssc_error *err);
/* Loads every module found in the search folders (first found wins for a
 * name) and calls fn for each good one; refused modules go to problems. */
int ssc_loader_each(ssc_loader *ld, void (*fn)(const ssc_plugin_info *, void *), void *ctx,
                    ssc_diag *problems, ssc_error *err);
/* The names of the modules in the search folders, without loading them
 * (for "did you mean" when a name is not found): *names, sorted and each
 * name once, freed with ssc_loader_names_free.  Returns SSC_OK, or
 * SSC_ERR when out of memory. */
int ssc_loader_names(const ssc_loader *ld, char ***names, size_t *n, ssc_error *err);
void ssc_loader_names_free(char **names, size_t n);
/* Checks a descriptor found in file for module name: ABI, size, name,
 * hooks.  Exposed for the contract tests. */
int ssc_loader_check(const ssc_plugin *d, const char *file, const char *name, ssc_plugin *copy,
                     ssc_error *err);

#endif
