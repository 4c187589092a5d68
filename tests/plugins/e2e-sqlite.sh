#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end: the sqlite source (plugins/sources/sqlite.c, docs/sqlite.md).  One
# portfolio written here twice, as CSV and as SQL INSERT statements run by
# the sqlite3 command-line tool, must give byte-identical --data-out files;
# so must a query that renames another table's columns with AS.  The
# database is never modified (checksum and modification time), opens when
# it cannot be written, and bad rows, bad SQL and missing plugins give
# messages naming the file, the row and the column.
. "$top_srcdir/tests/lib.sh"

need_tool sqlite3 cmp sha256sum stat

# ---- the portfolio, as CSV ---------------------------------------------------

# Quoted commas, doubled quotes, a line break, Chinese text, lists with
# spaces, a project without budget, budgets with fractions, an extra column.
cat > "$work/portfolio.csv" <<'EOF'
id,title,lead_institution,partner_institutions,countries,sector,sdg_primary,sdg_secondary,start_date,end_date,status,funding_source,budget_usd,modality,gender_marker,beneficiaries,notes
T-01,"Rice, fish and ""smart"" farming",Institute A,"Partner X; Partner Y",VNM; LKA,agriculture,2,1;5,2012-03,2014-12,completed,PGTF,1000.25,south-south,1,120,"a note, with a comma"
T-02,"Solar pumps
for villages",Institute B,,KEN;ETH;BRA,renewable-energy,7,5;17,2015,,ongoing,PGTF,2500.5,triangular,2,,
T-03,Mangrove restoration,Institute A,,FJI,forestry,14,,2010-11-30,2012,completed,,,,0,,
T-04,渔业技术培训,"Institute, C",,CAN;BRA,fishery,14,2;17,2018-01-15,,pipeline,,700,,,,
T-05,Mobile banking,Institute B,,ETH,financial-services,8,1;5;10,2015-06,,cancelled,,0.1,,1,3000,
T-06,E-government exchange,Institute A,,BRA;CAN;VNM;KEN;FJI,ict,17,9;16,2010,,ongoing,PGTF,123456789.123,south-south,0,,
T-07,Rain-water harvesting,"Institute, C",,LKA;FJI;KEN,water,6,3,2013,,suspended,,1200,,0,,
T-08,Bamboo training,Institute B,,ETH,forestry,15,1,2016-09,,completed,,5000,,1,,
EOF

# ---- the same portfolio, as SQL ----------------------------------------------

# Columns in another order and typed as a database would type them:
# numbers as INTEGER or REAL, missing values as NULL.
cat > "$work/portfolio.sql" <<'EOF'
CREATE TABLE projects (
  id TEXT PRIMARY KEY, status TEXT, title TEXT, countries TEXT, lead_institution TEXT,
  sector TEXT, sdg_primary INTEGER, sdg_secondary TEXT, start_date TEXT, end_date TEXT,
  budget_usd REAL, gender_marker INTEGER, notes TEXT, partner_institutions TEXT,
  funding_source TEXT, modality TEXT, beneficiaries INTEGER);
INSERT INTO projects VALUES ('T-01', 'completed', 'Rice, fish and "smart" farming', 'VNM; LKA', 'Institute A', 'agriculture', 2, '1;5', '2012-03', '2014-12', 1000.25, 1, 'a note, with a comma', 'Partner X; Partner Y', 'PGTF', 'south-south', 120);
INSERT INTO projects VALUES ('T-02', 'ongoing', 'Solar pumps
for villages', 'KEN;ETH;BRA', 'Institute B', 'renewable-energy', 7, '5;17', 2015, NULL, 2500.5, 2, NULL, NULL, 'PGTF', 'triangular', NULL);
INSERT INTO projects VALUES ('T-03', 'completed', 'Mangrove restoration', 'FJI', 'Institute A', 'forestry', 14, NULL, '2010-11-30', '2012', NULL, 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO projects VALUES ('T-04', 'pipeline', '渔业技术培训', 'CAN;BRA', 'Institute, C', 'fishery', 14, '2;17', '2018-01-15', NULL, 700, NULL, '', '', NULL, NULL, NULL);
INSERT INTO projects VALUES ('T-05', 'cancelled', 'Mobile banking', 'ETH', 'Institute B', 'financial-services', 8, '1;5;10', '2015-06', NULL, 0.1, 1, NULL, NULL, NULL, NULL, 3000);
INSERT INTO projects VALUES ('T-06', 'ongoing', 'E-government exchange', 'BRA;CAN;VNM;KEN;FJI', 'Institute A', 'ict', 17, '9;16', 2010, NULL, 123456789.123, 0, NULL, NULL, 'PGTF', 'south-south', NULL);
INSERT INTO projects VALUES ('T-07', 'suspended', 'Rain-water harvesting', 'LKA;FJI;KEN', 'Institute, C', 'water', 6, '3', '2013', NULL, 1200.0, 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO projects VALUES ('T-08', 'completed', 'Bamboo training', 'ETH', 'Institute B', 'forestry', 15, 1, '2016-09', NULL, 5000, 1, NULL, NULL, NULL, NULL, NULL);
-- The same projects under the names an older system used, for data.query.
CREATE TABLE legacy AS SELECT id AS code, title AS name, lead_institution AS lead,
  partner_institutions AS partners, countries AS iso3, sector AS field, sdg_primary AS goal,
  sdg_secondary AS goals, start_date AS began, end_date AS ended, status AS state,
  funding_source AS fund, budget_usd AS usd, modality AS kind, gender_marker AS gender,
  beneficiaries AS people, notes AS notes FROM projects;
EOF
sqlite3 "$work/portfolio.sqlite" < "$work/portfolio.sql" || die "sqlite3 could not build the database"
[ "$(sqlite3 "$work/portfolio.sqlite" 'SELECT count(*) FROM projects')" = 8 ] ||
    die "the database does not hold the 8 projects"
# REAL stays REAL: the test is about numbers converted to text exactly
[ "$(sqlite3 "$work/portfolio.sqlite" "SELECT typeof(budget_usd) FROM projects WHERE id = 'T-01'")" = real ] ||
    die "budget_usd of T-01 is not stored as REAL"

# The report: every bundled plugin, both project-table orders.
# write_report FILE DATA-LINES
write_report()
{
    cat > "$1" <<EOF
title = "SQLite test";
data = { $2 };
sections = (
  { plugin = "kpi"; title = "At a glance"; },
  { plugin = "by-region"; title = "Regions"; },
  { plugin = "by-sector"; title = "Sectors"; },
  { plugin = "by-sdg"; title = "Goals"; },
  { plugin = "timeline"; title = "Starts"; },
  { plugin = "project-table"; title = "Projects"; },
  { plugin = "project-table"; title = "Largest"; options = { sort = "budget"; limit = 5; }; }
);
EOF
}

fingerprint()
{
    sha256sum < "$work/portfolio.sqlite"
    stat -c '%y %s' "$work/portfolio.sqlite"
}
fingerprint > "$work/before"

# ---- 1. CSV and SQLite give identical numbers --------------------------------

write_report "$work/plain.cfg" 'path = "portfolio.csv";'
render_dataout csv "$work/plain.cfg" "$work/out-csv"
# the figures are this portfolio's (so that an empty run cannot pass)
grep -q '^projects,Projects,8$' "$work/out-csv/01-kpi.csv" ||
    fail "csv: the kpi file does not count 8 projects: $(cat "$work/out-csv/01-kpi.csv")"
grep -q '^budget_total,Total budget,123467189.973$' "$work/out-csv/01-kpi.csv" ||
    fail "csv: the budget total is not 123467189.973: $(cat "$work/out-csv/01-kpi.csv")"

# --data FILE.sqlite picks the sqlite source by its extension
render_dataout "--data .sqlite" "$work/plain.cfg" "$work/out-ext" --data "$work/portfolio.sqlite"
same_dataout "--data portfolio.sqlite" "$work/out-csv" "$work/out-ext" 7

# data.format names the source whatever the file is called
cp "$work/portfolio.sqlite" "$work/portfolio.data"
write_report "$work/format.cfg" 'path = "portfolio.data"; format = "sqlite";'
render_dataout "data.format" "$work/format.cfg" "$work/out-format"
same_dataout "format = sqlite" "$work/out-csv" "$work/out-format" 7

# ---- 2. a query whose aliases give the portfolio's column names --------------

write_report "$work/query.cfg" 'path = "portfolio.sqlite";
  query = "SELECT code AS id, name AS title, lead AS lead_institution,
             partners AS partner_institutions, iso3 AS countries, field AS sector,
             goal AS sdg_primary, goals AS sdg_secondary, began AS start_date,
             ended AS end_date, state AS status, fund AS funding_source, usd AS budget_usd,
             kind AS modality, gender AS gender_marker, people AS beneficiaries, notes
           FROM legacy ORDER BY rowid";'
render_dataout query "$work/query.cfg" "$work/out-query"
same_dataout "data.query with AS" "$work/out-csv" "$work/out-query" 7

# data.table reads another table; a query may also filter
sqlite3 "$work/two.sqlite" < "$work/portfolio.sql" &&
    sqlite3 "$work/two.sqlite" 'ALTER TABLE projects RENAME TO portfolio' ||
    die "could not build two.sqlite"
write_report "$work/table.cfg" 'path = "two.sqlite"; table = "portfolio";'
render_dataout table "$work/table.cfg" "$work/out-table"
same_dataout "data.table" "$work/out-csv" "$work/out-table" 7
write_report "$work/where.cfg" "path = \"portfolio.sqlite\";
  query = \"SELECT * FROM projects WHERE status = 'completed'\";"
render_dataout where "$work/where.cfg" "$work/out-where"
grep -q '^projects,Projects,3$' "$work/out-where/01-kpi.csv" ||
    fail "a query with WHERE status = 'completed' does not give 3 projects"

# ---- 2b. a source without budgets, goals or gender markers ---------------------

# Columns a query leaves out are not given: the projects name no goal and
# have no budget.  The report still renders; the charts that have nothing
# to show say so, and the kpi figures that cannot be known are dashes.
write_report "$work/sparse.cfg" 'path = "portfolio.sqlite";
  query = "SELECT id, title, lead_institution, countries, sector, start_date, status
           FROM projects";'
render_dataout sparse "$work/sparse.cfg" "$work/out-sparse"
grep -q '^projects,Projects,8$' "$work/out-sparse/01-kpi.csv" || fail "sparse: not 8 projects"
grep -q '^budget_total,Total budget,$' "$work/out-sparse/01-kpi.csv" ||
    fail "sparse: budget_total is not empty: $(cat "$work/out-sparse/01-kpi.csv")"
grep -q '^gender_share,Projects marked for gender equality,$' "$work/out-sparse/01-kpi.csv" ||
    fail "sparse: gender_share is not empty"
[ "$(awk -F, 'NR > 1 && $NF != 0' "$work/out-sparse/04-by-sdg.csv" | wc -l)" -eq 0 ] ||
    fail "sparse: by-sdg counts goals the projects do not name"
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$work/out-sparse.pdf" - | tr -s ' \n\f' '   ' > "$work/sparse.txt"
    grep -q 'Goals No data to show for the selected projects\.' "$work/sparse.txt" ||
        fail "sparse: the Goals section does not say it has no data"
    grep -q "$(printf '\342\200\223') Total budget" "$work/sparse.txt" ||
        fail "sparse: the kpi tile does not show a dash for the missing budget"
fi

# ---- 3. read-only -------------------------------------------------------------

fingerprint > "$work/after"
cmp -s "$work/before" "$work/after" ||
    fail "the database changed: $(cat "$work/before") -> $(cat "$work/after")"
ls "$work" | grep -q 'portfolio\.sqlite-' && fail "journal files appeared beside the database"

# a query that would write is refused before it runs
write_report "$work/delete.cfg" 'path = "portfolio.sqlite"; query = "DELETE FROM projects";'
run render "$work/delete.cfg" -o "$work/delete.pdf"
[ "$rc" -ne 0 ] || fail "a DELETE query was run"
grep -qF "$work/portfolio.sqlite: data.query would change the database; only a query that reads (SELECT) is run" "$work/run.err" ||
    { fail "no clear message for a DELETE query"; show_run; }
write_report "$work/two-stmts.cfg" 'path = "portfolio.sqlite"; query = "SELECT * FROM projects; DROP TABLE projects";'
run render "$work/two-stmts.cfg" -o "$work/two.pdf"
grep -qF "$work/portfolio.sqlite: data.query holds more than one statement; give one SELECT" "$work/run.err" ||
    { fail "no clear message for two statements"; show_run; }
fingerprint > "$work/after"
cmp -s "$work/before" "$work/after" || fail "the database changed after refused queries"
[ "$(sqlite3 "$work/portfolio.sqlite" 'SELECT count(*) FROM projects')" = 8 ] ||
    fail "the projects are no longer all there"

# a database nobody may write opens fine (as root the mode alone does not
# stop writes, but the engine must not need them either way)
cp "$work/portfolio.sqlite" "$work/locked.sqlite"
chmod 0444 "$work/locked.sqlite"
render_dataout "read-only file" "$work/plain.cfg" "$work/out-locked" --data "$work/locked.sqlite"
same_dataout "read-only file" "$work/out-csv" "$work/out-locked" 7
chmod 0644 "$work/locked.sqlite"

# ---- 4. bad rows: the CSV source's messages, with the result row -------------

sqlite3 "$work/bad.sqlite" < "$work/portfolio.sql" &&
    sqlite3 "$work/bad.sqlite" "UPDATE projects SET sdg_primary = 19 WHERE id = 'T-02';
        UPDATE projects SET countries = 'KEN;XXX', start_date = '2014-02-30' WHERE id = 'T-05';
        UPDATE projects SET title = NULL WHERE id = 'T-07'" ||
    die "could not build bad.sqlite"
run render "$work/plain.cfg" -o "$work/bad.pdf" --data "$work/bad.sqlite"
[ "$rc" -ne 0 ] || fail "bad rows: render succeeded"
f="$work/bad.sqlite"
printf '%s\n' \
    "$f:2: sdg_primary: 19 is not an SDG (expected a whole number from 1 to 17)" \
    "$f:5: countries: XXX is not an ISO 3166-1 alpha-3 country code" \
    "$f:5: start_date: 2014-02-30 is not a calendar date (February 2014 has 28 days)" \
    "$f:7: title: required, but empty" \
    "$f: 4 problems; nothing rendered (fix them, or render the good rows with --skip-bad-rows)" \
    > "$work/want.err"
cmp -s "$work/want.err" "$work/run.err" ||
    { fail "bad rows: messages differ (- expected, + got):"; diff -u "$work/want.err" "$work/run.err" | sed 's/^/    /' >&2; }
[ -e "$work/bad.pdf" ] && fail "bad rows: a PDF was written"
rm -rf "$work/out-skip"
run render "$work/plain.cfg" -o "$work/skip.pdf" --data "$work/bad.sqlite" --skip-bad-rows \
    --data-out "$work/out-skip"
[ "$rc" -eq 0 ] || { fail "--skip-bad-rows: exit $rc"; show_run; }
grep -q '^projects,Projects,5$' "$work/out-skip/01-kpi.csv" || fail "--skip-bad-rows does not keep 5 projects"
grep -q '^warning: 3 bad rows left out (--skip-bad-rows)$' "$work/run.err" ||
    { fail "--skip-bad-rows: no warning"; show_run; }

# a duplicate id names the row of its first use
sqlite3 "$work/dup.sqlite" < "$work/portfolio.sql" &&
    sqlite3 "$work/dup.sqlite" "CREATE TABLE p2 AS SELECT * FROM projects;
        UPDATE p2 SET id = 'T-01' WHERE id = 'T-04'" || die "could not build dup.sqlite"
write_report "$work/dup.cfg" 'path = "dup.sqlite"; table = "p2";'
run render "$work/dup.cfg" -o "$work/dup.pdf"
grep -qxF "$work/dup.sqlite:4: id: T-01 is already used on line 1" "$work/run.err" ||
    { fail "duplicate id: no message naming rows 4 and 1"; show_run; }

# ---- 5. bad SQL, missing table, missing file, missing plugin -----------------

write_report "$work/syntax.cfg" 'path = "portfolio.sqlite"; query = "SELEC id FROM projects";'
run render "$work/syntax.cfg" -o "$work/syntax.pdf"
[ "$rc" -ne 0 ] || fail "bad SQL: render succeeded"
grep -qxF "$work/portfolio.sqlite: data.query: near \"SELEC\": syntax error" "$work/run.err" ||
    { fail "bad SQL: no message with the file and SQLite's reason"; show_run; }

sqlite3 "$work/empty.sqlite" 'CREATE TABLE other (x)' || die "could not build empty.sqlite"
run render "$work/plain.cfg" -o "$work/notable.pdf" --data "$work/empty.sqlite"
grep -qF "$work/empty.sqlite: no such table: projects (without data.query the portfolio is read from table \"projects\"; set data.table or data.query)" "$work/run.err" ||
    { fail "missing table: no clear message"; show_run; }

run render "$work/plain.cfg" -o "$work/nofile.pdf" --data "$work/no-such.sqlite"
grep -qxF "$work/no-such.sqlite: cannot read the database: No such file or directory" "$work/run.err" ||
    { fail "missing database: no clear message"; show_run; }
[ -e "$work/no-such.sqlite" ] && fail "reading a missing database created it"

# a result whose columns cannot be told apart
write_report "$work/twice.cfg" 'path = "portfolio.sqlite"; query = "SELECT id, id FROM projects";'
run render "$work/twice.cfg" -o "$work/twice.pdf"
grep -qF 'the query returns two columns named "id" (columns 1 and 2)' "$work/run.err" ||
    { fail "duplicate result columns: no clear message"; show_run; }

# data.format naming no installed source names the report's line
write_report "$work/nosrc.cfg" 'path = "portfolio.csv";
  format = "oracle";'
run render "$work/nosrc.cfg" -o "$work/nosrc.pdf"
grep -q "^$work/nosrc.cfg:3: data.format: no plugin \"oracle\" in " "$work/run.err" ||
    { fail "missing source plugin: the message does not name the report line"; show_run; }
# ... and a metric is no source, nor a source a section
write_report "$work/metric.cfg" 'path = "portfolio.csv"; format = "kpi";'
run render "$work/metric.cfg" -o "$work/metric.pdf"
grep -q "^$work/metric.cfg:2: data.format: plugin \"kpi\" (.*) computes report sections; it is not a data source" "$work/run.err" ||
    { fail "format = kpi: no clear message"; show_run; }
cat > "$work/section.cfg" <<EOF
title = "T";
data = { path = "portfolio.csv"; };
sections = ( { plugin = "sqlite"; title = "S"; } );
EOF
run render "$work/section.cfg" -o "$work/section.pdf"
grep -qF "$work/section.cfg:3: section 1: plugin \"sqlite\" is a data source" "$work/run.err" ||
    { fail "a source as a section: no clear message"; show_run; }

# ---- 6. ssc-report plugins lists the sources ---------------------------------

run plugins
[ "$rc" -eq 0 ] || { fail "plugins: exit $rc"; show_run; }
version=$(sed -n 's/^AC_INIT(\[ssc-report\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
grep -q "^csv  *source  *$version  *(built in) " "$work/run.out" ||
    { fail "plugins does not list the built-in csv source"; show_run; }
grep -q "^sqlite  *source  *1\.0  *[A-Z]" "$work/run.out" ||
    { fail "plugins does not list the sqlite source"; show_run; }
grep -q "^kpi  *metric  " "$work/run.out" || fail "plugins no longer lists metrics as metric"
run plugins sqlite
grep -q "^  file: .*/sqlite\.la\$" "$work/run.out" || { fail "plugins sqlite: no file"; show_run; }

fingerprint > "$work/after"
cmp -s "$work/before" "$work/after" || fail "the database changed during the test"
finish
