/* SPDX-License-Identifier: MIT */
/* iati: a source plugin reading IATI activity files (standard versions 1.0x
 * to 2.03), one project per iati-activity; docs/iati.md has the mapping.
 *
 * The file is read with libxml2's SAX2 push parser in chunks of
 * IATI_CHUNK bytes: no tree is ever built, so memory stays bounded by the
 * chunk, libxml2's own buffers and one activity's fields (IATI_*_MAX),
 * whatever the size of the file.  SAX rather than xmlTextReader because the
 * reader's parser runs ahead of the node it returns (its line number can be
 * a dozen lines past the element) and its node line numbers stop at 65535,
 * while a SAX callback sees the parser exactly at the element, so warnings
 * name the right line of a file of any length.
 *
 * Every libxml2 message is routed here (the parser's structured handler,
 * plus the thread's global one for the few errors raised without a parser
 * context, restored afterwards): nothing is printed on stderr behind the
 * engine's back, fatal errors become the read's error with file and line,
 * the others become warnings. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "iati-internal.h"

#define IATI_CHUNK 65536

/* libxml2 2.12 made the error a const pointer. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *iati_xml_error_ptr;
#else
typedef xmlErrorPtr iati_xml_error_ptr;
#endif

long iati_line(const iati_reader *r)
{
    return r->ctxt ? xmlSAX2GetLineNumber(r->ctxt) : 0;
}

static int iati_attr_ns(const iati_attrs *a, const char *prefix, const char *name, char *out,
                        size_t size)
{
    for (int i = 0; i < a->n; i++) {
        const unsigned char *const *at = a->v + 5 * i;
        const char *p = (const char *)at[1];

        if (strcmp((const char *)at[0], name) != 0 ||
            (prefix ? !p || strcmp(p, prefix) != 0 : p != NULL))
            continue;
        if (iati_trim_copy((const char *)at[3], (size_t)(at[4] - at[3]), out, size) < 0)
            return -2;
        return (int)strlen(out);
    }
    return -1;
}

int iati_attr(const iati_attrs *a, const char *name, char *out, size_t size)
{
    return iati_attr_ns(a, NULL, name, out, size);
}

static void iati_fail_xml(iati_reader *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void iati_fail_xml(iati_reader *r, long line, const char *fmt, ...)
{
    va_list ap;

    if (r->xml_failed)
        return; /* the first error is the one to fix */
    r->xml_failed = 1;
    r->xml_line = line;
    va_start(ap, fmt);
    vsnprintf(r->xml_message, sizeof r->xml_message, fmt, ap);
    va_end(ap);
    /* No xmlStopParser here: this runs inside libxml2 (its error callback
     * among others), and libxml2 2.9 may have freed the input the stop
     * then touches (a NULL read: the crash of issue 15).  Every callback
     * ignores what follows an error, libxml2 itself stops at its own fatal
     * error, and the caller feeds no further chunk. */
}

static void iati_xml_error(void *data, iati_xml_error_ptr e)
{
    iati_reader *r = data;
    char msg[400];
    size_t n;
    long line;

    if (!r || !e || r->xml_failed)
        return;
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "unknown XML error");
    /* Some messages run over two lines ("...\nBytes: 0xFF"); one line reads
     * better after "FILE:LINE:". */
    for (char *p = msg; *p; p++)
        if (*p == '\n')
            *p = ' ';
    n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    line = e->line > 0 ? e->line : iati_line(r);
    if (e->level == XML_ERR_FATAL)
        iati_fail_xml(r, line, "malformed XML: %s", msg);
    else
        iati_warn(r, line, "XML: %s", msg);
}

static void iati_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    iati_reader *r = ctx;
    const char *name = (const char *)localname;
    iati_attrs a = {nb_attributes, attributes};
    int d = ++r->depth;

    if (r->stop || r->xml_failed)
        return;
    if (d > IATI_MAX_DEPTH) {
        iati_fail_xml(r, iati_line(r), "elements nested more than %d levels", IATI_MAX_DEPTH);
        return;
    }
    if (d < IATI_LANG_DEPTH) {
        /* xml:lang is inherited: a narrative without one is in the language
         * of its activity (or of the whole file). */
        if (iati_attr_ns(&a, "xml", "lang", r->lang[d], sizeof r->lang[d]) < 0)
            memcpy(r->lang[d], r->lang[d - 1], sizeof r->lang[d]);
    }
    /* Extensions carry a namespace prefix; IATI's own elements have none. */
    if (prefix)
        name = NULL;
    if (d == 1) {
        if (name && strcmp(name, "iati-activity") == 0)
            iati_activity_start(r, &a);
        else if (!name || strcmp(name, "iati-activities") != 0)
            iati_fail_xml(r, iati_line(r),
                          "not an IATI activity file: the root element is <%s%s%s>, not "
                          "<iati-activities>",
                          prefix ? (const char *)prefix : "", prefix ? ":" : "",
                          (const char *)localname);
    } else if (!r->act_depth) {
        if (d == 2 && name && strcmp(name, "iati-activity") == 0)
            iati_activity_start(r, &a);
    } else if (d == r->act_depth + 1) {
        iati_child_start(r, name, &a);
    } else if (d == r->act_depth + 2) {
        iati_grandchild_start(r, name, &a);
    }
}

static void iati_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                         const xmlChar *uri)
{
    iati_reader *r = ctx;

    if (!r->stop && !r->xml_failed && r->act_depth) {
        if (r->depth == r->act_depth + 2)
            iati_grandchild_end(r);
        else if (r->depth == r->act_depth + 1)
            iati_child_end(r);
        else if (r->depth == r->act_depth)
            iati_activity_end(r);
    }
    r->depth--;
}

static void iati_sax_text(void *ctx, const xmlChar *ch, int len)
{
    iati_reader *r = ctx;
    iati_buf *b = NULL;
    int *cut = NULL, rc;

    if (r->stop || r->xml_failed || !r->act_depth)
        return;
    if (r->depth == r->act_depth + 1 && r->child != IATI_CHILD_OTHER &&
        r->child != IATI_CHILD_BUDGET) {
        b = &r->text1;
        cut = &r->text1_cut;
    } else if (r->depth == r->act_depth + 2 && r->grandchild) {
        b = &r->text2;
        cut = &r->text2_cut;
    }
    if (!b)
        return;
    rc = iati_buf_add(b, (const char *)ch, (size_t)len, IATI_TEXT_MAX);
    if (rc < 0) {
        r->stop = IATI_OOM;
    } else if (rc > 0 && !*cut) {
        *cut = 1;
        iati_warn(r, iati_line(r), "a text longer than %d bytes was cut there", IATI_TEXT_MAX);
    }
}

/* Feeds the file to the parser; returns 0, or errno of a failed read.
 * *empty tells whether the file had no byte at all.  The first chunk is
 * judged by iati_sniff before libxml2 sees a byte of it. */
static int iati_parse_file(iati_reader *r, FILE *f, char *chunk, int *empty)
{
    *empty = 1;
    for (;;) {
        size_t n = fread(chunk, 1, IATI_CHUNK, f);
        int last = n < IATI_CHUNK;
        char why[400];

        if (last && ferror(f))
            return errno ? errno : EIO;
        if (n && *empty) {
            *empty = 0;
            if (iati_sniff((const unsigned char *)chunk, n, why, sizeof why) < 0) {
                iati_fail_xml(r, 1, "%s", why);
                return 0;
            }
        }
        xmlParseChunk(r->ctxt, chunk, (int)n, last);
        if (last || r->stop || r->xml_failed)
            return 0;
    }
}

static int iati_read(ssc_source *src, ssc_error *err)
{
    const char *path = ssc_source_path(src);
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_context = xmlStructuredErrorContext;
    xmlSAXHandler sax;
    xmlParserCtxtPtr ctxt = NULL;
    iati_reader *r;
    char *chunk;
    FILE *f;
    int rc = SSC_OK, read_errno, empty;

    if (!path || !*path)
        return ssc_error_set(err, "iati: no file to read");
    f = fopen(path, "rb");
    if (!f)
        return ssc_error_set(err, "%s: %s", path, strerror(errno));
    r = calloc(1, sizeof *r);
    chunk = malloc(IATI_CHUNK);
    if (!r || !chunk) {
        free(r);
        free(chunk);
        fclose(f);
        return ssc_error_set(err, "%s: out of memory", path);
    }
    r->src = src;
    r->language = ssc_source_language(src);
    r->file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    /* An activity without a start date is handed over without one (docs/
     * iati.md, Fallbacks): the engine then gives it no start year. */
    if (ssc_source_optional(src, "start_date") != SSC_OK) {
        rc = ssc_error_set(err, "%s: the engine refused an optional start_date", path);
        goto done;
    }

    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = iati_sax_start;
    sax.endElementNs = iati_sax_end;
    sax.characters = iati_sax_text;
    sax.cdataBlock = iati_sax_text;
    sax.serror = iati_xml_error;
    xmlInitParser();
    xmlSetStructuredErrorFunc(r, iati_xml_error);
    ctxt = xmlCreatePushParserCtxt(&sax, r, NULL, 0, path);
    if (!ctxt) {
        rc = ssc_error_set(err, "%s: out of memory", path);
        goto done;
    }
    /* No network, no external DTD, no entity substitution: an activity file
     * needs none of them, and each is a way for a file to reach elsewhere.
     * Not XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: so libxml2 keeps its
     * limits (256 levels, 10 MB per text, 50,000 bytes per name), and with
     * no entityDecl or getEntity callback no entity is declared or expanded
     * (a reference to one is an undeclared entity: malformed XML). */
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    r->ctxt = ctxt;

    read_errno = iati_parse_file(r, f, chunk, &empty);
    if (read_errno)
        rc = ssc_error_set(err, "%s: %s", path, strerror(read_errno));
    else if (empty)
        rc = ssc_error_set(err, "%s: the file is empty, not an IATI activity file", path);
    else if (r->xml_failed)
        rc = ssc_error_set(err, "%s:%ld: %s", path, r->xml_line, r->xml_message);
    else if (r->stop)
        rc = ssc_error_set(err, "%s:%ld: %s", path, iati_line(r), r->stop);
    else if (!ctxt->wellFormed)
        rc = ssc_error_set(err, "%s:%ld: malformed XML", path, iati_line(r));
    if (rc == SSC_OK) {
        iati_warn_summary(r);
        iati_money_summary(r);
    }

done:
    if (ctxt) {
        /* libxml2 keeps the declarations of an internal DTD subset in a
         * document of its own even for SAX; it is the caller's to free. */
        if (ctxt->myDoc)
            xmlFreeDoc(ctxt->myDoc);
        xmlFreeParserCtxt(ctxt);
    }
    xmlSetStructuredErrorFunc(old_context, old_handler);
    iati_activity_free(&r->act);
    iati_buf_free(&r->text1);
    iati_buf_free(&r->text2);
    iati_buf_free(&r->row);
    free(r);
    free(chunk);
    fclose(f);
    return rc;
}

SSC_SOURCE_PLUGIN(iati, "iati",
                  .summary = "IATI activity XML (standard 1.0x to 2.03), one project per activity",
                  .version = "1.0",
                  .extensions = "xml",
                  .read = iati_read);
