#!/bin/sh
# SPDX-License-Identifier: MIT
# What a render prints besides the PDF (issue 10): --quiet prints nothing
# but errors, --verbose one timing line per phase, and the progress line
# appears on a terminal (a pseudo-terminal from script(1)) and never when
# stderr is a file or a pipe.  No time is asserted, only the lines.
. "$top_srcdir/tests/lib.sh"

# a portfolio with one bad row, read with --skip-bad-rows: a warning to hide
sample=$("$SSC_REPORT" --help | sed -n 's/^Bundled sample: //p')
[ -s "$sample" ] || die "no bundled sample in ssc-report --help"
cp "$sample" "$work/p.csv"
# its id and nothing else: required cells are empty
head -n 1 "$sample" | tr -d '\r' | sed 's/[^,]//g; s/^/BAD-ROW-1/' >> "$work/p.csv"

# ---- without options: the summary and the warnings ------------------------------
"$SSC_REPORT" render --data "$work/p.csv" --skip-bad-rows -o "$work/a.pdf" \
    > "$work/a.out" 2> "$work/a.err" || fail "render failed: $(cat "$work/a.err")"
grep -q "^wrote " "$work/a.out" || fail "no 'wrote' line: $(cat "$work/a.out")"
grep -q "bad row" "$work/a.err" || fail "the bad row was not warned about: $(cat "$work/a.err")"
# stderr is a file: no progress line, whatever the delay
SSC_REPORT_PROGRESS_DELAY=0 "$SSC_REPORT" render --data "$work/p.csv" --skip-bad-rows \
    -o "$work/a.pdf" > /dev/null 2> "$work/b.err" || fail "render failed: $(cat "$work/b.err")"
grep -q "$(printf '\r')" "$work/b.err" && fail "a progress line went to a file: $(od -c "$work/b.err" | head)"
grep -qE "reading|laying out|writing the PDF" "$work/b.err" && fail "progress in a file: $(cat "$work/b.err")"
SSC_REPORT_PROGRESS_DELAY=0 "$SSC_REPORT" render -o "$work/a.pdf" 2>&1 >/dev/null | cat > "$work/pipe.err"
[ -s "$work/pipe.err" ] && fail "stderr to a pipe is not empty: $(cat "$work/pipe.err")"

# ---- --quiet ---------------------------------------------------------------------
for q in --quiet -q; do
    rm -f "$work/q.pdf"
    "$SSC_REPORT" render --data "$work/p.csv" --skip-bad-rows $q -o "$work/q.pdf" \
        > "$work/q.out" 2> "$work/q.err" || fail "render $q failed: $(cat "$work/q.err")"
    [ -s "$work/q.pdf" ] || fail "render $q wrote no PDF"
    [ -s "$work/q.out" ] && fail "render $q printed on stdout: $(cat "$work/q.out")"
    [ -s "$work/q.err" ] && fail "render $q printed on stderr: $(cat "$work/q.err")"
done
"$SSC_REPORT" check --data "$work/p.csv" --skip-bad-rows -q > "$work/c.out" 2>&1 ||
    fail "check -q failed: $(cat "$work/c.out")"
[ -s "$work/c.out" ] && fail "check -q printed: $(cat "$work/c.out")"
# errors still come through, and the status
if "$SSC_REPORT" render --data "$work/p.csv" -q -o "$work/e.pdf" > "$work/e.out" 2> "$work/e.err"; then
    fail "a bad row without --skip-bad-rows rendered under --quiet"
fi
grep -q "required, but empty" "$work/e.err" || fail "--quiet hid the error: $(cat "$work/e.err")"
[ -s "$work/e.out" ] && fail "--quiet printed on stdout on failure: $(cat "$work/e.out")"

# ---- --verbose ---------------------------------------------------------------------
"$SSC_REPORT" render --data "$work/p.csv" --skip-bad-rows --verbose -o "$work/v.pdf" \
    > "$work/v.out" 2> "$work/v.err" || fail "render --verbose failed: $(cat "$work/v.err")"
for phase in "start-up (settings, report, plugins)" "reading the data" "computing the sections" \
    "laying out" "writing the PDF" "total"; do
    grep -qE "^ssc-report: $(printf '%s' "$phase" | sed 's/[()]/\\&/g'): [0-9]+\.[0-9]{3} s$" \
        "$work/v.err" || fail "--verbose: no timing for $phase: $(cat "$work/v.err")"
done
grep -q "^wrote " "$work/v.out" || fail "--verbose lost the 'wrote' line"
grep -q "bad row" "$work/v.err" || fail "--verbose lost the warning"
"$SSC_REPORT" render --quiet --verbose -o "$work/x.pdf" > /dev/null 2>&1
[ $? -eq 2 ] || fail "--quiet with --verbose is not a usage error"

# ---- on a terminal -----------------------------------------------------------------
if ! command -v script > /dev/null 2>&1; then
    echo "script(1) not installed: the terminal case is not tested"
else
    SSC_REPORT_PROGRESS_DELAY=0 script -qec "\"$SSC_REPORT\" render -o \"$work/t.pdf\"" \
        /dev/null > "$work/tty.out" 2>&1 < /dev/null || fail "render on a terminal failed: $(cat "$work/tty.out")"
    grep -q "$(printf '\r')" "$work/tty.out" || fail "no line rewritten with CR on a terminal: $(od -c "$work/tty.out" | head)"
    grep -qE "writing the PDF: page [0-9]+ of [0-9]+|laying out: page [0-9]+" "$work/tty.out" ||
        fail "no page progress on a terminal: $(tr '\r' '\n' < "$work/tty.out")"
    grep -q "wrote " "$work/tty.out" || fail "no 'wrote' line on a terminal"
    SSC_REPORT_PROGRESS_DELAY=0 script -qec "\"$SSC_REPORT\" render -q -o \"$work/t.pdf\"" \
        /dev/null > "$work/ttyq.out" 2>&1 < /dev/null || fail "render -q on a terminal failed"
    [ -s "$work/ttyq.out" ] && fail "--quiet printed on a terminal: $(od -c "$work/ttyq.out" | head)"
fi
finish
