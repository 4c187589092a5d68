#!/bin/sh
# SPDX-License-Identifier: MIT
# Which font draws what Noto Sans lacks, with the built-in font list, in
# an English report without Chinese text: a negative change is written
# with U+2212 MINUS SIGN, which Debian's Noto Sans does not have; it must
# come from DejaVu Sans, not from Noto Sans CJK SC (whose every weight
# cairo reads whole, 16 MB, to embed).  The portfolio is written here:
# three projects started in 2024 and one in 2025, so the year in review
# of 2025 says "−2 since 2024".
# And a title in Thai, which no family of the built-in list has: the
# engine lays the document out from those families alone first
# (engine/draw/fonts.c), so it must fall back to every installed font and
# draw the Thai from Noto Sans Thai (fonts-noto-core), in render and check;
# and the same for Thai that only a custom section draws.
. "$top_srcdir/tests/lib.sh"
need_tool pdftotext pdffonts

{
    echo "id,title,lead_institution,partner_institutions,countries,sector,sdg_primary," \
        "sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality," \
        "gender_marker,beneficiaries" | tr -d ' '
    for i in 1 2 3; do
        echo "P-$i,Project $i,Institute A,,KEN,water,6,,2024-0$i-01,,ongoing,PGTF,1000,,,"
    done
    echo "P-4,Project 4,Institute A,,KEN,water,6,,2025-03-01,,ongoing,PGTF,1000,,,"
} > "$work/portfolio.csv"
cat > "$work/report.cfg" <<'CFG'
title = "Fonts";
data = { path = "portfolio.csv"; };
period = { year = 2025; };
sections = ( { plugin = "year-in-review"; title = "The year in review"; } );
CFG
# the built-in list, whatever settings file the caller's environment names
printf 'plugin_path = [ ];\n' > "$work/engine.conf"

run render "$work/report.cfg" --config "$work/engine.conf" -o "$work/r.pdf" --verbose
[ "$rc" -eq 0 ] || { show_run; die "render failed (exit $rc)"; }
grep -q 'fonts:' "$work/run.err" && fail "the minus sign widened the fonts: $(grep 'fonts:' "$work/run.err")"
pdftotext "$work/r.pdf" "$work/r.txt" || die "pdftotext failed"
minus=$(printf '\342\210\222') # U+2212 in UTF-8
grep -q "${minus}2 since 2024" "$work/r.txt" ||
    fail "no \"${minus}2 since 2024\" (1 project started in 2025, 3 in 2024) in the text"
pdffonts "$work/r.pdf" > "$work/fonts" || die "pdffonts failed"
grep -q 'NotoSansCJK' "$work/fonts" &&
    fail "an English report without Chinese embeds the CJK face: $(grep NotoSansCJK "$work/fonts")"
grep -q 'DejaVuSans' "$work/fonts" ||
    fail "the minus sign is not drawn from DejaVu Sans: $(awk 'NR > 2 { print $1 }' "$work/fonts" | tr '\n' ' ')"

thai=$(printf '\340\270\240\340\270\262\340\270\251\340\270\262\340\271\204\340\270\227\340\270\242') # ภาษาไทย
if [ -z "$(fc-list ':lang=th' family 2>/dev/null)" ]; then
    echo "note: no installed font has Thai (fonts-noto-core has): the fallback is not tested"
    finish
fi
sed "s/^title = .*/title = \"Report $thai\";/" "$work/report.cfg" > "$work/thai.cfg"
run render "$work/thai.cfg" --config "$work/engine.conf" -o "$work/thai.pdf" --verbose
[ "$rc" -eq 0 ] || { show_run; die "the Thai title did not render (exit $rc)"; }
# --verbose says why the document was laid out twice
grep -q "fonts: \"Report $thai\" has characters that no font of the theme's lists has" \
    "$work/run.err" || fail "--verbose does not say the fonts widened: $(cat "$work/run.err")"
pdftotext "$work/thai.pdf" - | grep -q "Report $thai" || fail "the Thai title is not in the text"
pdffonts "$work/thai.pdf" | grep -q 'NotoSansThai' ||
    fail "the Thai title is not drawn from Noto Sans Thai: $(pdffonts "$work/thai.pdf" | awk 'NR > 2 { print $1 }' | tr '\n' ' ')"
run check "$work/thai.cfg" --config "$work/engine.conf"
[ "$rc" -eq 0 ] || { show_run; fail "check refused the Thai title (exit $rc)"; }

# Thai only in a custom section's text: a render's dry run leaves custom
# sections (and charts) undrawn, so the lean fonts meet it in the real
# pass, which must start the PDF again rather than refuse the text
cat > "$work/story.cfg" <<CFG
title = "Fonts";
data = { path = "portfolio.csv"; };
sections = ( { plugin = "narrative"; title = "Story";
               options = { text = "{projects} projects: $thai"; }; } );
CFG
run render "$work/story.cfg" --config "$work/engine.conf" -o "$work/story.pdf" --verbose
[ "$rc" -eq 0 ] || { show_run; die "Thai in a custom section did not render (exit $rc)"; }
grep -q "fonts: \".*$thai\" has characters" "$work/run.err" ||
    fail "--verbose does not name the custom section's text: $(cat "$work/run.err")"
pdftotext "$work/story.pdf" - | grep -q "4 projects: $thai" ||
    fail "the custom section's Thai text is not in the PDF"
pdffonts "$work/story.pdf" | grep -q 'NotoSansThai' || fail "the story's Thai is not from Noto Sans Thai"
run check "$work/story.cfg" --config "$work/engine.conf"
[ "$rc" -eq 0 ] || { show_run; fail "check refused Thai in a custom section (exit $rc)"; }
finish
