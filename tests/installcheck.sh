#!/bin/sh
# SPDX-License-Identifier: MIT
# `make installcheck` (and so `make distcheck`): the installed command finds
# its installed report, sample and plugins, and a plugin built out of tree
# against the installed header and ssc-report.pc loads.
#   sh tests/installcheck.sh BINDIR PKGCONFIGDIR
set -eu
bindir=$1
pcdir=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/ssc-installcheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

"$bindir/ssc-report" render -o installed.pdf > render.out
pages=$(pdfinfo installed.pdf | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 8 ] || { echo "installed render has $pages pages" >&2; exit 1; }

cat > my-metric.c <<'C'
#include <ssc-report/plugin.h>
static int my_metric_compute(const ssc_portfolio *p, const ssc_section *s, ssc_table *out,
                             ssc_error *err)
{
    (void)s;
    (void)err;
    return ssc_table_add(out, "all", (double)ssc_portfolio_count(p));
}
SSC_METRIC_PLUGIN(my_metric, "my-metric", .summary = "Built out of tree", .version = "0.1",
                  .compute = my_metric_compute);
C
PKG_CONFIG_PATH="$pcdir" ${CC:-cc} -shared -fPIC -o my-metric.so my-metric.c \
    $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs ssc-report)
SSC_REPORT_PLUGIN_PATH="$work" "$bindir/ssc-report" plugins > plugins.out
grep -q "^my-metric  *metric  *0.1  *Built out of tree\$" plugins.out ||
    { echo "the out-of-tree plugin is not listed:" >&2; cat plugins.out >&2; exit 1; }

# a misspelt call fails when the plugin is linked with the .pc's flags
sed 's/ssc_table_add(/ssc_table_add_misspelt(/; s/#include <ssc-report\/plugin.h>/&\nint ssc_table_add_misspelt(ssc_table *, const char *, double);/' \
    my-metric.c > bad-metric.c
if PKG_CONFIG_PATH="$pcdir" ${CC:-cc} -shared -fPIC -o bad-metric.so bad-metric.c \
    $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs ssc-report) 2> bad.err; then
    echo "a plugin calling an unknown function linked with pkg-config's flags" >&2; exit 1
fi
grep -q "ssc_table_add_misspelt" bad.err ||
    { echo "the link error does not name the symbol:" >&2; cat bad.err >&2; exit 1; }
# the installed library exports the plugin interface only; no .la files
if ls "$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=libdir ssc-report)"/libsscreport.la \
    "$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=plugindir ssc-report)"/*.la 2>/dev/null; then
    echo "libtool .la files were installed" >&2; exit 1
fi
echo "installcheck: installed command and out-of-tree plugin work"
