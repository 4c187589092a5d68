#!/bin/sh
# SPDX-License-Identifier: MIT
# The command as scripts use it: -o - writes the PDF to standard output,
# the output's extension decides (PDF only; .png/.svg point to --charts),
# check defaults to the bundled report, --help names the bundled files,
# help COMMAND and COMMAND --help print the command's own usage, and init
# DIR writes a starter that renders as it is and is never overwritten.
. "$top_srcdir/tests/lib.sh"
need_tool pdfinfo

# ---- -o - -----------------------------------------------------------------
TMPDIR="$work/tmp"
export TMPDIR
mkdir -p "$TMPDIR"
"$SSC_REPORT" render -o - > "$work/stdout.pdf" 2> "$work/stdout.err" ||
    fail "render -o -: $(cat "$work/stdout.err")"
[ "$(head -c 5 "$work/stdout.pdf")" = "%PDF-" ] || fail "-o - did not write a PDF to stdout"
"$SSC_REPORT" render -o "$work/file.pdf" > /dev/null 2>&1 || fail "render to a file failed"
pages_out=$(pdfinfo "$work/stdout.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
pages_file=$(pdfinfo "$work/file.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ -n "$pages_out" ] && [ "$pages_out" = "$pages_file" ] ||
    fail "-o - gave $pages_out pages, a file $pages_file"
grep -q "^wrote the PDF to standard output" "$work/stdout.err" ||
    fail "-o -: the note is not on stderr: $(cat "$work/stdout.err")"
[ -e ./- ] && fail "-o - wrote a file named -"
# a reader that stops early: the render fails, and still cleans up
"$SSC_REPORT" render -o - 2> "$work/pipe.err" | head -c 100 > /dev/null
[ -z "$(ls -A "$TMPDIR")" ] || fail "-o - left temporary files: $(ls -A "$TMPDIR")"

# ---- the output's extension -------------------------------------------------
for ext in png svg PNG; do
    run render -o "$work/out.$ext"
    [ "$rc" -eq 1 ] || fail "-o out.$ext: exit $rc, expected 1"
    grep -q "out.$ext: the report is written as PDF only.*--charts DIR" "$work/run.err" ||
        fail "-o out.$ext: no pointer to --charts: $(cat "$work/run.err")"
    [ -e "$work/out.$ext" ] && fail "-o out.$ext wrote a file"
done
run render -o "$work/out.docx"
[ "$rc" -eq 1 ] && grep -q "name the file .pdf" "$work/run.err" ||
    fail "-o out.docx: exit $rc, $(cat "$work/run.err")"
run render -o "$work/Out.PDF"
[ "$rc" -eq 0 ] && [ -s "$work/Out.PDF" ] || fail "-o Out.PDF refused: $(cat "$work/run.err")"

# ---- check with no report: the bundled one, as render --------------------
run check
[ "$rc" -eq 0 ] || fail "check with no report: exit $rc: $(cat "$work/run.err")"
n=$(($(wc -l < "$top_srcdir/data/sample-portfolio.csv") - 1))
grep -q "^ok: $n projects" "$work/run.out" || fail "check: $(cat "$work/run.out")"

# ---- --help names the bundled files, and they exist ------------------------
run --help
for what in report sample; do
    f=$(sed -n "s/^Bundled $what: //p" "$work/run.out")
    [ -n "$f" ] && [ -f "$f" ] || fail "--help names no existing bundled $what: '$f'"
done

# ---- help COMMAND and COMMAND --help ----------------------------------------
for cmd in render check plugins init help; do
    run help "$cmd"
    [ "$rc" -eq 0 ] || fail "help $cmd: exit $rc"
    grep -q "^Usage: ssc-report $cmd" "$work/run.out" || fail "help $cmd: $(head -2 "$work/run.out")"
    cp "$work/run.out" "$work/help.out"
    run "$cmd" --help
    [ "$rc" -eq 0 ] && cmp -s "$work/run.out" "$work/help.out" ||
        fail "$cmd --help differs from help $cmd"
done
for cmd in schedule run-due daemon; do
    run help "$cmd"
    [ "$rc" -eq 0 ] && grep -q "ssc-report $cmd" "$work/run.out" || fail "help $cmd: exit $rc"
done
run help rendr
[ "$rc" -eq 2 ] && grep -q "did you mean render" "$work/run.err" ||
    fail "help rendr: exit $rc, $(cat "$work/run.err")"

# ---- init DIR ---------------------------------------------------------------
run init "$work/new/starter"
[ "$rc" -eq 1 ] || fail "init into a missing parent: exit $rc"
run init "$work/starter"
[ "$rc" -eq 0 ] || fail "init: exit $rc: $(cat "$work/run.err")"
[ -f "$work/starter/report.cfg" ] && [ -f "$work/starter/portfolio.csv" ] ||
    fail "init did not write report.cfg and portfolio.csv"
rows=$(($(wc -l < "$work/starter/portfolio.csv") - 1))
(cd "$work" && "$SSC_REPORT" render starter/report.cfg -o starter.pdf > render.out 2> render.err) ||
    fail "the starter does not render: $(cat "$work/render.err")"
grep -q "^wrote starter.pdf (.* $rows projects)" "$work/render.out" ||
    fail "the starter's render: $(cat "$work/render.out")"
run check "$work/starter/report.cfg" --set language=zh
[ "$rc" -eq 0 ] || fail "the starter's Chinese edition does not check: $(cat "$work/run.err")"
echo "# mine" >> "$work/starter/report.cfg"
cp "$work/starter/report.cfg" "$work/mine.cfg"
run init "$work/starter"
[ "$rc" -eq 1 ] && grep -q "already exists; init never overwrites" "$work/run.err" ||
    fail "a second init: exit $rc, $(cat "$work/run.err")"
cmp -s "$work/starter/report.cfg" "$work/mine.cfg" || fail "a second init changed report.cfg"
run init
[ "$rc" -eq 2 ] || fail "init without a folder: exit $rc"

finish
