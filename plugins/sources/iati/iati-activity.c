/* SPDX-License-Identifier: MIT */
/* What each element of an iati-activity contributes to its project (the
 * row itself is made in iati-row.c).  The rules are those of docs/iati.md;
 * both the 1.0x and the 2.0x forms of an element are read wherever they
 * differ, so a file of either version (or a mix) works. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "iati-internal.h"

static int iati_is(const char *s, const char *word)
{
    return strcasecmp(s, word) == 0;
}

/* The xml:lang in scope at the current depth. */
static const char *iati_lang_here(const iati_reader *r)
{
    return r->depth < IATI_LANG_DEPTH ? r->lang[r->depth] : r->lang[IATI_LANG_DEPTH - 1];
}

static int iati_set_text(iati_buf *b, const char *s, size_t n)
{
    b->len = 0;
    return iati_buf_add(b, s, n, IATI_TEXT_MAX) < 0 ? -1 : 0;
}

static void iati_pick_clear(iati_pick *p)
{
    p->first.len = p->match.len = 0;
    p->has_first = p->has_match = 0;
}

/* Offers one language version of a text (already squeezed). */
static void iati_pick_offer(iati_reader *r, iati_pick *p, const iati_buf *text)
{
    const char *lang = iati_lang_here(r);

    if (text->len == 0)
        return;
    if (!p->has_first) {
        if (iati_set_text(&p->first, text->s, text->len) != 0)
            r->stop = IATI_OOM;
        p->has_first = 1;
    }
    if (!p->has_match && iati_lang_matches(lang, r->language)) {
        if (iati_set_text(&p->match, text->s, text->len) != 0)
            r->stop = IATI_OOM;
        p->has_match = 1;
    }
}

const iati_buf *iati_pick_result(const iati_pick *p)
{
    return p->has_match ? &p->match : p->has_first ? &p->first : NULL;
}

void iati_activity_start(iati_reader *r, const iati_attrs *a)
{
    iati_activity *act = &r->act;
    char cur[8];
    int n;

    act->line = iati_line(r);
    r->activities++;
    act->id.len = act->lead_ref.len = act->implementer_ref.len = act->partners.len = 0;
    iati_pick_clear(&act->title);
    iati_pick_clear(&act->lead);
    iati_pick_clear(&act->implementer);
    act->seen_reporting_org = 0;
    act->partners_full = 0;
    act->n_countries = act->n_sectors = act->n_sdgs = act->n_values = act->n_no_rate = 0;
    act->region_mask = 0;
    act->status = 0;
    memset(act->dates, 0, sizeof act->dates);
    act->gender = -1;
    act->budget_usd = 0;
    act->budget_bad = 0;
    act->default_currency[0] = '\0';
    n = iati_attr(a, "default-currency", cur, sizeof cur);
    if (n == 3 && isalpha((unsigned char)cur[0]) && isalpha((unsigned char)cur[1]) &&
        isalpha((unsigned char)cur[2])) {
        for (int i = 0; i < 4; i++)
            act->default_currency[i] = (char)toupper((unsigned char)cur[i]);
    } else if (n != -1) {
        iati_warn(r, act->line, "default-currency \"%s\" is not an ISO 4217 code; ignored",
                  n < 0 ? "(too long)" : cur);
    }
    r->act_depth = r->depth;
    r->child = IATI_CHILD_OTHER;
    r->grandchild = 0;
}

/* ---- direct children: one attribute-only element each ------------------ */

static void iati_add_country(iati_reader *r, const iati_attrs *a)
{
    iati_activity *act = &r->act;
    char code[16];
    const char *a3;
    int n = iati_attr(a, "code", code, sizeof code);

    if (n == -1) {
        iati_warn(r, iati_line(r), "recipient-country without a code; ignored");
        return;
    }
    a3 = n > 0 ? iati_country_alpha3(code) : NULL;
    if (!a3) {
        iati_warn(r, iati_line(r),
                  "recipient-country code \"%s\" is not an ISO 3166-1 alpha-2 code of "
                  "a known country; left out",
                  n < 0 ? "(too long)" : code);
        return;
    }
    for (size_t i = 0; i < act->n_countries; i++)
        if (strcmp(act->countries[i], a3) == 0)
            return; /* a project counts once per distinct country */
    if (act->n_countries < sizeof act->countries / sizeof act->countries[0])
        memcpy(act->countries[act->n_countries++], a3, 4);
}

static void iati_add_region(iati_reader *r, const iati_attrs *a)
{
    char vocab[16], code[16];
    int nv = iati_attr(a, "vocabulary", vocab, sizeof vocab);
    int v, mask;

    /* 2.0x: 1 OECD DAC, 2 UN M49; 1.0x wrote "DAC" or left it out. */
    if (nv <= 0 || strcmp(vocab, "1") == 0 || iati_is(vocab, "DAC"))
        v = 1;
    else if (strcmp(vocab, "2") == 0 || iati_is(vocab, "UN"))
        v = 2;
    else
        return; /* a publisher's own regions say nothing about ours */
    if (iati_attr(a, "code", code, sizeof code) < 0) {
        iati_warn(r, iati_line(r), "recipient-region without a usable code; ignored");
        return;
    }
    mask = iati_region_mask(v, code);
    if (mask < 0) {
        iati_warn(r, iati_line(r),
                  "recipient-region code \"%s\" (vocabulary %d, %s) is not in the "
                  "region table; ignored",
                  code, v, v == 1 ? "OECD DAC" : "UN M49");
        return;
    }
    r->act.region_mask |= (unsigned)mask;
}

static void iati_sdg(iati_reader *r, int goal)
{
    iati_activity *act = &r->act;

    for (size_t i = 0; i < act->n_sdgs; i++)
        if (act->sdgs[i] == goal)
            return;
    act->sdgs[act->n_sdgs++] = (unsigned char)goal;
}

static void iati_sdg_code(iati_reader *r, const iati_attrs *a, const char *what, int target)
{
    char code[16];
    int n = iati_attr(a, "code", code, sizeof code);
    int goal = n > 0 ? iati_parse_goal(code, target) : -1;

    if (goal < 0) {
        iati_warn(r, iati_line(r), "%s code \"%s\" is not an SDG %s; ignored", what,
                  n == -1 ? ""
                  : n < 0 ? "(too long)"
                          : code,
                  target ? "target (\"x.y\", x from 1 to 17)" : "goal (1 to 17)");
        return;
    }
    iati_sdg(r, goal);
}

static int iati_all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static void iati_add_sector(iati_reader *r, const iati_attrs *a)
{
    iati_activity *act = &r->act;
    char vocab[16], code[16], pct[32];
    int nv = iati_attr(a, "vocabulary", vocab, sizeof vocab);
    int nc, np, level;
    iati_sector s = {0, 0, 0, 0};

    if (nv <= 0 || strcmp(vocab, "1") == 0 || iati_is(vocab, "DAC"))
        level = 5;
    else if (strcmp(vocab, "2") == 0 || iati_is(vocab, "DAC-3"))
        level = 3;
    else if (strcmp(vocab, "7") == 0 || strcmp(vocab, "8") == 0)
        level = 0;
    else
        return; /* a publisher's own vocabulary */
    if (level == 0) {
        iati_sdg_code(r, a, vocab[0] == '7' ? "sector (vocabulary 7)" : "sector (vocabulary 8)",
                      vocab[0] == '8');
        return;
    }
    nc = iati_attr(a, "code", code, sizeof code);
    if (nc < 0 || !iati_all_digits(code, (size_t)level)) {
        iati_warn(r, iati_line(r), "sector code \"%s\" is not a %s; ignored",
                  nc == -1 ? ""
                  : nc < 0 ? "(too long)"
                           : code,
                  level == 5 ? "5-digit DAC purpose code" : "3-digit DAC category");
        return;
    }
    s.level = (unsigned char)level;
    s.category = (unsigned short)((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'));
    np = iati_attr(a, "percentage", pct, sizeof pct);
    if (np >= 0 && iati_parse_percent(pct, &s.share) == 0)
        s.has_share = 1;
    else if (np != -1)
        iati_warn(r, iati_line(r),
                  "sector percentage \"%s\" is not a number from 0 to 100; the sector counts "
                  "as an equal share",
                  np < 0 ? "(too long)" : pct);
    if (act->n_sectors == IATI_SECTORS_MAX) {
        iati_warn(r, iati_line(r), "more than %d sectors in one activity; the rest are ignored",
                  IATI_SECTORS_MAX);
        act->n_sectors++; /* warn once: the count passes the limit */
        return;
    }
    if (act->n_sectors > IATI_SECTORS_MAX)
        return;
    if (act->n_sectors == act->cap_sectors) {
        size_t cap = act->cap_sectors ? act->cap_sectors * 2 : 16;
        iati_sector *p = realloc(act->sectors, cap * sizeof *p);

        if (!p) {
            r->stop = IATI_OOM;
            return;
        }
        act->sectors = p;
        act->cap_sectors = cap;
    }
    act->sectors[act->n_sectors++] = s;
}

static void iati_add_tag(iati_reader *r, const iati_attrs *a)
{
    char vocab[16];

    if (iati_attr(a, "vocabulary", vocab, sizeof vocab) < 0)
        return;
    if (strcmp(vocab, "2") == 0)
        iati_sdg_code(r, a, "tag (vocabulary 2)", 0);
    else if (strcmp(vocab, "3") == 0)
        iati_sdg_code(r, a, "tag (vocabulary 3)", 1);
}

/* The first known code counts; an unknown one is ignored here, and an
 * activity left without one gets the status fallback (iati-row.c). */
static void iati_status(iati_reader *r, const iati_attrs *a)
{
    char code[16];
    int n = iati_attr(a, "code", code, sizeof code);

    if (!r->act.status && n == 1 && code[0] >= '1' && code[0] <= '6')
        r->act.status = code[0] - '0';
}

static void iati_date(iati_reader *r, const iati_attrs *a)
{
    static const char *const names[5] = {"", "start-planned", "start-actual", "end-planned",
                                         "end-actual"};
    char type[24], iso[64];
    int nt = iati_attr(a, "type", type, sizeof type), ni, t = 0;

    for (int i = 1; i <= 4 && nt > 0; i++)
        if ((type[0] == '0' + i && type[1] == '\0') || iati_is(type, names[i]))
            t = i;
    if (t == 0 || r->act.dates[t][0])
        return; /* another type, or a second date of a type: the first counts */
    ni = iati_attr(a, "iso-date", iso, sizeof iso);
    if (ni == -1) {
        /* 1.0x allowed the date as the element's text only. */
        r->child = IATI_CHILD_DATE;
        r->act.date_type = t;
    } else if (ni < 0 || iati_parse_date(iso, r->act.dates[t]) != 0) {
        iati_warn(r, iati_line(r), "activity-date iso-date \"%s\" is not a date; ignored",
                  ni < 0 ? "(too long)" : iso);
    }
}

static void iati_policy_marker(iati_reader *r, const iati_attrs *a)
{
    char vocab[16], code[16], sig[16];
    int nv = iati_attr(a, "vocabulary", vocab, sizeof vocab), ns;

    if (r->act.gender >= 0 || iati_attr(a, "code", code, sizeof code) != 1 || code[0] != '1')
        return;
    if (nv > 0 && strcmp(vocab, "1") != 0 && !iati_is(vocab, "DAC"))
        return; /* code 1 of a publisher's own vocabulary is not the DAC marker */
    ns = iati_attr(a, "significance", sig, sizeof sig);
    if (ns == 1 && sig[0] >= '0' && sig[0] <= '4')
        r->act.gender = sig[0] > '2' ? 2 : sig[0] - '0'; /* 3 and 4 are principal too */
    else
        iati_warn(r, iati_line(r),
                  "policy-marker 1 (gender equality) significance \"%s\" is not one of 0 to 4; "
                  "ignored",
                  ns == -1 ? ""
                  : ns < 0 ? "(too long)"
                           : sig);
}

void iati_child_start(iati_reader *r, const char *name, const iati_attrs *a)
{
    iati_activity *act = &r->act;
    char role[24];

    r->child = IATI_CHILD_OTHER;
    r->child_narratives = 0;
    r->text1.len = 0;
    r->text1_cut = 0;
    if (!name)
        return;
    if (strcmp(name, "iati-identifier") == 0) {
        r->child = IATI_CHILD_IDENTIFIER;
    } else if (strcmp(name, "title") == 0) {
        r->child = IATI_CHILD_TITLE;
    } else if (strcmp(name, "reporting-org") == 0) {
        char ref[256];
        int n = iati_attr(a, "ref", ref, sizeof ref);

        if (act->seen_reporting_org)
            return;
        act->seen_reporting_org = 1;
        r->child = IATI_CHILD_REPORTING_ORG;
        if (n > 0 && iati_set_text(&act->lead_ref, ref, (size_t)n) != 0)
            r->stop = IATI_OOM;
    } else if (strcmp(name, "participating-org") == 0) {
        char ref[256];
        int n = iati_attr(a, "ref", ref, sizeof ref);

        if (iati_attr(a, "role", role, sizeof role) < 0 ||
            (strcmp(role, "4") != 0 && !iati_is(role, "Implementing")))
            return;
        r->child = IATI_CHILD_IMPLEMENTER;
        iati_pick_clear(&act->implementer);
        act->implementer_ref.len = 0;
        if (n > 0 && iati_set_text(&act->implementer_ref, ref, (size_t)n) != 0)
            r->stop = IATI_OOM;
    } else if (strcmp(name, "recipient-country") == 0) {
        iati_add_country(r, a);
    } else if (strcmp(name, "recipient-region") == 0) {
        iati_add_region(r, a);
    } else if (strcmp(name, "sector") == 0) {
        iati_add_sector(r, a);
    } else if (strcmp(name, "tag") == 0) {
        iati_add_tag(r, a);
    } else if (strcmp(name, "activity-status") == 0) {
        iati_status(r, a);
    } else if (strcmp(name, "activity-date") == 0) {
        iati_date(r, a);
    } else if (strcmp(name, "budget") == 0) {
        r->child = IATI_CHILD_BUDGET;
    } else if (strcmp(name, "policy-marker") == 0) {
        iati_policy_marker(r, a);
    }
}

/* ---- texts -------------------------------------------------------------- */

static iati_pick *iati_child_pick(iati_reader *r)
{
    switch (r->child) {
    case IATI_CHILD_TITLE:
        return &r->act.title;
    case IATI_CHILD_REPORTING_ORG:
        return &r->act.lead;
    case IATI_CHILD_IMPLEMENTER:
        return &r->act.implementer;
    default:
        return NULL;
    }
}

static void iati_add_partner(iati_reader *r, const iati_buf *name)
{
    iati_buf *list = &r->act.partners;
    size_t at = list->len, start = at ? at + 1 : 0;
    int cut = at ? iati_buf_add(list, ";", 1, IATI_PARTNERS_MAX) : 0;

    if (cut == 0)
        cut = iati_buf_add(list, name->s, name->len, IATI_PARTNERS_MAX);
    if (cut < 0) {
        r->stop = IATI_OOM;
        return;
    }
    if (cut) {
        /* once per activity: every later name is cut as well */
        if (!r->act.partners_full)
            iati_warn(r, iati_line(r),
                      "the implementing organisations' names pass %d bytes; the rest are left "
                      "out",
                      IATI_PARTNERS_MAX);
        r->act.partners_full = 1;
    } else {
        /* ';' separates the items of a list cell, so it cannot be in a name. */
        for (size_t i = start; i < list->len; i++)
            if (list->s[i] == ';')
                list->s[i] = ',';
        /* Distinct names only; the list is short, a linear scan will do. */
        for (size_t i = 0; i < at;) {
            const char *end = memchr(list->s + i, ';', at - i);
            size_t n = end ? (size_t)(end - (list->s + i)) : at - i;

            if (n == list->len - start && memcmp(list->s + i, list->s + start, n) == 0) {
                cut = 1;
                break;
            }
            i += n + 1;
        }
    }
    if (cut) {
        list->len = at; /* no repeated or half name at the end of the list */
        if (list->s)
            list->s[at] = '\0';
    }
}

void iati_child_end(iati_reader *r)
{
    iati_activity *act = &r->act;
    iati_pick *pick = iati_child_pick(r);

    iati_buf_squeeze(&r->text1);
    /* 1.0x wrote the text in the element itself, 2.0x in narrative children. */
    if (pick && r->child_narratives == 0)
        iati_pick_offer(r, pick, &r->text1);
    switch (r->child) {
    case IATI_CHILD_IDENTIFIER:
        if (act->id.len == 0 && r->text1.len &&
            iati_set_text(&act->id, r->text1.s, r->text1.len) != 0)
            r->stop = IATI_OOM;
        break;
    case IATI_CHILD_IMPLEMENTER: {
        const iati_buf *name = iati_pick_result(&act->implementer);

        if (!name && act->implementer_ref.len)
            name = &act->implementer_ref;
        if (name)
            iati_add_partner(r, name);
        break;
    }
    case IATI_CHILD_DATE:
        if (r->text1.len && iati_parse_date(r->text1.s, act->dates[act->date_type]) != 0)
            iati_warn(r, iati_line(r), "activity-date \"%.40s\" is not a date; ignored",
                      r->text1.s);
        break;
    default:
        break;
    }
    r->child = IATI_CHILD_OTHER;
}

/* ---- budget values ------------------------------------------------------ */

static void iati_no_rate(iati_activity *act, const char *currency)
{
    for (size_t i = 0; i < act->n_no_rate; i++)
        if (strcmp(act->no_rate[i], currency) == 0)
            return;
    if (act->n_no_rate < IATI_CURRENCIES_MAX)
        memcpy(act->no_rate[act->n_no_rate++], currency, 4);
}

void iati_grandchild_start(iati_reader *r, const char *name, const iati_attrs *a)
{
    r->grandchild = 0;
    r->text2.len = 0;
    r->text2_cut = 0;
    if (!name)
        return;
    if (strcmp(name, "narrative") == 0 && iati_child_pick(r)) {
        r->grandchild = 1;
        r->child_narratives++;
    } else if (strcmp(name, "value") == 0 && r->child == IATI_CHILD_BUDGET) {
        char cur[8];
        int n = iati_attr(a, "currency", cur, sizeof cur);

        r->grandchild = 2;
        r->act.value_currency_bad = 0;
        if (n == -1 || n == 0) {
            memcpy(r->act.value_currency, r->act.default_currency, 4);
        } else if (n == 3 && isalpha((unsigned char)cur[0]) && isalpha((unsigned char)cur[1]) &&
                   isalpha((unsigned char)cur[2])) {
            for (int i = 0; i < 4; i++)
                r->act.value_currency[i] = (char)toupper((unsigned char)cur[i]);
        } else {
            iati_warn(r, iati_line(r),
                      "budget value currency \"%s\" is not an ISO 4217 code; the activity's "
                      "budget is left out",
                      n < 0 ? "(too long)" : cur);
            r->act.value_currency_bad = 1;
        }
    }
}

static void iati_budget_value(iati_reader *r)
{
    iati_activity *act = &r->act;
    double v, rate = 1;

    if (act->value_currency_bad) {
        act->budget_bad = 1;
        return;
    }
    if (r->text2.len == 0 || iati_parse_decimal(r->text2.s, &v) != 0 || v < 0) {
        iati_buf_squeeze(&r->text2);
        iati_warn(r, iati_line(r),
                  "budget value \"%.40s\" is not a non-negative decimal number (no thousands "
                  "separators); the activity's budget is left out",
                  r->text2.len ? r->text2.s : "");
        act->budget_bad = 1;
        return;
    }
    if (strcmp(act->value_currency, "USD") != 0 &&
        (act->value_currency[0] == '\0' ||
         !ssc_source_currency_rate(r->src, act->value_currency, &rate))) {
        iati_no_rate(act, act->value_currency);
        return;
    }
    act->budget_usd += v * rate;
    act->n_values++;
}

void iati_grandchild_end(iati_reader *r)
{
    if (r->grandchild == 1) {
        iati_pick *pick = iati_child_pick(r);

        iati_buf_squeeze(&r->text2);
        if (pick)
            iati_pick_offer(r, pick, &r->text2);
    } else if (r->grandchild == 2) {
        iati_budget_value(r);
    }
    r->grandchild = 0;
}

void iati_activity_free(iati_activity *act)
{
    iati_buf_free(&act->id);
    iati_buf_free(&act->title.first);
    iati_buf_free(&act->title.match);
    iati_buf_free(&act->lead.first);
    iati_buf_free(&act->lead.match);
    iati_buf_free(&act->implementer.first);
    iati_buf_free(&act->implementer.match);
    iati_buf_free(&act->lead_ref);
    iati_buf_free(&act->implementer_ref);
    iati_buf_free(&act->partners);
    free(act->sectors);
    act->sectors = NULL;
    act->n_sectors = act->cap_sectors = 0;
}
