/* SPDX-License-Identifier: MIT */
/* Reference tables: country lookups, regions and SDGs.
 *
 * The expected values were worked out from the sources named in
 * data/README.md, not from the generated tables: UNSD's m49.csv has 249
 * rows; Antarctica and Sark (no ISO code) are left out, Taiwan and Kosovo
 * added, so 249 countries.  Per region: Africa 60, Asia 50 + Taiwan = 51,
 * Europe 52 - Sark + Kosovo = 52, Americas 57 = 52 Latin America and the
 * Caribbean + 5 Northern America (Bermuda, Canada, Greenland, Saint Pierre
 * and Miquelon, United States), Oceania 29.  The groupings are m49.csv's
 * x marks: 47 LDC, 32 LLDC, 53 SIDS. */
#include <string.h>

#include "../check.h"
#include "data/refdata.h"
#include "ssc-report/plugin.h"

static const char *region_of(const char *alpha3)
{
    const ssc_country *c = ssc_country_by_alpha3(alpha3, strlen(alpha3));
    return c ? c->region : NULL;
}

/* NULL-safe field readers, so that a failed lookup is a failed check and
 * not a crash. */
static const char *name_of(const char *alpha3)
{
    const ssc_country *c = ssc_country_by_alpha3(alpha3, strlen(alpha3));
    return c ? c->name : NULL;
}

static const char *alpha3_of(const char *alpha2)
{
    const ssc_country *c = ssc_country_by_alpha2(alpha2, strlen(alpha2));
    return c ? c->alpha3 : NULL;
}

static void test_regions_of_countries(void)
{
    CHECK_STR(region_of("VNM"), "Asia");
    CHECK_STR(region_of("CHN"), "Asia");
    CHECK_STR(region_of("LKA"), "Asia");
    CHECK_STR(region_of("BRA"), "Latin America and the Caribbean");
    CHECK_STR(region_of("MEX"), "Latin America and the Caribbean"); /* Central America */
    CHECK_STR(region_of("CUB"), "Latin America and the Caribbean"); /* Caribbean */
    CHECK_STR(region_of("USA"), "Northern America");
    CHECK_STR(region_of("CAN"), "Northern America");
    CHECK_STR(region_of("GRL"), "Northern America");
    CHECK_STR(region_of("FJI"), "Oceania");
    CHECK_STR(region_of("PNG"), "Oceania");
    CHECK_STR(region_of("ETH"), "Africa");
    CHECK_STR(region_of("EGY"), "Africa");
    CHECK_STR(region_of("FRA"), "Europe");
    /* Project additions and decisions (data/README.md). */
    CHECK_STR(region_of("XKX"), "Europe");
    CHECK_STR(region_of("TWN"), "Asia");
    CHECK(ssc_country_by_alpha3("ATA", 3) == NULL);
}

static void test_lookup_forms(void)
{
    const ssc_country *vnm = ssc_country_by_alpha3("VNM", 3);
    CHECK(vnm != NULL);
    if (vnm) {
        CHECK_STR(vnm->alpha2, "VN");
        CHECK_STR(vnm->alpha3, "VNM");
        CHECK_STR(vnm->name, "Viet Nam");
    }
    CHECK(ssc_country_by_alpha3("vnm", 3) == vnm);
    CHECK(ssc_country_by_alpha3("vNm", 3) == vnm);
    CHECK(ssc_country_by_alpha2("VN", 2) == vnm);
    CHECK(ssc_country_by_alpha2("vn", 2) == vnm);

    /* Codes come as (pointer, length) from inside a cell such as "BRA;VNM". */
    const char *cell = "BRA;VNM";
    CHECK(ssc_country_by_alpha3(cell + 4, 3) == vnm);
    CHECK(ssc_country_by_alpha3(cell, 3) == ssc_country_by_alpha3("BRA", 3));
    CHECK(ssc_country_by_alpha3("VNMX", 3) == vnm);
    CHECK(ssc_country_by_alpha2("VNM", 2) == vnm);

    CHECK(ssc_country_by_alpha3("VNMX", 4) == NULL);
    CHECK(ssc_country_by_alpha3("VN", 2) == NULL);
    CHECK(ssc_country_by_alpha3("", 0) == NULL);
    CHECK(ssc_country_by_alpha3(NULL, 0) == NULL);
    CHECK(ssc_country_by_alpha3(NULL, 3) == NULL);
    CHECK(ssc_country_by_alpha3("ZZZ", 3) == NULL);
    CHECK(ssc_country_by_alpha3("V M", 3) == NULL);
    CHECK(ssc_country_by_alpha3("V\0M", 3) == NULL);
    /* Every three letters, against a scan of the countries: the code's own
     * country, or none when no country has it (the lookup indexes a table
     * of all 26^3 codes). */
    int wrong = 0, found = 0;
    for (int a = 'A'; a <= 'Z'; a++)
        for (int b = 'A'; b <= 'Z'; b++)
            for (int c = 'A'; c <= 'Z'; c++) {
                char code[4] = {(char)a, (char)b, (char)c, '\0'};
                const ssc_country *want = NULL, *got = ssc_country_by_alpha3(code, 3);
                for (size_t i = 0; i < ssc_country_count() && !want; i++)
                    if (strcmp(ssc_country_at(i)->alpha3, code) == 0)
                        want = ssc_country_at(i);
                wrong += got != want;
                found += got != NULL;
            }
    CHECK_INT(wrong, 0);
    CHECK_INT(found, ssc_country_count());
    CHECK(ssc_country_by_alpha2("ZZ", 2) == NULL);
    CHECK(ssc_country_by_alpha2("V", 1) == NULL);
    CHECK(ssc_country_by_alpha2(NULL, 2) == NULL);

    const ssc_country *xk = ssc_country_by_alpha2("xk", 2);
    CHECK(xk != NULL && strcmp(xk->alpha3, "XKX") == 0);
    CHECK(xk != NULL && strcmp(xk->name, "Kosovo (under UNSC resolution 1244)") == 0);
    /* The first and last codes in both orders, where a binary search slips. */
    CHECK_STR(name_of("ABW"), "Aruba");
    CHECK_STR(name_of("ZWE"), "Zimbabwe");
    CHECK_STR(alpha3_of("AD"), "AND");
    CHECK_STR(alpha3_of("ZW"), "ZWE");
}

static void test_names(void)
{
    /* The UN's short names, never the inverted ISO list forms; quoted CSV
     * fields with commas, and UTF-8 passed through as bytes. */
    CHECK_STR(name_of("TZA"), "United Republic of Tanzania");
    CHECK_STR(name_of("KOR"), "Republic of Korea");
    CHECK_STR(name_of("PRK"), "Democratic People's Republic of Korea");
    CHECK_STR(name_of("BOL"), "Bolivia (Plurinational State of)");
    CHECK_STR(name_of("HKG"), "China, Hong Kong Special Administrative Region");
    CHECK_STR(name_of("CIV"), "C\xc3\xb4te d\xe2\x80\x99Ivoire");
    CHECK_STR(name_of("ALA"), "\xc3\x85land Islands");
    CHECK_STR(name_of("TUR"), "T\xc3\xbcrkiye");
    CHECK_STR(name_of("PSE"), "State of Palestine");
    CHECK_STR(name_of("TWN"), "Taiwan Province of China");

    /* Chinese: CLDR's, with the spec's overrides. */
    CHECK_STR(ssc_country_name("TZA", "zh"), "坦桑尼亚");
    CHECK_STR(ssc_country_name("tza", "en"), "United Republic of Tanzania");
    CHECK_STR(ssc_country_name("TWN", "zh"), "中国台湾");
    CHECK_STR(ssc_country_name("HKG", "zh"), "中国香港");
    CHECK_STR(ssc_country_name("MAC", "zh-Hans"), "中国澳门");
    CHECK_STR(ssc_country_name("PSE", "zh"), "巴勒斯坦国");
    CHECK_STR(ssc_country_name("XKX", "zh"), "科索沃（联合国安理会第1244号决议）");
    CHECK(ssc_country_name("ZZZ", "en") == NULL);
    CHECK(ssc_country_name("ZZZ", "zh") == NULL);
    CHECK(ssc_country_name(NULL, "zh") == NULL);
    CHECK(ssc_country_name("TZ", "zh") == NULL);
}

static void test_groups(void)
{
    size_t ldc = 0, lldc = 0, sids = 0, zh = 1;
    CHECK_INT(ssc_country_groups("TZA"), SSC_GROUP_LDC);
    CHECK_INT(ssc_country_groups("BOL"), SSC_GROUP_LLDC);
    CHECK_INT(ssc_country_groups("FJI"), SSC_GROUP_SIDS);
    CHECK_INT(ssc_country_groups("AFG"), SSC_GROUP_LDC | SSC_GROUP_LLDC);
    CHECK_INT(ssc_country_groups("hti"), SSC_GROUP_LDC | SSC_GROUP_SIDS);
    CHECK_INT(ssc_country_groups("CHN"), 0);
    CHECK_INT(ssc_country_groups("ZZZ"), 0);
    CHECK_INT(ssc_country_groups(NULL), 0);
    for (size_t i = 0; i < ssc_country_count(); i++) {
        const ssc_country *c = ssc_country_at(i);
        ldc += (c->groups & SSC_GROUP_LDC) != 0;
        lldc += (c->groups & SSC_GROUP_LLDC) != 0;
        sids += (c->groups & SSC_GROUP_SIDS) != 0;
        if (!c->name_zh || !c->name_zh[0])
            zh = 0;
    }
    CHECK_INT(ldc, 47);
    CHECK_INT(lldc, 32);
    CHECK_INT(sids, 53);
    CHECK(zh);
}

static void test_whole_table(void)
{
    size_t n = ssc_country_count();
    size_t per_region[6] = {0};
    int sorted = 1, both_ways = 1, region_known = 1;

    CHECK_INT(n, 249);
    CHECK_INT(ssc_region_count(), 6);
    CHECK(ssc_country_at(n) == NULL);
    for (size_t i = 0; i < n; i++) {
        const ssc_country *c = ssc_country_at(i);
        size_t r;
        if (i > 0 && strcmp(ssc_country_at(i - 1)->alpha3, c->alpha3) >= 0)
            sorted = 0;
        if (ssc_country_by_alpha3(c->alpha3, 3) != c || ssc_country_by_alpha2(c->alpha2, 2) != c)
            both_ways = 0;
        /* Regions are shared pointers, so the store may compare them so. */
        for (r = 0; r < 6 && c->region != ssc_region_key(r); r++)
            ;
        if (r == 6)
            region_known = 0;
        else
            per_region[r]++;
    }
    CHECK(sorted);
    CHECK(both_ways);
    CHECK(region_known);
    CHECK_INT(per_region[0], 60);
    CHECK_INT(per_region[1], 51);
    CHECK_INT(per_region[2], 52);
    CHECK_INT(per_region[3], 52);
    CHECK_INT(per_region[4], 5);
    CHECK_INT(per_region[5], 29);
}

/* Every possible code, against a linear scan: a binary search that is off by
 * one finds most codes and misses a few. */
static void test_every_code(void)
{
    size_t n = ssc_country_count();
    int agree3 = 1, agree2 = 1;
    char code[4] = {0};
    for (char a = 'A'; a <= 'Z'; a++)
        for (char b = 'A'; b <= 'Z'; b++) {
            const ssc_country *want2 = NULL;
            code[0] = a;
            code[1] = b;
            code[2] = '\0';
            for (size_t i = 0; i < n; i++)
                if (strcmp(ssc_country_at(i)->alpha2, code) == 0)
                    want2 = ssc_country_at(i);
            if (ssc_country_by_alpha2(code, 2) != want2)
                agree2 = 0;
            for (char c = 'A'; c <= 'Z'; c++) {
                const ssc_country *want3 = NULL;
                code[2] = c;
                for (size_t i = 0; i < n; i++)
                    if (strcmp(ssc_country_at(i)->alpha3, code) == 0)
                        want3 = ssc_country_at(i);
                if (ssc_country_by_alpha3(code, 3) != want3)
                    agree3 = 0;
            }
        }
    CHECK(agree3);
    CHECK(agree2);
}

static void test_region_labels(void)
{
    static const char *const keys[6] = {"Africa", "Asia", "Europe",
                                        "Latin America and the Caribbean",
                                        "Northern America", "Oceania"};
    static const char *const zh[6] = {"非洲", "亚洲", "欧洲", "拉丁美洲和加勒比", "北美洲",
                                      "大洋洲"};
    for (size_t i = 0; i < 6; i++) {
        CHECK_STR(ssc_region_key(i), keys[i]);
        CHECK_STR(ssc_region_label(keys[i], "en"), keys[i]);
        CHECK_STR(ssc_region_label(keys[i], "zh"), zh[i]);
    }
    CHECK(ssc_region_key(6) == NULL);
    CHECK_STR(ssc_region_label("Asia", "zh-Hans"), "亚洲");
    CHECK_STR(ssc_region_label("Asia", "fr"), "Asia");
    CHECK_STR(ssc_region_label("Asia", NULL), "Asia");
    CHECK_STR(ssc_region_label("Atlantis", "zh"), "Atlantis");
    CHECK(ssc_region_label(NULL, "zh") == NULL);
}

static void test_sdgs(void)
{
    const ssc_sdg *g5 = ssc_sdg_get(5);
    CHECK(g5 != NULL);
    if (g5) {
        CHECK_INT(g5->goal, 5);
        CHECK_INT(g5->colour, 0xFF3A21);
        CHECK_STR(g5->short_en, "Gender equality");
        CHECK_STR(g5->short_zh, "性别平等");
    }
    /* Every goal is present before any is dereferenced below. */
    for (int g = 1; g <= 17; g++) {
        CHECK(ssc_sdg_get(g) != NULL);
        if (!ssc_sdg_get(g))
            return;
        CHECK_INT(ssc_sdg_get(g)->goal, g);
    }
    CHECK_INT(ssc_sdg_get(1)->colour, 0xE5243B);
    CHECK_INT(ssc_sdg_get(17)->colour, 0x19486A);
    CHECK_STR(ssc_sdg_get(17)->short_en, "Partnerships for the goals");
    CHECK_STR(ssc_sdg_get(17)->short_zh, "促进目标实现的伙伴关系");
    CHECK_STR(ssc_sdg_get(9)->short_en, "Industry, innovation and infrastructure");
    CHECK_STR(ssc_sdg_get(9)->short_zh, "产业、创新和基础设施");
    CHECK_INT(ssc_sdg_get(14)->colour, 0x0A97D9);
    CHECK(ssc_sdg_get(0) == NULL);
    CHECK(ssc_sdg_get(18) == NULL);
    CHECK(ssc_sdg_get(-1) == NULL);
}

int main(void)
{
    test_regions_of_countries();
    test_lookup_forms();
    test_names();
    test_groups();
    test_whole_table();
    test_every_code();
    test_region_labels();
    test_sdgs();
    return check_done();
}
