# SPDX-License-Identifier: MIT
# gen-iati.awk: the lookup tables of the iati source plugin, as a C header.
#
#   awk -f data/gen-iati.awk data/m49-countries.csv data/iati-regions.csv \
#       data/iati-sector-categories.csv > plugins/sources/iati/iati-tables.h
#
# A plugin may only include the engine's public header, so the iati plugin
# carries its own copy of the alpha-2 -> alpha-3 codes, generated from the
# same data/m49-countries.csv the engine is built from: the two can never
# disagree.  The header also holds the region table (data/iati-regions.csv:
# IATI region codes -> the report's six regions) and the DAC 3-digit sector
# categories with their English names (data/iati-sector-categories.csv).
#
# Inputs are told apart by their header rows, so their order does not matter.
# Plain POSIX awk (runs on mawk).  A malformed row stops the build with
# "FILE:LINE: what is wrong" instead of producing a table that is silently
# wrong.  The output is included by one file (plugins/sources/iati/iati-map.c), so its
# tables are static.

BEGIN {
    # The report's six region keys, in a fixed order: bit i of a region mask
    # is region i.  Fixed here so that a typo in a CSV is an error.
    n_regions = split("Africa|Asia|Europe|Latin America and the Caribbean|" \
                      "Northern America|Oceania", region_name, "|")
    for (i = 1; i <= n_regions; i++)
        region_bit[region_name[i]] = i - 1
    n_countries = n_areas = n_sectors = 0
    failed = 0
}

function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

# Splits one RFC 4180 record (no line break inside a field) into f[1..n].
function split_csv(s,    n, cur, c, inq) {
    n = 0
    cur = ""
    inq = 0
    while (s != "") {
        c = substr(s, 1, 1)
        s = substr(s, 2)
        if (inq && c == "\"" && substr(s, 1, 1) == "\"") {
            cur = cur c
            s = substr(s, 2)
        } else if (c == "\"" && (inq || cur == "")) {
            inq = !inq
        } else if (c == "," && !inq) {
            f[++n] = cur
            cur = ""
        } else if (c == "\"") {
            fail("a double quote inside an unquoted field")
        } else {
            cur = cur c
        }
    }
    if (inq)
        fail("a quoted field is not closed on its line")
    f[++n] = cur
    return n
}

# s as a C string literal; '?' is escaped so no trigraph can form.
function c_str(s,    out, p) {
    out = ""
    while ((p = match(s, /[\\"?]/)) > 0) {
        out = out substr(s, 1, p - 1) "\\" substr(s, p, 1)
        s = substr(s, p + 1)
    }
    return "\"" out s "\""
}

# Insertion sort of order[1..n] by val[order[k]], numerically when num is 1.
function sort_idx(order, val, n, num,    i, j, t, a, b) {
    for (i = 2; i <= n; i++) {
        t = order[i]
        for (j = i - 1; j >= 1; j--) {
            a = val[order[j]]
            b = val[t]
            if (num ? a + 0 <= b + 0 : a <= b)
                break
            order[j + 1] = order[j]
        }
        order[j + 1] = t
    }
}

{ sub(/\r$/, "") }

FNR == 1 {
    if ($0 == "alpha2,alpha3,m49,name,name_zh,region,groups")
        kind = "countries"
    else if ($0 == "vocabulary,code,name,regions")
        kind = "regions"
    else if ($0 == "code,label")
        kind = "sectors"
    else
        fail("unknown header \"" $0 "\"")
    next
}

/^[ \t]*$/ { next }
/[\001-\037\177]/ { fail("a control character in the row") }

kind == "countries" {
    if (split_csv($0) != 7)
        fail("expected 7 fields: alpha2,alpha3,m49,name,name_zh,region,groups")
    if (f[1] !~ /^[A-Z][A-Z]$/ || f[2] !~ /^[A-Z][A-Z][A-Z]$/)
        fail("\"" f[1] "\", \"" f[2] "\" are not alpha-2 and alpha-3 codes")
    if (f[1] in seen_a2)
        fail("alpha2 " f[1] " repeats line " seen_a2[f[1]])
    seen_a2[f[1]] = FNR
    n_countries++
    a2[n_countries] = f[1]
    a3[n_countries] = f[2]
    next
}

kind == "regions" {
    if (split_csv($0) != 4)
        fail("expected 4 fields: vocabulary,code,name,regions")
    if (f[1] != "1" && f[1] != "2")
        fail("vocabulary \"" f[1] "\" is neither 1 (OECD DAC) nor 2 (UN M49)")
    if (f[2] !~ /^[0-9]+$/ || f[2] + 0 > 65535)
        fail("code \"" f[2] "\" is not a number from 0 to 65535")
    key = f[1] ":" (f[2] + 0)
    if (key in seen_area)
        fail("vocabulary " f[1] " code " f[2] " repeats line " seen_area[key])
    seen_area[key] = FNR
    if (f[3] == "")
        fail("empty name")
    mask = 0
    if (f[4] != "Unspecified") {
        k = split(f[4], parts, ";")
        for (i = 1; i <= k; i++) {
            if (!(parts[i] in region_bit))
                fail("unknown region \"" parts[i] "\" (the six report regions, " \
                     "';'-separated, or Unspecified)")
            bit = 2 ^ region_bit[parts[i]]
            if (int(mask / bit) % 2 == 0)
                mask += bit
        }
    }
    n_areas++
    area_vocab[n_areas] = f[1]
    area_code[n_areas] = f[2] + 0
    area_key[n_areas] = f[1] * 100000 + f[2]
    area_mask[n_areas] = mask
    area_name[n_areas] = f[3]
    next
}

kind == "sectors" {
    if (split_csv($0) != 2)
        fail("expected 2 fields: code,label")
    if (f[1] !~ /^[0-9][0-9][0-9]$/)
        fail("code \"" f[1] "\" is not a 3-digit DAC sector category")
    if (f[1] in seen_sector)
        fail("code " f[1] " repeats line " seen_sector[f[1]])
    seen_sector[f[1]] = FNR
    if (f[2] == "")
        fail("empty label")
    n_sectors++
    sector_code[n_sectors] = f[1]
    sector_label[n_sectors] = f[2]
    next
}

END {
    if (failed)
        exit 1
    if (n_countries == 0 || n_areas == 0 || n_sectors == 0) {
        print "gen-iati.awk: expected m49-countries.csv, iati-regions.csv and " \
              "iati-sector-categories.csv as arguments" > "/dev/stderr"
        exit 1
    }
    for (i = 1; i <= n_countries; i++) order_c[i] = i
    for (i = 1; i <= n_areas; i++) order_a[i] = i
    for (i = 1; i <= n_sectors; i++) order_s[i] = i
    sort_idx(order_c, a2, n_countries, 0)
    sort_idx(order_a, area_key, n_areas, 1)
    sort_idx(order_s, sector_code, n_sectors, 1)

    print "/* Generated by data/gen-iati.awk from data/m49-countries.csv,"
    print " * data/iati-regions.csv and data/iati-sector-categories.csv: edit those,"
    print " * not this file.  Included by plugins/sources/iati/iati-map.c only. */"
    print ""
    printf "#define IATI_REGION_COUNT %d\n\n", n_regions
    print "/* Bit i of a region mask is region i. */"
    print "static const char *const iati_region_names[IATI_REGION_COUNT] = {"
    for (i = 1; i <= n_regions; i++)
        printf "    %s,\n", c_str(region_name[i])
    print "};"
    print ""
    print "/* Sorted by alpha2. */"
    printf "static const iati_country_code iati_country_codes[%d] = {\n", n_countries
    for (k = 1; k <= n_countries; k++)
        printf "    {\"%s\", \"%s\"},\n", a2[order_c[k]], a3[order_c[k]]
    print "};"
    print ""
    print "/* Sorted by vocabulary, then code; a mask of 0 is \"Unspecified\". */"
    printf "static const iati_region_code iati_region_codes[%d] = {\n", n_areas
    for (k = 1; k <= n_areas; k++) {
        i = order_a[k]
        name = area_name[i]
        gsub(/\*\//, "* /", name)
        printf "    {%s, %d, 0x%02X}, /* %s */\n", area_vocab[i], area_code[i], area_mask[i],
            name
    }
    print "};"
    print ""
    print "/* Sorted by code. */"
    printf "static const iati_sector_category iati_sector_categories[%d] = {\n", n_sectors
    for (k = 1; k <= n_sectors; k++)
        printf "    {%d, %s},\n", sector_code[order_s[k]] + 0, c_str(sector_label[order_s[k]])
    print "};"
}
