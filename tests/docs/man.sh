#!/bin/sh
# SPDX-License-Identifier: MIT
# The man pages (docs/man/, as built) stay complete and clean:
#   ssc-report(1)          every command and option `ssc-report --help`,
#                          `ssc-report schedule --help` and `ssc-report help
#                          COMMAND` print has an entry (a .TP tag), and
#                          every command is in the SYNOPSIS;
#   ssc-report-report(5)   every key of engine/report/schema.c has an entry;
#   ssc-report.conf(5)     every setting engine/report/config.c and
#                          engine/schedule/jobs.c accept has an entry;
#   ssc-report-plugin(3)   every function and SSC_ name of plugin.h is named;
# no @folder@ is left unsubstituted, and groff (else mandoc) reads each
# page without a warning.
#
# An entry is a word of a .TP tag line: the key's full path (data.path),
# or, inside a subsection named after its group (.SS sections), the last
# part of the key (title); a group is documented by a subsection of its
# name (.SS theme) or by its members (fonts.body).
. "$top_srcdir/tests/lib.sh"

man="$top_builddir/docs/man"
pages="ssc-report.1 ssc-report.conf.5 ssc-report-report.5 ssc-report-plugin.3"
for page in $pages; do
    [ -s "$man/$page" ] || die "$man/$page was not built (make all builds it)"
done

# A page's source without roff's escapes: \- is -, fonts, \& and \% go.
plain()
{
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\[&%]//g' -e 's/\\(dq/"/g' \
        -e 's/\\(aq/'"'"'/g' "$1"
}

# "SUBSECTION WORD" for each word of each .TP tag line of a page.
tag_words()
{
    plain "$1" | awk '
        /^\.SH/ { ss = "-" }
        /^\.SS/ { ss = $2; gsub(/[^a-z_]/, "", ss); if (ss == "") ss = "-"; else print "-", ss }
        tag { tag = 0; line = $0; sub(/^\.[A-Z]+ /, "", line)
              n = split(line, w, /[^A-Za-z0-9_.@-]+/)
              for (i = 1; i <= n; i++) if (w[i] != "") print ss, w[i] }
        /^\.TP/ { tag = 1 }
        BEGIN { ss = "-" }'
}

# documented KEY WORDSFILE: KEY is a tag word, or a tag word starts with
# KEY. (a group), or its last part is a tag word in the subsection of its
# group.
documented()
{
    awk -v key="$1" '
        BEGIN { group = key; leaf = key
                if (sub(/\.[^.]*$/, "", group)) sub(/^.*\./, "", leaf); else group = "" }
        $2 == key || index($2, key ".") == 1 || (group != "" && $1 == group && $2 == leaf) { found = 1 }
        END { exit !found }' "$2"
}

# ---- ssc-report(1): the commands and options of the usage -------------------
"$SSC_REPORT" --help > "$work/usage" 2>&1 || die "ssc-report --help failed"
"$SSC_REPORT" schedule --help > "$work/usage-schedule" 2>&1 ||
    die "ssc-report schedule --help failed"
# and each command's own usage (ssc-report help COMMAND), for its options
awk '/^Commands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }' \
    "$work/usage" | sort -u | while read -r cmd; do
    "$SSC_REPORT" help "$cmd" 2> /dev/null || :
done > "$work/usage-commands"
# The commands: the text of each "  command ..." line of the Commands block
# before its description, up to the first word that is not a name
# ("schedule next --cron EXPR" is the command "schedule next").
awk '/^Commands:/ { on = 1; next } /^[^ ]/ { on = 0 }
     on && /^  [a-z]/ { spec = substr($0, 3); sub(/  .*/, "", spec)
                        n = split(spec, w, " "); c = w[1]
                        for (i = 2; i <= n && w[i] ~ /^[a-z][a-z-]*$/; i++) c = c " " w[i]
                        print c }' "$work/usage" | sort -u > "$work/commands"
# The options: every -x and --name of both usages.
cat "$work/usage" "$work/usage-schedule" "$work/usage-commands" |
    sed -e 's/^/ /' | grep -oE '[^A-Za-z0-9-]--?[A-Za-z][A-Za-z0-9-]*' |
    sed 's/^.//' | sort -u > "$work/options"
[ "$(wc -l < "$work/commands")" -ge 5 ] || die "cannot read the commands of ssc-report --help"
[ "$(wc -l < "$work/options")" -ge 12 ] || die "cannot read the options of ssc-report --help"

tag_words "$man/ssc-report.1" > "$work/tags.1"
plain "$man/ssc-report.1" | awk '/^\.SH/ { on = ($2 == "SYNOPSIS") } on' > "$work/synopsis.1"
plain "$man/ssc-report.1" | awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' > "$work/taglines.1"
while read -r cmd; do
    grep -qF "$cmd" "$work/synopsis.1" || fail "ssc-report.1: command \"$cmd\" is not in the SYNOPSIS"
    grep -qE "(^|[^a-z-])$cmd([^a-z-]|\$)" "$work/taglines.1" ||
        fail "ssc-report.1: command \"$cmd\" has no entry (.TP) under COMMANDS"
done < "$work/commands"
while read -r opt; do
    documented "$opt" "$work/tags.1" || fail "ssc-report.1: option $opt has no entry (.TP)"
done < "$work/options"
for word in SSC_REPORT_CONFIG SSC_REPORT_PLUGIN_PATH SOURCE_DATE_EPOCH "EXIT STATUS" FILES \
    ENVIRONMENT EXAMPLES; do
    grep -qF "$word" "$man/ssc-report.1" || fail "ssc-report.1 does not mention $word"
done
# every variable the engine reads
grep -rhoE 'getenv\("[A-Z_]+"\)' "$top_srcdir/engine" | sed 's/getenv("\(.*\)")/\1/' | sort -u |
    while read -r var; do
        documented "$var" "$work/tags.1" ||
            echo "ssc-report.1: environment variable $var has no entry" >> "$work/env-missing"
    done
if [ -s "$work/env-missing" ]; then
    while read -r line; do fail "$line"; done < "$work/env-missing"
fi

# ---- ssc-report-report(5): every key of the schema ---------------------------
sed -n 's/^ *{"\([a-z_.]*\)", CONFIG_TYPE_[A-Z0-9]*},.*/\1/p' \
    "$top_srcdir/engine/report/schema.c" > "$work/report-keys"
[ "$(wc -l < "$work/report-keys")" -ge 20 ] || die "cannot read the schema from engine/report/schema.c"
tag_words "$man/ssc-report-report.5" > "$work/tags.report"
while read -r key; do
    documented "$key" "$work/tags.report" || fail "ssc-report-report.5: report key $key has no entry"
done < "$work/report-keys"

# ---- ssc-report.conf(5): every setting config.c and jobs.c accept -------------
# config.c: static const char *const top[] = {"plugin_path", ..., NULL};
# and fonts[], theme[] (their members are fonts.NAME, theme.NAME)
awk '/static const char \*const [a-z_]+\[\] *= *[{]/ { on = 1; name = $0
         sub(/.*const /, "", name); sub(/\[.*/, "", name) }
     on { line = $0
          while (match(line, /"[a-z_]+"/)) {
              k = substr(line, RSTART + 1, RLENGTH - 2); line = substr(line, RSTART + RLENGTH)
              print (name == "top" ? k : name "." k) } }
     on && /[}];/ { on = 0 }' "$top_srcdir/engine/report/config.c" > "$work/conf-keys"
grep -c . "$work/conf-keys" | { read -r n; [ "$n" -ge 10 ]; } ||
    die "cannot read the settings of engine/report/config.c"
# jobs.c: the fields of a job, compared as strcmp(key, "NAME")
grep -oE 'strcmp\(key, "[a-z_]+"\)' "$top_srcdir/engine/schedule/jobs.c" |
    sed 's/.*"\(.*\)".*/jobs.\1/' | sort -u > "$work/job-keys"
[ "$(wc -l < "$work/job-keys")" -ge 10 ] || die "cannot read the job settings of engine/schedule/jobs.c"
tag_words "$man/ssc-report.conf.5" > "$work/tags.conf"
cat "$work/conf-keys" "$work/job-keys" | while read -r key; do
    documented "$key" "$work/tags.conf" || echo "$key" >> "$work/conf-missing"
done
if [ -s "$work/conf-missing" ]; then
    while read -r key; do fail "ssc-report.conf.5: setting $key has no entry"; done < "$work/conf-missing"
fi

# ---- ssc-report-plugin(3): every function and SSC_ name of plugin.h -----------
header="$top_srcdir/engine/ssc-report/plugin.h"
{
    sed 's/^/ /' "$header" | grep -oE '[^A-Za-z0-9_]ssc_[a-z0-9_]+ *\(' | sed 's/^.//; s/ *($//'
    sed 's/^/ /' "$header" | grep -oE '[^A-Za-z0-9_]SSC_[A-Z0-9_]+' | sed 's/^.//' |
        grep -v '^SSC_REPORT_PLUGIN_H$'
} | sort -u > "$work/plugin-names"
[ "$(grep -c '^ssc_' "$work/plugin-names")" -ge 50 ] || die "cannot read the functions of plugin.h"
plain "$man/ssc-report-plugin.3" > "$work/plugin.3.txt"
while read -r name; do
    grep -qE "(^|[^A-Za-z0-9_])$name([^A-Za-z0-9_]|\$)" "$work/plugin.3.txt" ||
        fail "ssc-report-plugin.3: $name (plugin.h) is not described"
done < "$work/plugin-names"

# ---- substituted, and clean for groff ---------------------------------------
for page in $pages; do
    if grep -nE '@[A-Za-z_]+@' "$man/$page" > "$work/left"; then
        fail "$page: not substituted: $(head -n 1 "$work/left")"
    fi
    grep -q "^\.TH " "$man/$page" || fail "$page has no .TH line"
done
if command -v groff > /dev/null 2>&1; then
    for page in $pages; do
        groff -man -ww -z "$man/$page" > "$work/lint" 2>&1
        if [ -s "$work/lint" ]; then
            fail "groff -man -ww -z $page is not clean:"
            sed 's/^/    /' "$work/lint" >&2
        fi
    done
elif command -v mandoc > /dev/null 2>&1; then
    for page in $pages; do
        if ! mandoc -Tlint -Wwarning "$man/$page" > "$work/lint" 2>&1; then
            fail "mandoc -Tlint $page is not clean:"
            sed 's/^/    /' "$work/lint" >&2
        fi
    done
else
    echo "man: neither groff nor mandoc is installed: the pages were not linted" >&2
fi

finish
