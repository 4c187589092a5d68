/* SPDX-License-Identifier: MIT */
/* Highlights: four or five key messages, each a sentence in the report's
 * language around one number, true by construction: every number is
 * counted here by the rules of the plugin that charts it.
 *   region      the region with most projects (by-region: a project counts
 *               once in each region it reaches; ties: byte order)
 *   growth      projects started in the period against the period before
 *               (year-in-review's "started")
 *   ldc         projects reaching at least one Least Developed Country
 *               (un-groupings' LDC "projects"), and their share
 *   triangular  the share of the shown projects whose modality is
 *               triangular (partnership's "triangular" column, summed)
 *   gender      the share of projects whose gender marker is 1 or 2 (kpi)
 * Option messages picks and orders them ("region growth ldc", separated
 * by spaces or commas; default all five); option text (text_zh in a
 * Chinese edition) adds the report's own sentences, one per paragraph,
 * with the placeholders listed in HL_KNOWN filled from the same numbers.
 * Rows: the message's key (or "text-1", ...), column "value" (its number;
 * empty for the report's own) and text column "text". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

#define HL_KNOWN                                                                            \
    "{projects}, {top_region}, {top_region_projects}, {period}, {previous}, {started}, "    \
    "{started_previous}, {ldc_projects}, {ldc_share}, {triangular_projects}, "              \
    "{triangular_share}, {gender_share}"

static const ssc_option hl_options[] = {
    {.name = "messages",
     .type = SSC_OPTION_STRING,
     .help = "which generated messages, in order: region, growth, ldc, triangular, gender "
             "(separated by spaces or commas; default all; \"none\" for only the text)"},
    {.name = "text",
     .type = SSC_OPTION_STRING,
     .help = "the report's own messages, one per paragraph, with placeholders " HL_KNOWN},
    {.name = "text_zh", .type = SSC_OPTION_STRING, .help = "text for the Chinese edition"},
    {.name = NULL},
};

typedef struct hl_facts {
    double projects, top_region_n, started, started_prev, ldc, triangular, gendered;
    const char *top_region; /* English key; NULL when no project has a region */
    char period[64], previous[64]; /* "" without a period */
} hl_facts;

/* ---- numbers as the charts print them ----------------------------------- */

/* Numbers in sentences as the rest of the report writes them (tenths
 * only where the value has them, grouped thousands). */
static void hl_number(char *buf, size_t len, double v)
{
    ssc_format_value(buf, len, v, SSC_UNIT_COUNT, "en");
}

static void hl_percent(char *buf, size_t len, double part, double whole)
{
    ssc_format_value(buf, len, whole > 0 ? 100.0 * part / whole : 0.0, SSC_UNIT_PERCENT, "en");
}

/* ---- counting ------------------------------------------------------------ */

static void hl_period_name(const ssc_period *p, int zh, char *buf, size_t len)
{
    if (!p->from.year)
        buf[0] = '\0';
    else if (p->year)
        snprintf(buf, len, zh ? "%d年" : "%d", p->year);
    else if (zh) /* the Chinese edition's dash for every range */
        snprintf(buf, len, "%d年%d月%d日\u2014%d年%d月%d日", p->from.year, p->from.month,
                 p->from.day, p->to.year, p->to.month, p->to.day);
    else
        snprintf(buf, len, "%04d-%02d-%02d \u2013 %04d-%02d-%02d", p->from.year, p->from.month,
                 p->from.day, p->to.year, p->to.month, p->to.day);
}

/* ssc_country_groups by the code's address: a portfolio's equal strings
 * are one pointer (plugin.h), and a million projects name a few hundred
 * countries, so each slot keeps the last code that hashed to it and its
 * groups, and the reference table is searched once per code, not per
 * mention (issue 10). */
typedef struct hl_groups {
    const char *code[256];
    int bits[256];
} hl_groups;

static int hl_groups_of(hl_groups *g, const char *code)
{
    size_t i = (size_t)(((unsigned long long)(size_t)code * 0x9E3779B97F4A7C15ull) >> 56);
    if (g->code[i] != code) {
        g->code[i] = code;
        g->bits[i] = ssc_country_groups(code);
    }
    return g->bits[i];
}

static int hl_gather(const ssc_portfolio *p, const ssc_section *s, int zh, hl_facts *f)
{
    ssc_period now = ssc_section_period(s), before = ssc_section_previous_period(s);
    size_t n = ssc_portfolio_count(p), nr = 0;
    struct {
        const char *key;
        double n;
    } regions[16];

    /* modalities by address: "is it triangular" asked once per string */
    const char *mods[8];
    int tri[8];
    size_t n_mods = 0;
    hl_groups *groups = calloc(1, sizeof *groups);

    if (!groups)
        return -1;
    memset(f, 0, sizeof *f);
    f->projects = (double)n;
    hl_period_name(&now, zh, f->period, sizeof f->period);
    hl_period_name(&before, zh, f->previous, sizeof f->previous);
    for (size_t row = 0; row < n; row++) {
        ssc_strings r = ssc_project_regions(p, row), c = ssc_project_countries(p, row);
        for (size_t k = 0; k < r.count; k++) {
            size_t i = 0;
            /* by address: a portfolio's equal strings are one pointer */
            while (i < nr && regions[i].key != r.items[k])
                i++;
            if (i == nr) {
                if (nr == sizeof regions / sizeof *regions) {
                    free(groups);
                    return -1; /* more regions than M49 has: a bug, not data */
                }
                regions[nr].key = r.items[k];
                regions[nr++].n = 0;
            }
            regions[i].n += 1;
        }
        int ldc = 0;
        for (size_t k = 0; k < c.count; k++)
            ldc |= (hl_groups_of(groups, c.items[k]) & SSC_GROUP_LDC) != 0;
        f->ldc += ldc;
        ssc_date start = ssc_project_start(p, row);
        f->started += now.from.year && ssc_period_where(&now, start) == 0;
        f->started_prev += now.from.year && ssc_period_where(&before, start) == 0;
        const char *m = ssc_project_modality(p, row);
        size_t i = 0;
        while (i < n_mods && mods[i] != m)
            i++;
        int t = i < n_mods ? tri[i] : strcmp(m, "triangular") == 0;
        if (i == n_mods && n_mods < sizeof mods / sizeof *mods) {
            mods[n_mods] = m;
            tri[n_mods++] = t;
        }
        f->triangular += t;
        f->gendered += ssc_project_gender_marker(p, row) >= 1;
    }
    free(groups);
    for (size_t i = 0; i < nr; i++)
        if (!f->top_region || regions[i].n > f->top_region_n ||
            (regions[i].n == f->top_region_n && strcmp(regions[i].key, f->top_region) < 0)) {
            f->top_region = regions[i].key;
            f->top_region_n = regions[i].n;
        }
    return 0;
}

/* ---- the messages --------------------------------------------------------- */

static const char *const hl_names[] = {"region", "growth", "ldc", "triangular", "gender"};
#define HL_N (sizeof hl_names / sizeof *hl_names)

/* Message k as a sentence into buf, and its number; 0 when the data
 * cannot support it (no region, no period), so it is left out. */
static int hl_message(size_t k, const hl_facts *f, const ssc_section *s, int zh, char *buf,
                      size_t len, double *value)
{
    char a[64], b[64], c[64];

    switch (k) {
    case 0:
        if (!f->top_region)
            return 0;
        hl_number(a, sizeof a, f->top_region_n);
        hl_number(b, sizeof b, f->projects);
        snprintf(buf, len,
                 zh ? "项目最多的地区是%s：%s个项目中有%s个在该地区开展。"
                    : "Most projects work in %s: %s of the %s projects reach it.",
                 ssc_section_label(s, SSC_KEY_REGION, f->top_region), zh ? b : a, zh ? a : b);
        *value = f->top_region_n;
        return 1;
    case 1: {
        if (!f->period[0])
            return 0;
        double d = f->started - f->started_prev;
        hl_number(a, sizeof a, f->started);
        hl_number(b, sizeof b, fabs(d));
        if (zh)
            snprintf(buf, len, d == 0 ? "%s启动了%s个项目，与%s持平。" : "%s启动了%s个项目，比%s%s%s个。",
                     f->period, a, f->previous, d > 0 ? "增加" : "减少", b);
        else if (d == 0)
            snprintf(buf, len, "%s project%s started in %s, as many as in %s.", a,
                     f->started == 1 ? "" : "s", f->period, f->previous);
        else
            snprintf(buf, len, "%s project%s started in %s, %s %s than in %s.", a,
                     f->started == 1 ? "" : "s", f->period, b, d > 0 ? "more" : "fewer",
                     f->previous);
        *value = f->started;
        return 1;
    }
    case 2:
        hl_number(a, sizeof a, f->ldc);
        hl_percent(c, sizeof c, f->ldc, f->projects);
        if (zh)
            snprintf(buf, len, "%s个项目（占%s）覆盖至少一个最不发达国家。", a, c);
        else
            snprintf(buf, len, "%s project%s (%s) reach%s at least one Least Developed Country.",
                     a, f->ldc == 1 ? "" : "s", c, f->ldc == 1 ? "es" : "");
        *value = f->ldc;
        return 1;
    case 3:
        hl_percent(c, sizeof c, f->triangular, f->projects);
        hl_number(a, sizeof a, f->triangular);
        hl_number(b, sizeof b, f->projects);
        snprintf(buf, len,
                 zh ? "%s的项目为三方合作（%s个项目中有%s个）。"
                    : "%s of the projects are triangular cooperation (%s of %s).",
                 c, zh ? b : a, zh ? a : b);
        *value = f->projects > 0 ? 100.0 * f->triangular / f->projects : 0;
        return 1;
    default:
        hl_percent(c, sizeof c, f->gendered, f->projects);
        snprintf(buf, len,
                 zh ? "%s的项目关注性别平等（性别平等标记为1或2）。"
                    : "%s of the projects are marked for gender equality (marker 1 or 2).",
                 c);
        *value = f->projects > 0 ? 100.0 * f->gendered / f->projects : 0;
        return 1;
    }
}

/* The value of placeholder name[0..n); -1 when unknown. */
static int hl_value(const hl_facts *f, const ssc_section *s, const char *name, size_t n,
                    char *buf, size_t len)
{
#define HL_IS(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
    if (HL_IS("projects"))
        hl_number(buf, len, f->projects);
    else if (HL_IS("top_region"))
        snprintf(buf, len, "%s",
                 f->top_region ? ssc_section_label(s, SSC_KEY_REGION, f->top_region) : "\u2013");
    else if (HL_IS("top_region_projects"))
        hl_number(buf, len, f->top_region_n);
    else if (HL_IS("period"))
        snprintf(buf, len, "%s", f->period[0] ? f->period : "\u2013");
    else if (HL_IS("previous"))
        snprintf(buf, len, "%s", f->previous[0] ? f->previous : "\u2013");
    else if (HL_IS("started"))
        hl_number(buf, len, f->started);
    else if (HL_IS("started_previous"))
        hl_number(buf, len, f->started_prev);
    else if (HL_IS("ldc_projects"))
        hl_number(buf, len, f->ldc);
    else if (HL_IS("ldc_share"))
        hl_percent(buf, len, f->ldc, f->projects);
    else if (HL_IS("triangular_projects"))
        hl_number(buf, len, f->triangular);
    else if (HL_IS("triangular_share"))
        hl_percent(buf, len, f->triangular, f->projects);
    else if (HL_IS("gender_share"))
        hl_percent(buf, len, f->gendered, f->projects);
    else
        return -1;
    return 0;
#undef HL_IS
}

/* Fills the placeholders of text[0..n) into out (room for len bytes). */
static int hl_fill(const hl_facts *f, const ssc_section *s, const char *text, size_t n, char *out,
                   size_t len, ssc_error *err)
{
    size_t o = 0;
    char value[256];

    for (size_t i = 0; i < n;) {
        const char *piece = text + i;
        size_t plen = 1;
        if ((text[i] == '{' || text[i] == '}') && i + 1 < n && text[i + 1] == text[i]) {
            i += 2; /* {{ and }}: a literal brace */
        } else if (text[i] == '{') {
            const char *close = memchr(text + i, '}', n - i);
            if (!close)
                return ssc_error_set(err, "options.text: a { without its }");
            if (hl_value(f, s, text + i + 1, (size_t)(close - text - i - 1), value,
                         sizeof value) != 0)
                return ssc_error_set(err, "options.text: unknown placeholder %.*s (known: %s)",
                                     (int)(close - text - i + 1), text + i, HL_KNOWN);
            piece = value;
            plen = strlen(value);
            i = (size_t)(close - text) + 1;
        } else if (text[i] == '}') {
            return ssc_error_set(err, "options.text: a } without its {");
        } else {
            i++;
        }
        if (o + plen + 1 > len)
            return ssc_error_set(err, "options.text: a message longer than %zu bytes", len - 1);
        memcpy(out + o, piece, plen);
        o += plen;
    }
    out[o] = '\0';
    return SSC_OK;
}

static int hl_add(ssc_table *out, const char *key, double value, const char *text)
{
    int row = ssc_table_row(out, key);
    return row < 0 || ssc_table_set_label(out, row, key) || ssc_table_add_to(out, row, 0, value) ||
                   ssc_table_set_text(out, row, 1, text)
               ? -1
               : 0;
}

/* The generated messages the option names, in its order. */
static int hl_generated(const hl_facts *f, const ssc_section *s, int zh, ssc_table *out,
                        ssc_error *err)
{
    const char *list = ssc_section_option_string(s, "messages");
    char sentence[1024];
    double value;

    if (!list)
        list = "region growth ldc triangular gender";
    for (const char *q = list; *q;) {
        size_t n = strcspn(q, " ,");
        size_t k = 0;
        if (n == 0) {
            q++;
            continue;
        }
        if (n == 4 && memcmp(q, "none", 4) == 0) {
            q += n;
            continue;
        }
        while (k < HL_N && !(strlen(hl_names[k]) == n && memcmp(hl_names[k], q, n) == 0))
            k++;
        if (k == HL_N)
            return ssc_error_set(err,
                                 "options.messages: \"%.*s\" is not a message (region, growth, "
                                 "ldc, triangular, gender, none)",
                                 (int)n, q);
        if (hl_message(k, f, s, zh, sentence, sizeof sentence, &value) &&
            hl_add(out, hl_names[k], value, sentence))
            return ssc_error_set(err, "out of memory");
        q += n;
    }
    return SSC_OK;
}

static int hl_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                      ssc_error *err)
{
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    const char *text = ssc_section_option_string(s, "text");
    const char *text_zh = ssc_section_option_string(s, "text_zh");
    hl_facts f;
    char sentence[1024], key[32];

    if (hl_gather(p, s, zh, &f) != 0)
        return ssc_error_set(err, "more regions than UN M49 has");
    ssc_table_set_key_kind(out, SSC_KEY_TEXT);
    if (ssc_table_add_column(out, "value", SSC_COLUMN_NUMBER, SSC_UNIT_COUNT) < 0 ||
        ssc_table_add_column(out, "text", SSC_COLUMN_TEXT, SSC_UNIT_COUNT) < 0)
        return ssc_error_set(err, "out of memory");
    if (hl_generated(&f, s, zh, out, err) != SSC_OK)
        return SSC_ERR;
    if (zh && text_zh)
        text = text_zh;
    for (size_t para = 1; text && *text; para++) {
        const char *end = strstr(text, "\n\n");
        size_t n = end ? (size_t)(end - text) : strlen(text);
        if (hl_fill(&f, s, text, n, sentence, sizeof sentence, err) != SSC_OK)
            return SSC_ERR;
        snprintf(key, sizeof key, "text-%zu", para);
        if (sentence[0] && hl_add(out, key, NAN, sentence))
            return ssc_error_set(err, "out of memory");
        text = end ? end + 2 : text + n;
    }
    return SSC_OK;
}

/* ---- drawing -------------------------------------------------------------- */

#define HL_NUMBER_W 120.0
#define HL_GAP 14.0

static const ssc_text_style hl_big = {.size = 24, .bold = 1, .max_lines = 1};
static const ssc_text_style hl_body = {.size = 12.5};

/* The number of message i as shown: shares with "%", counts bare. */
static void hl_shown(ssc_canvas *c, const ssc_table *t, size_t i, char *buf, size_t len)
{
    const char *key = ssc_table_key(t, i);
    double v = ssc_table_number(t, i, 0);
    int share = strcmp(key, "triangular") == 0 || strcmp(key, "gender") == 0;
    buf[0] = '\0';
    if (isfinite(v))
        snprintf(buf, len, "%s", ssc_canvas_format(c, v, share ? SSC_UNIT_PERCENT : SSC_UNIT_COUNT));
}

static double hl_measure(ssc_canvas *c, const ssc_table *t, const ssc_section *s, double w)
{
    double h = 6.0;
    (void)s;
    for (size_t i = 0; i < ssc_table_rows(t); i++) {
        double th = ssc_canvas_text_height(c, w - HL_NUMBER_W - 12, ssc_table_text(t, i, 1),
                                           &hl_body);
        h += (th > 34.0 ? th : 34.0) + 2 * HL_GAP;
    }
    return h;
}

/* One band per message: its number large on the left, the sentence beside
 * it, a thin rule between messages. */
static int hl_render(ssc_canvas *c, const ssc_table *t, const ssc_section *s, ssc_error *err)
{
    ssc_box area = ssc_canvas_box(c);
    ssc_text_style big = hl_big;
    double y = area.y + 6;
    char number[96];
    (void)s;
    (void)err;

    big.colour = ssc_canvas_palette(c, 0);
    for (size_t i = 0; i < ssc_table_rows(t); i++) {
        const char *text = ssc_table_text(t, i, 1);
        double th = ssc_canvas_text_height(c, area.w - HL_NUMBER_W - 12, text, &hl_body);
        double band = th > 34.0 ? th : 34.0;
        if (y + band + HL_GAP > area.y + area.h)
            break;
        hl_shown(c, t, i, number, sizeof number);
        if (number[0])
            ssc_canvas_text(c, (ssc_box){area.x, y, HL_NUMBER_W - 8, band}, number, &big);
        else
            ssc_canvas_fill(c, (ssc_box){area.x, y + 4, 4, band - 8}, big.colour);
        ssc_canvas_text(c, (ssc_box){area.x + HL_NUMBER_W + 12, y + 4, area.w - HL_NUMBER_W - 12,
                                     band},
                        text, &hl_body);
        y += band + HL_GAP;
        if (i + 1 < ssc_table_rows(t))
            ssc_canvas_line(c, area.x, y, area.x + area.w, y, 0.5, 0xCCCCCC);
        y += HL_GAP;
    }
    return SSC_OK;
}

SSC_METRIC_PLUGIN(highlights, "highlights",
                  .summary = "Key messages: largest region, growth, reach in the LDCs, share "
                             "triangular, gender share, and the report's own",
                  .version = "1.0",
                  .default_chart = SSC_CHART_CUSTOM,
                  .options = hl_options,
                  .compute = hl_compute,
                  .render = hl_render,
                  .measure = hl_measure);
