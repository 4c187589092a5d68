#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: what the command does with bad input.  Every problem is one
# line on stderr ("FILE:LINE: ..."), the exit status is non-zero, and no
# output appears; an earlier PDF at the output path is left untouched.
. "$top_srcdir/tests/lib.sh"

H=id,title,lead_institution,countries,sector,sdg_primary,start_date,status

# A report kept apart from the data, with one section per plugin; its own
# data path names a file that exists, so --data is what changes the input.
mkdir "$work/reports" "$work/data"
printf '%s\n' "$H" 'G-1,Good,Institute A,VNM,water,6,2015,ongoing' > "$work/data/good.csv"
cat > "$work/reports/r.cfg" <<'EOF'
title = "Errors test";
data = { path = "../data/good.csv"; };
sections = (
  { plugin = "kpi"; title = "Figures"; },
  { plugin = "by-sector"; title = "Sectors"; },
  { plugin = "by-sdg"; title = "Goals"; }
);
EOF
R="$work/reports/r.cfg"

# listing DIR: its entries, for "nothing else was written" checks
listing() { (cd "$1" && ls -A); }

# ---- 1. a bad SDG on line 3 of x.csv ---------------------------------------
mkdir "$work/x"
cd "$work/x" || die "cannot enter $work/x"
printf '%s\n' "$H" \
    'P-1,First,Institute A,VNM,water,6,2015,ongoing' \
    'P-2,Second,Institute A,KEN,water,19,2016,ongoing' \
    'P-3,Third,Institute B,ETH,ict,9,2017,completed' > x.csv
[ "$(sed -n 3p x.csv | cut -d, -f6)" = 19 ] || die "line 3 of x.csv does not hold SDG 19"

run render "$R" --data x.csv -o out.pdf --data-out dataout
[ "$rc" -ne 0 ] || fail "x.csv with SDG 19: exit status 0"
grep -q '^x\.csv:3: sdg_primary:' "$work/run.err" ||
    { fail "x.csv with SDG 19: no line starting 'x.csv:3: sdg_primary:'"; show_run; }
[ "$(grep -c '^x\.csv:[0-9]*:' "$work/run.err")" -eq 1 ] ||
    { fail "x.csv with SDG 19: expected exactly one problem line"; show_run; }
[ "$(listing .)" = x.csv ] || fail "a failed render left files: $(listing . | tr '\n' ' ')"

# an earlier PDF and earlier data-out files at the same paths are untouched
mkdir dataout
printf '%%PDF-1.4\n%% an earlier report, to be kept\n' > out.pdf
cp out.pdf "$work/earlier.pdf"
echo 'key,label,value' > dataout/02-by-sector.csv
cp dataout/02-by-sector.csv "$work/earlier.csv"
run render "$R" --data x.csv -o out.pdf --data-out dataout
[ "$rc" -ne 0 ] || fail "x.csv with SDG 19 (second run): exit status 0"
same_file out.pdf "$work/earlier.pdf" || fail "a failed render changed the earlier out.pdf"
same_file dataout/02-by-sector.csv "$work/earlier.csv" ||
    fail "a failed render changed the earlier data-out file"
[ "$(listing .)" = "$(printf 'dataout\nout.pdf\nx.csv')" ] ||
    fail "a failed render left files: $(listing . | tr '\n' ' ')"
[ "$(listing dataout)" = 02-by-sector.csv ] ||
    fail "a failed render wrote data-out files: $(listing dataout | tr '\n' ' ')"

# check finds the same problem and writes nothing
run check "$R" --data x.csv
[ "$rc" -ne 0 ] || fail "check on x.csv: exit status 0"
grep -q '^x\.csv:3: sdg_primary:' "$work/run.err" || { fail "check on x.csv: no x.csv:3 line"; show_run; }

# ---- 2. sixty bad rows: fifty lines and a count of the rest -----------------
mkdir "$work/many"
cd "$work/many" || die "cannot enter $work/many"
{
    echo "$H"
    i=1
    while [ $i -le 60 ]; do
        echo "M-$i,Row $i,Institute A,VNM,water,0,2015,ongoing"
        i=$((i + 1))
    done
} > bad.csv
run render "$R" --data bad.csv -o many.pdf
[ "$rc" -ne 0 ] || fail "60 bad rows: exit status 0"
grep '^bad\.csv:[0-9][0-9]*: ' "$work/run.err" > "$work/problems"
[ "$(wc -l < "$work/problems")" -eq 50 ] ||
    fail "60 bad rows: $(wc -l < "$work/problems") problem lines, expected 50"
# the first fifty, in file order: the rows are on lines 2 to 51
cut -d: -f2 "$work/problems" > "$work/lines.got"
seq 2 51 > "$work/lines.want"
cmp -s "$work/lines.got" "$work/lines.want" || fail "60 bad rows: the problem lines are not lines 2 to 51"
grep -q '^bad\.csv:2: sdg_primary: ' "$work/problems" || fail "60 bad rows: no sdg_primary problem on line 2"
grep -qxF '... and 10 more problems' "$work/run.err" ||
    { fail "60 bad rows: no '... and 10 more problems' line"; show_run; }
[ ! -e many.pdf ] || fail "60 bad rows: a PDF was written"

# ---- 3. --skip-bad-rows ----------------------------------------------------
# Five rows on lines 2-6: lines 3, 5 and 6 are bad (SDG 19, an unknown
# country, an unknown status), so two projects are left: one water, one ict.
mkdir "$work/skip"
cd "$work/skip" || die "cannot enter $work/skip"
printf '%s\n' "$H" \
    'S-1,Kept one,Institute A,VNM,water,6,2015,ongoing' \
    'S-2,Bad SDG,Institute A,VNM,water,19,2015,ongoing' \
    'S-3,Kept two,Institute B,KEN,ict,9,2016,completed' \
    'S-4,Bad country,Institute B,XYZ,water,6,2016,completed' \
    'S-5,Bad status,Institute B,KEN,water,6,2016,finished' > skip.csv
run render "$R" --data skip.csv -o skip.pdf --data-out out
[ "$rc" -ne 0 ] || fail "skip.csv without --skip-bad-rows rendered"
[ ! -e skip.pdf ] || fail "skip.csv without --skip-bad-rows wrote a PDF"

run render "$R" --data skip.csv -o skip.pdf --data-out out --skip-bad-rows
if [ "$rc" -ne 0 ]; then
    fail "--skip-bad-rows: exit $rc"
    show_run
else
    [ -s skip.pdf ] || fail "--skip-bad-rows: no PDF"
    grep -i 'warning' "$work/run.err" | grep -qw 3 ||
        { fail "--skip-bad-rows: no warning with the count 3"; show_run; }
    for l in 3 5 6; do
        grep -q "^skip\.csv:$l: " "$work/run.err" || fail "--skip-bad-rows: line $l is not reported"
    done
    grep -qx 'projects,[^,]*,2' out/01-kpi.csv || fail "--skip-bad-rows: kpi does not count 2 projects"
    tail -n +2 out/02-by-sector.csv | cut -d, -f1,3 | sort > "$work/sectors"
    printf 'ict,1\nwater,1\n' | cmp -s - "$work/sectors" ||
        fail "--skip-bad-rows: sectors are $(tr '\n' ' ' < "$work/sectors"), expected ict 1, water 1"
fi

# ---- 4. a report that names a missing plugin --------------------------------
cd "$work" || die "cannot enter $work"
cat > "$work/reports/noplugin.cfg" <<'EOF'
title = "Missing plugin";
data = { path = "../data/good.csv"; };
sections = (
  { plugin = "kpi"; title = "Figures"; },
  { plugin = "no-such-metric"; title = "Nothing"; }
);
EOF
run render "$work/reports/noplugin.cfg" -o noplugin.pdf
[ "$rc" -ne 0 ] || fail "missing plugin: exit status 0"
grep -q 'no-such-metric' "$work/run.err" || { fail "missing plugin: the message does not name it"; show_run; }
grep -q 'noplugin\.cfg:5:' "$work/run.err" || { fail "missing plugin: no report line (noplugin.cfg:5)"; show_run; }
[ ! -e noplugin.pdf ] || fail "missing plugin: a PDF was written"

# ---- 5. a missing data file -------------------------------------------------
run render "$R" --data "$work/nowhere/missing.csv" -o missing.pdf
[ "$rc" -ne 0 ] || fail "missing data file: exit status 0"
grep -qF "$work/nowhere/missing.csv" "$work/run.err" ||
    { fail "missing data file: the message does not name the file"; show_run; }
[ ! -e missing.pdf ] || fail "missing data file: a PDF was written"
# ... and through the report's own data.path, resolved against the report
sed 's|\.\./data/good\.csv|../data/gone.csv|' "$R" > "$work/reports/gone.cfg"
run render "$work/reports/gone.cfg" -o gone.pdf
[ "$rc" -ne 0 ] || fail "missing data.path: exit status 0"
grep -qF 'gone.csv' "$work/run.err" || { fail "missing data.path: the message does not name the file"; show_run; }

# ... naming the report's line of data.path and where the path led: a report
# copied to another folder whose relative path now points nowhere
mkdir "$work/copy" "$work/copy/reports"
printf '%s\n' 'title = "Copied";' '# the portfolio, relative to this file' 'data = {' \
    '  path = "../data/p.csv";' '};' 'sections = ( { plugin = "kpi"; title = "K"; } );' \
    > "$work/copy/reports/x.cfg"
path_line=$(grep -n 'path = ' "$work/copy/reports/x.cfg" | cut -d: -f1)
cd "$work/copy" || die "cannot enter $work/copy"
run render reports/x.cfg -o x.pdf
[ "$rc" -ne 0 ] || fail "a copied report's data.path: exit status 0"
[ "$(cat "$work/run.err")" = "reports/x.cfg:$path_line: data.path: cannot open ../data/p.csv (resolved to $work/copy/data/p.csv): No such file or directory" ] ||
    { fail "a copied report's data.path: not the line with reports/x.cfg:$path_line and $work/copy/data/p.csv"; show_run; }
# a data.path that names a folder
sed 's|"\.\./data/p\.csv"|"../reports"|' reports/x.cfg > reports/dir.cfg
run check reports/dir.cfg
[ "$(cat "$work/run.err")" = "reports/dir.cfg:$path_line: data.path: cannot open ../reports (resolved to $work/copy/reports): Is a directory" ] ||
    { fail "a data.path naming a folder: not the line with 'Is a directory'"; show_run; }
# a path typed on the command line is named as typed
run check reports/x.cfg --data nope.csv
[ "$(cat "$work/run.err")" = "nope.csv: cannot read the file: No such file or directory" ] ||
    { fail "--data nope.csv: not one line naming nope.csv"; show_run; }
cd "$work" || die "cannot enter $work"

# ---- 5a. messages that lead to the fix: "did you mean" ---------------------
# a header whose names differ from the spec's only in case or spaces
printf '%s\n' 'Id,Title,lead institution,countries,sector,sdg_primary,start_date,status' \
    'P-1,T,L,VNM,water,6,2015,ongoing' > "$work/near.csv"
run check "$R" --data "$work/near.csv"
grep -qF "near.csv:1: missing required columns: id, title, lead_institution; did you mean id for column 1 \"Id\", title for column 2 \"Title\", lead_institution for column 3 \"lead institution\"?" "$work/run.err" ||
    { fail "near-miss header names: no 'did you mean' for all three"; show_run; }
# ';' between the columns, but a comma in one header name: the comma won
printf '%s\n' 'id;title;lead_institution;countries;sector;sdg_primary;start_date;status;notes, misc' \
    'P-1;T;L;VNM;water;6;2015;ongoing;n' > "$work/semi.csv"
run check "$R" --data "$work/semi.csv"
grep -qF "semi.csv:1: missing required columns: id, title, lead_institution, countries, sector, sdg_primary, start_date, status; the columns seem to be separated by ';', not ','" "$work/run.err" &&
    grep -qF 'set data.delimiter = ";" in the report' "$work/run.err" ||
    { fail "a ';' header with a comma: no line naming ';' and data.delimiter"; show_run; }
run check "$R" --data "$work/semi.csv" --set 'data.delimiter=;'
[ "$rc" -eq 0 ] || { fail "the same file with data.delimiter = \";\": exit $rc"; show_run; }
# a plugin, a source, a setting, a data.columns name, an engine setting,
# a command and an option, each one slip away from a known one
sed 's/plugin = "by-sector"/plugin = "by-sectr"/' "$R" > "$work/reports/slip.cfg"
run check "$work/reports/slip.cfg"
grep -q "slip\.cfg:[0-9]*: section 2 needs plugin \"by-sectr\": .*; did you mean \"by-sector\"?" "$work/run.err" ||
    { fail "plugin by-sectr: no 'did you mean \"by-sector\"'"; show_run; }
run check "$R" --set data.format=iatti
grep -qF 'data.format: no plugin "iatti"' "$work/run.err" && grep -qF 'did you mean "iati"?' "$work/run.err" ||
    { fail "data.format iatti: no 'did you mean \"iati\"'"; show_run; }
printf '%s\n' 'title = "Slips";' 'subtilte = "x";' 'data = { path = "../data/good.csv"; };' \
    'sections = ( { plugin = "kpi"; titel = "K"; } );' > "$work/reports/keys.cfg"
run check "$work/reports/keys.cfg"
grep -qF 'keys.cfg:2: unknown setting "subtilte"; did you mean "subtitle"? (known here: ' "$work/run.err" ||
    { fail "subtilte: no 'did you mean \"subtitle\"'"; show_run; }
sed -i 2d "$work/reports/keys.cfg"
run check "$work/reports/keys.cfg"
grep -qF 'keys.cfg:3: unknown setting "titel" in sections; did you mean "title"?' "$work/run.err" ||
    { fail "sections titel: no 'did you mean \"title\"'"; show_run; }
printf '%s\n' 'title = "Columns";' \
    'data = { path = "../data/good.csv"; columns = { countires = "Countries"; }; };' \
    'sections = ( { plugin = "kpi"; title = "K"; } );' > "$work/reports/cols.cfg"
run check "$work/reports/cols.cfg"
grep -qF 'cols.cfg:2: data.columns.countires: the portfolio format has no column "countires"; did you mean "countries"?' "$work/run.err" ||
    { fail "data.columns.countires: no 'did you mean \"countries\"'"; show_run; }
printf 'plugin_paths = [ ];\n' > "$work/engine.conf"
run check "$R" --config "$work/engine.conf"
grep -qF 'engine.conf:1: unknown setting "plugin_paths"; did you mean "plugin_path"?' "$work/run.err" ||
    { fail "engine setting plugin_paths: no 'did you mean \"plugin_path\"'"; show_run; }
# far from every known name: no guess
sed 's/plugin = "by-sector"/plugin = "no-such-metric"/' "$R" > "$work/reports/far.cfg"
run check "$work/reports/far.cfg"
grep -q 'did you mean' "$work/run.err" && { fail "no-such-metric: a far name was guessed"; show_run; }
run rendr
[ "$rc" -eq 2 ] && grep -qF 'unknown command rendr; did you mean render?' "$work/run.err" ||
    { fail "rendr: no 'did you mean render?'"; show_run; }
run render "$R" --data-ot x
[ "$rc" -eq 2 ] && grep -qF 'unknown option --data-ot; did you mean --data-out?' "$work/run.err" ||
    { fail "--data-ot: no 'did you mean --data-out?'"; show_run; }

# ---- 5b. output problems: nothing is written ---------------------------------
mkdir "$work/outs"
cd "$work/outs" || die "cannot enter $work/outs"
touch not-a-folder
run render "$R" -o outs.pdf --data-out not-a-folder
[ "$rc" -ne 0 ] || fail "--data-out naming a file: exit status 0"
grep -q 'not-a-folder' "$work/run.err" || { fail "--data-out naming a file: the message does not name it"; show_run; }
[ ! -e outs.pdf ] || fail "--data-out naming a file: the PDF was written anyway"
run render "$R" -o "$work/outs/no-such-folder/outs.pdf"
[ "$rc" -ne 0 ] || fail "-o into a missing folder: exit status 0"
grep -q 'no-such-folder' "$work/run.err" || { fail "-o into a missing folder: the message does not name it"; show_run; }
[ "$(listing .)" = not-a-folder ] || fail "failed renders left files: $(listing . | tr '\n' ' ')"
# a chart kind the plugin cannot draw
printf '%s\n' 'title = "Custom";' 'data = { path = "../data/good.csv"; };' 'sections = (' \
    '  { plugin = "kpi"; title = "K"; },' '  { plugin = "by-region"; title = "R"; chart = "custom"; }' \
    ');' > "$work/reports/custom.cfg"
run render "$work/reports/custom.cfg" -o custom.pdf
[ "$rc" -ne 0 ] || fail "chart = custom for by-region: exit status 0"
grep -q 'custom\.cfg:5: .*by-region' "$work/run.err" ||
    { fail "chart = custom for by-region: no custom.cfg:5 line naming the plugin"; show_run; }
[ ! -e custom.pdf ] || fail "chart = custom for by-region: a PDF was written"

# ---- 6. check ----------------------------------------------------------------
mkdir "$work/check"
cd "$work/check" || die "cannot enter $work/check"
run check "$top_srcdir/reports/annual-meeting.cfg"
[ "$rc" -eq 0 ] || { fail "check on the bundled report: exit $rc"; show_run; }
run check "$R"
[ "$rc" -eq 0 ] || { fail "check on a good report: exit $rc"; show_run; }
# a bad report: an unknown key on line 2, and a bad plugin option
printf '%s\n' 'title = "Bad";' 'colour = "red";' 'data = { path = "../data/good.csv"; };' \
    'sections = ( { plugin = "kpi"; title = "K"; } );' > "$work/reports/bad.cfg"
run check "$work/reports/bad.cfg"
[ "$rc" -ne 0 ] || fail "check on a report with an unknown key: exit status 0"
grep -q "bad\\.cfg:2: unknown setting \"colour\"" "$work/run.err" ||
    { fail "check: no 'bad.cfg:2: unknown setting \"colour\"'"; show_run; }
printf '%s\n' 'title = "Bad option";' 'data = { path = "../data/good.csv"; };' 'sections = (' \
    '  { plugin = "by-sdg"; title = "G"; options = { count = "all"; }; }' ');' \
    > "$work/reports/option.cfg"
run check "$work/reports/option.cfg"
[ "$rc" -ne 0 ] || fail "check on a bad by-sdg option: exit status 0"
grep -q 'option\.cfg:[0-9]*: .*count' "$work/run.err" ||
    { fail "check: a bad option is not reported with the file, line and option"; show_run; }
# check never writes a PDF, for good or bad reports
[ -z "$(listing .)" ] || fail "check wrote files: $(listing . | tr '\n' ' ')"
[ ! -e "$work/reports/annual-meeting.pdf" ] || fail "check wrote a PDF beside the report"

# ---- 7. --set ----------------------------------------------------------------
run check "$R" --set no_such_key=1
[ "$rc" -ne 0 ] || fail "--set no_such_key=1: exit status 0"
grep -q 'no_such_key' "$work/run.err" || { fail "--set no_such_key: the message does not name the key"; show_run; }
run check "$R" --set filters.start_year_min=soon
[ "$rc" -ne 0 ] || fail "--set filters.start_year_min=soon: exit status 0"
grep -q 'start_year_min' "$work/run.err" || { fail "--set with a non-number: no message naming the key"; show_run; }
run check "$R" --set language=fr
[ "$rc" -ne 0 ] || fail "--set language=fr: exit status 0"
grep -q 'language' "$work/run.err" || { fail "--set language=fr: no message naming language"; show_run; }
run check "$R" --set language
[ "$rc" -ne 0 ] || fail "--set without =VALUE: exit status 0"

# ---- 8. the command line -----------------------------------------------------
version=$(sed -n 's/^AC_INIT(\[[^]]*\], *\[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
[ -n "$version" ] || fail "cannot read the version from configure.ac"
run --version
[ "$rc" -eq 0 ] || fail "--version: exit $rc"
grep -q "^ssc-report $version\\b" "$work/run.out" || fail "--version does not say ssc-report $version: $(cat "$work/run.out")"
run -V
[ "$rc" -eq 0 ] || fail "-V: exit $rc"
run --help
[ "$rc" -eq 0 ] || fail "--help: exit $rc"
for word in render check plugins --data-out --set --skip-bad-rows; do
    grep -qe "$word" "$work/run.out" || fail "--help does not mention $word"
done
[ -s "$work/run.err" ] && fail "--help wrote to stderr"
run render --no-such-option
[ "$rc" -eq 2 ] || fail "an unknown option: exit $rc, expected 2"
grep -q -- '--no-such-option' "$work/run.err" || fail "an unknown option is not named"
run frobnicate
[ "$rc" -eq 2 ] || fail "an unknown command: exit $rc, expected 2"
run init
[ "$rc" -eq 2 ] || fail "init with no folder: exit $rc, expected 2"
run render -o
[ "$rc" -eq 2 ] || fail "-o with no value: exit $rc, expected 2"
run
[ "$rc" -eq 2 ] || fail "no command: exit $rc, expected 2"
run plugins
[ "$rc" -eq 0 ] || { fail "plugins: exit $rc"; show_run; }
for p in by-region by-sector by-sdg timeline kpi project-table; do
    grep -q "^$p " "$work/run.out" || fail "plugins does not list $p"
done

finish
