/* SPDX-License-Identifier: MIT */
/* A report's sectors: those it declares (report.c reads them), then the
 * sample's built-in ones, by code: a label in the report's language and a
 * colour. */
#include "report/report.h"

#include <string.h>

/* The sample's sectors, so a report need not declare them. */
static const ssc_sector_def report_default_sectors[] = {
    {"agriculture", "Agriculture", "农业", 0x4E8A3E},
    {"forestry", "Forestry", "林业", 0x1F5E4B},
    {"fishery", "Fishery and aquaculture", "渔业与水产养殖", 0x2471A3},
    {"renewable-energy", "Renewable energy", "可再生能源", 0xE0A526},
    {"ict", "Information technology", "信息技术", 0x6C5B9E},
    {"water", "Clean water", "清洁饮水", 0x3FA7C9},
    {"financial-services", "Financial services", "金融服务", 0xA4506B},
};

static const ssc_sector_def *report_sector(const ssc_report *r, const char *code)
{
    for (size_t i = 0; i < r->n_sector_defs; i++)
        if (strcmp(r->sector_defs[i].code, code) == 0)
            return &r->sector_defs[i];
    for (size_t i = 0; i < sizeof report_default_sectors / sizeof *report_default_sectors; i++)
        if (strcmp(report_default_sectors[i].code, code) == 0)
            return &report_default_sectors[i];
    return NULL;
}

const char *ssc_report_sector_label(const ssc_report *r, const char *code)
{
    return ssc_report_sector_label_in(r, code, r->language);
}

const char *ssc_report_sector_label_in(const ssc_report *r, const char *code, const char *lang)
{
    const ssc_sector_def *sd = report_sector(r, code);
    if (!sd)
        return code;
    if (strcmp(lang, "zh") == 0 && sd->label_zh)
        return sd->label_zh;
    return sd->label_en ? sd->label_en : code;
}

int ssc_report_sector_has_zh(const ssc_report *r, const char *code)
{
    const ssc_sector_def *sd = report_sector(r, code);
    return sd && sd->label_zh && sd->label_zh[0];
}

long ssc_report_sector_colour(const ssc_report *r, const char *code)
{
    const ssc_sector_def *sd = report_sector(r, code);
    return sd ? sd->colour : -1;
}
