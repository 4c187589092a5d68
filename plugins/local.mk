# SPDX-License-Identifier: MIT
# plugins/: the bundled plugins, libtool modules installed in $(plugindir).
# metrics/ computes report sections, sources/ reads portfolios.  Every
# module is built into the build tree's plugins/ folder, whatever folder
# its source lives in, because that is where an uninstalled ssc-report
# looks for them.  A plugin includes only <ssc-report/plugin.h>
# (tests/layout.sh checks it).
#
# -no-undefined makes a plugin that uses a symbol the engine does not export
# fail at link time rather than at load time.
PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared
PLUGIN_LIBADD = engine/libsscreport.la $(CAIRO_LIBS)

include plugins/metrics/local.mk
include plugins/sources/local.mk
EXTRA_DIST += plugins/README.md
