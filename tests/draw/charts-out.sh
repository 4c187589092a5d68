#!/bin/sh
# SPDX-License-Identifier: MIT
# Charts for slides: `ssc-report render REPORT --charts DIR` also writes each
# chart as DIR/NN-PLUGIN.png (150 dpi) and DIR/NN-PLUGIN.svg.
#
# The report is the test's own, written here, over the fixed portfolio of
# the visual test (tests/draw/visual/portfolio.csv): one section per chart kind,
# each naming its chart, so which sections have a chart (every one but the
# table) follows from this file alone.  For each chart section:
#   - DIR/NN-PLUGIN.png is a PNG whose width is the chart's width (the page
#     width less the margins, in points) * 150/72, within a pixel, and whose
#     height matches the SVG's at 150 dpi, within a pixel;
#   - DIR/NN-PLUGIN.svg is well-formed XML (xmllint, when installed) with a
#     width of the chart's width in points, and something drawn in it;
# the table section writes no chart file, and DIR holds nothing else.  Then
# the same with Letter landscape pages and other margins: the width follows.
# Last, the bundled sample's spotlight: its first story's description needs
# the half page it gets in the document, not a box three quarters of the
# chart's width high (where it was refused as too long).
. "$top_srcdir/tests/lib.sh"
need_tool pdfinfo od

SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
margin=60
portfolio="$top_srcdir/tests/draw/visual/portfolio.csv"

# NN PLUGIN CHART OPTIONS: the sections, in order.
sections()
{
    cat <<'EOF'
01	kpi	custom	
02	by-region	hbar	
03	timeline	line	
04	by-status	stacked	
05	by-institution	grouped	
06	gender	donut	view = "marker";
07	by-sdg	sdg-grid	
08	by-country	tile-map	
09	funding	bar	by = "year";
10	project-table	table	
11	narrative	custom	text = "{projects} projects in {countries} countries.";
12	spotlight	custom	
EOF
}
sections > "$work/sections"
{
    printf 'title = "Charts for slides";\n'
    printf 'data = { path = "%s"; };\n' "$portfolio"
    printf 'theme = { margin = %s.0; };\n' "$margin"
    printf 'sections = (\n'
    sep=''
    while IFS='	' read -r nn plugin chart options; do
        printf '%s  { plugin = "%s"; title = "Section %s"; chart = "%s"; options = { %s }; }' \
            "$sep" "$plugin" "$nn" "$chart" "$options"
        sep=',
'
    done < "$work/sections"
    printf '\n);\n'
} > "$work/slides.cfg"

# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk, which a PNG file must
# start with: 8 bytes of signature, the chunk's length and type, then the
# width and height as 4-byte big-endian numbers.
png_size()
{
    od -An -tu1 -v -N24 "$1" | tr -s ' \n' '  ' | awk '{
        if (NF < 24 || $1 != 137 || $2 != 80 || $3 != 78 || $4 != 71 ||
            $13 != 73 || $14 != 72 || $15 != 68 || $16 != 82) exit 1
        printf "%d %d\n", (($17 * 256 + $18) * 256 + $19) * 256 + $20,
                          (($21 * 256 + $22) * 256 + $23) * 256 + $24
    }'
}

# svg_size FILE: "WIDTH HEIGHT" in points from the <svg> element.
svg_size()
{
    tr '\n' ' ' < "$1" | sed -n 's/.*<svg[^>]* width="\([0-9.]*\)pt"[^>]* height="\([0-9.]*\)pt".*/\1 \2/p' |
        head -n 1
}

# near A B: |A - B| <= 1
near()
{
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d <= 1 && d >= -1) }'
}

# check_charts LABEL DIR PDF: the chart files against the sections.
check_charts()
{
    label=$1 dir=$2 pdf=$3
    pw=$(pdfinfo "$pdf" | sed -n 's/^Page size: *\([0-9.]*\) x .*/\1/p')
    [ -n "$pw" ] || { fail "$label: cannot read the page size of $pdf"; return; }
    # the chart's width: the page's less the margins, in points
    cw=$(awk -v p="$pw" -v m="$margin" 'BEGIN { printf "%.3f", p - 2 * m }')
    want_px=$(awk -v w="$cw" 'BEGIN { printf "%.3f", w * 150 / 72 }')
    : > "$dir.expected"
    while IFS='	' read -r nn plugin chart options; do
        base="$dir/$nn-$plugin"
        if [ "$chart" = table ]; then
            [ -e "$base.png" ] || [ -e "$base.svg" ] &&
                fail "$label: section $nn is a table, yet $nn-$plugin.png or .svg was written"
            continue
        fi
        printf '%s\n%s\n' "$nn-$plugin.png" "$nn-$plugin.svg" >> "$dir.expected"
        if [ ! -s "$base.png" ]; then
            fail "$label: $nn-$plugin.png was not written (section $nn, chart $chart)"
        elif ! size=$(png_size "$base.png") || [ -z "$size" ]; then
            fail "$label: $nn-$plugin.png is not a PNG file"
        else
            set -- $size
            pxw=$1 pxh=$2
            near "$pxw" "$want_px" ||
                fail "$label: $nn-$plugin.png is $pxw pixels wide; a $cw pt chart at 150 dpi is $want_px"
        fi
        if [ ! -s "$base.svg" ]; then
            fail "$label: $nn-$plugin.svg was not written (section $nn, chart $chart)"
            continue
        fi
        if command -v xmllint >/dev/null 2>&1; then
            xmllint --noout "$base.svg" 2> "$dir.xmllint" ||
                fail "$label: $nn-$plugin.svg is not well-formed XML: $(head -n 3 "$dir.xmllint")"
        else
            grep -q '<svg' "$base.svg" && grep -q '</svg>' "$base.svg" ||
                fail "$label: $nn-$plugin.svg has no <svg> ... </svg>"
        fi
        grep -q '<path\|<use\|<rect\|<image' "$base.svg" ||
            fail "$label: $nn-$plugin.svg draws nothing"
        ssize=$(svg_size "$base.svg")
        if [ -z "$ssize" ]; then
            fail "$label: $nn-$plugin.svg gives no width and height in points"
            continue
        fi
        set -- $ssize
        near "$1" "$cw" || fail "$label: $nn-$plugin.svg is $1 pt wide, the chart $cw pt"
        # the PNG and the SVG are the same picture: heights agree at 150 dpi
        if [ -n "${pxh:-}" ]; then
            svg_px=$(awk -v h="$2" 'BEGIN { printf "%.3f", h * 150 / 72 }')
            near "$pxh" "$svg_px" ||
                fail "$label: $nn-$plugin.png is $pxh pixels high, its SVG ($2 pt) makes $svg_px at 150 dpi"
        fi
        pxh=
    done < "$work/sections"
    # nothing else in the folder (in particular no temporary files)
    ls -A "$dir" | sort > "$dir.found"
    sort "$dir.expected" | comm -13 - "$dir.found" > "$dir.extra"
    [ -s "$dir.extra" ] && fail "$label: unexpected files in the charts folder: $(tr '\n' ' ' < "$dir.extra")"
    return 0
}

# ---- A4 portrait ---------------------------------------------------------------
run render "$work/slides.cfg" -o "$work/a4.pdf" --charts "$work/a4"
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render --charts failed (exit $rc)"
else
    check_charts a4 "$work/a4" "$work/a4.pdf"
fi

# ---- Letter landscape, other margins: the charts follow the page ---------------
margin=40
run render "$work/slides.cfg" -o "$work/letter.pdf" --charts "$work/letter" \
    --set theme.page_size=Letter --set theme.orientation=landscape --set "theme.margin=$margin.0"
if [ "$rc" -ne 0 ]; then
    show_run
    fail "render --charts with Letter landscape pages failed (exit $rc)"
else
    pdfinfo "$work/letter.pdf" | grep -q '^Page size: *792 x 612' ||
        fail "letter: the pages are not Letter landscape: $(pdfinfo "$work/letter.pdf" | grep '^Page size')"
    check_charts letter "$work/letter" "$work/letter.pdf"
fi


cat > "$work/spot.cfg" <<CFG
title = "Stories";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = ( { plugin = "spotlight"; title = "Project spotlights"; } );
CFG
run render "$work/spot.cfg" -o "$work/spot.pdf" --charts "$work/spot"
if [ "$rc" -ne 0 ]; then
    fail "the sample's spotlight was not written as a chart (exit $rc)"
    show_run
elif ! size=$(png_size "$work/spot/01-spotlight.png") || [ -z "$size" ]; then
    fail "01-spotlight.png is missing or not a PNG"
fi
finish
