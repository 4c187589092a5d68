#!/bin/sh
# SPDX-License-Identifier: MIT
# iati-memory.sh: the iati plugin reads a large file in bounded memory.
#
# A 20 MB file of 25,000 generated activities (tests/plugins/iati/gen-activities.awk)
# is read by `test-iati --count`, which keeps no rows and prints the counts and
# its peak RSS (getrusage).  The same is done for a file with no activity; the
# large file may not raise the peak by more than 8 MB (the plugin's own bound
# is a 64 KiB chunk plus one activity's fields; libxml2 keeps a few more).  A
# reader that kept the file or a tree of it would need far more than 20 MB.
# bench/iati-memory.sh does the same with a 200 MB file.
. "$top_srcdir/tests/lib.sh"

gen="$top_srcdir/tests/plugins/iati/gen-activities.awk"
harness="$top_builddir/tests/plugins/test-iati"
[ -f "$gen" ] || die "missing $gen"
[ -x "$harness" ] || die "missing $harness"

n=25000
awk -v n=$n -f "$gen" > "$work/big.xml" || die "cannot generate the file"
printf '<?xml version="1.0"?>\n<iati-activities version="2.03"/>\n' > "$work/none.xml"
size=$(wc -c < "$work/big.xml")
[ "$size" -gt 15000000 ] || fail "the generated file has only $size bytes"

"$harness" --count "$work/big.xml" > "$work/big.out" 2> "$work/big.err" ||
    fail "reading the large file failed: $(cat "$work/big.err")"
"$harness" --count "$work/none.xml" > "$work/none.out" 2> "$work/none.err" ||
    fail "reading the empty portfolio failed: $(cat "$work/none.err")"

field()
{
    sed -n "s/.*$2=\([0-9]*\).*/\1/p" "$1"
}

# What the generator promises: every activity, all but every 7th with a
# budget (those are in XAF, without a rate), and one warning about XAF.
[ "$(field "$work/big.out" activities)" = "$n" ] || fail "activities: $(cat "$work/big.out")"
[ "$(field "$work/big.out" budgets)" = "$((n - n / 7))" ] || fail "budgets: $(cat "$work/big.out")"
[ "$(field "$work/big.out" warnings)" = 1 ] || fail "warnings: $(cat "$work/big.out")"
[ "$(field "$work/none.out" activities)" = 0 ] || fail "empty: $(cat "$work/none.out")"

big=$(field "$work/big.out" maxrss_kb)
none=$(field "$work/none.out" maxrss_kb)
printf 'iati-memory: %d bytes, peak RSS %d kB (%d kB without activities)\n' "$size" "$big" "$none"
if [ "$(field "$work/big.out" sanitized)" = 1 ]; then
    echo "iati-memory: sanitized build, the RSS bound is not checked"
elif [ $((big - none)) -gt 8192 ]; then
    fail "the large file raised the peak RSS by $((big - none)) kB (bound: 8192 kB)"
fi
finish
