/* SPDX-License-Identifier: MIT */
/* Composing the report (see compose.h). */
#include "draw/compose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "draw/compose_impl.h"
#include "draw/doc.h"
#include "draw/text_cache.h"
#include "draw/methods.h"
#include "draw/summary.h"
#include "report/period.h"
#include "ssc-report/version.h"

static int compose_zh(const ssc_compose *c)
{
    return strcmp(c->report->language, "zh") == 0;
}

ssc_chart_kind ssc_compose_kind(const ssc_section *s)
{
    ssc_chart_kind k = s->def->chart != SSC_CHART_DEFAULT ? s->def->chart
                                                           : s->plugin->default_chart;
    if (k == SSC_CHART_DEFAULT)
        k = SSC_CHART_BAR;
    if (k == SSC_CHART_CUSTOM && !s->plugin->render)
        k = SSC_CHART_TABLE;
    return k;
}

/* Where a chart's numbers go as a table: the section's choice, else the
 * report's. */
static ssc_data_table compose_data_table(const ssc_compose *c, const ssc_section *s)
{
    return s->def->data_table != SSC_DATA_TABLE_DEFAULT ? s->def->data_table
                                                         : c->report->data_tables;
}

/* ---- summaries ----------------------------------------------------------- */

const char *ssc_compose_summary(const ssc_compose *c, size_t i, char *buf, size_t len)
{
    return ssc_summary(c->tables[i], ssc_compose_kind(&c->sections[i]), c->report->language,
                       c->shown, buf, len);
}

/* The caption under a chart: the summary, or the report's own caption.
 * The plugin's note on how it counts goes to the methods page at the end
 * (compose_methods), so that the chart keeps one line under it. */
static void compose_caption(const ssc_compose *c, size_t i, char *buf, size_t len)
{
    char summary[1024];
    const char *own = c->sections[i].def->caption;
    ssc_compose_summary(c, i, summary, sizeof summary);
    /* a list of projects has no chart to sum up: its note says which
     * projects it shows, in which order ("200 of 9,215 projects, most
     * recent first."), and stays with it */
    if (!summary[0] && ssc_table_key_kind(c->tables[i]) == SSC_KEY_PROJECT)
        snprintf(summary, sizeof summary, "%s", ssc_table_note(c->tables[i]));
    snprintf(buf, len, "%s%s%s", summary, summary[0] && own && own[0] ? " " : "",
             own ? own : "");
}

/* ---- the PDF ------------------------------------------------------------- */

/* Draws a table over as many pages as it needs, the header row repeated
 * and the section's title marked "continued" on each new page.  The
 * table's plan lives in *plan across pages and passes: it is made on first
 * use and kept while it still fits. */
static int compose_plan(ssc_doc *doc, const ssc_table *t, size_t limit, int blocks,
                        ssc_table_plan **plan, ssc_error *err)
{
    size_t rows = ssc_table_rows(t);
    double width = ssc_doc_space(doc).w;

    if (limit && limit < rows)
        rows = limit;
    if (ssc_table_plan_fits(*plan, t, rows, width, blocks))
        return SSC_OK;
    ssc_table_plan_free(*plan);
    *plan = NULL;
    return ssc_table_plan_new(ssc_doc_canvas(doc), t, rows, width, blocks, plan, err);
}

static int compose_table(ssc_doc *doc, const ssc_table *t, const char *title, size_t limit,
                         int blocks, ssc_table_plan **plan, ssc_error *err)
{
    ssc_canvas *c = ssc_doc_canvas(doc);
    size_t first = 0, next = 0, rows = ssc_table_rows(t);
    int rc = SSC_OK;

    if (limit && limit < rows)
        rows = limit;
    if (compose_plan(doc, t, limit, blocks, plan, err) != SSC_OK)
        return SSC_ERR;
    ssc_doc_tag_begin(doc, "Table");
    while (rc == SSC_OK) {
        double used = 0;
        c->box = ssc_doc_space(doc);
        if ((rc = ssc_chart_table_plan(c, *plan, first, &next, &used, err)) != SSC_OK)
            break;
        ssc_box taken;
        if (used > 0 && (rc = ssc_doc_take(doc, used, &taken, err)) != SSC_OK)
            break;
        if (next >= rows)
            break;
        /* nothing fitted on a page that had nothing else on it */
        if (next == first && c->box.y <= ssc_doc_top(doc) + 0.5) {
            rc = ssc_error_set(err, "a table row is too tall to fit on a page");
            break;
        }
        if ((rc = ssc_doc_new_page(doc, err)) != SSC_OK ||
            (rc = ssc_doc_continued(doc, title, err)) != SSC_OK)
            break;
        first = next;
    }
    ssc_doc_tag_end(doc, "Table");
    return rc;
}

static int compose_custom(const ssc_compose *cc, ssc_doc *doc, size_t i, double h,
                          ssc_error *err)
{
    const ssc_section *s = &cc->sections[i];
    ssc_canvas *c = ssc_doc_canvas(doc);
    ssc_box box;
    ssc_error perr;

    if (ssc_doc_take(doc, h, &box, err) != SSC_OK)
        return SSC_ERR;
    if (c->sketching)
        return SSC_OK;
    c->box = box;
    ssc_error_clear(&perr);
    ssc_doc_tag_begin(doc, "Figure");
    cairo_save(c->cr);
    cairo_rectangle(c->cr, box.x, box.y, box.w, box.h);
    cairo_clip(c->cr);
    int rc = s->plugin->render(c, cc->tables[i], s, &perr);
    cairo_restore(c->cr);
    ssc_doc_tag_end(doc, "Figure");
    if (rc != SSC_OK)
        return ssc_error_at(err, cc->report->path, s->def->line, "section %zu (%s): %s", i + 1,
                            s->plugin->name, perr.set ? perr.message : "drawing failed");
    return SSC_OK;
}

double ssc_compose_height(const ssc_compose *cc, ssc_canvas *c, size_t i, ssc_chart_kind kind,
                          double w, double body)
{
    const ssc_section *s = &cc->sections[i];
    double h;

    if (kind == SSC_CHART_CUSTOM && s->plugin->measure)
        h = s->plugin->measure(c, cc->tables[i], s, w);
    else if (kind == SSC_CHART_CUSTOM)
        h = s->def->layout == SSC_LAYOUT_HALF ? body * 0.42 : body * 0.8;
    else
        h = ssc_chart_height(c, cc->tables[i], kind, w);
    /* a plugin's measure is input like any other: keep it on the page */
    if (!isfinite(h) || h < 24)
        h = 24;
    if (s->def->layout == SSC_LAYOUT_HALF && h > body * 0.42)
        h = body * 0.42;
    if (h > body * 0.8)
        h = body * 0.8;
    return h;
}

/* The chart's height in the document, where the section stands. */
static double compose_chart_height(const ssc_compose *cc, ssc_doc *doc, size_t i,
                                   ssc_chart_kind kind)
{
    return ssc_compose_height(cc, ssc_doc_canvas(doc), i, kind, ssc_doc_space(doc).w,
                              ssc_doc_body_height(doc));
}

/* Whether a chart of t would show anything: a table with no rows, or with
 * nothing but zeros and missing values (by-sdg over projects that name no
 * goal, money charts over projects without budgets), gets a sentence
 * saying so instead of an empty chart. */
static int compose_has_data(const ssc_table *t)
{
    for (size_t r = 0; r < ssc_table_rows(t); r++)
        for (size_t c = 0; c < ssc_table_columns(t); c++) {
            if (ssc_table_column_type(t, c) != SSC_COLUMN_NUMBER) {
                const char *text = ssc_table_text(t, r, c);
                if (text && text[0])
                    return 1;
                continue;
            }
            double v = ssc_table_number(t, r, c);
            if (isfinite(v) && v != 0.0)
                return 1;
        }
    return 0;
}

static int compose_section(const ssc_compose *cc, ssc_doc *doc, size_t i,
                           ssc_table_plan **plans, ssc_error *err)
{
    const ssc_section *s = &cc->sections[i];
    const ssc_table *t = cc->tables[i];
    ssc_chart_kind kind = ssc_compose_kind(s);
    ssc_canvas *c = ssc_doc_canvas(doc);
    char caption[2048];
    ssc_box box;
    int rc;

    compose_caption(cc, i, caption, sizeof caption);
    if ((s->def->page_break || s->def->layout == SSC_LAYOUT_FULL) &&
        ssc_doc_space(doc).y > ssc_doc_top(doc) + 0.5 && ssc_doc_new_page(doc, err) != SSC_OK)
        return SSC_ERR;
    ssc_doc_tag_begin(doc, "Sect");
    if (kind == SSC_CHART_TABLE) {
        /* the heading keeps the table (a short one), or its first rows, with it */
        rc = compose_plan(doc, t, s->def->table_limit, s->def->table_columns, &plans[i], err);
        if (rc == SSC_OK)
            rc = ssc_doc_heading(
                doc, s->def->title,
                fmax(80, ssc_table_plan_keep(c, plans[i], ssc_doc_body_height(doc))), err);
        if (rc == SSC_OK)
            rc = ssc_doc_caption(doc, caption, err);
        if (rc == SSC_OK)
            rc = compose_table(doc, t, s->def->title, s->def->table_limit, s->def->table_columns,
                               &plans[i], err);
        ssc_doc_tag_end(doc, "Sect");
        return rc;
    }
    if (!compose_has_data(t) && kind != SSC_CHART_CUSTOM) {
        /* a plugin's own sentence says better what a chart of zeros means
         * ("None of the 12 projects is marked ...") than "no data" */
        const char *none = ssc_table_summary(t)[0] ? ssc_table_summary(t)
                           : compose_zh(cc)        ? "所选项目中没有可显示的数据。"
                                                   : "No data to show for the selected projects.";
        rc = ssc_doc_heading(doc, s->def->title, 40, err);
        if (rc == SSC_OK)
            rc = ssc_doc_caption(doc, none, err);
        ssc_doc_tag_end(doc, "Sect");
        return rc;
    }
    c->box = ssc_doc_space(doc);
    double h = compose_chart_height(cc, doc, i, kind);
    /* the sentence under a chart belongs with it: a heading moves on
     * unless both fit, or the sentence opens the next page alone */
    rc = ssc_doc_heading(doc, s->def->title, h + ssc_doc_caption_height(doc, caption), err);
    if (rc == SSC_OK && kind == SSC_CHART_CUSTOM) {
        rc = compose_custom(cc, doc, i, h < ssc_doc_space(doc).h ? h : ssc_doc_space(doc).h, err);
        if (rc == SSC_OK)
            rc = ssc_doc_caption(doc, caption, err);
        ssc_doc_tag_end(doc, "Sect");
        return rc;
    }
    if (rc == SSC_OK)
        rc = ssc_doc_take(doc, h, &box, err);
    if (rc == SSC_OK) {
        c->box = box;
        ssc_doc_tag_begin(doc, "Figure");
        rc = ssc_chart_draw(c, t, kind, err);
        ssc_doc_tag_end(doc, "Figure");
    }
    if (rc == SSC_OK)
        rc = ssc_doc_caption(doc, caption, err);
    /* the chart's numbers as a table beneath it, for reading and for print */
    if (rc == SSC_OK && compose_data_table(cc, s) == SSC_DATA_TABLE_BELOW &&
        (rc = ssc_doc_take(doc, 6, &box, err)) == SSC_OK)
        rc = compose_table(doc, t, s->def->title, s->def->table_limit, s->def->table_columns,
                               &plans[i], err);
    ssc_doc_tag_end(doc, "Sect");
    return rc;
}

/* The appendix: the tables of the charts whose numbers go there. */
static int compose_appendix(const ssc_compose *cc, ssc_doc *doc, ssc_table_plan **plans,
                            ssc_error *err)
{
    int zh = compose_zh(cc), any = 0;

    for (size_t i = 0; i < cc->n; i++) {
        const ssc_section *s = &cc->sections[i];
        ssc_chart_kind kind = ssc_compose_kind(s);
        if (kind == SSC_CHART_TABLE || kind == SSC_CHART_CUSTOM ||
            compose_data_table(cc, s) != SSC_DATA_TABLE_APPENDIX ||
            !compose_has_data(cc->tables[i]))
            continue;
        if (!any) {
            if (ssc_doc_space(doc).y > ssc_doc_top(doc) + 0.5 &&
                ssc_doc_new_page(doc, err) != SSC_OK)
                return SSC_ERR;
            ssc_doc_tag_begin(doc, "Sect");
            if (ssc_doc_heading(doc, zh ? "附录：数据表" : "Appendix: data tables", 80, err) !=
                SSC_OK)
                return SSC_ERR;
            any = 1;
        }
        /* the table's title keeps the table (a short one), or its header
         * and first rows, with it */
        if (compose_plan(doc, cc->tables[i], s->def->table_limit, s->def->table_columns,
                         &plans[i], err) != SSC_OK ||
            ssc_doc_subheading(doc, s->def->title,
                               ssc_table_plan_keep(ssc_doc_canvas(doc), plans[i],
                                                   ssc_doc_body_height(doc)),
                               err) != SSC_OK ||
            compose_table(doc, cc->tables[i], s->def->title, s->def->table_limit,
                          s->def->table_columns, &plans[i], err) != SSC_OK)
            return SSC_ERR;
        ssc_box gap;
        if (ssc_doc_take(doc, 12, &gap, err) != SSC_OK)
            return SSC_ERR;
    }
    if (any)
        ssc_doc_tag_end(doc, "Sect");
    return SSC_OK;
}

static int compose_has_appendix(const ssc_compose *cc)
{
    for (size_t i = 0; i < cc->n; i++) {
        ssc_chart_kind k = ssc_compose_kind(&cc->sections[i]);
        if (k != SSC_CHART_TABLE && k != SSC_CHART_CUSTOM &&
            compose_data_table(cc, &cc->sections[i]) == SSC_DATA_TABLE_APPENDIX &&
            compose_has_data(cc->tables[i]))
            return 1;
    }
    return 0;
}

/* SOURCE_DATE_EPOCH, else now: the one clock the document reads. */
static time_t compose_now(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        /* up to the end of year 9999: every date printed has four digits */
        if (!*end && v >= 0 && v <= 253402300799LL)
            return (time_t)v;
    }
    return time(NULL);
}

static void compose_date(const ssc_report *r, time_t now, char *buf, size_t len)
{
    if (r->date)
        snprintf(buf, len, "%s", r->date);
    else
        ssc_methods_date(now, r->language, buf, len);
}

/* The cover's reporting period: the report's period setting when it
 * gives one, else the shown projects' start years, an en dash between two
 * ("1995–2020"). */
static void compose_period(const ssc_compose *cc, char *buf, size_t len)
{
    int zh = compose_zh(cc);
    buf[0] = '\0';
    if (cc->report->period_given) {
        const ssc_period *p = &cc->report->period;
        char text[96];
        ssc_period_text(p, cc->report->language, text, sizeof text);
        snprintf(buf, len, zh ? "报告期：%s%s" : "Reporting period: %s%s", text,
                 zh && p->year ? "年" : "");
        return;
    }
    int first = cc->filtered ? cc->filtered->first_year : 0;
    int last = cc->filtered ? cc->filtered->last_year : 0;
    if (!first)
        return;
    if (first == last)
        snprintf(buf, len, zh ? "报告期：%d年" : "Reporting period: %d", first);
    else
        snprintf(buf, len, zh ? "报告期：%d—%d年" : "Reporting period: %d–%d", first, last);
}

/* One pass over the whole document; plan NULL for the dry run, whose
 * result goes to *learnt; sketch: a render's dry run (see ssc_canvas);
 * missing (may be NULL, else COMPOSE_MISSING_LEN bytes): the first text that
 * met a character no font had, "" when none. */
#define COMPOSE_MISSING_LEN 200
static int compose_pass(const ssc_compose *cc, FILE *fp, const ssc_doc_plan *plan,
                        ssc_doc_plan *learnt, ssc_table_plan **plans, ssc_text_cache *measured,
                        int sketch, char *missing, ssc_error *err)
{
    const ssc_report *r = cc->report;
    ssc_doc *doc = NULL;
    char date[64], iso[32], period[96];
    time_t now = compose_now();
    struct tm tm;
    const char **titles = NULL;
    size_t n_titles = 0;
    int rc;

    if (missing)
        missing[0] = '\0';
    compose_date(r, now, date, sizeof date);
    compose_period(cc, period, sizeof period);
    if (!gmtime_r(&now, &tm) || !strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(iso, sizeof iso, "%s", "1970-01-01T00:00:00Z");
    ssc_doc_info info = {
        .title = r->title,
        .subtitle = r->subtitle,
        .organisation = r->organisation,
        .date = date,
        .period = period,
        .language = r->language,
        .keywords = r->keywords,
        .creator = "ssc-report " SSC_VERSION_STRING,
        .create_date = iso,
        .logo = r->logo,
        .progress = cc->progress,
        .fonts = ssc_fonts_map(cc->fonts),
    };
    titles = calloc(cc->n + 2, sizeof *titles);
    if (!titles)
        return ssc_error_oom(err);
    for (size_t i = 0; i < cc->n; i++)
        titles[n_titles++] = cc->sections[i].def->title;
    if (compose_has_appendix(cc))
        titles[n_titles++] = compose_zh(cc) ? "附录：数据表" : "Appendix: data tables";
    if (cc->filtered)
        titles[n_titles++] = ssc_methods_title(r->language);

    rc = ssc_doc_open(&doc, fp, cc->theme, &info, plan, err);
    if (rc == SSC_OK) {
        ssc_doc_canvas(doc)->text_cache = measured;
        ssc_doc_canvas(doc)->sketching = sketch;
    }
    if (rc == SSC_OK)
        rc = ssc_doc_title_page(doc, err);
    if (rc == SSC_OK && r->toc)
        rc = ssc_doc_contents(doc, titles, n_titles, err);
    for (size_t i = 0; rc == SSC_OK && i < cc->n; i++)
        rc = compose_section(cc, doc, i, plans, err);
    if (rc == SSC_OK)
        rc = compose_appendix(cc, doc, plans, err);
    if (rc == SSC_OK && cc->filtered)
        rc = ssc_methods_page(doc, r, cc->filtered, cc->data_path, cc->sections, cc->tables,
                              cc->n, now, err);
    if (rc == SSC_OK)
        rc = ssc_doc_close(doc, learnt, err);
    if (missing) {
        const char *mg = doc ? ssc_doc_canvas(doc)->missing_glyphs : NULL;
        snprintf(missing, COMPOSE_MISSING_LEN, "%s", !mg ? "" : mg[0] ? mg : "?");
    }
    ssc_doc_free(doc);
    free(titles);
    return rc;
}

/* The tables' plans, one per section, shared by the passes. */
static ssc_table_plan **compose_plans(const ssc_compose *c, ssc_error *err)
{
    ssc_table_plan **plans = calloc(c->n + 1, sizeof *plans);
    if (!plans)
        ssc_error_oom(err);
    return plans;
}

static void compose_plans_free(const ssc_compose *c, ssc_table_plan **plans)
{
    for (size_t i = 0; plans && i < c->n; i++)
        ssc_table_plan_free(plans[i]);
    free(plans);
}

/* Whether a run that failed (rc) may be run again from wider fonts: a
 * text met a character (missing: the text, "" when none) that the lean
 * fonts lack, and Pango's default map may have it (fonts.c).  Measured
 * texts and tables' plans depend on the fonts, so the run starts again
 * from nothing. */
static int compose_may_widen(const ssc_compose *c, int rc, const char *missing)
{
    return rc != SSC_OK && missing[0] && ssc_fonts_map(c->fonts);
}

static void compose_widen(const ssc_compose *c, const char *missing, ssc_error *err)
{
    ssc_fonts_widen(c->fonts, missing);
    ssc_error_clear(err);
}

/* The dry run alone (`check`), from nothing; missing as compose_pass's. */
static int compose_once(const ssc_compose *c, int *pages, char *missing, ssc_error *err)
{
    ssc_doc_plan plan = {0};
    ssc_table_plan **plans = compose_plans(c, err);
    ssc_text_cache *measured = ssc_text_cache_new(); /* NULL: measure every time */
    int rc;

    missing[0] = '\0';
    rc = plans ? compose_pass(c, NULL, NULL, &plan, plans, measured, 0, missing, err) : SSC_ERR;
    ssc_text_cache_free(measured);
    if (rc == SSC_OK && pages)
        *pages = plan.pages;
    ssc_doc_plan_free(&plan);
    compose_plans_free(c, plans);
    return rc;
}

int ssc_compose_check(const ssc_compose *c, int *pages, ssc_error *err)
{
    char missing[COMPOSE_MISSING_LEN];
    int rc = compose_once(c, pages, missing, err);

    if (compose_may_widen(c, rc, missing)) {
        compose_widen(c, missing, err);
        rc = compose_once(c, pages, missing, err);
    }
    return rc;
}

/* Both passes from nothing: the dry run, then the PDF to fp; *final is
 * what the real pass found, missing as compose_pass's, of the pass that
 * failed. */
static int compose_twice(const ssc_compose *c, FILE *fp, ssc_doc_plan *final, char *missing,
                         ssc_error *err)
{
    ssc_doc_plan plan = {0};
    ssc_table_plan **plans = compose_plans(c, err);
    ssc_text_cache *measured = ssc_text_cache_new(); /* NULL: measure every time */
    int rc;

    missing[0] = '\0';
    rc = plans ? compose_pass(c, NULL, NULL, &plan, plans, measured, 1, missing, err) : SSC_ERR;
    /* the second pass reuses the first one's table plans and measured
     * texts: widths, row heights and text sizes are measured once */
    if (rc == SSC_OK)
        rc = compose_pass(c, fp, &plan, final, plans, measured, 0, missing, err);
    ssc_text_cache_free(measured);
    /* both passes lay out the same pages; a difference would print wrong
     * numbers in the contents */
    if (rc == SSC_OK && final->pages != plan.pages)
        rc = ssc_error_set(err, "internal error: the page count changed between passes");
    ssc_doc_plan_free(&plan);
    compose_plans_free(c, plans);
    return rc;
}

int ssc_compose_rewind(FILE *fp)
{
    if (fflush(fp) != 0 || fseeko(fp, 0, SEEK_SET) != 0)
        return -1;
    return ftruncate(fileno(fp), 0) == 0 ? 0 : -1;
}

int ssc_compose_pdf(const ssc_compose *c, FILE *fp, ssc_compose_out *out, ssc_error *err)
{
    ssc_doc_plan final = {0};
    char missing[COMPOSE_MISSING_LEN];
    int rc = compose_twice(c, fp, &final, missing, err);

    /* in either pass: a render's dry run leaves charts and custom
     * sections undrawn (see ssc_canvas.sketching), so a text only they
     * hold (a label, a plugin's story) meets the lean fonts in the real
     * pass, when the PDF is begun */
    if (compose_may_widen(c, rc, missing) && ssc_compose_rewind(fp) == 0) {
        compose_widen(c, missing, err);
        ssc_doc_plan_free(&final);
        rc = compose_twice(c, fp, &final, missing, err);
    }
    memset(out, 0, sizeof *out);
    if (rc == SSC_OK) {
        out->pages = final.pages;
        out->shortened = final.shortened;
        if (final.first_shortened)
            ssc_escape(out->first_shortened, sizeof out->first_shortened,
                       final.first_shortened, strlen(final.first_shortened));
    }
    ssc_doc_plan_free(&final);
    return rc;
}
