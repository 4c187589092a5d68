# SPDX-License-Identifier: MIT
# gen-refdata.awk: turns the project's reference tables into C.
#
#   awk -f data/gen-refdata.awk data/m49-countries.csv data/sdg-goals.csv \
#       > engine/data/refdata_tables.c
#
# Each input file is recognised by its header row, so the order of the files
# does not matter.  The output defines the tables declared in
# engine/data/refdata_tables.h: the countries sorted by alpha-3 with a table
# from any three letters to the country (one load a lookup), their alpha-2
# codes packed into integers and sorted (lookups binary-search them), the six region keys and the
# 17 SDGs indexed by goal - 1.
#
# Plain POSIX awk, so that it runs on mawk (Debian's default awk) as well as on
# gawk: no gawk extensions (asort, gensub, length(array)...).
# A malformed input stops the build with "FILE:LINE: what is wrong" and a
# non-zero exit, rather than generating a table that is silently wrong.

BEGIN {
    # The six regions: UN M49 regions with the Americas split by sub-region.
    # They are fixed here, not collected from the data, so that a typo in the
    # CSV is an error instead of a seventh region.
    n_regions = split("Africa|Asia|Europe|Latin America and the Caribbean|" \
                      "Northern America|Oceania", region_key, "|")
    for (i = 1; i <= n_regions; i++)
        region_index[region_key[i]] = i - 1
    n_countries = 0
    n_goals = 0
    failed = 0
}

function fail(msg) {
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

# Splits one CSV record (RFC 4180 quoting, no line breaks inside a field) into
# fld[1..n]; returns n.
function parse_csv(line,    n, i, len, c, field, quoted) {
    n = 0
    field = ""
    quoted = 0
    len = length(line)
    i = 1
    while (i <= len) {
        c = substr(line, i, 1)
        if (quoted) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") {
                    field = field "\""
                    i++
                } else {
                    quoted = 0
                }
            } else {
                field = field c
            }
        } else if (c == ",") {
            fld[++n] = field
            field = ""
        } else if (c == "\"" && field == "") {
            quoted = 1
        } else if (c == "\"") {
            fail("a double quote inside an unquoted field")
        } else {
            field = field c
        }
        i++
    }
    if (quoted)
        fail("a quoted field is not closed on its line")
    fld[++n] = field
    return n
}

# The text as a C string literal.  Bytes outside ASCII (UTF-8 names such as
# "Côte d'Ivoire") pass through unchanged; '?' is escaped so that no "??x"
# trigraph can form under -std=c99.  Built by concatenation rather than gsub,
# whose handling of backslashes in the replacement differs between awks.
function c_string(s,    out, i) {
    out = ""
    while ((i = match(s, /[\\"?]/)) > 0) {
        out = out substr(s, 1, i - 1) "\\" substr(s, i, 1)
        s = substr(s, i + 1)
    }
    return "\"" out s "\""
}

# Sorts idx[1..n] by key[idx[k]] (plain string comparison on ASCII codes).
# Insertion sort: a few hundred rows, run once per build.
function sort_by(idx, key, n,    i, j, t) {
    for (i = 2; i <= n; i++) {
        t = idx[i]
        for (j = i - 1; j >= 1 && key[idx[j]] > key[t]; j--)
            idx[j + 1] = idx[j]
        idx[j + 1] = t
    }
}

{ sub(/\r$/, "") }

FNR == 1 {
    if ($0 == "alpha2,alpha3,m49,name,name_zh,region,groups")
        kind = "countries"
    else if ($0 == "goal,short_en,short_zh,colour")
        kind = "sdgs"
    else
        fail("unknown header \"" $0 "\": expected alpha2,alpha3,m49,name,name_zh,region,groups " \
             "or goal,short_en,short_zh,colour")
    next
}

/^[ \t]*$/ { next }

# Control characters (a stray tab, a lone CR) have no place in these tables.
/[\001-\037\177]/ { fail("a control character in the row") }

kind == "countries" {
    if (parse_csv($0) != 7)
        fail("expected 7 fields: alpha2,alpha3,m49,name,name_zh,region,groups")
    a2 = fld[1]; a3 = fld[2]; name = fld[4]; name_zh = fld[5]; region = fld[6]
    if (fld[3] !~ /^([0-9][0-9][0-9])?$/)
        fail("m49 \"" fld[3] "\" is not a three-digit code")
    # The groups as the bits of SSC_GROUP_LDC, _LLDC and _SIDS (plugin.h).
    groups = 0
    n_g = fld[7] == "" ? 0 : split(fld[7], grp, ";")
    for (g = 1; g <= n_g; g++) {
        if (grp[g] == "LDC" && groups % 2 < 1)
            groups += 1
        else if (grp[g] == "LLDC" && groups % 4 < 2)
            groups += 2
        else if (grp[g] == "SIDS" && groups < 4)
            groups += 4
        else
            fail("groups \"" fld[7] "\": expected LDC, LLDC, SIDS in that order, ';'-separated")
    }
    if (name_zh == "")
        fail("empty name_zh: every country needs its Chinese name")
    if (a2 !~ /^[A-Z][A-Z]$/)
        fail("alpha2 \"" a2 "\" is not two capital letters")
    if (a3 !~ /^[A-Z][A-Z][A-Z]$/)
        fail("alpha3 \"" a3 "\" is not three capital letters")
    if (name == "")
        fail("empty name")
    if (!(region in region_index))
        fail("unknown region \"" region "\"")
    if (a3 in seen_a3)
        fail("alpha3 " a3 " repeats line " seen_a3[a3])
    if (a2 in seen_a2)
        fail("alpha2 " a2 " repeats line " seen_a2[a2])
    seen_a3[a3] = FNR
    seen_a2[a2] = FNR
    n_countries++
    c_a2[n_countries] = a2
    c_a3[n_countries] = a3
    c_name[n_countries] = name
    c_region[n_countries] = region
    c_name_zh[n_countries] = name_zh
    c_groups[n_countries] = groups
    next
}

kind == "sdgs" {
    if (parse_csv($0) != 4)
        fail("expected 4 fields: goal,short_en,short_zh,colour")
    goal = fld[1]
    if (goal !~ /^[0-9]+$/ || goal + 0 < 1 || goal + 0 > 17)
        fail("goal \"" goal "\" is not a number from 1 to 17")
    goal = goal + 0
    if (goal in g_en)
        fail("goal " goal " appears twice")
    if (fld[2] == "" || fld[3] == "")
        fail("goal " goal " has an empty short name")
    if (fld[4] !~ /^#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]$/)
        fail("colour \"" fld[4] "\" is not #RRGGBB")
    g_en[goal] = fld[2]
    g_zh[goal] = fld[3]
    g_colour[goal] = toupper(substr(fld[4], 2))
    n_goals++
    next
}

END {
    if (failed)
        exit 1
    if (n_countries == 0) {
        print "gen-refdata.awk: no countries read (is m49-countries.csv an argument?)" > "/dev/stderr"
        exit 1
    }
    if (n_countries > 65535) {
        print "gen-refdata.awk: more countries than the alpha-2 index can hold" > "/dev/stderr"
        exit 1
    }
    if (n_goals != 17) {
        print "gen-refdata.awk: expected 17 SDGs, read " n_goals > "/dev/stderr"
        exit 1
    }
    for (i = 1; i <= n_countries; i++) {
        by_a3[i] = i
        by_a2[i] = i
    }
    sort_by(by_a3, c_a3, n_countries)
    # The alpha-2 index refers to positions in the alpha-3 sorted table.
    for (i = 1; i <= n_countries; i++)
        pos[by_a3[i]] = i - 1
    sort_by(by_a2, c_a2, n_countries)

    print "/* Generated by data/gen-refdata.awk from data/m49-countries.csv and"
    print " * data/sdg-goals.csv: edit those, not this file. */"
    print "#include \"data/refdata_tables.h\""
    print ""
    for (i = 1; i <= n_regions; i++)
        printf "static const char ssc_refdata_region_%d[] = %s;\n", i - 1, c_string(region_key[i])
    print ""
    printf "const char *const ssc_refdata_regions[%d] = {\n", n_regions
    for (i = 1; i <= n_regions; i++)
        printf "    ssc_refdata_region_%d,\n", i - 1
    print "};"
    printf "const size_t ssc_refdata_region_count = %d;\n", n_regions
    print ""
    print "/* Sorted by alpha3; the region pointers are those of ssc_refdata_regions. */"
    printf "const ssc_country ssc_refdata_countries[%d] = {\n", n_countries
    for (k = 1; k <= n_countries; k++) {
        i = by_a3[k]
        printf "    {\"%s\", \"%s\", %s, ssc_refdata_region_%d, %s, %d},\n", c_a2[i], c_a3[i],
            c_string(c_name[i]), region_index[c_region[i]], c_string(c_name_zh[i]), c_groups[i]
    }
    print "};"
    printf "const size_t ssc_refdata_country_count = %d;\n", n_countries
    print ""
    print "/* Each alpha3 code, by its letters (SSC_REFDATA_ALPHA3_SLOT), to its"
    print " * country's position in ssc_refdata_countries plus one; 0: no country. */"
    print "const unsigned short ssc_refdata_alpha3_slots[SSC_REFDATA_ALPHA3_SLOTS] = {"
    for (k = 1; k <= n_countries; k++) {
        a3 = c_a3[by_a3[k]]
        slot = 0
        for (j = 1; j <= 3; j++)
            slot = slot * 26 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", substr(a3, j, 1)) - 1
        printf "    [%d] = %d, /* %s */\n", slot, k, a3
    }
    print "};"
    print ""
    print "/* The alpha2 codes, packed and sorted; ssc_refdata_by_alpha2 says where"
    print " * each country is in ssc_refdata_countries. */"
    printf "const uint32_t ssc_refdata_alpha2_keys[%d] = {\n", n_countries
    for (k = 1; k <= n_countries; k++) {
        a2 = c_a2[by_a2[k]]
        printf "    SSC_REFDATA_KEY2('%s', '%s'),\n", substr(a2, 1, 1), substr(a2, 2, 1)
    }
    print "};"
    print ""
    print "/* Positions in ssc_refdata_countries, sorted by alpha2. */"
    printf "const unsigned short ssc_refdata_by_alpha2[%d] = {\n", n_countries
    line = "   "
    for (k = 1; k <= n_countries; k++) {
        item = " " pos[by_a2[k]] ","
        if (length(line) + length(item) > 80) {
            print line
            line = "   "
        }
        line = line item
    }
    print line
    print "};"
    print ""
    print "/* Indexed by goal - 1. */"
    print "const ssc_sdg ssc_refdata_sdgs[17] = {"
    for (goal = 1; goal <= 17; goal++) {
        if (!(goal in g_en)) {
            print "gen-refdata.awk: SDG " goal " is missing" > "/dev/stderr"
            exit 1
        }
        printf "    {%d, %s, %s, 0x%sUL},\n", goal, c_string(g_en[goal]), c_string(g_zh[goal]),
            g_colour[goal]
    }
    print "};"
}
