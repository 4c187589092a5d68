#!/bin/sh
# SPDX-License-Identifier: MIT
# Visual regression: renders the fixed report tests/draw/visual/report.cfg (its
# own twelve projects in tests/draw/visual/portfolio.csv), in English and in
# Chinese, with SOURCE_DATE_EPOCH set and the built-in fonts (Noto Sans,
# Noto Sans CJK SC); turns
# chosen pages into PNGs with `pdftoppm -png -r 60`; and compares each with
# its reference in tests/draw/visual/ref/ using tests/draw/pngdiff.
#
# Tolerance (see tests/draw/visual/README.md for why these numbers): a pixel
# differs when one of its channels differs by more than VISUAL_TOLERANCE
# (16 of 255); a page fails when more than VISUAL_MAX_PERCENT (0.1) per
# cent of its pixels differ.  Both may be set in the environment.
#
# On failure the new PNGs and the diff images (differing pixels in red)
# are kept under tests/draw/visual.tmp/ in the build tree, and the test says
# where.  After an intended change: `make visual-refresh`, which runs this
# script with SSC_VISUAL_REFRESH=yes (tests/draw/visual-refresh.sh) to copy the
# new PNGs over the references instead of comparing.
. "$top_srcdir/tests/lib.sh"
need_tool pdftoppm pdftotext pdffonts pdfinfo

VISUAL_TOLERANCE=${VISUAL_TOLERANCE:-16}
VISUAL_MAX_PERCENT=${VISUAL_MAX_PERCENT:-0.1}
# A fixed instant (2023-11-14T22:13:20Z): the cover's date comes from it.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

refresh=${SSC_VISUAL_REFRESH:-no}
visual="$top_srcdir/tests/draw/visual"
refdir="$visual/ref"
pngdiff="$top_builddir/tests/draw/pngdiff"
[ -x "$pngdiff" ] || die "$pngdiff was not built (make check builds it)"

# The pages compared: NAME EDITION WHERE, WHERE being "page:N" or the
# title of the section whose page it is (looked for from page 3 on, after
# the cover and the contents, so the contents entry does not count).
pages()
{
    cat <<'EOF'
en-cover	en	page:1
en-contents	en	page:2
en-bars	en	Projects by region
en-tile-map	en	Projects by country
en-table	en	All projects
zh-sdg-grid	zh	各可持续发展目标项目
EOF
}

# ---- the fonts ------------------------------------------------------------
# The references were drawn with Noto Sans (Debian's fonts-noto-core) for
# the English edition and Noto Sans CJK SC (fonts-noto-cjk) for the Chinese
# one; another font lays every line out differently, and no tolerance can
# hide that.  Without the fonts there is nothing meaningful to compare.
if command -v fc-match >/dev/null 2>&1; then
    for want in 'Noto Sans' 'Noto Sans CJK SC'; do
        family=$(fc-match -f '%{family[0]}' "$want")
        [ "$family" = "$want" ] ||
            skip "the references need the font $want (fonts-noto-core, fonts-noto-cjk); fontconfig offers \"$family\""
    done
fi
# Engine settings of the test's own, so that a settings file the caller
# points SSC_REPORT_CONFIG at cannot change the fonts or the theme: the
# built-in list, written out (the Chinese edition turns it CJK-first).
cat > "$work/engine.conf" <<'EOF'
plugin_path = [ ];
fonts = { body = "Noto Sans, DejaVu Sans, Noto Sans CJK SC"; heading = "Noto Sans, DejaVu Sans, Noto Sans CJK SC"; };
EOF

# ---- render ---------------------------------------------------------------
# render EDITION [--set ...]: $work/EDITION.pdf from the fixed report.
render()
{
    ed=$1
    shift
    run render "$visual/report.cfg" -o "$work/$ed.pdf" --config "$work/engine.conf" "$@"
    if [ "$rc" -ne 0 ]; then
        show_run
        die "render of the $ed edition of tests/draw/visual/report.cfg failed (exit $rc)"
    fi
    # every font in the file is the references' one: the English edition,
    # which has no Chinese text, only Noto Sans (the CJK face is neither
    # loaded nor embedded), the Chinese one Noto Sans CJK SC first
    case $ed in
    zh) want='^NotoSans(CJKsc)?-' ;;
    *) want='^NotoSans-' ;;
    esac
    pdffonts "$work/$ed.pdf" > "$work/$ed.fonts" || die "pdffonts failed on $ed.pdf"
    awk -v want="$want" 'NR > 2 { f = $1; sub(/^[A-Z]*\+/, "", f); if (f !~ want) print $1 }' \
        "$work/$ed.fonts" > "$work/$ed.otherfonts"
    [ -s "$work/$ed.otherfonts" ] &&
        fail "$ed: the PDF uses fonts the references were not drawn with: $(tr '\n' ' ' < "$work/$ed.otherfonts")"
    [ "$ed" = zh ] && ! grep -q 'NotoSansCJKsc-' "$work/$ed.fonts" &&
        fail "zh: the Chinese edition does not embed Noto Sans CJK SC"
    pdftotext "$work/$ed.pdf" "$work/$ed.txt" || die "pdftotext failed on $ed.pdf"
}
render en
render zh --set language=zh
# references drawn with the wrong fonts would make every later run fail
[ "$refresh" = yes ] && [ "$failures" -ne 0 ] && die "not refreshing the references"

# find_page EDITION WHERE: the page number, or nothing.
find_page()
{
    case $2 in
    page:*) echo "${2#page:}" ;;
    *)
        # pages are separated by form feeds; spaces and line breaks are
        # dropped on both sides, since a title may wrap
        awk -v RS='\f' -v want="$2" '
            BEGIN { gsub(/[ \t\n]/, "", want) }
            { t = $0; gsub(/[ \t\n]/, "", t) }
            NR >= 3 && index(t, want) { print NR; exit }' "$work/$1.txt"
        ;;
    esac
}

# tools: what drew and rasterised the pages, to tell a regression from a
# different machine.  The refresh writes it next to the references.
tools()
{
    printf 'pdftoppm: %s\n' "$(pdftoppm -v 2>&1 | head -n 1)"
    printf 'producer: %s\n' "$(pdfinfo "$work/en.pdf" | sed -n 's/^Producer: *//p')"
    if command -v fc-match >/dev/null 2>&1; then
        printf 'font: %s\n' "$(fc-match -f '%{file} version %{fontversion}' 'Noto Sans')"
        printf 'font: %s\n' "$(fc-match -f '%{file} version %{fontversion}' 'Noto Sans CJK SC')"
    fi
    if command -v dpkg-query >/dev/null 2>&1; then
        dpkg-query -W -f='package: ${Package} ${Version}\n' fonts-noto-core fonts-noto-cjk libcairo2 \
            libpango-1.0-0 libfreetype6 libharfbuzz0b poppler-utils 2>/dev/null
    fi
}
tools > "$work/TOOLS.txt"

mkdir "$work/new" "$work/diff" || die "cannot create folders in $work"
pages > "$work/pages"
while IFS='	' read -r name ed where; do
    page=$(find_page "$ed" "$where")
    if [ -z "$page" ]; then
        fail "$name: no page of the $ed edition shows \"$where\""
        continue
    fi
    # -singlefile: NAME.png, without pdftoppm's page-number suffix
    pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$work/$ed.pdf" "$work/new/$name" ||
        { fail "$name: pdftoppm failed on page $page of $ed.pdf"; continue; }
    new="$work/new/$name.png"
    ref="$refdir/$name.png"

    if [ "$refresh" = yes ]; then
        mkdir -p "$refdir" || die "cannot create $refdir"
        # what the refresh changes, exactly (tolerance 0), for the log
        if [ -f "$ref" ]; then
            how=$("$pngdiff" "$ref" "$new" 2>&1)
            case $how in
            "0 of "*) how="unchanged" ;;
            esac
        else
            how="new reference"
        fi
        cp "$new" "$ref" || die "cannot write $ref"
        printf '%s: %s (page %s of the %s edition): %s\n' "$test_name" "$name" "$page" "$ed" "$how"
        continue
    fi

    if [ ! -f "$ref" ]; then
        fail "$name: no reference $ref; run 'make visual-refresh' and review it"
        continue
    fi
    out=$("$pngdiff" -t "$VISUAL_TOLERANCE" -p "$VISUAL_MAX_PERCENT" -d "$work/diff/$name.png" \
        "$ref" "$new" 2>&1)
    status=$?
    case $status in
    0) printf '%s: %s (page %s): %s\n' "$test_name" "$name" "$page" "$out" ;;
    1) fail "$name (page $page of the $ed edition): $out
    reference: $ref
    new:       $new
    diff:      $work/diff/$name.png (differing pixels in red)" ;;
    *) fail "$name (page $page of the $ed edition): cannot compare: $out
    reference: $ref
    new:       $new" ;;
    esac
done < "$work/pages"

if [ "$refresh" = yes ]; then
    cp "$work/TOOLS.txt" "$refdir/TOOLS.txt" || die "cannot write $refdir/TOOLS.txt"
    # references that no page produces any more are left for a person to remove
    for f in "$refdir"/*.png; do
        [ -e "$f" ] || continue
        n=$(basename "$f" .png)
        grep -q "^$n	" "$work/pages" ||
            printf '%s: %s is not produced by any page any more: remove it (git rm)\n' "$test_name" "$f"
    done
    finish
fi

# ---- the comparison can see a change ----------------------------------------
# A slightly different accent colour (navy-teal #1B5E84 to green #2E7D5B,
# at most 41 levels in a channel: a per-channel tolerance of 48 let it
# through) must fail the comparison of the cover: a broken pngdiff or a
# tolerance grown too loose would otherwise pass every page, forever.
# (So report.cfg must keep another accent: it uses the default, #1B5E84.)
render accent --set theme.accent=#2E7D5B
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/accent.pdf" "$work/accent-cover" ||
    fail "pdftoppm failed on accent.pdf"
"$pngdiff" -t "$VISUAL_TOLERANCE" -p "$VISUAL_MAX_PERCENT" "$work/new/en-cover.png" \
    "$work/accent-cover.png" > "$work/accent.out" 2>&1
status=$?
[ "$status" -eq 1 ] ||
    fail "a cover with another accent colour (#2E7D5B) was not caught with tolerance $VISUAL_TOLERANCE and $VISUAL_MAX_PERCENT%: $(cat "$work/accent.out") (pngdiff exit $status)"

if [ "$failures" -ne 0 ]; then
    printf '%s: the new pages and the diff images are in %s/new and %s/diff\n' \
        "$test_name" "$work" "$work" >&2
    printf '%s: if the change is intended, run "make visual-refresh" and review the new references\n' \
        "$test_name" >&2
    # pictures drawn by other versions of the libraries or the fonts differ
    # without any regression: say so when that is the case
    if [ -f "$refdir/TOOLS.txt" ] && ! cmp -s "$refdir/TOOLS.txt" "$work/TOOLS.txt"; then
        printf '%s: the references were made with other tools (< references, > here):\n' "$test_name" >&2
        diff "$refdir/TOOLS.txt" "$work/TOOLS.txt" | grep '^[<>]' | sed 's/^/    /' >&2
    fi
fi
finish
