#!/bin/sh
# SPDX-License-Identifier: MIT
# The SDK's edges: libsscreport exports exactly the functions plugin.h
# declares (nothing else of the engine becomes an accidental ABI), and a
# plugin that misspells an API call fails when it is linked the way
# ssc-report.pc links (-lsscreport -z defs), naming the symbol.
. "$top_srcdir/tests/lib.sh"
need_tool nm

lib="$top_builddir/engine/.libs/libsscreport.so"
[ -f "$lib" ] || die "$lib is missing: build first"

# plugin.h's functions, read from the compiler's preprocessed text rather
# than by a pattern over the source (so conditional parts and comments
# count as the compiler sees them), with any C compiler: gcc's -aux-info
# does not exist in clang.  The line markers (# N "FILE") say which lines
# came from plugin.h; bodies in braces (structs, enums) are dropped, the
# rest cut at each ';', and of each declaration that is not a typedef
# the name before its first '(' is a function.
printf '#include <ssc-report/plugin.h>\n' > "$work/api.c"
${CC:-cc} -E -I"$top_srcdir/engine" -I"$top_builddir/engine" \
    $(pkg-config --cflags cairo) "$work/api.c" > "$work/api.i" 2> "$work/cc.err" ||
    die "cannot preprocess plugin.h: $(cat "$work/cc.err")"
awk '/^# *[0-9]+ "/ { own = ($0 ~ /ssc-report\/plugin\.h"/); next }
     /^#/ { next }
     own { print }' "$work/api.i" | tr '\n' ' ' |
    sed -e ':a' -e 's/{[^{}]*}//g' -e 'ta' | tr ';' '\n' | grep -v 'typedef' |
    sed -n 's/^[^(]*[ *]\(ssc_[a-z0-9_]*\) *(.*/\1/p' | sort -u > "$work/declared"
[ "$(wc -l < "$work/declared")" -ge 40 ] ||
    die "only $(wc -l < "$work/declared") functions read from plugin.h"

nm -D --defined-only "$lib" | awk '$2 ~ /^[TtWiDdBbRr]$/ { print $3 }' | sort -u > "$work/exported"
if ! cmp -s "$work/declared" "$work/exported"; then
    fail "libsscreport's exports differ from plugin.h's functions (< plugin.h only, > library only):"
    diff "$work/declared" "$work/exported" | grep '^[<>]' >&2
fi

# a misspelt call fails at link time with the .pc's flags
libs=$(sed -n 's/^Libs: *//p' "$top_builddir/engine/ssc-report.pc" |
       sed "s|\${libdir}|$top_builddir/engine/.libs|g")
case "$libs" in *"-z,defs"*) ;; *) fail "ssc-report.pc's Libs lack -Wl,-z,defs: $libs" ;; esac
cat > "$work/bad.c" <<'C'
#include <ssc-report/plugin.h>
int ssc_table_add_misspelt(ssc_table *t, const char *key, double value);
static int bad_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                       ssc_error *err)
{
    (void)p;
    (void)s;
    (void)err;
    return ssc_table_add_misspelt(out, "x", 1.0);
}
SSC_METRIC_PLUGIN(bad, "bad", .version = "1.0", .compute = bad_compute);
C
if ${CC:-cc} -shared -fPIC -o "$work/bad.so" "$work/bad.c" -I"$top_srcdir/engine" \
    -I"$top_builddir/engine" $(pkg-config --cflags cairo) $libs 2> "$work/link.err"; then
    fail "a plugin calling a function the engine lacks linked with the .pc's flags"
elif ! grep -q "ssc_table_add_misspelt" "$work/link.err"; then
    fail "the link error does not name the symbol: $(cat "$work/link.err")"
fi
# ... while the same plugin with the right call links
sed 's/ssc_table_add_misspelt(out/ssc_table_add(out/' "$work/bad.c" > "$work/good.c"
${CC:-cc} -shared -fPIC -o "$work/good.so" "$work/good.c" -I"$top_srcdir/engine" \
    -I"$top_builddir/engine" $(pkg-config --cflags cairo) $libs 2> "$work/good.err" ||
    fail "a correct plugin does not link with the .pc's flags: $(cat "$work/good.err")"

finish
