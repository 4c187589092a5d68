#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: portfolio CSV files as spreadsheets and people really have
# them.  The bundled sample is written again the way Excel exports it in
# other locales (';' or tab between fields, GB18030, Windows-1252 or
# UTF-16, CRLF) and each export must give the very numbers the sample
# gives (--data-out), its Chinese titles in the PDF; spreadsheets,
# archives and PDFs passed as data are refused in one line; --data -
# reads standard input.  Every file is made here with awk, iconv and
# printf; every expected value comes from those inputs.
. "$top_srcdir/tests/lib.sh"

need_tool iconv pdftotext

sample="$top_srcdir/data/sample-portfolio.csv"
R="$top_srcdir/reports/annual-meeting.cfg"
cd "$work" || die "cannot enter $work"
# --data - copies standard input into TMPDIR: a folder of this test's own,
# to see that nothing is left there
TMPDIR="$work/tmp"
export TMPDIR
mkdir "$TMPDIR" || die "cannot create $TMPDIR"

# The sample as records (lib.sh's reader); this test writes it back out
# field by field, so a value on two lines would not survive.
csv_us "$sample" > sample.us
! grep -qF '\n' sample.us || die "the sample has a value on two lines; to_csv cannot write it"
nrows=$(($(wc -l < sample.us) - 1))
[ "$nrows" -ge 40 ] || die "the sample has $nrows projects, expected at least 40"

# to_csv SEP EOL < records: a CSV with SEP between fields and EOL ending
# lines, quoting (as spreadsheets do) only a value that holds SEP, a quote
# or the list separator ';'.
to_csv()
{
    awk -F"$US" -v sep="$1" -v eol="$2" '{
        out = ""
        for (i = 1; i <= NF; i++) {
            f = $i
            if (index(f, sep) || index(f, "\"") || index(f, ";")) {
                gsub(/"/, "\"\"", f)
                f = "\"" f "\""
            }
            out = out (i > 1 ? sep : "") f
        }
        printf "%s%s", out, eol
    }'
}
CR=$(printf '\r')
TAB=$(printf '\t')

# render_like_sample LABEL [ARGS...]: renders the bundled report with ARGS
# and compares its data-out with the sample's, file by file.
render_dataout ref "$R" ref
nfiles=$(ls ref | wc -l)
[ "$nfiles" -ge 10 ] || die "the reference render wrote $nfiles data-out files"
render_like_sample()
{
    label=$1
    shift
    render_dataout "$label" "$R" "$label" "$@"
    [ "$rc" -eq 0 ] && same_dataout "$label" ref "$label" "$nfiles"
}

# ---- 1. the three separators ---------------------------------------------
to_csv ';' "$CR
" < sample.us > semi.csv
to_csv "$TAB" '
' < sample.us > tab.csv
to_csv ',' '
' < sample.us > comma.csv
[ "$(head -n 1 semi.csv)" = "$(head -n 1 "$sample" | tr ',' ';')$CR" ] ||
    die "semi.csv's header is not the sample's with ';'"
grep -q '"[A-Z][A-Z][A-Z];[A-Z][A-Z][A-Z]' semi.csv || die "semi.csv quotes no list of countries"
render_like_sample comma --data comma.csv
render_like_sample semi --data semi.csv
render_like_sample tab --data tab.csv
render_like_sample semi-set --data semi.csv --set 'data.delimiter=;'
render_like_sample tab-set --data tab.csv --set data.delimiter=tab

# a separator the report sets wrongly: the message says which one the
# header uses and how to set it
run check "$R" --data semi.csv --set data.delimiter=,
[ "$rc" -ne 0 ] || fail "';' file read with data.delimiter = ',': exit status 0"
grep -qF "semi.csv:1: missing required columns: id, title" "$work/run.err" &&
    grep -qF "the columns seem to be separated by ';', not ',' as data.delimiter says: set data.delimiter = \";\"" "$work/run.err" ||
    { fail "wrong data.delimiter: no line naming the missing columns and ';'"; show_run; }

# ---- 2. encodings ----------------------------------------------------------
# The done-when of issue 11: a ';' GB18030 export with CRLF, as Excel on
# Chinese Windows writes it, gives the sample's numbers with
# data.encoding set, and its Chinese titles are in the PDF.
iconv -f UTF-8 -t GB18030 semi.csv > gb.csv || die "iconv cannot write GB18030"
! cmp -s gb.csv semi.csv || die "gb.csv is the same bytes as semi.csv: no Chinese in the sample?"
render_like_sample gb --data gb.csv --set data.encoding=GB18030
# the titles holding Chinese characters (UTF-8 lead bytes E4-E9), white
# space taken out on both sides since a table cell may wrap
title_col=$(head -n 1 sample.us | tr "$US" '\n' | grep -nx title | cut -d: -f1)
[ -n "$title_col" ] || die "the sample has no title column"
tail -n +2 sample.us | cut -d"$US" -f"$title_col" | LC_ALL=C grep "$(printf '[\344-\351]')" |
    tr -d ' ' > zh-titles
[ "$(wc -l < zh-titles)" -ge 2 ] || die "the sample has fewer than two Chinese titles"
if [ -s gb.pdf ]; then
    pdftotext gb.pdf - | tr -d ' \n' > gb.txt
    while read -r t; do
        grep -qF "$t" gb.txt || fail "GB18030: the title $t is not in the PDF"
    done < zh-titles
else
    fail "GB18030: no PDF"
fi
# without the setting: one line at the first byte that is not UTF-8, as
# iconv itself finds it, suggesting the setting
pos=$(iconv -f UTF-8 -t UTF-8 gb.csv 2>&1 >/dev/null | sed -n 's/.* at position \([0-9]*\).*/\1/p')
[ -n "$pos" ] || die "iconv finds gb.csv valid UTF-8"
line=$(($(head -c "$pos" gb.csv | tr -cd '\n' | wc -c) + 1))
run check "$R" --data gb.csv
[ "$rc" -ne 0 ] || fail "GB18030 without data.encoding: exit status 0"
grep -qF "gb.csv:$line: the file is not valid UTF-8 (byte 0x" "$work/run.err" &&
    grep -qF 'set data.encoding = "GB18030" (Western Windows: "WINDOWS-1252")' "$work/run.err" ||
    { fail "GB18030 without data.encoding: no 'gb.csv:$line: ... not valid UTF-8 ... GB18030'"; show_run; }
[ "$(wc -l < "$work/run.err")" -eq 1 ] || { fail "GB18030 without data.encoding: not one line"; show_run; }

# Windows-1252 with accented titles and a euro sign: the project table's
# data-out holds the titles as written here in UTF-8
H=id,title,lead_institution,countries,sector,sdg_primary,start_date,status
{
    echo "$H"
    echo 'W-1,"Café, crème brûlée: São Tomé",Universität Zürich,STP,water,6,2012,ongoing'
    echo 'W-2,Coopération Sud-Sud à 100 €,Instituto de Investigación,BRA,ict,9,2015,completed'
    echo 'W-3,Ñandú y pingüinos,Fundación Açaí,ARG,agriculture,2,2018,pipeline'
} > western.csv
iconv -f UTF-8 -t WINDOWS-1252 western.csv > cp1252.csv || die "iconv cannot write WINDOWS-1252"
printf 'title = "Western";\ndata = { path = "cp1252.csv"; encoding = "WINDOWS-1252"; };\n%s\n' \
    'sections = ( { plugin = "project-table"; title = "Projects"; } );' > western.cfg
render_dataout western western.cfg western
csv_us western.csv | tail -n +2 | cut -d"$US" -f1,2 | sort > western.want
if [ -f western/01-project-table.csv ]; then
    csv_us western/01-project-table.csv | tail -n +2 | cut -d"$US" -f1,2 | sort > western.got
    cmp -s western.want western.got ||
        { fail "Windows-1252: the titles differ"; diff western.want western.got >&2; }
else
    fail "Windows-1252: no project-table data-out"
fi
run check western.cfg --set data.encoding=UTF-8
[ "$rc" -ne 0 ] || fail "Windows-1252 read as UTF-8: exit status 0"
grep -qF 'cp1252.csv:2: the file is not valid UTF-8 (byte 0xE9)' "$work/run.err" ||
    { fail "Windows-1252 read as UTF-8: no 'cp1252.csv:2: ... (byte 0xE9)' (the é of Café)"; show_run; }

# UTF-16 with a byte-order mark needs no setting, either byte order; without
# the mark the setting reads it, and its absence is explained
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE comma.csv; } > u16le.csv
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE comma.csv; } > u16be.csv
iconv -f UTF-8 -t UTF-16LE comma.csv > u16-nobom.csv
render_like_sample u16le --data u16le.csv
render_like_sample u16be --data u16be.csv
render_like_sample u16-set --data u16-nobom.csv --set data.encoding=UTF-16LE
run check "$R" --data u16-nobom.csv
grep -qxF 'u16-nobom.csv: the file looks like UTF-16 text without a byte-order mark: set data.encoding = "UTF-16LE"' \
    "$work/run.err" || { fail "UTF-16 without a mark: no one-line explanation"; show_run; }

# an encoding iconv does not know is the report's line
run check "$R" --set data.encoding=GB-18030-X
[ "$rc" -ne 0 ] || fail "data.encoding = GB-18030-X: exit status 0"
grep -qF 'data.encoding: iconv knows no encoding "GB-18030-X"' "$work/run.err" ||
    { fail "an unknown encoding is not named"; show_run; }

# ---- 3. what is no CSV: one line each, no PDF -----------------------------
# a ZIP's first local header: signature, 22 bytes, the name's length (two
# bytes, little-endian), no extra field, the name
zip_entry() { printf 'PK\003\004\024\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'; printf "\\$(printf '%03o' "${#1}")\\000\\000\\000%s" "$1"; }
zip_entry '[Content_Types].xml' > book.xlsx
{ zip_entry 'mimetype'; printf 'application/vnd.oasis.opendocument.spreadsheet'; } > book.ods
{ zip_entry 'portfolio.csv'; printf 'id,title'; } > archive.zip
printf '\320\317\021\340\241\261\032\341\000\000\000\000' > book.xls
printf '%%PDF-1.4\n%%\342\343\317\323\n' > report.pdf
for pair in 'book.xlsx|an XLSX spreadsheet' 'book.ods|an ODS spreadsheet' \
    'archive.zip|a ZIP archive' 'book.xls|an XLS spreadsheet' 'report.pdf|a PDF document'; do
    f=${pair%%|*} what=${pair#*|}
    run render "$R" --data "$f" -o "$f.out.pdf"
    [ "$rc" -ne 0 ] || fail "$f: exit status 0"
    [ "$(cat "$work/run.err")" = "$f: this is $what: save it as CSV (UTF-8)" ] ||
        { fail "$f: not the one line '$f: this is $what: save it as CSV (UTF-8)'"; show_run; }
    [ ! -e "$f.out.pdf" ] || fail "$f: a PDF was written"
done

# ---- 4. standard input -----------------------------------------------------
render_stdin()
{
    label=$1 input=$2
    shift 2
    rm -rf "$label"
    "$SSC_REPORT" render "$R" -o "$label.pdf" --data-out "$label" --data - "$@" \
        < "$input" > "$work/run.out" 2> "$work/run.err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        fail "$label: render failed (exit $rc)"
        show_run
    else
        same_dataout "$label" ref "$label" "$nfiles"
    fi
}
render_stdin stdin "$sample"
render_stdin stdin-gb gb.csv --set data.encoding=GB18030
"$SSC_REPORT" check "$R" --data - < book.xlsx > "$work/run.out" 2> "$work/run.err"
[ "$(cat "$work/run.err")" = '(standard input): this is an XLSX spreadsheet: save it as CSV (UTF-8)' ] ||
    { fail "an XLSX on standard input: not one line naming (standard input)"; show_run; }
# the source from the first bytes: an SQLite database on standard input
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 one.db "CREATE TABLE projects (id, title, lead_institution, countries, sector,
        sdg_primary, start_date, status);
        INSERT INTO projects VALUES ('Q-1', 'Piped', 'Institute A', 'VNM', 'water', 6,
        '2015', 'ongoing');" || die "sqlite3 cannot write one.db"
    "$SSC_REPORT" render "$R" -o one.pdf --data-out one --data - --set data.encoding=GB18030 \
        < one.db > "$work/run.out" 2> "$work/run.err"
    rc=$?
    [ "$rc" -eq 0 ] || { fail "an SQLite database on standard input: exit $rc"; show_run; }
    grep -qx 'projects,[^,]*,1' one/*-kpi.csv || fail "an SQLite database on standard input: not 1 project"
    # the CSV settings do not apply, and the run says so
    grep -qF 'warning: data.encoding describes CSV files; the sqlite source reads this data and ignores it' \
        "$work/run.err" || { fail "data.encoding with an SQLite database: no warning"; show_run; }
fi
[ -z "$(ls -A "$TMPDIR")" ] ||
    fail "standard input's temporary copies were left: $(ls -A "$TMPDIR" | tr '\n' ' ')"

finish
