/* SPDX-License-Identifier: MIT */
/* The iati source plugin's own interfaces, shared by its files:
 *   iati.c           the descriptor, the libxml2 SAX parser and its errors
 *   iati-activity.c  what each element of an activity contributes
 *   iati-row.c       the project row made of it, handed to the engine, with
 *                    the fallbacks for what an activity lacks
 *   iati-warn.c      warnings, grouped by kind
 *   iati-map.c       lookup tables and value parsers, free of libxml2
 *   iati-sniff.c     the first bytes judged before libxml2 sees them
 * Nothing here is seen by the engine: the module exports only its descriptor
 * (and these iati_ names, which are unique to this module). */
#ifndef SSC_PLUGIN_IATI_INTERNAL_H
#define SSC_PLUGIN_IATI_INTERNAL_H

#include <stddef.h>

#include <ssc-report/plugin.h>

/* ---- limits: the memory one activity may take is bounded by them ------- */

#define IATI_TEXT_MAX 16384     /* bytes kept of one text (title, name...) */
/* Bytes of the joined partner list: the engine refuses a longer cell
 * (SSC_ROWCHECK_MAX_TEXT), which would make the activity a bad row. */
#define IATI_PARTNERS_MAX 16384
#define IATI_SECTORS_MAX 4096   /* sector elements kept per activity */
#define IATI_CURRENCIES_MAX 32  /* currencies without a rate listed */
#define IATI_KINDS_MAX 32       /* kinds of warning told apart (there are fewer) */
#define IATI_EXAMPLES 3         /* lines a grouped warning gives as examples */
#define IATI_LANG_DEPTH 5       /* xml:lang is tracked down to a narrative */
/* Elements nested deeper are refused: an activity file needs about 6
 * levels, and libxml2's own limit (256) is far past what is useful. */
#define IATI_MAX_DEPTH 64
#define IATI_SNIFF_MAX 1024 /* bytes an XML declaration may take */

/* Why reading stopped when memory ran out (iati_reader.stop). */
#define IATI_OOM "out of memory"

/* ---- tables (iati-map.c, from the generated iati-tables.h) ------------- */

typedef struct iati_country_code {
    char alpha2[3];
    char alpha3[4];
} iati_country_code;

typedef struct iati_region_code {
    unsigned char vocabulary; /* 1 OECD DAC, 2 UN M49 */
    unsigned short code;
    unsigned char regions; /* mask over iati_region_name(); 0: Unspecified */
} iati_region_code;

typedef struct iati_sector_category {
    unsigned short code;
    const char *label;
} iati_sector_category;

/* The alpha-3 code of an ISO alpha-2 code (any case, surrounding blanks
 * allowed), or NULL.  The result is a static string. */
const char *iati_country_alpha3(const char *alpha2);
/* The region mask of a recipient-region code of vocabulary 1 or 2, or -1
 * when the table does not have the code. */
int iati_region_mask(int vocabulary, const char *code);
/* Region bit i's name (the report's key), or NULL past the last. */
const char *iati_region_name(int i);
/* The English name of a DAC 3-digit sector category, or NULL. */
const char *iati_sector_label(int category);

/* ---- values (iati-map.c) ------------------------------------------------ */

/* An xsd:decimal (blanks around it allowed, no exponent, no separators):
 * 0 and *out set, or -1. */
int iati_parse_decimal(const char *s, double *out);
/* A percentage from 0 to 100 in millionths of a percent: 0, or -1. */
int iati_parse_percent(const char *s, long long *millionths);
/* The YYYY-MM-DD at the start of an ISO date or date-time: 0, or -1. */
int iati_parse_date(const char *s, char out[11]);
/* An SDG goal "1".."17", or with target set a target "x.y" (goal x):
 * the goal, or -1. */
int iati_parse_goal(const char *s, int target);
/* A plain decimal ('.' whatever the locale, no exponent), at most six
 * decimals, trailing zeros dropped. */
void iati_format_decimal(double v, char *buf, size_t size);
/* Whether xml:lang value lang names language want ("zh" matches "zh-CN"). */
int iati_lang_matches(const char *lang, const char *want);
/* Copies an attribute-like value without its surrounding XML blanks into
 * out (size bytes); returns its length, or -1 when it does not fit. */
int iati_trim_copy(const char *s, size_t len, char *out, size_t size);

/* ---- sectors (iati-map.c) ----------------------------------------------- */

typedef struct iati_sector {
    unsigned short category; /* 3-digit DAC category */
    unsigned char level;     /* 5: from a 5-digit purpose code, 3: a 3-digit code */
    unsigned char has_share;
    long long share; /* millionths of a percent when has_share */
} iati_sector;

/* The winning category (docs/iati.md), or -1 when there is none. */
int iati_sector_choose(const iati_sector *s, size_t n);

/* ---- growable text ------------------------------------------------------ */

typedef struct iati_buf {
    char *s; /* NUL-terminated when not NULL */
    size_t len, cap;
} iati_buf;

/* Appends n bytes, keeping at most max in all (cut at a UTF-8 character
 * boundary): 0, 1 when something was cut, or -1 when out of memory. */
int iati_buf_add(iati_buf *b, const char *s, size_t n, size_t max);
void iati_buf_free(iati_buf *b);
/* Collapses runs of XML blanks to one space and trims the ends, in place. */
void iati_buf_squeeze(iati_buf *b);

/* ---- the parse state (iati.c owns it; iati-activity.c fills it) --------- */

typedef enum iati_child {
    IATI_CHILD_OTHER = 0,
    IATI_CHILD_IDENTIFIER,
    IATI_CHILD_TITLE,
    IATI_CHILD_REPORTING_ORG,
    IATI_CHILD_IMPLEMENTER, /* participating-org with role 4 / Implementing */
    IATI_CHILD_DATE,        /* activity-date of a known type, without iso-date */
    IATI_CHILD_BUDGET
} iati_child;

/* A text offered in several languages: keeps the first one and the first
 * one in the report's language. */
typedef struct iati_pick {
    iati_buf first, match;
    int has_first, has_match;
} iati_pick;

typedef struct iati_activity {
    long line;
    iati_buf id;
    iati_pick title, lead, implementer;
    iati_buf lead_ref, implementer_ref;
    int seen_reporting_org;
    iati_buf partners; /* names joined with ';' */
    int partners_full; /* IATI_PARTNERS_MAX was reached (and said so) */
    char countries[256][4];
    size_t n_countries;
    unsigned region_mask;
    iati_sector *sectors;
    size_t n_sectors, cap_sectors;
    unsigned char sdgs[17];
    size_t n_sdgs;
    int status;        /* ActivityStatus code, 0: none */
    char dates[5][11]; /* by activity-date type 1-4; "" when absent */
    int date_type;     /* type of the activity-date whose text is read */
    int gender;        /* -1: none */
    char default_currency[4];
    double budget_usd;
    size_t n_values;
    int budget_bad;         /* a value could not be read */
    char value_currency[4]; /* of the value being read ("" for none) */
    int value_currency_bad;
    char no_rate[IATI_CURRENCIES_MAX][4];
    size_t n_no_rate;
} iati_activity;

/* ---- warnings (iati-warn.c) --------------------------------------------- */

/* What the plugin fills in for an activity that lacks it (docs/iati.md,
 * Fallbacks); each is counted, and told in one line after the file. */
typedef enum iati_fallback {
    IATI_FALLBACK_ID = 0, /* no iati-identifier: FILE#N */
    IATI_FALLBACK_TITLE,  /* no title: the identifier */
    IATI_FALLBACK_START,  /* no start date: no start year */
    IATI_FALLBACK_END,    /* end date before the start date: no end date */
    IATI_FALLBACK_STATUS, /* no known activity-status: from the actual dates */
    IATI_FALLBACK_COUNT
} iati_fallback;

/* How often something happened, and the lines of its first few times. */
typedef struct iati_tally {
    long count;
    long lines[IATI_EXAMPLES];
} iati_tally;

/* One kind of warning (one call site: its format string).  The first is
 * shown at once; the second is kept in full and the rest only counted, for
 * one line after the file. */
typedef struct iati_kind {
    const char *fmt; /* NULL: a free entry */
    long seen;
    long second_line;
    char second[1024];
    iati_tally more; /* after the second */
} iati_kind;

typedef struct iati_reader {
    ssc_source *src;
    const char *language;
    void *ctxt;                     /* the libxml2 parser context */
    int depth;                      /* of the element being read; 0 outside the root */
    int act_depth;                  /* depth of the open iati-activity, 0 if none */
    char lang[IATI_LANG_DEPTH][24]; /* xml:lang in scope, by depth */
    iati_child child;               /* the open direct child of the activity */
    int child_narratives;
    int grandchild;        /* 1: a narrative, 2: a budget value, 0: other */
    iati_buf text1, text2; /* text of the child and of the grandchild */
    int text1_cut, text2_cut;
    iati_buf row; /* a list cell being joined */
    iati_activity act;
    unsigned char labelled[125]; /* sector categories already labelled */
    int labelled_unspecified;
    /* activities left out of money, and why */
    long no_rate_activities, no_rate_line;
    char no_rate[IATI_CURRENCIES_MAX][4];
    size_t n_no_rate;
    int no_rate_more;
    long activities;    /* iati-activity elements so far: FILE#N's N */
    long first_unnamed; /* N of the first activity without an identifier */
    const char *file; /* the file's base name, for FILE#N */
    iati_kind kinds[IATI_KINDS_MAX];
    iati_tally fallbacks[IATI_FALLBACK_COUNT];
    const char *stop; /* why reading stopped early (out of memory...) */
    int xml_failed;
    long xml_line;
    char xml_message[512];
} iati_reader;

/* Current line of the parser. */
long iati_line(const iati_reader *r);
/* iati-warn.c */
/* A warning about the input at line: shown at once the first time its
 * kind (fmt) occurs, else kept for iati_warn_summary. */
void iati_warn(iati_reader *r, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Counts a fallback used for the activity at line. */
void iati_fallback_used(iati_reader *r, iati_fallback kind, long line);
/* After the file: one line per fallback used and per kind of warning that
 * recurred. */
void iati_warn_summary(iati_reader *r);
/* The attributes of an element as libxml2's SAX2 gives them. */
typedef struct iati_attrs {
    int n;
    const unsigned char **v; /* localname, prefix, URI, value, end: 5 per attribute */
} iati_attrs;
/* The value of attribute name (no prefix), trimmed, in out; returns its
 * length, -1 when absent, -2 when longer than size - 1. */
int iati_attr(const iati_attrs *a, const char *name, char *out, size_t size);

/* iati-sniff.c */
/* Judges the first n bytes of the file (all of it if shorter than a read
 * chunk) before libxml2 sees them: returns 0 when they may be XML in an
 * encoding the plugin reads, else -1 with the reason in why. */
int iati_sniff(const unsigned char *head, size_t n, char *why, size_t size);

/* iati-activity.c */
/* The version in the report's language, else the first; NULL if none. */
const iati_buf *iati_pick_result(const iati_pick *p);
void iati_activity_start(iati_reader *r, const iati_attrs *a);
void iati_child_start(iati_reader *r, const char *name, const iati_attrs *a);
void iati_child_end(iati_reader *r);
void iati_grandchild_start(iati_reader *r, const char *name, const iati_attrs *a);
void iati_grandchild_end(iati_reader *r);
/* Hands the finished activity to the engine; sets r->stop on failure. */
void iati_activity_end(iati_reader *r);
/* The one warning about currencies without a rate, if any. */
void iati_money_summary(iati_reader *r);
void iati_activity_free(iati_activity *a);

#endif
