#!/bin/sh
# SPDX-License-Identifier: MIT
# The shell completion (completion/, as built): the bash script, sourced in
# bash, completes the commands and options `ssc-report --help` lists,
# report files for render, --set keys from the report schema and their
# values, and plugin names from `ssc-report plugins`; the zsh script
# names the same commands and options and zsh reads it.
. "$top_srcdir/tests/lib.sh"
need_tool bash

comp="$top_builddir/completion/ssc-report"
zcomp="$top_builddir/completion/_ssc-report"
[ -s "$comp" ] && [ -s "$zcomp" ] || die "completion/ssc-report or _ssc-report was not built"
for f in "$comp" "$zcomp"; do
    grep -qE '@[A-Z_]+@' "$f" && fail "$f: not substituted: $(grep -E '@[A-Z_]+@' "$f" | head -n 1)"
done

# the commands and options of the usage, read as tests/docs/man.sh does
"$SSC_REPORT" --help > "$work/usage" 2>&1 || die "ssc-report --help failed"
awk '/^Commands:/ { on = 1; next } /^[^ ]/ { on = 0 }
     on && /^  [a-z]/ { print $1 }' "$work/usage" | sort -u > "$work/usage-commands"
sed 's/^/ /' "$work/usage" | grep -oE '[^A-Za-z0-9-]--?[A-Za-z][A-Za-z0-9-]*' | sed 's/^.//' |
    sort -u > "$work/usage-options"
[ "$(wc -l < "$work/usage-commands")" -ge 5 ] || die "cannot read the commands of ssc-report --help"
# the keys --set can change
awk -F'"' '/^ *[{]"[a-z_.]+", CONFIG_TYPE_(STRING|INT|INT64|FLOAT|BOOL)[}]/ { print $2 }' \
    "$top_srcdir/engine/report/schema.c" > "$work/keys"
[ "$(wc -l < "$work/keys")" -ge 20 ] || die "cannot read the schema from engine/report/schema.c"

# comp_run NAME WORD...: COMPREPLY, one per line, for the command line
# WORD... with the cursor at the end of the last word, in $work/NAME.
mkdir "$work/files" "$work/files/sub"
: > "$work/files/a.cfg"
: > "$work/files/b.txt"
comp_run()
{
    name=$1
    shift
    (cd "$work/files" && bash --norc --noprofile -c '
        . "$1" || exit 99
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _ssc_report
        printf "%s\n" "${COMPREPLY[@]}" | sort' completion "$comp" "$SSC_REPORT" "$@") \
        > "$work/$name" 2> "$work/$name.err" ||
        fail "$name: bash exited with $? ($(head -n 1 "$work/$name.err"))"
    [ -s "$work/$name.err" ] && fail "$name: the completion printed errors: $(head -n 1 "$work/$name.err")"
}
# has NAME WORD...: each WORD is one of the completions in $work/NAME
has()
{
    name=$1
    shift
    for w in "$@"; do
        grep -qxF -- "$w" "$work/$name" || fail "$name: \"$w\" is not offered ($(tr '\n' ' ' < "$work/$name"))"
    done
}
hasnt()
{
    name=$1
    shift
    for w in "$@"; do
        grep -qxF -- "$w" "$work/$name" && fail "$name: \"$w\" is offered"
    done
}

comp_run commands ''
has commands $(cat "$work/usage-commands")
comp_run commands-r r
has commands-r render run-due
hasnt commands-r check

# the general options, and those of render and check
comp_run top-options -
has top-options -h --help -V --version
comp_run render-options render -
awk '/^Options for render/ { on = 1; next } /^[^ ]/ { on = 0 } on' "$work/usage" |
    sed 's/^/ /' | grep -oE '[^A-Za-z0-9-]--?[A-Za-z][A-Za-z0-9-]*' | sed 's/^.//' |
    grep -vxE -- '-V|--version' | sort -u > "$work/usage-render"
[ "$(wc -l < "$work/usage-render")" -ge 8 ] || die "cannot read the options of render"
has render-options $(cat "$work/usage-render")
comp_run render-dashdash render --s
has render-dashdash --set --skip-bad-rows

comp_run check-options check -
has check-options --data --set --skip-bad-rows --config
hasnt check-options -o --charts

# report files, and folders to look into, for render and check; - for -o
comp_run report-files check ''
has report-files a.cfg sub
hasnt report-files b.txt
comp_run output-files render -o ''
has output-files sub -
hasnt output-files b.txt
comp_run data-files render --data ''
has data-files - a.cfg b.txt sub

# folders for init, commands for help
comp_run init init ''
has init sub
hasnt init a.cfg
comp_run help help ''
has help $(cat "$work/usage-commands")

# --set: every key of one value, the sections' keys, and values
comp_run set-keys render --set ''
while read -r key; do
    case $key in
    sections.* | sectors.*) ;;
    *) grep -qxF "$key=" "$work/set-keys" || fail "set-keys: --set $key= is not offered" ;;
    esac
done < "$work/keys"
has set-keys sections.0. sectors.0.
hasnt set-keys filters.statuses= data= sections=
comp_run set-lang render --set lang
has set-lang language=
comp_run set-section render --set sections.2.
has set-section sections.2.title= sections.2.plugin= sections.2.chart=
hasnt set-section sections.2.options=
comp_run set-value render --set language=
has set-value language=en language=zh
# as bash splits it (COMP_WORDBREAKS holds "="): the value's piece only
comp_run set-value-split render --set language = z
has set-value-split zh
comp_run set-value-split2 render --set language =
has set-value-split2 en zh
comp_run set-chart render --set sections.0.chart=h
has set-chart sections.0.chart=hbar
comp_run set-plugin render --set sections.1.plugin=
has set-plugin sections.1.plugin=kpi sections.1.plugin=by-region
hasnt set-plugin sections.1.plugin=iati sections.1.plugin=csv

# plugin names, from the command being completed
comp_run plugins plugins ''
has plugins kpi by-region timeline project-table
hasnt plugins options: NAME

# the scheduling commands
comp_run schedule schedule ''
has schedule list next
comp_run schedule-next schedule next --
has schedule-next --cron --from --count
hasnt schedule-next --config
comp_run cron schedule next --cron @m
has cron @monthly @midnight
comp_run cron-split schedule next --cron @ m
has cron-split @monthly @midnight
comp_run run-due run-due --
has run-due --now --config
comp_run schedule-list schedule list --
comp_run daemon daemon --
# every option of the usage is offered somewhere
sort -u "$work/top-options" "$work/render-options" "$work/schedule-next" \
    "$work/schedule-list" "$work/run-due" "$work/daemon" > "$work/offered"
while read -r w; do
    grep -qxF -- "$w" "$work/offered" || fail "option $w of the usage is never offered"
done < "$work/usage-options"

# zsh: the same commands and options, and a script zsh reads
while read -r w; do
    grep -qF -- "'$w" "$zcomp" || grep -qF -- "$w[" "$zcomp" || grep -qF -- "$w:" "$zcomp" ||
        fail "_ssc-report does not name $w"
done < "$work/usage-commands"
while read -r w; do
    grep -qF -- "$w" "$zcomp" || fail "_ssc-report does not name $w"
done < "$work/usage-options"
if command -v zsh > /dev/null 2>&1; then
    zsh -n "$zcomp" 2> "$work/zsh.err" || fail "zsh -n _ssc-report: $(head -n 1 "$work/zsh.err")"
fi

finish
