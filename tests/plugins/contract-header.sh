#!/bin/sh
# SPDX-License-Identifier: MIT
# The plugin header stands alone: it compiles as strict C99 and as C++,
# including only cairo besides itself.
set -u
: "${top_srcdir:?} ${top_builddir:?}"
CC=${CC:-cc}
work="$top_builddir/tests/plugins/contract-header.tmp"
rm -rf "$work" && mkdir -p "$work" || exit 99
flags="-I$top_srcdir/engine $(pkg-config --cflags cairo)"
printf '#include <ssc-report/plugin.h>\nint main(void) { return SSC_OK; }\n' > "$work/h.c"
fails=0
$CC -std=c99 -pedantic -Wall -Wextra -Werror $flags -c "$work/h.c" -o "$work/h.o" ||
    { echo "FAIL: plugin.h is not strict C99" >&2; fails=1; }
if command -v g++ > /dev/null 2>&1; then
    cp "$work/h.c" "$work/h.cc"
    g++ -std=c++11 -pedantic -Wall -Wextra -Werror $flags -c "$work/h.cc" -o "$work/hpp.o" ||
        { echo "FAIL: plugin.h does not compile as C++" >&2; fails=1; }
fi
# a plugin is one C file against that header, nothing else of the engine
$CC -std=c99 -pedantic -Wall -Werror $flags -c "$top_srcdir/plugins/metrics/by-region.c" -o "$work/p.o" ||
    { echo "FAIL: a bundled plugin needs more than plugin.h" >&2; fails=1; }
[ "$fails" -eq 0 ] && rm -rf "$work"
exit "$fails"
