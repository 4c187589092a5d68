#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the hostile inputs of issue 15.  Each file below is written
# here; each must give a clean error naming the file (and its line where
# there is one) on stderr, with a non-zero status, no signal, no output,
# and within bounds measured by /usr/bin/time: 2 s of CPU and 200 MiB of
# peak memory (a timeout of 60 s catches a hang).  Messages must be valid
# UTF-8 without control bytes: values quoted in them are escaped.
. "$top_srcdir/tests/lib.sh"

need_tool timeout truncate mkfifo sqlite3
[ -x /usr/bin/time ] || skip "/usr/bin/time is not installed (Debian package time)"

CPU_MAX=2.0      # seconds of user + system time
RSS_MAX=204800   # KiB: 200 MiB
CPU_SCALE=1
HANG=60          # seconds before `timeout` calls it a hang
if sanitized; then
    # ASan and UBSan cost many times the CPU (checking 100,000 sections:
    # 32 s against under 2), and ASan keeps shadow memory and up to 256 MiB
    # of freed blocks in quarantine: wider bounds, which still catch
    # reading a whole 2 GB file or /dev/zero, or a loop that never ends
    CPU_SCALE=25
    RSS_MAX=1048576
    HANG=300
fi

H=id,title,lead_institution,countries,sector,sdg_primary,start_date,status
cd "$work" || die "cannot enter $work"
printf '%s\n' "$H" 'G-1,Good,Institute A,VNM,water,6,2015,ongoing' > good.csv
cat > r.cfg <<'EOF'
title = "Hostile input";
data = { path = "good.csv"; };
sections = ( { plugin = "kpi"; title = "Figures"; } );
EOF

# hostile WHAT PATTERN ARGS...: runs the command with stdin from $stdin
# (default /dev/null) and checks the outcome; PATTERN is an extended
# regular expression the first line of stderr must match.
stdin=/dev/null
hostile()
{
    what=$1 want=$2
    shift 2
    rm -f out.pdf
    rm -rf dataout
    timeout "$HANG" /usr/bin/time -f '%U %S %M' -o time.txt "$SSC_REPORT" "$@" \
        > run.out 2> run.err < "$stdin"
    rc=$?
    stdin=/dev/null
    if [ "$rc" -eq 124 ]; then
        fail "$what: still running after $HANG s"
        return
    fi
    if [ "$rc" -eq 0 ] || [ "$rc" -ge 126 ]; then
        fail "$what: exit status $rc, expected a clean error"
        sed 's/^/    stderr: /' run.err >&2
        return
    fi
    head -n 1 run.err | grep -Eq -- "$want" ||
        { fail "$what: stderr does not start with /$want/"; sed 's/^/    stderr: /' run.err >&2; }
    # no raw control bytes (the line ends aside) and nothing but UTF-8
    if tr -d '\n' < run.err | grep -q "$(printf '[\001-\037\177]')"; then
        fail "$what: a control byte in the message"
    fi
    iconv -f UTF-8 -t UTF-8 < run.err > /dev/null 2>&1 || fail "$what: the message is not UTF-8"
    [ ! -e out.pdf ] || fail "$what: out.pdf was written"
    [ ! -e dataout ] || fail "$what: dataout was written"
    awk -v w="$what" -v cmax="$CPU_MAX" -v scale="$CPU_SCALE" -v rmax="$RSS_MAX" '
        BEGIN { cmax *= scale }
        NF == 3 {
            if ($1 + $2 > cmax) printf "%s: %.2f s of CPU, more than %s\n", w, $1 + $2, cmax
            if ($3 > rmax) printf "%s: peak memory %d KiB, more than %d\n", w, $3, rmax
            seen = 1
        }
        END { if (!seen) printf "%s: /usr/bin/time wrote no figures\n", w }' time.txt > bounds.txt
    while IFS= read -r line; do fail "$line"; done < bounds.txt
}

# ---- data that would block, never end or fill the memory -----------------
mkfifo fifo.csv
hostile "a FIFO" '^fifo\.csv: is a FIFO' render r.cfg --data fifo.csv -o out.pdf
hostile "/dev/zero" '^/dev/zero: is a character device' render r.cfg --data /dev/zero -o out.pdf
stdin=/dev/zero
hostile "/dev/zero on stdin" '^\(standard input\):1: a NUL byte at byte 1' \
    render r.cfg --data - -o out.pdf
truncate -s 2G sparse.csv
hostile "a 2 GB sparse file" '^sparse\.csv: the file is 2\.0 GiB, more than the 1\.0 GiB' \
    render r.cfg --data sparse.csv -o out.pdf
# past a raised limit, the first 64 KiB are judged before the rest is read
printf '%s\n' "$H" > sparse2.csv
truncate -s 2G sparse2.csv
SSC_REPORT_MAX_INPUT=4G
export SSC_REPORT_MAX_INPUT
hostile "a 2 GB file of a header and zeros" '^sparse2\.csv:2: a NUL byte at byte '"$((${#H} + 2))" \
    render r.cfg --data sparse2.csv -o out.pdf
unset SSC_REPORT_MAX_INPUT
# a first line of 100,000 bytes, no line end
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "x" }' > oneline.csv
hostile "no line end" '^oneline\.csv:1: no line end in the first 65536 bytes' \
    render r.cfg --data oneline.csv -o out.pdf
# more rows than the limit
{ printf '%s\n' "$H"; for i in 1 2 3 4 5 6; do echo "R-$i,T,I,VNM,water,6,2015,ongoing"; done; } \
    > rows.csv
SSC_REPORT_MAX_ROWS=5 hostile "six rows past a limit of 5" '^rows\.csv:7: more than 5 rows' \
    render r.cfg --data rows.csv -o out.pdf

# ---- messages: invalid UTF-8, newlines and binary bytes in values -------
printf 'title = "Bad \377 title";\ndata = { path = "good.csv"; };\nsections = ( { plugin = "kpi"; } );\n' \
    > bad-utf8.cfg
hostile "invalid UTF-8 in a title" '^bad-utf8\.cfg:1: not valid UTF-8 \(byte 0xFF\)' check bad-utf8.cfg
printf 'title = "Escaped \\xff";\ndata = { path = "good.csv"; };\nsections = ( { plugin = "kpi"; } );\n' \
    > esc-utf8.cfg
hostile "invalid UTF-8 made by an escape" '^esc-utf8\.cfg:1: title: not valid UTF-8' check esc-utf8.cfg
printf 'title = "T";\nlanguage = "e\\nn";\ndata = { path = "good.csv"; };\nsections = ( { plugin = "kpi"; } );\n' \
    > newline.cfg
hostile "a newline in a report value" '^newline\.cfg:2: language: "e\\nn" is not' check newline.cfg
[ "$(wc -l < run.err)" -eq 1 ] || fail "a newline in a report value: the message is not one line"
printf '%s\n' "$H" 'N-1,T,I,VNM,water,6,2015,"ongo' 'ing"' > newline.csv
hostile "a newline in a data value" '^newline\.csv:2: status: .*ongo(\\n|\?)ing' \
    render r.cfg --data newline.csv -o out.pdf
# a corrupt SQLite file: its header, then bytes of every value
{ printf 'SQLite format 3\000'; awk 'BEGIN { for (i = 0; i < 4096; i++) printf "%c", 128 + i % 128 }'; } \
    > corrupt.sqlite
hostile "a corrupt SQLite file" '^corrupt\.sqlite: ' render r.cfg --data corrupt.sqlite -o out.pdf

# ---- reports past the limits ---------------------------------------------
awk 'BEGIN { printf "title = \"T\";\ndata = { path = \"good.csv\"; };\nx = ";
             for (i = 0; i < 100000; i++) printf "(";
             for (i = 0; i < 100000; i++) printf ")";
             printf ";\nsections = ( { plugin = \"kpi\"; } );\n" }' > deep.cfg
hostile "deep nesting" '^deep\.cfg:3: nested more than 16 levels' check deep.cfg
awk 'BEGIN { printf "title = \"T\";\ndata = { path = \"good.csv\"; };\nsections = (\n";
             for (i = 0; i < 100000; i++) printf "{ plugin = \"kpi\"; },\n";
             printf "{ plugin = \"kpi\"; } );\n" }' > many.cfg
hostile "100,000 sections" '^many\.cfg:3: sections: ' check many.cfg
awk 'BEGIN { printf "title = \"T\";\ndata = { path = \"good.csv\"; };\nsections = (\n";
             for (i = 0; i < 500; i++) printf "{ plugin = \"kpi\"; },\n";
             printf "{ plugin = \"kpi\"; } );\n" }' > many501.cfg
hostile "501 sections" '^many501\.cfg:3: sections: 501 sections, more than the 500' check many501.cfg

# ---- IATI: the inputs that crashed libxml2 2.9.14, an external entity ------
printf '<\000\000\000' > crash1.xml
hostile "IATI: < NUL NUL NUL" '^crash1\.xml:1: .*a NUL byte at byte 2' \
    render r.cfg --data crash1.xml -o out.pdf
printf '<?xml version="1.0" encoding="UTF-7"?>\377' > crash2.xml
hostile "IATI: UTF-7 then 0xFF" '^crash2\.xml:1: .*encoding "UTF-7"' \
    render r.cfg --data crash2.xml -o out.pdf
cat > xxe.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE iati-activities [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03">
 <iati-activity>
  <iati-identifier>X-1</iati-identifier>
  <title><narrative>&e;</narrative></title>
  <recipient-country code="VN"/>
  <sector code="14010"/>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2015-01-01"/>
 </iati-activity>
</iati-activities>
EOF
timeout 60 "$SSC_REPORT" render r.cfg --data xxe.xml -o out.pdf --data-out dataout \
    > run.out 2> run.err
rc=$?
[ "$rc" -lt 124 ] || fail "IATI with an external entity: status $rc"
if [ -r /etc/passwd ] && grep -q '^root:' /etc/passwd; then
    for f in run.out run.err out.pdf dataout/*; do
        [ -f "$f" ] || continue
        # the PDF's text, as a reader would see it, and its raw bytes
        if grep -q 'root:' "$f" ||
            { [ "$f" = out.pdf ] && command -v pdftotext > /dev/null &&
                pdftotext out.pdf - 2> /dev/null | grep -q 'root:'; }; then
            fail "IATI with an external entity: /etc/passwd reached $f"
        fi
    done
fi

# ---- SQLite: a query that never ends stops at data.timeout ----------------
sqlite3 db.sqlite "CREATE TABLE projects(id TEXT);" || die "sqlite3 failed"
cat > q.cfg <<'EOF'
title = "Timeout";
data = {
  path = "db.sqlite";
  timeout = 1;
  query = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS id FROM c";
};
sections = ( { plugin = "kpi"; } );
EOF
CPU_MAX=4.0
hostile "a recursive query that never ends" '^(\./)?db\.sqlite: .*ran past data\.timeout \(1 s\)' \
    render q.cfg -o out.pdf
CPU_MAX=2.0

finish
