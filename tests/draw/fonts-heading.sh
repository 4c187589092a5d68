#!/bin/sh
# SPDX-License-Identifier: MIT
# fonts.heading sets the titles (the cover's title, the contents' heading,
# section headings and subheadings) and nothing else: with DejaVu Serif
# (fonts-dejavu-core) for headings, the PDF embeds DejaVu Serif in bold
# and the captions and footers stay in Noto Sans; without it, no serif
# face is embedded at all.
. "$top_srcdir/tests/lib.sh"
need_tool pdffonts pdftotext

cat > "$work/report.cfg" <<CFG
title = "Headings";
data = { path = "$top_srcdir/data/sample-portfolio.csv"; };
sections = ( { plugin = "by-region"; title = "Projects per region"; } );
CFG
printf 'plugin_path = [ ];\n' > "$work/plain.conf"
printf 'plugin_path = [ ];\nfonts = { heading = "DejaVu Serif"; };\n' > "$work/serif.conf"

run render "$work/report.cfg" --config "$work/plain.conf" -o "$work/plain.pdf"
[ "$rc" -eq 0 ] || { show_run; die "render failed (exit $rc)"; }
pdffonts "$work/plain.pdf" > "$work/plain.fonts" || die "pdffonts failed"
grep -q 'DejaVuSerif' "$work/plain.fonts" && fail "a serif face is embedded without fonts.heading"

run render "$work/report.cfg" --config "$work/serif.conf" -o "$work/serif.pdf"
[ "$rc" -eq 0 ] || { show_run; die "render with fonts.heading failed (exit $rc)"; }
pdffonts "$work/serif.pdf" > "$work/serif.fonts" || die "pdffonts failed"
grep -q 'DejaVuSerif-Bold' "$work/serif.fonts" ||
    fail "fonts.heading = DejaVu Serif: no DejaVu Serif Bold in the PDF: $(awk 'NR > 2 { print $1 }' "$work/serif.fonts" | tr '\n' ' ')"
grep -q 'NotoSans-Regular' "$work/serif.fonts" ||
    fail "fonts.heading changed the body text's font too: $(awk 'NR > 2 { print $1 }' "$work/serif.fonts" | tr '\n' ' ')"
# the regular serif face would mean body text (a caption, a footer) in it
grep -q 'DejaVuSerif ' "$work/serif.fonts" &&
    fail "body text is set in DejaVu Serif: $(grep DejaVuSerif "$work/serif.fonts")"
pdftotext "$work/serif.pdf" - | grep -q 'Projects per region' || fail "the heading's text is lost"
finish
