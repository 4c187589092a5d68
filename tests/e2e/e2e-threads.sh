#!/bin/sh
# SPDX-License-Identifier: MIT
# A CSV portfolio of several 1 MiB blocks read on one thread and on two
# (issue 10: plugin_processes 1 and 2; from 2 a reading thread judges the
# rows while the command's thread stores them): the same projects, the
# same numbers, the same problems in the same order and the same PDF bytes.
# The count of projects is the rows the test wrote less the bad ones.
# (That the second run does start a reading thread, test-csv-blocks checks
# by counting the threads a load starts.)
. "$top_srcdir/tests/lib.sh"

sample=$("$SSC_REPORT" --help | sed -n 's/^Bundled sample: //p')
[ -s "$sample" ] || die "no bundled sample in ssc-report --help"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

# 170 copies of the sample's rows under new ids, each copy with a title
# holding doubled quotes (unescaped apart from the file's bytes); two bad
# rows far into the file: a repeated id with a bad country, and an empty
# title.  One record per line in the sample, so awk can copy them.
copies=170
awk -v copies=$copies '
NR == 1 { print; next }
{ rows[++n] = $0 }
END {
    for (k = 1; k <= copies; k++) {
        for (i = 1; i <= n; i++)
            print "C" k "-" rows[i]
        printf "C%d-Q,\"A \"\"quoted\"\" title, copy %d\",Test Institute,,VNM,health,3,,2010,2012,completed,PGTF,1000,south-south,1,10,,,,,\n", k, k
        if (k == 70)
            print "C1-Q,Again,Test Institute,,XXX,health,3,,2010,2012,completed,PGTF,1000,south-south,1,10,,,,,"
        if (k == 110)
            print "C110-E,,Test Institute,,VNM,health,3,,2010,2012,completed,PGTF,1000,south-south,1,10,,,,,"
    }
}' "$sample" > "$work/big.csv" || die "cannot write the portfolio"
size=$(wc -c < "$work/big.csv")
[ "$size" -gt 3200000 ] || die "the portfolio is $size bytes, not three blocks (the least read on two threads)"
good=$(( (( $(wc -l < "$sample") - 1 ) + 1) * copies ))

for n in 1 2; do
    printf 'plugin_processes = %d;\n' "$n" > "$work/p$n.conf"
    SSC_REPORT_CONFIG="$work/p$n.conf" "$SSC_REPORT" render --data "$work/big.csv" \
        --skip-bad-rows -o "$work/p$n.pdf" --data-out "$work/out$n" \
        > "$work/p$n.out" 2> "$work/p$n.err" || fail "render ($n) failed: $(cat "$work/p$n.err")"
    SSC_REPORT_CONFIG="$work/p$n.conf" "$SSC_REPORT" check --data "$work/big.csv" \
        --skip-bad-rows > "$work/c$n.out" 2>&1 || fail "check ($n) failed: $(cat "$work/c$n.out")"
    grep -q "^ok: $good projects" "$work/c$n.out" ||
        fail "with $n: expected $good projects: $(cat "$work/c$n.out")"
    # without --skip-bad-rows: nothing rendered, the same problems
    SSC_REPORT_CONFIG="$work/p$n.conf" "$SSC_REPORT" render --data "$work/big.csv" \
        -o "$work/bad$n.pdf" > /dev/null 2> "$work/bad$n.err"
    echo "exit $?" >> "$work/bad$n.err"
done

# the problems as the test wrote them, in file order (line 1 is the header)
dup=$(grep -n '^C1-Q,Again' "$work/big.csv" | cut -d: -f1)
empty=$(grep -n '^C110-E,' "$work/big.csv" | cut -d: -f1)
first=$(grep -n '^C1-Q,' "$work/big.csv" | head -n 1 | cut -d: -f1)
for want in "big.csv:$dup: id: C1-Q is already used on line $first" \
    "big.csv:$dup: countries: XXX is not an ISO 3166-1 alpha-3 country code" \
    "big.csv:$empty: title: required, but empty"; do
    grep -qF "$want" "$work/bad1.err" || fail "missing: $want (got: $(cat "$work/bad1.err"))"
done
# the repeated id's problem comes before its row's country
grep -F "big.csv:$dup:" "$work/bad1.err" | head -n 1 | grep -q "already used" ||
    fail "the repeated id is not the row's first problem: $(cat "$work/bad1.err")"
grep -q '^exit 1$' "$work/bad1.err" || fail "bad rows did not fail the render: $(cat "$work/bad1.err")"

same_file "$work/p1.pdf" "$work/p2.pdf" || fail "the PDFs differ between one thread and two"
same_file "$work/p1.err" "$work/p2.err" || fail "the warnings differ: $(diff "$work/p1.err" "$work/p2.err")"
same_file "$work/bad1.err" "$work/bad2.err" ||
    fail "the problems differ: $(diff "$work/bad1.err" "$work/bad2.err")"
diff -r "$work/out1" "$work/out2" > "$work/out.diff" || fail "data-out differs: $(head "$work/out.diff")"
[ -n "$(ls "$work/out1")" ] || fail "no data-out written"

finish
