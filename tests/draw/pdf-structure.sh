#!/bin/sh
# SPDX-License-Identifier: MIT
# The structure of the finished PDF, read back with qpdf and poppler, for
# both editions of the bundled report (reports/annual-meeting.cfg and
# reports/annual-meeting-zh.cfg) and for the English file rendered with
# --set language=zh (its title_zh texts):
#   - qpdf --check passes;
#   - the outline (qpdf --json) has an entry for every section title of the
#     report file, in order, pointing at the page that shows the title;
#   - the catalog has a structure tree (StructTreeRoot) and MarkInfo
#     Marked true, with a heading (H1) element per section;
#   - the contents page has a link per section, in reading order, whose
#     destination is the page that shows that section's title, and whose
#     printed page number is that page;
#   - pdffonts lists every font as embedded;
#   - the footer of every page after the cover says "Page P of N" (English)
#     or "共 N 页" (Chinese), N the page count; the Chinese text has
#     性别平等 and 非洲;
#   - metadata: Title, Author, Subject, Keywords from the report, Creator
#     "ssc-report VERSION" with VERSION from configure.ac's AC_INIT;
#   - two renders with SOURCE_DATE_EPOCH set (in other folders, another
#     time zone, another file name, the sections computed by eight child
#     processes and by one) are identical byte for byte, and the
#     CreationDate is SOURCE_DATE_EPOCH's instant.
# Every expected value is read from the report files and configure.ac.
. "$top_srcdir/tests/lib.sh"
need_tool qpdf pdfinfo pdftotext pdffonts

# A fixed instant: 2023-11-14T22:13:20Z.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
epoch_iso=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null) ||
    epoch_iso=2023-11-14T22:13:20Z # date without -d (not GNU): the same instant

# the engine settings of the two renders: only the compute's processes differ
printf 'plugin_processes = 8;\n' > "$work/many.conf"
printf 'plugin_processes = 1;\n' > "$work/one.conf"
SSC_REPORT_CONFIG="$work/many.conf"
export SSC_REPORT_CONFIG

version=$(sed -n 's/^AC_INIT(\[[^]]*\], *\[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
[ -n "$version" ] || die "cannot read the version from AC_INIT in configure.ac"

# json_flat: qpdf's JSON (no line break inside a string, as qpdf writes it)
# as one line per scalar: the keys and indexes of its path, then the value,
# tab-separated; strings unescaped to UTF-8.  E.g.
#   outlines<TAB>0<TAB>title<TAB>Introduction
#   qpdf<TAB>1<TAB>obj:46 0 R<TAB>value<TAB>/Subtype<TAB>/Link
json_flat()
{
    awk '
    function utf8(c) {
        if (c < 128) return sprintf("%c", c)
        if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
        return sprintf("%c%c%c", 224 + int(c / 4096), 128 + int(c / 64) % 64, 128 + c % 64)
    }
    function hexval(h,   i, v) {
        v = 0
        for (i = 1; i <= 4; i++) v = v * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
        return v
    }
    function unescape(t,   out, i, c, e, u, lo) {
        out = ""
        for (i = 1; i <= length(t); i++) {
            c = substr(t, i, 1)
            if (c != "\\") { out = out c; continue }
            e = substr(t, ++i, 1)
            if (e == "u") {
                u = hexval(substr(t, i + 1, 4)); i += 4
                if (u >= 55296 && u < 56320 && substr(t, i + 1, 2) == "\\u") {
                    lo = hexval(substr(t, i + 3, 4)); i += 6
                    u = 65536 + (u - 55296) * 1024 + (lo - 56320)
                    out = out sprintf("%c%c%c%c", 240 + int(u / 262144), 128 + int(u / 4096) % 64,
                                      128 + int(u / 64) % 64, 128 + u % 64)
                } else
                    out = out utf8(u)
            } else if (e == "n" || e == "t" || e == "r" || e == "f" || e == "b")
                out = out " "   # keeps one record per line and one field per key
            else
                out = out e
        }
        return out
    }
    function path(   p, k) {
        p = ""
        for (k = 1; k <= d; k++) p = p (type[k] == "{" ? key[k] : idx[k]) "\t"
        return p
    }
    {
        line = $0
        while (line != "") {
            if (match(line, /^[ \t\r]+/)) { line = substr(line, RLENGTH + 1); continue }
            c = substr(line, 1, 1)
            if (c == "{" || c == "[") {
                d++; type[d] = c; idx[d] = 0; haskey[d] = 0; key[d] = ""
                line = substr(line, 2); continue
            }
            if (c == "}" || c == "]") { d--; line = substr(line, 2); continue }
            if (c == ",") {
                if (type[d] == "[") idx[d]++; else haskey[d] = 0
                line = substr(line, 2); continue
            }
            if (c == ":") { line = substr(line, 2); continue }
            if (c == "\"") {
                if (!match(line, /^"([^"\\]|\\.)*"/)) { print "bad JSON: " line > "/dev/stderr"; exit 2 }
                s = unescape(substr(line, 2, RLENGTH - 2)); line = substr(line, RLENGTH + 1)
                if (type[d] == "{" && !haskey[d]) { key[d] = s; haskey[d] = 1 } else print path() s
                continue
            }
            if (match(line, /^[-+0-9.eE]+|^true|^false|^null/)) {
                print path() substr(line, 1, RLENGTH); line = substr(line, RLENGTH + 1); continue
            }
            print "bad JSON: " line > "/dev/stderr"; exit 2
        }
    }'
}

# cfg_facts FILE: the report file's top-level strings and each section's,
# read with a small libconfig tokenizer (comments, escapes and adjacent
# string literals handled), as "report KEY VALUE" and "section N KEY VALUE",
# tab-separated.
cfg_facts()
{
    awk '
    BEGIN { RS = "\001" }
    {
        s = $0; n = length(s); i = 1; nt = 0
        while (i <= n) {
            c = substr(s, i, 1)
            if (c == "#" || (c == "/" && substr(s, i + 1, 1) == "/")) {
                while (i <= n && substr(s, i, 1) != "\n") i++
                continue
            }
            if (c == "/" && substr(s, i + 1, 1) == "*") {
                i += 2
                while (i <= n && substr(s, i, 2) != "*/") i++
                i += 2; continue
            }
            if (c == " " || c == "\t" || c == "\r" || c == "\n") { i++; continue }
            if (c == "\"") {
                v = ""; i++
                while (i <= n) {
                    c = substr(s, i, 1)
                    if (c == "\\") {
                        e = substr(s, i + 1, 1)
                        v = v (e == "n" ? " " : e == "t" ? " " : e); i += 2; continue
                    }
                    i++
                    if (c == "\"") break
                    v = v c
                }
                if (nt && tt[nt] == "s") tv[nt] = tv[nt] v   # "a" "b" is "ab"
                else { tt[++nt] = "s"; tv[nt] = v }
                continue
            }
            if (c ~ /[A-Za-z_*]/) {
                j = i; while (j <= n && substr(s, j, 1) ~ /[A-Za-z0-9_*.-]/) j++
                tt[++nt] = "w"; tv[nt] = substr(s, i, j - i); i = j; continue
            }
            if (c ~ /[-+0-9.]/) {
                j = i; while (j <= n && substr(s, j, 1) ~ /[-+0-9.eExXa-fA-FL]/) j++
                tt[++nt] = "n"; tv[nt] = substr(s, i, j - i); i = j; continue
            }
            tt[++nt] = "p"; tv[nt] = c; i++
        }
        depth = 0; insec = 0; nsec = 0; last = ""
        for (t = 1; t <= nt; t++) {
            if (tt[t] == "p" && (tv[t] == "(" || tv[t] == "{" || tv[t] == "[")) {
                depth++
                if (depth == 1 && last == "sections" && tv[t] == "(") insec = 1
                else if (insec && depth == 2 && tv[t] == "{") nsec++
                continue
            }
            if (tt[t] == "p" && (tv[t] == ")" || tv[t] == "}" || tv[t] == "]")) {
                if (insec && depth == 1) insec = 0
                depth--; continue
            }
            if (tt[t] == "w" && tt[t + 1] == "p" && (tv[t + 1] == "=" || tv[t + 1] == ":")) {
                if (depth == 0) last = tv[t]
                if (tt[t + 2] == "s" || tt[t + 2] == "n" || tt[t + 2] == "w") {
                    if (depth == 0) printf "report\t%s\t%s\n", tv[t], tv[t + 2]
                    else if (insec && depth == 2) printf "section\t%d\t%s\t%s\n", nsec, tv[t], tv[t + 2]
                }
            }
        }
    }' "$1"
}

# info FILE FIELD: one field of pdfinfo, its value only.
info()
{
    pdfinfo -isodates "$1" 2>/dev/null | sed -n "s/^$2: *//p" | head -n 1
}

# check_edition LABEL REPORT [--set KEY=VALUE...]
check_edition()
{
    label=$1 cfg=$2
    shift 2
    dir="$work/$label"
    mkdir -p "$dir/again" || die "cannot create $dir"

    # --- what the report says, in the edition's language --------------------
    cfg_facts "$cfg" > "$dir/cfg" || { fail "$label: cannot read $cfg"; return; }
    lang=$(awk -F'\t' '$1 == "report" && $2 == "language" { print $3 }' "$dir/cfg")
    for a in "$@"; do
        case $a in language=*) lang=${a#language=} ;; esac
    done
    [ -n "$lang" ] || lang=en
    # report_text KEY: KEY_zh in a Chinese edition when the file gives it
    report_text()
    {
        awk -F'\t' -v k="$1" -v zh="$lang" '
            $1 == "report" && $2 == k { v = $3 }
            $1 == "report" && $2 == k "_zh" { vz = $3; hz = 1 }
            END { print (zh == "zh" && hz ? vz : v) }' "$dir/cfg"
    }
    title=$(report_text title)
    subtitle=$(report_text subtitle)
    organisation=$(report_text organisation)
    keywords=$(report_text keywords)
    # the section titles, in order (title_zh in a Chinese edition), one a line
    awk -F'\t' -v zh="$lang" '
        $1 == "section" && $3 == "title" { t[$2] = $4; if ($2 > n) n = $2 }
        $1 == "section" && $3 == "title_zh" { tz[$2] = $4; if ($2 > n) n = $2 }
        END { for (i = 1; i <= n; i++) { v = (zh == "zh" && (i in tz)) ? tz[i] : t[i]; if (v != "") print v } }' \
        "$dir/cfg" > "$dir/titles"
    nsec=$(wc -l < "$dir/titles")
    [ "$nsec" -ge 1 ] || { fail "$label: cannot read the section titles of $cfg"; return; }
    [ -n "$title" ] || { fail "$label: cannot read the title of $cfg"; return; }

    # --- render twice: the bytes must not depend on where or when ----------
    pdf="$dir/report.pdf"
    run render "$cfg" -o "$pdf" "$@"
    if [ "$rc" -ne 0 ]; then
        show_run
        fail "$label: render of $cfg $* failed (exit $rc)"
        return
    fi
    (cd "$dir/again" && TZ=Asia/Shanghai LC_ALL=C.UTF-8 SSC_REPORT_CONFIG="$work/one.conf" \
        "$SSC_REPORT" render "$cfg" -o other-name.pdf "$@") > "$dir/again.out" 2>&1 ||
        fail "$label: the second render failed: $(cat "$dir/again.out")"
    if [ -f "$dir/again/other-name.pdf" ] && ! same_file "$pdf" "$dir/again/other-name.pdf"; then
        fail "$label: two renders with SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH differ: $(cmp "$pdf" "$dir/again/other-name.pdf" 2>&1 | head -n 1)"
    fi

    # --- qpdf --check ---------------------------------------------------------
    qpdf --check "$pdf" > "$dir/qpdf-check" 2>&1 ||
        fail "$label: qpdf --check: $(tail -n 3 "$dir/qpdf-check")"

    # --- metadata ---------------------------------------------------------------
    pages=$(info "$pdf" Pages)
    [ "${pages:-0}" -ge 3 ] || { fail "$label: $pages pages"; return; }
    [ "$(info "$pdf" Title)" = "$title" ] ||
        fail "$label: PDF Title is \"$(info "$pdf" Title)\", the report's title is \"$title\""
    creator=$(info "$pdf" Creator)
    case $creator in
    "ssc-report $version" | "ssc-report $version "*) ;;
    *) fail "$label: PDF Creator is \"$creator\", expected \"ssc-report $version\" (configure.ac)" ;;
    esac
    if [ -n "$organisation" ] && [ "$(info "$pdf" Author)" != "$organisation" ]; then
        fail "$label: PDF Author is \"$(info "$pdf" Author)\", the organisation is \"$organisation\""
    fi
    if [ -n "$subtitle" ] && [ "$(info "$pdf" Subject)" != "$subtitle" ]; then
        fail "$label: PDF Subject is \"$(info "$pdf" Subject)\", the subtitle is \"$subtitle\""
    fi
    if [ -n "$keywords" ] && [ "$(info "$pdf" Keywords)" != "$keywords" ]; then
        fail "$label: PDF Keywords are \"$(info "$pdf" Keywords)\", the report's are \"$keywords\""
    fi
    created=$(info "$pdf" CreationDate)
    [ "$created" = "$epoch_iso" ] ||
        fail "$label: CreationDate is $created, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH is $epoch_iso"

    # --- fonts ------------------------------------------------------------------
    pdffonts "$pdf" > "$dir/fonts" 2>&1 || fail "$label: pdffonts failed"
    # columns: name type encoding emb sub uni object-number generation
    [ "$(awk 'NR > 2' "$dir/fonts" | wc -l)" -ge 1 ] || fail "$label: pdffonts lists no fonts"
    awk 'NR > 2 && $(NF - 4) != "yes" { print $1 }' "$dir/fonts" > "$dir/unembedded" ||
        fail "$label: cannot read pdffonts's list"
    [ -s "$dir/unembedded" ] &&
        fail "$label: fonts not embedded: $(tr '\n' ' ' < "$dir/unembedded")"

    # --- the text, page by page -------------------------------------------------
    pdftotext "$pdf" "$dir/text" || { fail "$label: pdftotext failed"; return; }
    pdftotext -layout "$pdf" "$dir/layout" || { fail "$label: pdftotext -layout failed"; return; }
    # one line per page, every blank removed (titles may wrap, and Chinese
    # text may be broken between any two characters)
    awk -v RS='\f' '{ gsub(/[ \t\n]/, ""); print }' "$dir/text" > "$dir/pages"
    # and with blanks made single spaces, for the footer
    awk -v RS='\f' '{ gsub(/[ \t\n]+/, " "); print }' "$dir/text" > "$dir/pages-spaced"
    if [ "$lang" = zh ]; then
        grep -qF '性别平等' "$dir/pages" || fail "$label: no 性别平等 (gender equality) in the text"
        grep -qF '非洲' "$dir/pages" || fail "$label: no 非洲 (Africa) in the text"
    fi
    # the footer of every page after the cover: "Page P of N", or in
    # Chinese "第 P 页，共 N 页" (the 共 N 页 part required)
    awk -v n="$pages" -v zh="$lang" '
        NR >= 2 && NR <= n {
            ok = zh == "zh" ? index($0, "共" n "页") : index($0, "Page" NR "of" n)
            if (!ok) print NR
        }' "$dir/pages" > "$dir/bad-footers"
    if [ -s "$dir/bad-footers" ]; then
        p=$(head -n 1 "$dir/bad-footers")
        if [ "$lang" = zh ]; then want="共 $pages 页"; else want="Page $p of $pages"; fi
        fail "$label: the footer of page(s) $(tr '\n' ' ' < "$dir/bad-footers")does not say \"$want\"; page $p ends with: $(sed -n "${p}p" "$dir/pages-spaced" | awk '{ for (i = NF > 8 ? NF - 8 : 1; i <= NF; i++) printf " %s", $i }')"
    fi

    # --- qpdf --json: outline, catalog, links -----------------------------------
    qpdf --json "$pdf" > "$dir/json" 2> "$dir/json.err" ||
        { fail "$label: qpdf --json failed: $(head -n 3 "$dir/json.err")"; return; }
    json_flat < "$dir/json" > "$dir/flat" || { fail "$label: cannot read qpdf's JSON"; return; }

    # LINKS: "SOURCE-PAGE<TAB>TARGET-PAGE" per link annotation, in reading
    # order (page by page, then from the top down)
    awk -F'\t' '
        $1 == "pages" && $3 == "object" { pageno[$4] = $2 + 1; pageref[$2 + 1] = $4; if ($2 + 1 > np) np = $2 + 1 }
        $1 != "qpdf" || $4 != "value" { next }
        { o = $3; sub(/^obj:/, "", o) }
        $5 == "/Annots" && NF == 7 { annots[o, $6] = $7; if ($6 + 1 > nannots[o]) nannots[o] = $6 + 1 }
        $5 == "/Subtype" && $6 == "/Link" { islink[o] = 1 }
        $5 == "/Rect" && ($6 == 1 || $6 == 3) { if (!(o in top) || $7 + 0 > top[o]) top[o] = $7 + 0 }
        # a destination: a name (string or PDF name) or an explicit array
        $5 == "/Dest" && NF == 6 { dname[o] = $6 }
        $5 == "/Dest" && NF == 7 && $6 == 0 { dpage[o] = $7 }
        $5 == "/A" && $6 == "/D" && NF == 7 { dname[o] = $7 }
        $5 == "/A" && $6 == "/D" && NF == 8 && $7 == 0 { dpage[o] = $8 }
        # name-tree leaves: /Names [ name dest name dest ... ], a dest an
        # array or a dictionary with /D
        $5 == "/Names" && NF == 7 && $6 % 2 == 0 { leaf[o, $6] = $7 }
        $5 == "/Names" && NF == 8 && $6 % 2 == 1 && $7 == 0 { leafpage[o, $6] = $8 }
        $5 == "/Names" && NF == 9 && $6 % 2 == 1 && $7 == "/D" && $8 == 0 { leafpage[o, $6] = $9 }
        END {
            for (k in leafpage) {
                split(k, kk, SUBSEP)
                name = leaf[kk[1], kk[2] - 1]
                sub(/^u:/, "", name)
                named[name] = leafpage[k]
            }
            for (p = 1; p <= np; p++) {
                o = pageref[p]
                if (!(o in nannots)) continue
                # reading order on the page: from the top down (PDF y grows upwards)
                n = 0
                for (i = 0; i < nannots[o]; i++) {
                    a = annots[o, i]
                    if (!(a in islink)) continue
                    n++; list[n] = a
                    for (j = n; j > 1 && top[list[j]] > top[list[j - 1]]; j--) {
                        t = list[j]; list[j] = list[j - 1]; list[j - 1] = t
                    }
                }
                for (i = 1; i <= n; i++) {
                    a = list[i]
                    if (a in dpage) target = dpage[a]
                    else {
                        name = dname[a]; sub(/^u:/, "", name); sub(/^\//, "", name)
                        target = (name in named) ? named[name] : ""
                    }
                    print p "\t" ((target in pageno) ? pageno[target] : "unresolved:" (a in dname ? dname[a] : "?"))
                }
            }
        }' "$dir/flat" > "$dir/links" || { fail "$label: cannot read the links"; return; }
    # The contents: the pages with links (the report has no other links).
    # Sections follow it; where each one is, this test works out from the
    # text alone: title k is on the first page after the contents, not
    # before title k - 1's, that shows it.
    toc_last=$(cut -f1 "$dir/links" | sort -n | tail -n 1)
    [ -n "$toc_last" ] || { fail "$label: the PDF has no links (a contents with links was expected)"; return; }
    awk -v from="$((toc_last + 1))" '
        NR == FNR { t = $0; gsub(/[ \t]/, "", t); n++; want[n] = t; orig[n] = $0; next }
        { text[FNR] = $0; np = FNR }
        END {
            p = from
            for (i = 1; i <= n; i++) {
                q = p
                while (q <= np && !index(text[q], want[i])) q++
                if (q > np) { print "0\t" orig[i]; continue }
                print q "\t" orig[i]; p = q
            }
        }' "$dir/titles" "$dir/pages" > "$dir/expected" ||
        { fail "$label: cannot find the section titles in the text"; return; }
    awk -F'\t' '$1 == 0 { print $2 }' "$dir/expected" > "$dir/unshown"
    [ -s "$dir/unshown" ] &&
        fail "$label: no page after the contents shows (in order) the section titles: $(tr '\n' '|' < "$dir/unshown")"

    # the outline: "PAGE<TAB>TITLE" per entry, at any depth, in order
    awk -F'\t' '$1 == "outlines" {
        p = ""; for (i = 1; i <= NF - 2; i++) p = p $i SUBSEP
        if ($(NF - 1) == "destpageposfrom1") page[p] = $NF
        if ($(NF - 1) == "title") { order[++n] = p; title[p] = $NF }
    }
    END { for (i = 1; i <= n; i++) print page[order[i]] "\t" title[order[i]] }' \
        "$dir/flat" > "$dir/outline" || { fail "$label: cannot read the outline"; return; }
    # an entry for each section title, in the report's order, pointing at
    # the page that shows the title
    awk -F'\t' '
        NR == FNR { n++; want[n] = $2; wantp[n] = $1; next }
        { got[++m] = $2; page[m] = $1 }
        END {
            j = 1
            for (i = 1; i <= n; i++) {
                k = j
                while (k <= m && got[k] != want[i]) k++
                if (k > m) { print "no entry for \"" want[i] "\""; continue }
                if (wantp[i] != 0 && page[k] != wantp[i])
                    print "\"" want[i] "\" points at page " page[k] ", the title is on page " wantp[i]
                j = k + 1
            }
        }' "$dir/expected" "$dir/outline" > "$dir/outline-problems" ||
        fail "$label: cannot compare the outline with the titles"
    [ -s "$dir/outline-problems" ] && fail "$label: outline:
$(sed 's/^/    /' "$dir/outline-problems")
    the outline: $(cut -f2 "$dir/outline" | tr '\n' '|')"

    # the catalog: a structure tree, and marked content
    catalog=$(awk -F'\t' '$1 == "qpdf" && $4 == "value" && $5 == "/Type" && $6 == "/Catalog" { print $3; exit }' "$dir/flat")
    [ -n "$catalog" ] || { fail "$label: no catalog in qpdf's JSON"; return; }
    awk -F'\t' -v c="$catalog" '$3 == c && $4 == "value" && $5 == "/StructTreeRoot" { f = 1 } END { exit !f }' \
        "$dir/flat" || fail "$label: the catalog has no StructTreeRoot (the PDF is not tagged)"
    awk -F'\t' -v c="$catalog" '$3 == c && $5 == "/MarkInfo" && $6 == "/Marked" && $7 == "true" { f = 1 } END { exit !f }' \
        "$dir/flat" || fail "$label: the catalog has no MarkInfo << /Marked true >>"
    nh1=$(awk -F'\t' '$1 == "qpdf" && $4 == "value" && $5 == "/S" && $6 == "/H1"' "$dir/flat" | wc -l)
    [ "$nh1" -ge "$nsec" ] ||
        fail "$label: the structure tree has $nh1 H1 headings for $nsec sections"
    awk -F'\t' '$1 == "pages" && $2 == 0 && $3 == "label" { f = 1 } END { exit !f }' "$dir/flat" ||
        fail "$label: the first page has no page label"

    # the contents: link k goes to title k's page, and prints its number
    nlinks=$(wc -l < "$dir/links")
    [ "$nlinks" -ge "$nsec" ] ||
        fail "$label: the contents has $nlinks links for $nsec sections"
    paste "$dir/links" "$dir/expected" | head -n "$nsec" |
    while IFS='	' read -r _ target want t; do
        [ -n "$t" ] || continue
        case $target in
        "") continue ;; # fewer links than sections: reported above
        unresolved:*) echo "the link for \"$t\" has a destination that does not resolve (${target#unresolved:})"; continue ;;
        esac
        [ "$want" = 0 ] && continue # no page shows the title: reported above
        [ "$target" = "$want" ] ||
            echo "the link for \"$t\" goes to page $target, the title is on page $want"
        # the printed number: on the contents line that starts the title
        flat_t=$(printf '%s' "$t" | tr -d ' \t')
        printed=$(awk -v RS='\f' -v last="$toc_last" -v t="$flat_t" '
            NR <= last {
                n = split($0, lines, "\n")
                for (i = 1; i <= n; i++) {
                    l = lines[i]; gsub(/[ \t]/, "", l)
                    if (!match(l, /[0-9]+$/)) continue
                    num = substr(l, RSTART); text = substr(l, 1, RSTART - 1)
                    if (text != "" && index(t, text) == 1 && 2 * length(text) >= length(t)) { print num; exit }
                }
            }' "$dir/layout")
        [ "$printed" = "$want" ] ||
            echo "the contents prints page \"$printed\" for \"$t\", the title is on page $want"
    done > "$dir/link-problems"
    [ -s "$dir/link-problems" ] && fail "$label: contents:
$(sed 's/^/    /' "$dir/link-problems")"
    return 0
}

check_edition en "$top_srcdir/reports/annual-meeting.cfg"
check_edition zh "$top_srcdir/reports/annual-meeting-zh.cfg"
# the English file's Chinese texts (title_zh and the like, where given)
check_edition en-set-zh "$top_srcdir/reports/annual-meeting.cfg" --set language=zh

# Keywords reach the PDF when a report sets them (the bundled one may not).
mkdir "$work/keywords"
kw='South-South cooperation; PGTF; SDG 5 — 性别平等'
run render "$top_srcdir/reports/annual-meeting.cfg" -o "$work/keywords/k.pdf" --set "keywords=$kw"
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render with --set keywords failed (exit $rc)"
else
    got=$(info "$work/keywords/k.pdf" Keywords)
    [ "$got" = "$kw" ] || fail "PDF Keywords are \"$got\", the report's are \"$kw\""
fi

finish
