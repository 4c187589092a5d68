#!/bin/sh
# SPDX-License-Identifier: MIT
# layout-check.sh ROOT: checks the source tree at ROOT against the layout
# rules of docs/architecture.md and prints one line per breach,
#   FILE:LINE: what is wrong
# exiting 1 when there is any.  tests/layout.sh runs it on the tree and on
# small trees that break each rule, so the checker itself is tested.
#
# The rules:
#   1. Includes go one way.  A part may include the headers of the parts
#      below it and its own:
#        base      engine/error.h, atomic.h, loader.h: base, public
#        data      engine/data/:     base, public, data
#        report    engine/report/:   base, public, data, report
#        draw      engine/draw/:     base, public, data, report, draw
#        schedule  engine/schedule/: base, public, report, schedule, and
#                  render.h (a job's run is a render)
#        root      the other files of engine/ (main, render, dataout):
#                  every part
#        public    engine/ssc-report/: public only
#        plugins   plugins/: <ssc-report/plugin.h> and the headers of the
#                  plugin's own folder, nothing else of the engine
#      Engine files name the part of what they include ("data/store.h");
#      base and root headers are named bare ("error.h", "render.h").
#   2. No .c or .h file in engine/ or plugins/ is longer than 700 lines.
#   3. engine/ itself holds at most six .c files; the rest live in parts.
set -u

root=${1:?usage: layout-check.sh ROOT}
cd "$root" || exit 2
LC_ALL=C
export LC_ALL

# The sources, not the tables the build generates beside them (an in-tree
# build writes engine/data/*_tables.c, the IATI tables and version.h).
files=$(find engine plugins -type f \( -name '*.c' -o -name '*.h' \) \
        ! -name '*_tables.c' ! -name 'iati-tables.h' ! -path 'engine/ssc-report/version.h' | sort)
[ -n "$files" ] || { echo "$root: no engine/ or plugins/ sources" >&2; exit 2; }

status=0

# ---- 1. includes ------------------------------------------------------------
# shellcheck disable=SC2086
awk '
function part_of_file(f,    n, p) {
    if (f ~ /^plugins\//) return "plugins"
    if (f ~ /^engine\/ssc-report\//) return "public"
    if (f ~ /^engine\/(data|report|draw|schedule)\//) {
        split(f, p, "/")
        return p[2]
    }
    n = f
    sub(/^engine\//, "", n)
    if (n ~ /^(error|atomic|loader)\.[ch]$/) return "base"
    return "root"
}
# The part of an included name as an engine file writes it, or "" when it
# is no engine header.
function part_of_include(name,    p) {
    if (name ~ /^ssc-report\//) return "public"
    if (name ~ /^(data|report|draw|schedule)\//) {
        split(name, p, "/")
        return p[1]
    }
    if (name ~ /^(error|atomic|loader)\.h$/) return "base"
    if (name ~ /^(render|dataout)\.h$/) return "root"
    return ""
}
BEGIN {
    allow["base"] = " base public "
    allow["data"] = " base public data "
    allow["report"] = " base public data report "
    allow["draw"] = " base public data report draw "
    allow["schedule"] = " base public report schedule render.h "
    allow["root"] = " base public data report draw schedule root "
    allow["public"] = " public "
}
FNR == 1 { part = part_of_file(FILENAME); dir = FILENAME; sub(/\/[^\/]*$/, "", dir) }
/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
    line = $0
    sub(/^[ \t]*#[ \t]*include[ \t]*/, "", line)
    quote = substr(line, 1, 1)
    name = substr(line, 2)
    sub(/[">].*$/, "", name)
    if (part == "plugins") {
        if (name == "ssc-report/plugin.h")
            next
        # its own folder (the iati plugin: iati-internal.h, and its
        # generated iati-tables.h)
        if (quote == "\"" && name !~ /\//)
            next
        if (part_of_include(name) != "" || name ~ /^\.\./) {
            printf "%s:%d: a plugin includes only <ssc-report/plugin.h>, not %s\n",
                   FILENAME, FNR, name
            bad = 1
        }
        next
    }
    if (quote != "\"")
        next # system and library headers
    want = part_of_include(name)
    if (want == "") {
        printf "%s:%d: \"%s\" names no part: write \"PART/%s\" (data, report, draw, schedule) or a base header\n",
               FILENAME, FNR, name, name
        bad = 1
        next
    }
    if (index(allow[part], " " want " ") || index(allow[part], " " name " "))
        next
    printf "%s:%d: the %s part may not include %s (a %s header): allowed are%s\n",
           FILENAME, FNR, part, name, want, allow[part]
    bad = 1
}
END { exit bad }
' $files || status=1

# ---- 2. file length ---------------------------------------------------------
for f in $files; do
    n=$(wc -l < "$f")
    if [ "$n" -gt 700 ]; then
        echo "$f:$n: $n lines; files in engine/ and plugins/ stay under 700 (split it by job)"
        status=1
    fi
done

# ---- 3. engine/ holds the parts, not the modules ----------------------------
n=$(find engine -maxdepth 1 -type f -name '*.c' | wc -l)
if [ "$n" -gt 6 ]; then
    echo "engine:0: $n .c files in engine/ itself; at most six (the command, the pipeline, the loader, errors): move the rest into a part"
    status=1
fi

exit $status
