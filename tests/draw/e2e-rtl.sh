#!/bin/sh
# SPDX-License-Identifier: MIT
# A right-to-left title (Arabic) is shaped and starts at the right margin
# of its section's heading; a character no installed font has stops the run
# and the text holding it is named.
. "$top_srcdir/tests/lib.sh"
command -v pdftotext > /dev/null || skip "pdftotext (poppler-utils) is not installed"

cat > "$work/ar.cfg" <<CFG
title = "شبكة التعاون بين بلدان الجنوب";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = ( { plugin = "by-region"; title = "المشاريع حسب المنطقة"; chart = "hbar"; } );
CFG
run render "$work/ar.cfg" -o "$work/ar.pdf"
[ "$rc" -eq 0 ] || { fail "the Arabic report did not render"; show_run; }
pdftotext "$work/ar.pdf" "$work/ar.txt"
grep -q "شبكة التعاون" "$work/ar.txt" || fail "the Arabic title is not in the text of the PDF"
grep -q "المشاريع حسب المنطقة" "$work/ar.txt" || fail "the Arabic heading is not in the text"
# -bbox gives every glyph's box (Arabic comes out a letter at a time): the
# heading, below the running header (y > 45) and above the chart (y < 85),
# lies in the right half of the A4 page (595 points wide)
pdftotext -bbox -f 3 -l 3 "$work/ar.pdf" "$work/ar.html"
left=$(awk -F'"' '/<word/ && $4 > 45 && $4 < 85 { if (min == "" || $2 < min) min = $2 }
                  END { if (min != "") print int(min) }' "$work/ar.html")
[ -n "$left" ] || fail "cannot find the heading's position"
[ -n "$left" ] && [ "$left" -gt 297 ] || fail "the Arabic heading starts at x = $left, not on the right"

# U+0378 (unassigned): no font has it
printf 'title = "Unassigned \315\270 here";\ndata = { path = "%s/data/sample-portfolio.csv"; };\nsections = ( { plugin = "by-region"; title = "Regions"; } );\n' \
    "$top_srcdir" > "$work/glyph.cfg"
"$SSC_REPORT" render "$work/glyph.cfg" -o "$work/glyph.pdf" > /dev/null 2> "$work/glyph.err" &&
    fail "a report with a character no font has was written"
grep -q 'the fonts have no glyphs for some characters of "Unassigned' "$work/glyph.err" ||
    fail "the missing glyph is not named: $(cat "$work/glyph.err")"
[ -e "$work/glyph.pdf" ] && fail "a PDF was written despite the missing glyph"
# check lays the document out too, so it finds the same problem
"$SSC_REPORT" check "$work/glyph.cfg" > /dev/null 2> "$work/check.err" &&
    fail "check passed a report that render refuses"
grep -q 'the fonts have no glyphs' "$work/check.err" || fail "check: $(cat "$work/check.err")"
finish
