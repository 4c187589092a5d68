/* The render pipeline (see render.h).  Outputs are written to temporary
 * files and renamed only when everything succeeded. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atomic.h"
#include "config.h"
#include "dataout.h"
#include "doc.h"
#include "filter.h"
#include "label.h"
#include "loader.h"
#include "report.h"
#include "section.h"
#include "source_csv.h"
#include "ssc-report/version.h"
#include "table.h"

typedef struct render_job {
    ssc_engine_config conf;
    ssc_report report;
    ssc_loader *loader;
    ssc_section *sections;
    ssc_table **tables;
    ssc_store *store;
    ssc_portfolio view;
    ssc_atomic pdf;
    ssc_atomic *csv;
    size_t n_csv;
} render_job;

static void render_job_free(render_job *j)
{
    ssc_atomic_abort(&j->pdf);
    for (size_t i = 0; i < j->n_csv; i++)
        ssc_atomic_abort(&j->csv[i]);
    free(j->csv);
    for (size_t i = 0; j->tables && i < j->report.n_sections; i++)
        ssc_table_free(j->tables[i]);
    free(j->tables);
    free(j->sections);
    ssc_portfolio_release(&j->view);
    ssc_store_free(j->store);
    ssc_loader_free(j->loader);
    ssc_report_free(&j->report);
    ssc_engine_config_free(&j->conf);
}

/* Loads each section's plugin and checks the options the report gives it. */
static int render_bind_plugins(render_job *j, ssc_error *err)
{
    const ssc_report *r = &j->report;

    if (ssc_loader_new(&j->loader, (const char *const *)j->conf.plugin_dirs,
                       j->conf.n_plugin_dirs, err) != SSC_OK)
        return SSC_ERR;
    j->sections = calloc(r->n_sections, sizeof *j->sections);
    j->tables = calloc(r->n_sections, sizeof *j->tables);
    if (!j->sections || !j->tables)
        return ssc_error_oom(err);
    for (size_t i = 0; i < r->n_sections; i++) {
        const ssc_plugin_info *info;
        ssc_section *s = &j->sections[i];
        s->report = r;
        s->def = &r->sections[i];
        if (ssc_loader_get(j->loader, s->def->plugin, &info, err) != SSC_OK) {
            /* the message names the module; say which section needed it */
            char prefix[160];
            snprintf(prefix, sizeof prefix, "section %zu needs plugin \"%s\"", i + 1,
                     s->def->plugin);
            ssc_error_prefix(err, prefix);
            snprintf(err->file, sizeof err->file, "%s", r->path);
            err->line = s->def->line;
            return SSC_ERR;
        }
        s->plugin = &info->desc;
        if (s->def->chart == SSC_CHART_CUSTOM && !s->plugin->render)
            return ssc_error_at(err, r->path, s->def->line,
                                "chart: plugin \"%s\" has no drawing of its own; use bar, hbar, "
                                "line or table",
                                s->plugin->name);
        if (ssc_section_check_options(s, err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

static int render_load_data(render_job *j, const ssc_render_opts *o, ssc_render_result *res,
                            ssc_diag *problems, ssc_error *err)
{
    ssc_csv_options copt = {
        .renames = j->report.renames,
        .n_renames = j->report.n_renames,
        .skip_bad_rows = o->skip_bad_rows,
    };
    const char *path = o->data ? o->data : j->report.data_path;

    if (ssc_csv_load(path, &copt, &j->store, problems, &res->skipped_rows, err) != SSC_OK)
        return SSC_ERR;
    res->projects = ssc_store_count(j->store);
    if (ssc_filter_apply(&j->report, j->store, &j->view, err) != SSC_OK)
        return SSC_ERR;
    res->shown = j->view.count;
    return SSC_OK;
}

static int render_compute(render_job *j, ssc_error *err)
{
    for (size_t i = 0; i < j->report.n_sections; i++) {
        ssc_section *s = &j->sections[i];
        ssc_error perr;
        ssc_error_clear(&perr);
        if (!(j->tables[i] = ssc_table_new()))
            return ssc_error_oom(err);
        if (s->plugin->compute(&j->view, s, j->tables[i], &perr) != SSC_OK ||
            ssc_table_failed(j->tables[i])) {
            return ssc_error_at(err, j->report.path, s->def->line, "section %zu (%s): %s", i + 1,
                                s->plugin->name,
                                perr.set ? perr.message : "the plugin failed without saying why");
        }
        if (ssc_label_table(j->tables[i], &j->report, err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

static ssc_chart_kind render_kind(const ssc_section *s)
{
    ssc_chart_kind k = s->def->chart != SSC_CHART_DEFAULT ? s->def->chart
                                                           : s->plugin->default_chart;
    if (k == SSC_CHART_DEFAULT)
        k = SSC_CHART_BAR;
    if (k == SSC_CHART_CUSTOM && !s->plugin->render)
        k = SSC_CHART_TABLE;
    return k;
}

/* Draws a table over as many pages as it needs, the header repeated. */
static int render_table(ssc_doc *doc, const ssc_table *t, ssc_error *err)
{
    ssc_canvas *c = ssc_doc_canvas(doc);
    size_t first = 0, next = 0;

    while (first < ssc_table_rows(t) || first == 0) {
        double used = 0;
        c->box = ssc_doc_space(doc);
        if (ssc_chart_table(c, t, first, &next, &used, err) != SSC_OK)
            return SSC_ERR;
        ssc_box taken;
        if (used > 0 && ssc_doc_take(doc, used, &taken, err) != SSC_OK)
            return SSC_ERR;
        if (next >= ssc_table_rows(t))
            break;
        /* nothing fitted on a page that had nothing else on it */
        if (next == first && c->box.y <= ssc_doc_top(doc) + 0.5)
            return ssc_error_set(err, "a table row is too tall to fit on a page");
        if (ssc_doc_new_page(doc, err) != SSC_OK)
            return SSC_ERR;
        first = next;
    }
    return SSC_OK;
}

static int render_section(render_job *j, ssc_doc *doc, size_t i, ssc_error *err)
{
    const ssc_section *s = &j->sections[i];
    const ssc_table *t = j->tables[i];
    ssc_chart_kind kind = render_kind(s);
    ssc_canvas *c = ssc_doc_canvas(doc);
    const char *caption = s->def->caption ? s->def->caption : ssc_table_note(t);
    ssc_box box;
    double h;

    if (kind == SSC_CHART_TABLE) {
        if (ssc_doc_heading(doc, s->def->title, 80, err) != SSC_OK ||
            ssc_doc_caption(doc, caption, err) != SSC_OK)
            return SSC_ERR;
        return render_table(doc, t, err);
    }
    if (kind == SSC_CHART_CUSTOM) {
        /* a drawing of its own gets a page of its own */
        if (ssc_doc_heading(doc, s->def->title, ssc_doc_space(doc).h, err) != SSC_OK ||
            ssc_doc_caption(doc, caption, err) != SSC_OK)
            return SSC_ERR;
        h = ssc_doc_space(doc).h;
        if (ssc_doc_take(doc, h, &box, err) != SSC_OK)
            return SSC_ERR;
        c->box = box;
        cairo_save(c->cr);
        cairo_rectangle(c->cr, box.x, box.y, box.w, box.h);
        cairo_clip(c->cr);
        ssc_error perr;
        ssc_error_clear(&perr);
        int rc = s->plugin->render(c, t, s, &perr);
        cairo_restore(c->cr);
        if (rc != SSC_OK)
            return ssc_error_at(err, j->report.path, s->def->line, "section %zu (%s): %s", i + 1,
                                s->plugin->name, perr.set ? perr.message : "drawing failed");
        return SSC_OK;
    }
    if (ssc_table_rows(t) == 0) {
        const char *none = strcmp(j->report.language, "zh") == 0
                               ? "所选项目中没有可显示的数据。"
                               : "No data to show for the selected projects.";
        return ssc_doc_heading(doc, s->def->title, 40, err) ||
               ssc_doc_caption(doc, none, err);
    }
    c->box = ssc_doc_space(doc);
    h = ssc_chart_height(c, t, kind, c->box.w);
    if (ssc_doc_heading(doc, s->def->title, h, err) != SSC_OK ||
        ssc_doc_take(doc, h, &box, err) != SSC_OK)
        return SSC_ERR;
    c->box = box;
    if (ssc_chart_draw(c, t, kind, err) != SSC_OK)
        return SSC_ERR;
    if (ssc_doc_caption(doc, caption, err) != SSC_OK)
        return SSC_ERR;
    /* the chart's numbers as a table beneath it, for reading and for print */
    ssc_doc_take(doc, 8, &box, err);
    return render_table(doc, t, err);
}

static void render_date(const ssc_report *r, char *buf, size_t len)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    static const char *const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};

    if (r->date) {
        snprintf(buf, len, "%s", r->date);
        return;
    }
    gmtime_r(&now, &tm);
    if (strcmp(r->language, "zh") == 0)
        snprintf(buf, len, "%d年%d月%d日", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    else
        snprintf(buf, len, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

static int render_document(render_job *j, const char *out, ssc_render_result *res,
                           ssc_error *err)
{
    ssc_doc *doc = NULL;
    char date[64];
    ssc_doc_info info = {
        .title = j->report.title,
        .subtitle = j->report.subtitle,
        .organisation = j->report.organisation,
        .date = date,
        .language = j->report.language,
        .creator = "ssc-report " SSC_VERSION_STRING,
    };

    render_date(&j->report, date, sizeof date);
    if (ssc_atomic_open(&j->pdf, out, err) != SSC_OK)
        return SSC_ERR;
    if (ssc_doc_open(&doc, j->pdf.fp, &j->conf.theme, &info, err) != SSC_OK)
        return SSC_ERR;
    int rc = ssc_doc_title_page(doc, err);
    for (size_t i = 0; rc == SSC_OK && i < j->report.n_sections; i++)
        rc = render_section(j, doc, i, err);
    if (rc == SSC_OK)
        rc = ssc_doc_close(doc, err);
    if (rc == SSC_OK)
        res->pages = ssc_doc_page_count(doc);
    ssc_doc_free(doc);
    if (rc != SSC_OK)
        return SSC_ERR;
    return ssc_atomic_finish(&j->pdf, err);
}

static int render_data_out(render_job *j, const char *dir, ssc_error *err)
{
    j->csv = calloc(j->report.n_sections, sizeof *j->csv);
    if (!j->csv)
        return ssc_error_oom(err);
    for (size_t i = 0; i < j->report.n_sections; i++) {
        j->n_csv = i + 1;
        if (ssc_dataout_write(dir, i + 1, j->sections[i].plugin->name, j->tables[i], &j->csv[i],
                              err) != SSC_OK)
            return SSC_ERR;
    }
    return SSC_OK;
}

/* The output path: -o, else the report's output, else REPORTNAME.pdf. */
static void render_output_path(const ssc_render_opts *o, const ssc_report *r, char *buf,
                               size_t len)
{
    if (o->output) {
        snprintf(buf, len, "%s", o->output);
    } else if (r->output) {
        snprintf(buf, len, "%s", r->output);
    } else {
        const char *base = strrchr(r->path, '/');
        base = base ? base + 1 : r->path;
        const char *dot = strrchr(base, '.');
        snprintf(buf, len, "%.*s.pdf", dot ? (int)(dot - base) : (int)strlen(base), base);
    }
}

int ssc_render(const ssc_render_opts *o, ssc_render_result *res, ssc_diag *problems,
               ssc_error *err)
{
    render_job j;
    int rc = SSC_ERR;

    memset(&j, 0, sizeof j);
    memset(res, 0, sizeof *res);
    if (ssc_engine_config_load(&j.conf, o->config, err) != SSC_OK)
        goto out;
    if (ssc_report_load(&j.report, o->report ? o->report : ssc_bundled_report(), o->sets,
                        o->n_sets, err) != SSC_OK)
        goto out;
    if (render_bind_plugins(&j, err) != SSC_OK || render_load_data(&j, o, res, problems, err) ||
        render_compute(&j, err) != SSC_OK)
        goto out;
    if (o->check_only) {
        rc = SSC_OK;
        goto out;
    }
    render_output_path(o, &j.report, res->output, sizeof res->output);
    if (render_document(&j, res->output, res, err) != SSC_OK)
        goto out;
    if (o->data_out && render_data_out(&j, o->data_out, err) != SSC_OK)
        goto out;
    /* everything is on disk: only now replace earlier outputs */
    for (size_t i = 0; i < j.n_csv; i++)
        if (ssc_atomic_commit(&j.csv[i], err) != SSC_OK)
            goto out;
    if (ssc_atomic_commit(&j.pdf, err) != SSC_OK)
        goto out;
    rc = SSC_OK;
out:
    render_job_free(&j);
    return rc;
}
