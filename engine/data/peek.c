/* SPDX-License-Identifier: MIT */
/* Reading a plugin's descriptor from its ELF file (see peek.h).
 *
 * The descriptor NAME_LTX_ssc_plugin is a dynamic symbol; its bytes lie in
 * a loadable segment, and each pointer in it (name, summary, options,
 * hooks) is a relative relocation whose addend is the address it points
 * to.  So the descriptor, its strings and its options can be read from the
 * file as the dynamic linker would see them, without mapping or running
 * anything.  The file is untrusted: every offset is checked against its
 * size before use. */
#include "data/peek.h"

#include <dlfcn.h>
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#define PEEK_MACHINE EM_X86_64
#define PEEK_RELATIVE R_X86_64_RELATIVE
#define PEEK_ABS64 R_X86_64_64
#elif defined(__aarch64__)
#define PEEK_MACHINE EM_AARCH64
#define PEEK_RELATIVE R_AARCH64_RELATIVE
#define PEEK_ABS64 R_AARCH64_ABS64
#endif

#define PEEK_MAX_FILE (64L << 20)
#define PEEK_MAX_STRING 4096
#define PEEK_MAX_OPTIONS 256

typedef struct peek_module {
    ssc_plugin_info info;
    ssc_option *options;
    char **strings; /* every string info points to */
    size_t n_strings;
} peek_module;

struct ssc_peek {
    peek_module **mods;
    size_t n;
};

/* Stand-ins for hooks a file declares: non-NULL, so that the checks of
 * loader.c read the descriptor as loading would; never meant to run. */
static int peek_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                        ssc_error *err)
{
    (void)p;
    (void)s;
    (void)out;
    return ssc_error_set(err, "internal error: a plugin read without loading was run");
}

static int peek_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    (void)c;
    (void)t;
    (void)s;
    return ssc_error_set(err, "internal error: a plugin read without loading was run");
}

static int peek_read(ssc_source *src, ssc_error *err)
{
    (void)src;
    return ssc_error_set(err, "internal error: a plugin read without loading was run");
}

static double peek_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    (void)c;
    (void)t;
    (void)s;
    (void)w;
    return 0.0;
}

#ifdef PEEK_MACHINE
typedef struct peek_elf {
    unsigned char *b;
    size_t n;
    const Elf64_Ehdr *eh;
    const Elf64_Sym *syms; /* .dynsym */
    size_t n_syms;
    const char *strs; /* its string table */
    size_t n_strs;
} peek_elf;

/* b[off, off + len) lies inside the file. */
static int peek_in(const peek_elf *e, uint64_t off, uint64_t len)
{
    return off <= e->n && len <= e->n - off;
}

/* The file bytes behind the len bytes at address addr, or NULL. */
static const unsigned char *peek_at(const peek_elf *e, uint64_t addr, uint64_t len)
{
    for (unsigned i = 0; i < e->eh->e_phnum; i++) {
        const Elf64_Phdr *ph = (const Elf64_Phdr *)(e->b + e->eh->e_phoff) + i;
        if (ph->p_type != PT_LOAD || addr < ph->p_vaddr || addr - ph->p_vaddr > ph->p_filesz ||
            len > ph->p_filesz - (addr - ph->p_vaddr) || !peek_in(e, ph->p_offset, ph->p_filesz))
            continue;
        return e->b + ph->p_offset + (addr - ph->p_vaddr);
    }
    return NULL;
}

/* What the pointer stored at address addr points to once relocated: the
 * relocation's addend (plus its symbol for an absolute one), else the
 * bytes themselves; 0 for NULL. */
static uint64_t peek_pointer(const peek_elf *e, uint64_t addr)
{
    const unsigned char *raw = peek_at(e, addr, 8);
    uint64_t v = 0;
    const Elf64_Shdr *sh = (const Elf64_Shdr *)(e->b + e->eh->e_shoff);

    for (unsigned i = 0; i < e->eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_RELA || sh[i].sh_entsize != sizeof(Elf64_Rela) ||
            sh[i].sh_offset % 8 || !peek_in(e, sh[i].sh_offset, sh[i].sh_size))
            continue;
        const Elf64_Rela *r = (const Elf64_Rela *)(e->b + sh[i].sh_offset);
        for (size_t k = 0; k < sh[i].sh_size / sizeof *r; k++) {
            if (r[k].r_offset != addr)
                continue;
            uint64_t type = ELF64_R_TYPE(r[k].r_info), sym = ELF64_R_SYM(r[k].r_info);
            if (type == PEEK_RELATIVE)
                return (uint64_t)r[k].r_addend;
            if (type == PEEK_ABS64 && sym < e->n_syms)
                /* an undefined symbol: a pointer elsewhere, not NULL */
                return e->syms[sym].st_shndx == SHN_UNDEF
                           ? UINT64_MAX
                           : e->syms[sym].st_value + (uint64_t)r[k].r_addend;
        }
    }
    if (raw)
        memcpy(&v, raw, sizeof v);
    return v;
}

/* The NUL-terminated string at addr, copied into m's strings; NULL when
 * the pointer is NULL or leads outside the file. */
static int peek_string(const peek_elf *e, peek_module *m, uint64_t addr, const char **out)
{
    const unsigned char *p;
    char **grown;
    size_t len = 0;

    *out = NULL;
    if (!addr)
        return 0;
    while (len < PEEK_MAX_STRING && (p = peek_at(e, addr + len, 1)) && *p)
        len++;
    if (!(p = peek_at(e, addr + len, 1)) || *p)
        return 0; /* unterminated or unreadable: as if absent */
    if (!(grown = realloc(m->strings, (m->n_strings + 1) * sizeof *grown)))
        return -1;
    m->strings = grown;
    if (!(grown[m->n_strings] = malloc(len + 1)))
        return -1;
    memcpy(grown[m->n_strings], peek_at(e, addr, len + 1), len + 1);
    *out = grown[m->n_strings++];
    return 0;
}

static int peek_options(const peek_elf *e, peek_module *m, uint64_t addr)
{
    size_t n = 0;

    while (n < PEEK_MAX_OPTIONS && peek_at(e, addr + n * sizeof(ssc_option), sizeof(ssc_option)) &&
           peek_pointer(e, addr + n * sizeof(ssc_option) + offsetof(ssc_option, name)))
        n++;
    if (!(m->options = calloc(n + 1, sizeof *m->options)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint64_t at = addr + i * sizeof(ssc_option);
        ssc_option *o = &m->options[i];
        memcpy(o, peek_at(e, at, sizeof *o), sizeof *o);
        if (peek_string(e, m, peek_pointer(e, at + offsetof(ssc_option, name)), &o->name) ||
            peek_string(e, m, peek_pointer(e, at + offsetof(ssc_option, choices)), &o->choices) ||
            peek_string(e, m, peek_pointer(e, at + offsetof(ssc_option, help)), &o->help))
            return -1;
        if (!o->name)
            o->name = "?";
    }
    return 0;
}

/* The descriptor at addr into d, its pointers resolved: -1 out of memory. */
static int peek_descriptor(const peek_elf *e, peek_module *m, uint64_t addr, size_t size,
                           ssc_plugin *d)
{
    memset(d, 0, sizeof *d);
    memcpy(d, peek_at(e, addr, size), size < sizeof *d ? size : sizeof *d);
#define PEEK_PTR(field) (size >= offsetof(ssc_plugin, field) + 8 ? \
                         peek_pointer(e, addr + offsetof(ssc_plugin, field)) : 0)
    uint64_t opts = PEEK_PTR(options);
    if (peek_string(e, m, PEEK_PTR(name), &d->name) ||
        peek_string(e, m, PEEK_PTR(summary), &d->summary) ||
        peek_string(e, m, PEEK_PTR(version), &d->version) ||
        peek_string(e, m, PEEK_PTR(extensions), &d->extensions) ||
        (opts && peek_options(e, m, opts)))
        return -1;
    d->options = opts ? m->options : NULL;
    d->compute = PEEK_PTR(compute) ? peek_compute : NULL;
    d->render = PEEK_PTR(render) ? peek_render : NULL;
    d->read = PEEK_PTR(read) ? peek_read : NULL;
    d->measure = PEEK_PTR(measure) ? peek_measure : NULL;
#undef PEEK_PTR
    return 0;
}

/* The file's header and dynamic symbols, checked; 0 when this is not a
 * shared object for this machine. */
static int peek_open(peek_elf *e)
{
    const Elf64_Shdr *sh;

    if (e->n < sizeof(Elf64_Ehdr) || memcmp(e->b, ELFMAG, SELFMAG) != 0)
        return 0;
    e->eh = (const Elf64_Ehdr *)e->b;
    if (e->b[EI_CLASS] != ELFCLASS64 || e->b[EI_DATA] != ELFDATA2LSB ||
        e->eh->e_machine != PEEK_MACHINE || e->eh->e_type != ET_DYN ||
        e->eh->e_phentsize != sizeof(Elf64_Phdr) || e->eh->e_shentsize != sizeof(Elf64_Shdr) ||
        !peek_in(e, e->eh->e_phoff, (uint64_t)e->eh->e_phnum * sizeof(Elf64_Phdr)) ||
        !peek_in(e, e->eh->e_shoff, (uint64_t)e->eh->e_shnum * sizeof(Elf64_Shdr)) ||
        e->eh->e_phoff % 8 || e->eh->e_shoff % 8)
        return 0;
    sh = (const Elf64_Shdr *)(e->b + e->eh->e_shoff);
    for (unsigned i = 0; i < e->eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_DYNSYM || sh[i].sh_entsize != sizeof(Elf64_Sym) ||
            sh[i].sh_link >= e->eh->e_shnum || !peek_in(e, sh[i].sh_offset, sh[i].sh_size) ||
            sh[i].sh_offset % 8 || !peek_in(e, sh[sh[i].sh_link].sh_offset,
                                            sh[sh[i].sh_link].sh_size))
            continue;
        e->syms = (const Elf64_Sym *)(e->b + sh[i].sh_offset);
        e->n_syms = sh[i].sh_size / sizeof(Elf64_Sym);
        e->strs = (const char *)e->b + sh[sh[i].sh_link].sh_offset;
        e->n_strs = sh[sh[i].sh_link].sh_size;
        return e->n_strs > 0 && e->strs[e->n_strs - 1] == '\0';
    }
    return 0;
}

static const char *peek_sym_name(const peek_elf *e, const Elf64_Sym *s)
{
    return s->st_name < e->n_strs ? e->strs + s->st_name : "";
}

/* A call to an ssc_ function this engine does not export would end a
 * render with "symbol lookup error": name it, as loading it would.  Only
 * where the engine's own functions are visible (the command). */
static int peek_undefined(const peek_elf *e, const char *file, const char *name, ssc_error *err)
{
    if (!dlsym(RTLD_DEFAULT, "ssc_table_add"))
        return SSC_OK;
    for (size_t i = 1; i < e->n_syms; i++) {
        const char *sym = peek_sym_name(e, &e->syms[i]);
        if (e->syms[i].st_shndx == SHN_UNDEF && ELF64_ST_BIND(e->syms[i].st_info) == STB_GLOBAL &&
            strncmp(sym, "ssc_", 4) == 0 && !dlsym(RTLD_DEFAULT, sym))
            return ssc_error_set(err,
                                 "%s: plugin \"%s\": undefined symbol %s: it calls a function the "
                                 "engine does not export (misspelt, or from a newer engine); link "
                                 "plugins with `pkg-config --libs ssc-report` (-z defs) to find "
                                 "this at build time",
                                 file, name, sym);
    }
    return SSC_OK;
}
#endif

static void peek_module_free(peek_module *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_strings; i++)
        free(m->strings[i]);
    free(m->strings);
    free(m->options);
    free(m->info.file);
    free(m);
}

/* Reads module name's descriptor from file (a .la or .so) into a new
 * module, checked as loading would check it. */
static int peek_file(const char *file, const char *name, peek_module **out, ssc_error *err)
{
    char so[4096], sym[160];
    peek_module *m;
    size_t i;
    int rc = SSC_ERR;

    *out = NULL;
    if (ssc_loader_trusted(file, err) != SSC_OK)
        return SSC_ERR;
    if (!ssc_loader_so_path(file, so, sizeof so))
        return ssc_error_set(err, "%s: cannot tell which shared object this module is", file);
    for (i = 0; name[i] && i + 1 < sizeof sym - sizeof "_LTX_" - sizeof SSC_PLUGIN_SYMBOL; i++)
        sym[i] = name[i] == '-' ? '_' : name[i];
    snprintf(sym + i, sizeof sym - i, "_LTX_%s", SSC_PLUGIN_SYMBOL);
    if (!(m = calloc(1, sizeof *m)) || !(m->info.file = strdup(file))) {
        free(m);
        return ssc_error_oom(err);
    }
#ifdef PEEK_MACHINE
    FILE *f = fopen(so, "rb");
    peek_elf e;
    long size;
    memset(&e, 0, sizeof e);
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || size > PEEK_MAX_FILE ||
        fseek(f, 0, SEEK_SET) != 0 || !(e.b = malloc((size_t)size + 1)) ||
        fread(e.b, 1, (size_t)size, f) != (size_t)size) {
        ssc_error_set(err, "%s: cannot read the module %s (or it is larger than 64 MiB)", file, so);
        goto out;
    }
    e.n = (size_t)size;
    if (!peek_open(&e)) {
        ssc_error_set(err, "%s: not a shared object for this machine (cannot read its plugin "
                           "descriptor without running it)", file);
        goto out;
    }
    for (i = 1; i < e.n_syms; i++) {
        const Elf64_Sym *s = &e.syms[i];
        if (s->st_shndx == SHN_UNDEF || strcmp(peek_sym_name(&e, s), sym) != 0)
            continue;
        size_t dsize = s->st_size < sizeof(ssc_plugin) ? (size_t)s->st_size : sizeof(ssc_plugin);
        ssc_plugin d;
        if (dsize < offsetof(ssc_plugin, struct_size) + sizeof(size_t) ||
            !peek_at(&e, s->st_value, dsize))
            break;
        if (peek_descriptor(&e, m, s->st_value, dsize, &d) != 0) {
            ssc_error_oom(err);
            goto out;
        }
        if (ssc_loader_check(&d, file, name, &m->info.desc, err) == SSC_OK &&
            peek_undefined(&e, file, name, err) == SSC_OK)
            rc = SSC_OK;
        goto out;
    }
    ssc_error_set(err,
                  "%s: no plugin descriptor (symbol %s) in this module; define one with "
                  "SSC_METRIC_PLUGIN(%.*s, \"%s\", ...)",
                  file, sym, (int)(strlen(sym) - strlen("_LTX_" SSC_PLUGIN_SYMBOL)), sym, name);
out:
    if (f)
        fclose(f);
    free(e.b);
#else
    ssc_error_set(err, "%s: this engine cannot read plugin descriptors without running them on "
                       "this machine; `ssc-report plugins %s` loads it", file, name);
#endif
    if (rc == SSC_OK)
        *out = m;
    else
        peek_module_free(m);
    return rc;
}

static int peek_keep(ssc_peek *pk, peek_module *m)
{
    peek_module **grown = realloc(pk->mods, (pk->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    pk->mods = grown;
    grown[pk->n++] = m;
    return 0;
}

int ssc_peek_each(const ssc_loader *ld, void (*fn)(const ssc_plugin_info *, void *), void *ctx,
                  ssc_diag *problems, ssc_peek **out, ssc_error *err)
{
    char **names;
    size_t n;
    int rc = SSC_OK;

    if (!(*out = calloc(1, sizeof **out)))
        return ssc_error_oom(err);
    if (ssc_loader_names(ld, &names, &n, err) != SSC_OK)
        return SSC_ERR;
    for (size_t i = 0; i < n && rc == SSC_OK; i++) {
        char file[4096];
        peek_module *m;
        ssc_error e;
        ssc_error_clear(&e);
        if (!ssc_loader_find(ld, names[i], file, sizeof file))
            continue; /* a name the loader would not accept */
        if (peek_file(file, names[i], &m, &e) != SSC_OK) {
            if (strstr(e.message, "out of memory"))
                rc = ssc_error_oom(err);
            else if (problems)
                ssc_diag_add(problems, "%s", e.message);
            continue;
        }
        if (peek_keep(*out, m) != 0) {
            peek_module_free(m);
            rc = ssc_error_oom(err);
            break;
        }
        fn(&m->info, ctx);
    }
    ssc_loader_names_free(names, n);
    return rc;
}

int ssc_peek_one(const ssc_loader *ld, const char *name, const ssc_plugin_info **info,
                 ssc_peek **out, ssc_error *err)
{
    char file[4096];
    peek_module *m;

    *info = NULL;
    if (!(*out = calloc(1, sizeof **out)))
        return ssc_error_oom(err);
    if (!ssc_loader_find(ld, name, file, sizeof file))
        return ssc_loader_not_found(ld, name, err);
    if (peek_file(file, name, &m, err) != SSC_OK)
        return SSC_ERR;
    if (peek_keep(*out, m) != 0) {
        peek_module_free(m);
        return ssc_error_oom(err);
    }
    *info = &m->info;
    return SSC_OK;
}

void ssc_peek_free(ssc_peek *pk)
{
    if (!pk)
        return;
    for (size_t i = 0; i < pk->n; i++)
        peek_module_free(pk->mods[i]);
    free(pk->mods);
    free(pk);
}
