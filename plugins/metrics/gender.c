/* SPDX-License-Identifier: MIT */
/* Gender equality (OECD DAC gender marker), two views:
 *   view = "marker" (the default): projects per marker value, rows "0",
 *     "1", "2" whenever a project is shown (a zero there is information)
 *     and "none" when some shown project has no marker;
 *   view = "trend": per start year, the share (percent) of the projects
 *     started that year whose marker is 1 or 2.  A project without a marker
 *     counts as not marked.  Years in which no project started are left
 *     out: a share of nothing is no 0 %, and a 0 would read as one.  A
 *     project without a start date (year 0, which a source such as iati
 *     may hand over) has no year: it is left out and the note counts it.
 *     A share of one or two projects swings between 0 and 100 % and reads
 *     as a trend it is not: when some year has fewer than min_projects
 *     (default 10), consecutive years are grouped into periods of at least
 *     that many, and each period's label says its number of projects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ssc-report/plugin.h>

static const ssc_option gender_options[] = {
    {.name = "view",
     .type = SSC_OPTION_STRING,
     .choices = "marker|trend",
     .help = "projects per gender marker (marker, the default) or the yearly share of "
             "gender-marked projects (trend)"},
    {.name = "min_projects",
     .type = SSC_OPTION_INT,
     .min = 1,
     .max = 100000,
     .help = "trend: years with fewer projects are grouped into periods of at least this "
             "many (default 10)"},
    {.name = NULL},
};

static const struct {
    const char *key, *en, *zh;
} gender_markers[] = {
    {"0", "Not targeted (0)", "未针对（0）"},
    {"1", "Significant objective (1)", "重要目标（1）"},
    {"2", "Principal objective (2)", "主要目标（2）"},
    {"none", "No marker", "无标记"},
};

static int gender_by_marker(const ssc_portfolio *p, ssc_table *out, int zh)
{
    double n[4] = {0};

    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int m = ssc_project_gender_marker(p, row);
        n[m >= 0 && m <= 2 ? m : 3] += 1.0;
    }
    ssc_table_set_key_kind(out, SSC_KEY_GENDER); /* coloured as an ordered scale */
    /* no project, no shares: the engine then says there is nothing to show */
    for (size_t i = 0; ssc_portfolio_count(p) && i < 4; i++) {
        if (i == 3 && n[3] == 0.0)
            break;
        if (ssc_table_add(out, gender_markers[i].key, n[i]) != SSC_OK)
            return -1;
        int row = ssc_table_row(out, gender_markers[i].key);
        const char *label = zh ? gender_markers[i].zh : gender_markers[i].en;
        if (row < 0 || ssc_table_set_label(out, row, label) != SSC_OK)
            return -1;
    }
    return ssc_table_set_note(out, zh ? "按经合组织发展援助委员会性别平等标记统计，每个项目计一次。"
                                      : "Each project counts once, under its OECD DAC gender "
                                        "equality marker.");
}

/* A period as the report's language writes a range of years: "1995–1999"
 * (an en dash) in English, "1995—1999年" in Chinese (GB/T 15834's dash
 * for a span of time, as the cover's period); a year alone "1995",
 * "1995年".  The key keeps the en dash in both (data-out is the same). */
static void gender_period_name(char *buf, size_t len, int from, int to, int zh)
{
    if (from == to)
        snprintf(buf, len, zh ? "%d年" : "%d", from);
    else
        snprintf(buf, len, zh ? "%d\u2014%d年" : "%d\u2013%d", from, to);
}

/* One row of the trend: a year, or the period from..to with its number
 * of projects in the label ("1995–1999 (n = 12)", "1995—1999年（12个项目）"). */
static int gender_trend_row(ssc_table *out, int c, int from, int to, double n, double m,
                            int grouped, int zh)
{
    char key[32], name[48], label[96];
    if (from == to)
        snprintf(key, sizeof key, "%d", from);
    else
        snprintf(key, sizeof key, "%d\u2013%d", from, to);
    int row = ssc_table_row(out, key);
    if (row < 0 || ssc_table_add_to(out, row, c, 100.0 * m / n) != SSC_OK)
        return -1;
    if (!grouped)
        return 0;
    gender_period_name(name, sizeof name, from, to, zh);
    snprintf(label, sizeof label, zh ? "%s（%.0f个项目）" : "%s (n = %.0f)", name, n);
    return ssc_table_set_label(out, row, label) == SSC_OK ? 0 : -1;
}

/* A row of the trend: its first and last year, projects started and marked. */
typedef struct gender_period {
    int from, to;
    double n, m;
} gender_period;

/* Appends to buf; a text that would not fit marks *full (no sentence then,
 * rather than a cut one). */
static void gender_put(char *buf, size_t len, size_t *used, const char *s)
{
    size_t n = strlen(s);
    if (*used + n >= len) {
        *used = len;
        return;
    }
    memcpy(buf + *used, s, n + 1);
    *used += n;
}

/* The sentence under the trend, read off the table: the periods with the
 * highest share, every one that ties, named as the engine names ties
 * ("A and B", "A, B and C", "A、B和C"; past six, five and "N others"),
 * each with its marked and started projects:
 * "Projects started in 2008–2012 have the highest share: 90% (9 of 10)."
 * per[r] is row r's years and its started and marked projects. */
static int gender_trend_summary(ssc_table *out, const gender_period *per, int zh)
{
    size_t rows = ssc_table_rows(out), top = 0, named, used = 0;
    double best = 0;
    char sentence[1024], part[256], name[48], pct[32], a[32], b[32];

    for (size_t r = 0; r < rows; r++)
        if (ssc_table_number(out, r, 0) > best)
            best = ssc_table_number(out, r, 0);
    if (!(best > 0)) {
        /* nothing marked: said in words, as the engine shows no chart of
         * zeros (it shows this sentence in its place) */
        double started = 0;
        for (size_t r = 0; r < rows; r++)
            started += per[r].n;
        if (!(started > 0))
            return SSC_OK;
        ssc_format_value(a, sizeof a, started, SSC_UNIT_COUNT, zh ? "zh" : "en");
        snprintf(sentence, sizeof sentence,
                 zh ? "%s个项目均未标记为关注性别平等。"
                    : started == 1 ? "The one project is not marked for gender equality."
                                   : "None of the %s projects is marked for gender equality.",
                 a);
        return ssc_table_set_summary(out, sentence);
    }
    for (size_t r = 0; r < rows; r++)
        top += ssc_table_number(out, r, 0) == best;
    named = top > 6 ? 5 : top;
    ssc_format_value(pct, sizeof pct, best, SSC_UNIT_PERCENT, zh ? "zh" : "en");
    sentence[0] = '\0';
    if (!zh)
        gender_put(sentence, sizeof sentence, &used, "Projects started in ");
    for (size_t r = 0, i = 0; r < rows && i < named; r++) {
        if (ssc_table_number(out, r, 0) != best)
            continue;
        int last = i + 1 == named && named == top;
        if (i > 0)
            gender_put(sentence, sizeof sentence, &used,
                       zh ? (last ? "和" : "、") : (last ? " and " : ", "));
        gender_period_name(name, sizeof name, per[r].from, per[r].to, zh);
        ssc_format_value(a, sizeof a, per[r].m, SSC_UNIT_COUNT, zh ? "zh" : "en");
        ssc_format_value(b, sizeof b, per[r].n, SSC_UNIT_COUNT, zh ? "zh" : "en");
        if (top == 1)
            snprintf(part, sizeof part, "%s", name);
        else if (zh)
            snprintf(part, sizeof part, "%s（%s个项目中有%s个）", name, b, a);
        else
            snprintf(part, sizeof part, "%s (%s of %s)", name, a, b);
        gender_put(sentence, sizeof sentence, &used, part);
        if (top == 1) {
            if (zh)
                snprintf(part, sizeof part, "启动的项目中关注性别平等的比例最高：%s（%s个项目中有%s个）。",
                         pct, b, a);
            else
                snprintf(part, sizeof part, " have the highest share: %s (%s of %s).", pct, a, b);
        }
        i++;
    }
    if (top > 1) {
        char others[48] = "";
        if (named < top)
            snprintf(others, sizeof others, zh ? "及其他%zu个时期" : " and %zu others",
                     top - named);
        gender_put(sentence, sizeof sentence, &used, others);
        snprintf(part, sizeof part,
                 zh ? "启动的项目中关注性别平等的比例最高，均为%s。"
                    : " have the highest share: %s each.",
                 pct);
    }
    gender_put(sentence, sizeof sentence, &used, part);
    return used < sizeof sentence ? ssc_table_set_summary(out, sentence) : SSC_OK;
}

/* Started and marked projects per year, in arrays indexed year - first. */
static int gender_trend(const ssc_portfolio *p, ssc_table *out, long min, int zh)
{
    int first = 0, last = 0;
    double *started, *marked;
    gender_period *per;
    char note[768], n_text[32]; /* n_text: a count as the report writes numbers */
    size_t undated = 0;
    int bad = 0;

    for (size_t row = 0; row < ssc_portfolio_count(p); row++) {
        int y = ssc_project_start(p, row).year;
        if (!y) {
            undated++;
            continue;
        }
        if (!first || y < first)
            first = y;
        if (y > last)
            last = y;
    }
    size_t span = first ? (size_t)(last - first + 1) : 1;
    started = calloc(span, sizeof *started);
    marked = calloc(span, sizeof *marked);
    per = calloc(span, sizeof *per);
    if (!started || !marked || !per)
        bad = 1;
    for (size_t row = 0; !bad && first && row < ssc_portfolio_count(p); row++) {
        int y = ssc_project_start(p, row).year;
        if (!y)
            continue;
        started[y - first] += 1.0;
        if (ssc_project_gender_marker(p, row) >= 1)
            marked[y - first] += 1.0;
    }

    /* years each with enough projects stay years; else periods */
    int grouped = 0;
    for (int y = first; !bad && first && y <= last; y++)
        if (started[y - first] > 0.0 && started[y - first] < (double)min)
            grouped = 1;
    ssc_table_set_key_kind(out, grouped ? SSC_KEY_TEXT : SSC_KEY_YEAR);
    int c = bad ? -1 : ssc_table_add_column(out, "share", SSC_COLUMN_NUMBER, SSC_UNIT_PERCENT);
    if (c < 0 || ssc_table_set_column_title(out, c, zh ? "关注性别平等的项目比例"
                                                       : "Gender-marked projects") != SSC_OK)
        bad = 1;
    for (int y = first; !bad && first && y <= last; y++) {
        if (started[y - first] == 0.0)
            continue;
        int to = y;
        double n = started[y - first], m = marked[y - first];
        if (grouped) {
            /* close the period once it has enough projects; a short tail
             * joins the period before it */
            while (n < (double)min && to < last) {
                to++;
                n += started[to - first];
                m += marked[to - first];
            }
            double rest = 0;
            for (int z = to + 1; z <= last; z++)
                rest += started[z - first];
            if (rest > 0 && rest < (double)min) {
                for (int z = to + 1; z <= last; z++) {
                    n += started[z - first];
                    m += marked[z - first];
                }
                to = last;
            }
        }
        bad = gender_trend_row(out, c, y, to, n, m, grouped, zh) != 0;
        if (!bad) /* rows are added in order, one per period */
            per[ssc_table_rows(out) - 1] = (gender_period){y, to, n, m};
        y = to;
    }
    free(started);
    free(marked);
    if (!bad && gender_trend_summary(out, per, zh) != SSC_OK)
        bad = 1;
    free(per);
    if (bad)
        return -1;
    int used = snprintf(
        note, sizeof note, "%s",
        zh ? "每年启动的项目中性别平等标记为1或2的项目所占比例；无标记的项目计为未标记；"
             "没有项目启动的年份不显示。"
           : "The share of the projects started each year whose gender marker is 1 or 2; "
             "a project without a marker counts as not marked; years in which no project "
             "started are left out.");
    if (grouped && used > 0 && (size_t)used < sizeof note)
        used += snprintf(note + used, sizeof note - (size_t)used,
                         zh ? "某些年份启动的项目少于%ld个，因此将相邻年份合并为至少%ld个项目的时期，"
                              "并注明每个时期的项目数。"
                            : " Some years have fewer than %ld projects, so years are grouped "
                              "into periods of at least %ld, each with its number of projects.",
                         min, min);
    if (undated && used > 0 && (size_t)used < sizeof note) {
        ssc_format_value(n_text, sizeof n_text, (double)undated, SSC_UNIT_COUNT,
                         zh ? "zh" : "en");
        if (zh)
            snprintf(note + used, sizeof note - (size_t)used, "%s个项目没有开始日期，未计入。",
                     n_text);
        else
            snprintf(note + used, sizeof note - (size_t)used,
                     " %s project%s no start date and %s not counted.", n_text,
                     undated == 1 ? " has" : "s have", undated == 1 ? "is" : "are");
    }
    return ssc_table_set_note(out, note);
}

static int gender_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                          ssc_error *err)
{
    const char *view = ssc_section_option_string(s, "view");
    int zh = strcmp(ssc_section_language(s), "zh") == 0;
    long min = ssc_section_option_int(s, "min_projects", 10);
    int rc = view && strcmp(view, "trend") == 0 ? gender_trend(p, out, min, zh)
                                                 : gender_by_marker(p, out, zh);
    return rc == 0 ? SSC_OK : ssc_error_set(err, "out of memory");
}

SSC_METRIC_PLUGIN(gender, "gender",
                  .summary = "Projects by gender equality marker, or the yearly share of "
                             "gender-marked projects",
                  .version = "1.0",
                  .default_chart = SSC_CHART_DONUT,
                  .options = gender_options,
                  .compute = gender_compute);
