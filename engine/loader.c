/* SPDX-License-Identifier: MIT */
/* Plugin loading with libltdl (see loader.h). */
#include "loader.h"

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ltdl.h>

typedef struct loader_module {
    lt_dlhandle handle;
    ssc_plugin_info info;
} loader_module;

struct ssc_loader {
    char **dirs;
    size_t n_dirs;
    /* each module on its own, so that pointers handed out stay valid */
    loader_module **mods;
    size_t n_mods;
};

static char *loader_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int ssc_loader_new(ssc_loader **out, const char *const *dirs, size_t n_dirs, ssc_error *err)
{
    ssc_loader *ld;

    *out = NULL;
    /* lt_dlinit counts references, so several loaders may coexist. */
    if (lt_dlinit() != 0)
        return ssc_error_set(err, "cannot start the plugin loader: %s", lt_dlerror());
    ld = calloc(1, sizeof *ld);
    if (!ld || !(ld->dirs = calloc(n_dirs ? n_dirs : 1, sizeof *ld->dirs))) {
        free(ld);
        lt_dlexit();
        return ssc_error_oom(err);
    }
    for (size_t i = 0; i < n_dirs; i++) {
        if (!dirs[i] || !dirs[i][0])
            continue; /* an empty entry would mean the current directory */
        if (dirs[i][0] != '/') {
            ssc_error_set(err,
                          "plugin folder \"%s\" is a relative path, which would load plugins "
                          "from wherever the command runs; give an absolute folder",
                          dirs[i]);
            ssc_loader_free(ld);
            return SSC_ERR;
        }
        if (!(ld->dirs[ld->n_dirs] = loader_strdup(dirs[i]))) {
            ssc_loader_free(ld);
            return ssc_error_oom(err);
        }
        ld->n_dirs++;
    }
    *out = ld;
    return SSC_OK;
}

void ssc_loader_free(ssc_loader *ld)
{
    if (!ld)
        return;
    for (size_t i = 0; i < ld->n_mods; i++) {
        lt_dlclose(ld->mods[i]->handle);
        free(ld->mods[i]->info.file);
        free(ld->mods[i]);
    }
    free(ld->mods);
    for (size_t i = 0; i < ld->n_dirs; i++)
        free(ld->dirs[i]);
    free(ld->dirs);
    free(ld);
    lt_dlexit();
}

int ssc_loader_check(const ssc_plugin *d, const char *file, const char *name, ssc_plugin *copy,
                     ssc_error *err)
{
    if (d->abi_major != SSC_ABI_MAJOR || d->abi_minor > SSC_ABI_MINOR)
        return ssc_error_set(err,
                             "%s: plugin ABI %u.%u is not compatible with this engine's ABI %d.%d "
                             "(the major must match and the minor must not be newer); rebuild "
                             "the plugin against the ssc-report %d.%d headers",
                             file, d->abi_major, d->abi_minor, SSC_ABI_MAJOR, SSC_ABI_MINOR,
                             SSC_ABI_MAJOR, SSC_ABI_MINOR);
    /* The smallest descriptor we accept is ABI 1.0's, which ends with
     * render: every later field reads as zero when the plugin predates it. */
    size_t min = offsetof(ssc_plugin, render) + sizeof d->render;
    if (d->struct_size < min || d->struct_size > 65536)
        return ssc_error_set(err,
                             "%s: plugin descriptor declares size %zu, expected at least %zu; "
                             "build it with the SSC_METRIC_PLUGIN macro",
                             file, d->struct_size, min);
    memset(copy, 0, sizeof *copy);
    memcpy(copy, d, d->struct_size < sizeof *copy ? d->struct_size : sizeof *copy);
    if (!copy->name || strcmp(copy->name, name) != 0)
        return ssc_error_set(err,
                             "%s: plugin calls itself \"%s\" but its file is named \"%s\"; "
                             "rename the file or the plugin so that they match",
                             file, copy->name ? copy->name : "(no name)", name);
    if (copy->kind == SSC_PLUGIN_SOURCE) {
        if (!copy->read)
            return ssc_error_set(err,
                                 "%s: source plugin \"%s\" has no read hook (ABI 1.1 or later); "
                                 "set .read in its descriptor",
                                 file, name);
        if (!copy->summary)
            copy->summary = "";
        if (!copy->version)
            copy->version = "";
        if (!copy->extensions)
            copy->extensions = "";
        return SSC_OK;
    }
    if (copy->kind != SSC_PLUGIN_METRIC)
        return ssc_error_set(err,
                             "%s: plugin kind %d is not one this engine knows (metric = %d, "
                             "source = %d)",
                             file, (int)copy->kind, (int)SSC_PLUGIN_METRIC,
                             (int)SSC_PLUGIN_SOURCE);
    if (!copy->compute)
        return ssc_error_set(err,
                             "%s: plugin \"%s\" has no compute hook, which every metric needs; "
                             "set .compute in its descriptor",
                             file, name);
    if ((unsigned)copy->default_chart > SSC_CHART_TILE_MAP)
        return ssc_error_set(err, "%s: plugin \"%s\" asks for chart kind %d, which this engine "
                                  "does not have",
                             file, name, (int)copy->default_chart);
    for (const ssc_option *o = copy->options; o && o->name; o++)
        if (o->type != SSC_OPTION_STRING && o->type != SSC_OPTION_INT)
            return ssc_error_set(err, "%s: plugin \"%s\" declares option \"%s\" with an unknown "
                                      "type %d",
                                 file, name, o->name, (int)o->type);
    if (copy->default_chart == SSC_CHART_CUSTOM && !copy->render)
        return ssc_error_set(err,
                             "%s: plugin \"%s\" draws its own chart but has no render hook; "
                             "set .render or another default chart",
                             file, name);
    if (!copy->summary)
        copy->summary = "";
    if (!copy->version)
        copy->version = "";
    return SSC_OK;
}

/* (libltdl opens the module as before when the shared object cannot be
 * told.) */
int ssc_loader_so_path(const char *file, char *buf, size_t len)
{
    size_t n = strlen(file), dir;
    char line[1024], dlname[256] = "";
    int uninstalled = 0, w;
    FILE *f;

    if (n < 3 || strcmp(file + n - 3, ".la") != 0) {
        w = snprintf(buf, len, "%s", file);
        return w > 0 && (size_t)w < len;
    }
    if (!(f = fopen(file, "r")))
        return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "dlname='", 8) == 0) {
            size_t k = strcspn(line + 8, "'");
            if (k < sizeof dlname) {
                memcpy(dlname, line + 8, k);
                dlname[k] = '\0';
            }
        } else if (strncmp(line, "installed=no", 12) == 0) {
            uninstalled = 1;
        }
    }
    fclose(f);
    if (!dlname[0] || strchr(dlname, '/'))
        return 0;
    dir = (size_t)(strrchr(file, '/') ? strrchr(file, '/') - file : 0);
    w = snprintf(buf, len, "%.*s%s%s%s", (int)dir, file, dir ? "/" : "",
                 uninstalled ? ".libs/" : "", dlname);
    return w > 0 && (size_t)w < len;
}

/* libltdl opens modules lazily: a module calling a function the engine
 * does not have would load, then kill the process with "symbol lookup
 * error" (exit 127) when the call is reached.  Opening it first with
 * RTLD_NOW binds every symbol or names the missing one; libltdl's open
 * then finds it loaded and bound.  *probe is closed by the caller once
 * libltdl holds the module. */
static int loader_bind_now(const char *file, const char *name, void **probe, ssc_error *err)
{
    char so[4096];
    const char *why, *sym;

    *probe = NULL;
    if (!ssc_loader_so_path(file, so, sizeof so))
        return SSC_OK;
    dlerror();
    if ((*probe = dlopen(so, RTLD_NOW | RTLD_LOCAL)))
        return SSC_OK;
    why = dlerror();
    sym = why ? strstr(why, "undefined symbol: ") : NULL;
    if (sym)
        return ssc_error_set(err,
                             "%s: plugin \"%s\": undefined symbol %s: it calls a function the "
                             "engine does not export (misspelt, or from a newer engine); link "
                             "plugins with `pkg-config --libs ssc-report` (-z defs) to find "
                             "this at build time",
                             file, name, sym + 18);
    return ssc_error_set(err,
                         "%s: cannot load plugin: %s (check the libraries it needs with `ldd` "
                         "on its .so file)",
                         file, why ? why : "not a loadable module");
}

/* ssh's rule for keys, applied to code: a folder anyone may write to
 * (without the sticky bit, which keeps others from replacing what is not
 * theirs) or a module anyone may write to could be swapped for another
 * user's code; in a sticky shared folder (like /tmp) a module must be
 * yours or root's, since anyone may have put it there. */
static int loader_trust_one(const char *file, const char *path, int is_dir,
                            const struct stat *in, ssc_error *err)
{
    struct stat st;

    if (stat(path, &st) != 0)
        return SSC_OK; /* opening it will say what is wrong */
    if (is_dir && (st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
        return ssc_error_set(err,
                             "%s: plugin folder %s is writable by every user (mode %04o), so "
                             "anyone could put code in it; refusing to load plugins from it "
                             "(chmod o-w %s)",
                             file, path, (unsigned)(st.st_mode & 07777), path);
    if (!is_dir && (st.st_mode & S_IWOTH))
        return ssc_error_set(err,
                             "%s: plugin module is writable by every user (mode %04o), so "
                             "anyone could change its code; refusing to load it (chmod o-w %s)",
                             path, (unsigned)(st.st_mode & 07777), path);
    if (!is_dir && in && (in->st_mode & S_IWOTH) && st.st_uid != 0 && st.st_uid != geteuid())
        return ssc_error_set(err,
                             "%s: plugin module in a folder every user may write to belongs "
                             "to another user (uid %ld); refusing to load it",
                             path, (long)st.st_uid);
    return SSC_OK;
}

/* The module file and its folder; for a libtool archive also the shared
 * object it names and that one's folder (.libs/ while uninstalled). */
static int loader_trusted(const char *file, ssc_error *err)
{
    char so[4096], dir[4096];
    const char *files[2] = {file, NULL};

    if (ssc_loader_so_path(file, so, sizeof so) && strcmp(so, file) != 0)
        files[1] = so;
    for (size_t i = 0; i < 2 && files[i]; i++) {
        const char *slash = strrchr(files[i], '/');
        struct stat dst;
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - files[i]) : 1,
                 slash ? files[i] : ".");
        if (!dir[0])
            snprintf(dir, sizeof dir, "/");
        if (loader_trust_one(file, dir, 1, NULL, err) != SSC_OK)
            return SSC_ERR;
        if (loader_trust_one(file, files[i], 0, stat(dir, &dst) == 0 ? &dst : NULL, err) !=
            SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

int ssc_loader_trusted(const char *file, ssc_error *err)
{
    return loader_trusted(file, err);
}

/* Opens file as module name and checks its descriptor. */
static int loader_open(ssc_loader *ld, const char *file, const char *name,
                       const ssc_plugin_info **out, ssc_error *err)
{
    lt_dladvise advise;
    lt_dlhandle h = NULL;
    loader_module **mods, *m;
    void *probe;

    if (loader_trusted(file, err) != SSC_OK || loader_bind_now(file, name, &probe, err) != SSC_OK)
        return SSC_ERR;
    if (lt_dladvise_init(&advise) != 0 || lt_dladvise_local(&advise) != 0) {
        lt_dladvise_destroy(&advise);
        if (probe)
            dlclose(probe);
        return ssc_error_set(err, "cannot set up the plugin loader: %s", lt_dlerror());
    }
    h = lt_dlopenadvise(file, advise);
    lt_dladvise_destroy(&advise);
    if (probe)
        dlclose(probe);
    if (!h) {
        const char *why = lt_dlerror();
        return ssc_error_set(err,
                             "%s: cannot load plugin: %s (check the libraries it needs with "
                             "`ldd` on its .so file)",
                             file, why ? why : "not a loadable module");
    }

    /* lt_dlsym tries NAME_LTX_ssc_plugin first, then the plain symbol. */
    const ssc_plugin *d = lt_dlsym(h, SSC_PLUGIN_SYMBOL);
    if (!d) {
        char cname[80];
        size_t i;
        for (i = 0; name[i] && i + 1 < sizeof cname; i++)
            cname[i] = name[i] == '-' ? '_' : name[i];
        cname[i] = '\0';
        lt_dlclose(h);
        return ssc_error_set(err,
                             "%s: no plugin descriptor (symbol %s_LTX_%s) in this module; "
                             "define one with SSC_METRIC_PLUGIN(%s, \"%s\", ...)",
                             file, cname, SSC_PLUGIN_SYMBOL, cname, name);
    }
    mods = realloc(ld->mods, (ld->n_mods + 1) * sizeof *mods);
    if (!mods) {
        lt_dlclose(h);
        return ssc_error_oom(err);
    }
    ld->mods = mods;
    if (!(m = calloc(1, sizeof *m))) {
        lt_dlclose(h);
        return ssc_error_oom(err);
    }
    if (ssc_loader_check(d, file, name, &m->info.desc, err) != SSC_OK) {
        lt_dlclose(h);
        free(m);
        return SSC_ERR;
    }
    if (!(m->info.file = loader_strdup(file))) {
        lt_dlclose(h);
        free(m);
        return ssc_error_oom(err);
    }
    m->handle = h;
    mods[ld->n_mods++] = m;
    *out = &m->info;
    return SSC_OK;
}

static int loader_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Plugin names become file names: keep them to a safe alphabet so that a
 * report cannot name "../x". */
static int loader_valid_name(const char *name)
{
    if (!name[0] || strlen(name) > 64)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            return 0;
    return 1;
}

/* Writes dir/name.la or dir/name.so, whichever exists, into buf. */
static int loader_find_in(const char *dir, const char *name, char *buf, size_t len)
{
    static const char *const exts[] = {".la", ".so"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        int n = snprintf(buf, len, "%s/%s%s", dir, name, exts[i]);
        if (n > 0 && (size_t)n < len && loader_is_file(buf))
            return 1;
    }
    return 0;
}

int ssc_loader_find(const ssc_loader *ld, const char *name, char *buf, size_t len)
{
    if (!loader_valid_name(name))
        return 0;
    for (size_t i = 0; i < ld->n_dirs; i++)
        if (loader_find_in(ld->dirs[i], name, buf, len))
            return 1;
    return 0;
}

int ssc_loader_get(ssc_loader *ld, const char *name, const ssc_plugin_info **out,
                   ssc_error *err)
{
    char path[4096];

    for (size_t i = 0; i < ld->n_mods; i++)
        if (strcmp(ld->mods[i]->info.desc.name, name) == 0) {
            *out = &ld->mods[i]->info;
            return SSC_OK;
        }
    if (ssc_loader_find(ld, name, path, sizeof path))
        return loader_open(ld, path, name, out, err);
    return ssc_loader_not_found(ld, name, err);
}

int ssc_loader_not_found(const ssc_loader *ld, const char *name, ssc_error *err)
{
    if (!loader_valid_name(name))
        return ssc_error_set(err,
                             "\"%s\" is not a plugin name (lower-case letters, digits and '-')",
                             name);
    if (ld->n_dirs == 0)
        return ssc_error_set(err, "no plugin \"%s\": no plugin folders are configured", name);
    return ssc_error_set(err,
                         "no plugin \"%s\" in %s%s (run `ssc-report plugins` to list the "
                         "installed ones)",
                         name, ld->dirs[0], ld->n_dirs > 1 ? " or the other plugin folders" : "");
}

static int loader_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Module names in dir (from *.la, else *.so files), sorted. */
static int loader_list_dir(const char *dir, char ***names, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    *names = NULL;
    *n = 0;
    if (!d)
        return 0; /* a configured folder that does not exist has no plugins */
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        size_t base;
        if (len > 3 && strcmp(e->d_name + len - 3, ".la") == 0)
            base = len - 3;
        else if (len > 3 && strcmp(e->d_name + len - 3, ".so") == 0)
            base = len - 3;
        else
            continue;
        char *nm = malloc(base + 1);
        char **nn = realloc(*names, (*n + 1) * sizeof *nn);
        if (!nm || !nn) {
            free(nm);
            if (nn)
                *names = nn;
            closedir(d);
            return -1;
        }
        memcpy(nm, e->d_name, base);
        nm[base] = '\0';
        *names = nn;
        (*names)[(*n)++] = nm;
    }
    closedir(d);
    qsort(*names, *n, sizeof **names, loader_cmp_names);
    return 0;
}

void ssc_loader_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int ssc_loader_names(const ssc_loader *ld, char ***names, size_t *n, ssc_error *err)
{
    char **all = NULL;
    size_t n_all = 0;

    *names = NULL;
    *n = 0;
    for (size_t i = 0; i < ld->n_dirs; i++) {
        char **dir;
        size_t n_dir;
        char **grown;
        if (loader_list_dir(ld->dirs[i], &dir, &n_dir) != 0 ||
            !(grown = realloc(all, (n_all + n_dir + 1) * sizeof *all))) {
            if (dir)
                ssc_loader_names_free(dir, n_dir);
            ssc_loader_names_free(all, n_all);
            return ssc_error_oom(err);
        }
        all = grown;
        memcpy(all + n_all, dir, n_dir * sizeof *dir);
        n_all += n_dir;
        free(dir);
    }
    if (n_all)
        qsort(all, n_all, sizeof *all, loader_cmp_names);
    /* name.la and name.so, and a name in two folders: once */
    size_t kept = 0;
    for (size_t i = 0; i < n_all; i++) {
        if (kept && strcmp(all[kept - 1], all[i]) == 0)
            free(all[i]);
        else
            all[kept++] = all[i];
    }
    *names = all;
    *n = kept;
    return SSC_OK;
}
