/* SPDX-License-Identifier: MIT */
/* The methods page (see methods.h): the data file and its date, what the
 * filters left out, and each chart's counting rule, in the report's
 * language.  The chart pages keep one line under each chart; the rules
 * that explain it are here. */
#include "draw/methods.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "draw/draw.h"
#include "report/filter.h"
#include "report/label.h"

/* What a subheading of the methods page keeps below it on its page: its
 * note's first two lines or so, never the heading alone. */
#define METHODS_KEEP 28.0

void ssc_methods_date(time_t when, const char *lang, char *buf, size_t len)
{
    static const char *const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    struct tm tm;

    if (!gmtime_r(&when, &tm)) {
        snprintf(buf, len, "%s", "");
        return;
    }
    if (strcmp(lang, "zh") == 0)
        snprintf(buf, len, "%d年%d月%d日", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    else
        snprintf(buf, len, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

const char *ssc_methods_title(const char *lang)
{
    return strcmp(lang, "zh") == 0 ? "统计方法说明" : "How the numbers are counted";
}

/* "N projects", with the number in the report's format. */
static const char *methods_projects(char *buf, size_t len, size_t n, const char *lang)
{
    char num[64];
    ssc_format_number(num, sizeof num, (double)n, SSC_UNIT_COUNT, lang);
    if (strcmp(lang, "zh") == 0)
        snprintf(buf, len, "%s个项目", num);
    else
        snprintf(buf, len, "%s project%s", num, n == 1 ? "" : "s");
    return buf;
}

/* One sentence per filter that left projects out, appended to buf. */
static void methods_excluded(const ssc_report *r, const ssc_filter_count *fc, char *buf,
                             size_t len)
{
    static const char *const statuses[SSC_FILTER_STATUSES] = {"pipeline", "ongoing", "completed",
                                                              "cancelled", "suspended"};
    const char *lang = r->language;
    int zh = strcmp(lang, "zh") == 0;
    size_t used = strlen(buf);
    char p[96], st[64];

#define METHODS_ADD(...)                                                                      \
    do {                                                                                      \
        if (used < len) {                                                                     \
            int n_ = snprintf(buf + used, len - used, __VA_ARGS__);                           \
            used = n_ < 0 ? len : used + (size_t)n_;                                          \
        }                                                                                     \
    } while (0)
    for (size_t k = 0; k < SSC_FILTER_STATUSES; k++) {
        size_t n = fc->by_status[k];
        if (!n)
            continue;
        snprintf(st, sizeof st, "%s", ssc_label_status(statuses[k], lang));
        if (zh) {
            methods_projects(p, sizeof p, n, lang);
            METHODS_ADD("%s的%s未计入。", st, p);
        } else {
            st[0] = (char)tolower((unsigned char)st[0]);
            char num[64];
            ssc_format_number(num, sizeof num, (double)n, SSC_UNIT_COUNT, lang);
            METHODS_ADD(" %s %s project%s %s not included.", num, st, n == 1 ? "" : "s",
                        n == 1 ? "is" : "are");
        }
    }
    for (int why = SSC_FILTER_BEFORE; why < SSC_FILTER_REASONS; why++) {
        size_t n = fc->by_reason[why];
        if (!n)
            continue;
        methods_projects(p, sizeof p, n, lang);
        const char *verb = n == 1 ? "is" : "are";
        switch ((ssc_filter_reason)why) {
        case SSC_FILTER_BEFORE:
            if (zh)
                METHODS_ADD("%d年以前启动的%s未计入。", r->start_year_min, p);
            else
                METHODS_ADD(" %s that started before %d %s not included.", p, r->start_year_min,
                            verb);
            break;
        case SSC_FILTER_AFTER:
            if (zh)
                METHODS_ADD("%d年以后启动的%s未计入。", r->start_year_max, p);
            else
                METHODS_ADD(" %s that started after %d %s not included.", p, r->start_year_max,
                            verb);
            break;
        case SSC_FILTER_SECTOR:
            METHODS_ADD(zh ? "其他领域的%s未计入。" : " %s in other sectors %s not included.", p,
                        zh ? "" : verb);
            break;
        case SSC_FILTER_LEAD:
            METHODS_ADD(zh ? "由其他机构牵头的%s未计入。"
                           : " %s led by other institutions %s not included.",
                        p, zh ? "" : verb);
            break;
        case SSC_FILTER_REGION:
            METHODS_ADD(zh ? "其他地区的%s未计入。" : " %s in other regions %s not included.", p,
                        zh ? "" : verb);
            break;
        default:
            break;
        }
    }
#undef METHODS_ADD
}

/* The data paragraph: the file, its date, how many projects it lists and
 * how many the report shows, then what the filters left out. */
static void methods_data(const ssc_report *r, const ssc_filter_count *fc, const char *data,
                         time_t now, char *buf, size_t len)
{
    const char *lang = r->language;
    int zh = strcmp(lang, "zh") == 0;
    const char *path = data && strcmp(data, "-") != 0 ? data : "";
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char date[64] = "", when[96] = "", all[96], shown[96];
    struct stat sb;

    /* the file's last change, never later than the clock the document
     * reads (SOURCE_DATE_EPOCH keeps reproducible builds reproducible) */
    if (path[0] && stat(path, &sb) == 0)
        ssc_methods_date(sb.st_mtime < now ? sb.st_mtime : now, lang, date, sizeof date);
    methods_projects(all, sizeof all, fc->total, lang);
    methods_projects(shown, sizeof shown, fc->by_reason[SSC_FILTER_KEPT], lang);
    if (date[0])
        snprintf(when, sizeof when, zh ? "（%s）" : " (%s)", date);
    int every = fc->by_reason[SSC_FILTER_KEPT] == fc->total;
    char from[1024];
    if (zh)
        snprintf(from, sizeof from, base[0] ? "数据来自文件%s%s，" : "数据", base, when);
    else
        snprintf(from, sizeof from, base[0] ? "The figures come from the file %s%s, which"
                                            : "The data",
                 base, when);
    if (zh)
        snprintf(buf, len, every ? "%s共%s，本报告全部显示。" : "%s共%s；本报告显示其中%s。", from,
                 all, shown);
    else
        snprintf(buf, len, every ? "%s lists %s; this report shows all of them."
                                 : "%s lists %s; this report shows %s.",
                 from, all, shown);
    methods_excluded(r, fc, buf, len);
}

int ssc_methods_page(ssc_doc *doc, const ssc_report *r, const ssc_filter_count *fc,
                     const char *data,
                     const ssc_section *sections, ssc_table *const *tables, size_t n, time_t now,
                     ssc_error *err)
{
    int zh = strcmp(r->language, "zh") == 0;
    char para[2048];

    if (ssc_doc_space(doc).y > ssc_doc_top(doc) + 0.5 && ssc_doc_new_page(doc, err) != SSC_OK)
        return SSC_ERR;
    ssc_doc_tag_begin(doc, "Sect");
    if (ssc_doc_heading(doc, ssc_methods_title(r->language), 80, err) != SSC_OK ||
        ssc_doc_subheading(doc, zh ? "数据与筛选" : "The data and the filters", 0, err) != SSC_OK)
        return SSC_ERR;
    methods_data(r, fc, data, now, para, sizeof para);
    if (ssc_doc_caption(doc, para, err) != SSC_OK)
        return SSC_ERR;
    ssc_box gap;
    if (ssc_doc_take(doc, 6, &gap, err) != SSC_OK ||
        ssc_doc_subheading(doc, zh ? "计数规则" : "Counting", METHODS_KEEP, err) != SSC_OK ||
        ssc_doc_caption(doc,
                        zh ? "每幅图表下方的一句话统计的是不重复的项目：一个项目即使涉及多个地区、"
                             "国家或可持续发展目标，也只计一次。图表本身则在每个类别下各计一次，"
                             "因此各类别之和可能超过项目总数。"
                           : "The sentence under each chart counts distinct projects: a project "
                             "that reaches several regions, countries or goals counts once. The "
                             "charts count it once in each category it names, so their bars may "
                             "add up to more than the number of projects.",
                        err) != SSC_OK)
        return SSC_ERR;
    for (size_t i = 0; i < n; i++) {
        const char *note = ssc_table_note(tables[i]);
        /* a project list's note is under the list (compose.c) */
        if (!note[0] || ssc_table_key_kind(tables[i]) == SSC_KEY_PROJECT)
            continue;
        if (ssc_doc_take(doc, 6, &gap, err) != SSC_OK ||
            ssc_doc_subheading(doc, sections[i].def->title, METHODS_KEEP, err) != SSC_OK ||
            ssc_doc_caption(doc, note, err) != SSC_OK)
            return SSC_ERR;
    }
    ssc_doc_tag_end(doc, "Sect");
    return SSC_OK;
}
