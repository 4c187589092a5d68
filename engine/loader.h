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

/* Searches dirs in order (absolute folders: a relative one is refused,
 * since it would follow the current directory; "" entries are skipped).
 * Caller frees with ssc_loader_free. */
int ssc_loader_new(ssc_loader **out, const char *const *dirs, size_t n_dirs, ssc_error *err);
void ssc_loader_free(ssc_loader *ld);
/* Loads (once) and checks the plugin called name; *out is valid until
 * ssc_loader_free. */
int ssc_loader_get(ssc_loader *ld, const char *name, const ssc_plugin_info **out, ssc_error *err);
/* The file (.la, else .so) of module name in the first folder holding
 * one: 1 and buf filled, or 0 (none, or not a plugin name). */
int ssc_loader_find(const ssc_loader *ld, const char *name, char *buf, size_t len);
/* The error for a name no folder holds (or that is no plugin name). */
int ssc_loader_not_found(const ssc_loader *ld, const char *name, ssc_error *err);
/* The shared object behind a module file: the file itself, or for a
 * libtool archive the dlname it names (in .libs/ while uninstalled).
 * 0 when that cannot be told. */
int ssc_loader_so_path(const char *file, char *buf, size_t len);
/* Refuses a module file (and, for a libtool archive, its shared object)
 * that anyone could have changed, as ssh refuses a key: writable by every
 * user, or in a folder writable by every user without the sticky bit, or
 * in a sticky shared folder and owned by neither root nor us. */
int ssc_loader_trusted(const char *file, ssc_error *err);
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
