#!/bin/sh
# SPDX-License-Identifier: MIT
# SIGKILL at random moments of a render: the previous PDF stays whole, the
# new one is complete (qpdf --check) or absent, and the temporary files a
# killed run leaves are removed by the next run (engine/atomic.c's sweep:
# only files no live process holds).  Two reports that differ in their
# title take turns on one output, so "previous" and "new" can be told apart.
# KILL_TRIALS (default 50) sets the number of kills.
. "$top_srcdir/tests/lib.sh"
need_tool qpdf
# a fixed date: every render of one report is then byte-identical
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

trials=${KILL_TRIALS:-50}
out="$work/out/report.pdf"
mkdir -p "$work/out"
for v in a b; do
    sed "s/^title = \"[^\"]*\";/title = \"Kill test $v\";/" \
        "$top_srcdir/reports/annual-meeting.cfg" > "$work/$v.cfg"
    grep -q "^title = \"Kill test $v\";" "$work/$v.cfg" || die "cannot make report $v"
done
data="$top_srcdir/data/sample-portfolio.csv"

# the references: each report rendered whole, alone
for v in a b; do
    run render "$work/$v.cfg" --data "$data" -o "$work/$v.pdf"
    [ "$rc" -eq 0 ] || { show_run; die "report $v does not render"; }
done
same_file "$work/a.pdf" "$work/b.pdf" && die "the two reports give the same PDF"
# renders of one report are byte-identical, so the references can be compared with cmp
run render "$work/a.cfg" --data "$data" -o "$work/a2.pdf"
same_file "$work/a.pdf" "$work/a2.pdf" || die "two renders of one report differ"

# how long a render takes, in milliseconds: kills are spread over it
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(now_ms)
run render "$work/a.cfg" --data "$data" -o "$work/a2.pdf"
span=$(( $(now_ms) - t0 ))
[ "$span" -gt 0 ] || span=1

temps() { ls -A "$work/out" | grep '^\.report\.pdf\.......$'; }

cp "$work/a.pdf" "$out"
prev=a
killed_mid=0
left=0
i=0
while [ "$i" -lt "$trials" ]; do
    i=$((i + 1))
    if [ "$prev" = a ]; then next=b; else next=a; fi
    # a delay from 0 to 1.2 times the render's length, in seconds
    delay=$(awk -v s="$span" -v seed="$$$i" 'BEGIN { srand(seed); printf "%.3f", rand() * s * 1.2 / 1000 }')
    "$SSC_REPORT" render "$work/$next.cfg" --data "$data" -o "$out" > /dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    if kill -KILL "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
    wait "$pid" 2>/dev/null
    [ -n "$(temps)" ] && left=$((left + 1))
    if same_file "$out" "$work/$prev.pdf"; then
        :   # the kill came first: the previous report is untouched
    elif same_file "$out" "$work/$next.pdf"; then
        prev=$next  # the new report was complete and in place
    else
        fail "trial $i: $out is neither the previous report nor the complete new one"
        qpdf --check "$out" > /dev/null 2>&1 || fail "trial $i: $out is not a valid PDF"
        break
    fi
done
# the kills must have hit renders that were running and left files behind,
# or this test proves nothing
[ "$killed_mid" -ge $((trials / 4)) ] || fail "only $killed_mid of $trials kills hit a running render"
[ "$left" -ge 1 ] || fail "no kill in $trials left a temporary file: the sweep is not tested"

# the next run removes what the killed ones left
run render "$work/a.cfg" --data "$data" -o "$out"
[ "$rc" -eq 0 ] || { show_run; fail "the render after the kills failed"; }
same_file "$out" "$work/a.pdf" || fail "the render after the kills is not the complete report"
qpdf --check "$out" > /dev/null 2>&1 || fail "the render after the kills is not a valid PDF"
[ -z "$(temps)" ] || fail "temporary files left after the next run: $(temps | tr '\n' ' ')"

# a live writer's temporary file is never swept: a second render to the
# same file while the first is writing leaves the first's file alone, and
# both complete
"$SSC_REPORT" render "$work/b.cfg" --data "$data" -o "$out" > "$work/first.out" 2>&1 &
first=$!
n=0
while [ -z "$(temps)" ] && [ "$n" -lt 600 ] && kill -0 "$first" 2>/dev/null; do
    sleep 0.02
    n=$((n + 1))
done
if [ -n "$(temps)" ]; then
    run render "$work/a.cfg" --data "$data" -o "$work/out/other.pdf"
    [ "$rc" -eq 0 ] || { show_run; fail "a render beside a live one failed"; }
    run render "$work/a.cfg" --data "$data" -o "$out"
    [ "$rc" -eq 0 ] || { show_run; fail "a second render of the same file failed"; }
    wait "$first" || fail "the first render failed beside a second: $(cat "$work/first.out")"
    # either may finish last; each is complete
    same_file "$out" "$work/a.pdf" || same_file "$out" "$work/b.pdf" ||
        fail "two renders of one file left an incomplete one"
else
    wait "$first"
    printf '%s: the first render ended before a second could start; not tested\n' "$test_name"
fi
[ -z "$(temps)" ] || fail "temporary files left after two renders: $(temps | tr '\n' ' ')"
# a file of the pattern nobody holds goes; other names stay
: > "$work/out/.report.pdf.ABC123"
: > "$work/out/.report.pdf.keep"
: > "$work/out/.other.pdf.ABCDEF"
run render "$work/a.cfg" --data "$data" -o "$out"
[ -e "$work/out/.report.pdf.ABC123" ] && fail "the sweep left a file nobody holds"
[ -e "$work/out/.report.pdf.keep" ] || fail "the sweep removed a file outside its pattern"
[ -e "$work/out/.other.pdf.ABCDEF" ] || fail "the sweep removed another output's file"
printf '%s: %d kills, %d during a render, %d left temporary files\n' \
    "$test_name" "$trials" "$killed_mid" "$left"
finish
