// Writes the reliability corpus of tests/Cch.Tool.Tests/Corpus: bad Parquet inputs (each must give
// exit code 2 naming file, column and row where they apply, and no report) and good ones (each must
// be read: exit 0 or 1), with real writers — DuckDB (@duckdb/node-api), Polars (nodejs-polars) and
// arrow-rs (parquet-wasm, tables built with apache-arrow) — plus byte edits of their output for
// damaged files. It also writes corpus.json, the manifest the test reads: per case the CLI arguments
// ({c} stands for this folder), the writer, what is wrong, and the facts the message must name.
// Usage (from this folder):
//   npm ci && npm i --no-save nodejs-polars-linux-x64-gnu@0.25.2 && node make-corpus.mjs && rm -rf node_modules
// (npm ci may skip Polars' native build as an optional dependency; the second step installs it.)
// The output is deterministic (DuckDB runs on one thread); commit the files and corpus.json.
import * as arrow from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import pl from 'nodejs-polars';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pw = require('parquet-wasm');
const here = dirname(fileURLToPath(import.meta.url));
for (const folder of ['bad', 'good']) {
  rmSync(join(here, folder), { recursive: true, force: true });
  mkdirSync(join(here, folder), { recursive: true });
}
const path = (rel) => join(here, rel);
const cases = [];

// ---------- writers ----------
const duck = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
await duck.run('SET preserve_insertion_order = true');
/** DuckDB: COPY (select) TO rel with extra COPY options. */
async function duckdb(rel, select, options = '') {
  await duck.run(`COPY (${select}) TO '${path(rel)}' (FORMAT parquet${options ? ', ' + options : ''})`);
  return rel;
}

/** Polars: a DataFrame written with a codec (Polars writes large_list for lists). */
function polars(rel, columns, compression = 'zstd', { head } = {}) {
  const df = pl.DataFrame(columns.map(([name, values, type]) => pl.Series(name, values, type)));
  (head === undefined ? df : df.head(head)).writeParquet(path(rel), { compression });
  return rel;
}

/** Polars writing a table built with apache-arrow (for types nodejs-polars cannot build from arrays, e.g. lists of lists). */
function polarsFromArrow(rel, columns, compression = 'zstd') {
  pl.readIPC(Buffer.from(arrow.tableToIPC(new arrow.Table(columns), 'file'))).writeParquet(path(rel), { compression });
  return rel;
}

const f32 = () => new arrow.Float32();
const f64 = () => new arrow.Float64();
const i32 = () => new arrow.Int32();
const i64 = () => new arrow.Int64();
const utf8 = () => new arrow.Utf8();
const list = (t) => new arrow.List(new arrow.Field('item', t, true));
const vec = (values, type) => arrow.vectorFromArray(values, type);
/** arrow-rs via parquet-wasm. */
function arrowRs(rel, columns, { compression = pw.Compression.SNAPPY, rowGroupSize = 1024, version, dictionary = true, encoding } = {}) {
  const table = new arrow.Table(columns);
  let props = new pw.WriterPropertiesBuilder().setCompression(compression).setMaxRowGroupSize(rowGroupSize).setDictionaryEnabled(dictionary);
  if (version !== undefined) props = props.setWriterVersion(version);
  if (encoding !== undefined) props = props.setEncoding(encoding);
  writeFileSync(path(rel), pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props.build()));
  return rel;
}

// ---------- the shape every bad file shares: 12 rows, id, label y, teacher t (3), student s (2) ----------
const N = 12;
const rows = Array.from({ length: N }, (_, i) => i);
const T = (i) => [i, i + 0.5, -i];
const S = (i) => [2 * i, 1 - i];
const Y = (i) => i % 3;
const duckBase = `i::BIGINT AS id, (i % 3)::INTEGER AS y, [i, i + 0.5, -i]::FLOAT[] AS t, [2 * i, 1 - i]::FLOAT[] AS s`;
const duckFrom = `FROM range(${N}) r(i)`;
const polarsBase = () => [
  ['id', rows.map((i) => i), pl.Int64],
  ['y', rows.map(Y), pl.Int32],
  ['t', rows.map(T), pl.List(pl.Float32)],
  ['s', rows.map(S), pl.List(pl.Float32)],
];
const arrowBase = () => ({
  id: vec(rows.map(BigInt), i64()),
  y: vec(rows.map(Y), i32()),
  t: vec(rows.map(T), list(f32())),
  s: vec(rows.map(S), list(f32())),
});
const at = (row, value, normal) => rows.map((i) => (i === row ? value : normal(i)));

/** The usual check arguments on one file. */
const check = (rel, { teacher = 't', student = 's', label = 'y', extra = [] } = {}) =>
  ['check', '--data', `{c}/${rel}`, '--teacher', teacher, '--student', student, '--label', label, ...extra];

/** A bad case: the message must name expect.file (default: the data file), expect.column and expect.row when given, and contain expect.says. */
function bad(id, writer, what, args, expect) {
  cases.push({ id, set: 'bad', writer, what, args, expect });
}

function good(id, writer, what, args) {
  cases.push({ id, set: 'good', writer, what, args });
}

// ================= file level: not Parquet, damaged framing, wrong things passed =================
const base = await duckdb('bad/_duck_base.parquet', `SELECT ${duckBase} ${duckFrom}`);
const baseBytes = readFileSync(path(base));
rmSync(path(base));
const edit = (rel, bytes) => (writeFileSync(path(rel), bytes), rel);
{
  const r = edit('bad/not_parquet_csv.parquet', 'id,y,t\n1,0,"[1,2]"\n');
  bad('not-parquet-csv', 'text', 'a CSV file named .parquet', check(r), { file: r, says: 'not a Parquet file' });
}
{
  const r = edit('bad/empty_file.parquet', Buffer.alloc(0));
  bad('empty-file', 'none', 'a file of 0 bytes', check(r), { file: r, says: 'empty file' });
}
{
  const table = new arrow.Table(arrowBase());
  const r = edit('bad/arrow_ipc_file.parquet', arrow.tableToIPC(table, 'file'));
  bad('arrow-ipc-file', 'apache-arrow', 'an Arrow IPC (Feather v2) file named .parquet', check(r), { file: r, says: 'it is an Arrow IPC (Feather) file' });
}
{
  const r = edit('bad/gzipped.parquet', gzipSync(baseBytes, { level: 9 }));
  bad('gzipped-parquet', 'DuckDB + gzip', 'a whole Parquet file gzipped (.parquet.gz renamed)', check(r), { file: r, says: 'gzip-compressed' });
}
{
  const r = edit('bad/truncated_tail.parquet', baseBytes.subarray(0, baseBytes.length - 20));
  bad('truncated-tail', 'DuckDB, cut', 'the last 20 bytes cut off', check(r), { file: r, says: 'truncated' });
}
{
  const r = edit('bad/truncated_half.parquet', baseBytes.subarray(0, baseBytes.length >> 1));
  bad('truncated-half', 'DuckDB, cut', 'only the first half of the file', check(r), { file: r, says: 'truncated' });
}
{
  const b = Buffer.from(baseBytes);
  b.write('XXXX', 0, 'latin1');
  const r = edit('bad/magic_head_missing.parquet', b);
  bad('magic-head-missing', 'DuckDB, edited', 'PAR1 at the start overwritten', check(r), { file: r, says: 'does not start with PAR1' });
}
{
  const bytes = readFileSync(path(polars('bad/_p.parquet', polarsBase())));
  rmSync(path('bad/_p.parquet'));
  const b = Buffer.from(bytes);
  b.write('PAR0', b.length - 4, 'latin1');
  const r = edit('bad/magic_tail_missing.parquet', b);
  bad('magic-tail-missing', 'Polars, edited', 'PAR1 at the end overwritten', check(r), { file: r, says: 'no PAR1 footer' });
}
{
  const b = Buffer.from(baseBytes);
  b.writeInt32LE(0x7fffff00, b.length - 8);
  const r = edit('bad/footer_length_huge.parquet', b);
  bad('footer-length-huge', 'DuckDB, edited', 'the footer length says 2 GB', check(r), { file: r, says: 'footer length' });
}
{
  const b = Buffer.from(baseBytes);
  const footer = b.readInt32LE(b.length - 8);
  b.fill(0xff, b.length - 8 - footer, b.length - 8);
  const r = edit('bad/footer_garbled.parquet', b);
  bad('footer-garbled', 'DuckDB, edited', 'every footer byte set to 0xFF', check(r), { file: r, says: 'footer' });
}
{
  const b = Buffer.from(baseBytes);
  const footer = b.readInt32LE(b.length - 8);
  b.fill(0x00, b.length - 8 - footer, b.length - 8 - footer + 40);
  const r = edit('bad/footer_zeroed_start.parquet', b);
  bad('footer-zeroed-start', 'DuckDB, edited', 'the first 40 footer bytes zeroed', check(r), { file: r, says: 'corrupt Parquet file' });
}
{
  // The data pages start right after PAR1: garble the first column chunk's page header (column 't', read as the teacher).
  const first = await duckdb('bad/_t_first.parquet', `SELECT [i, i + 0.5, -i]::FLOAT[] AS t, [2 * i, 1 - i]::FLOAT[] AS s, (i % 3)::INTEGER AS y ${duckFrom}`);
  const b = Buffer.from(readFileSync(path(first)));
  rmSync(path(first));
  b.fill(0xee, 4, 24);
  const r = edit('bad/page_header_garbled.parquet', b);
  bad('page-header-garbled', 'DuckDB, edited', 'the first page header overwritten with 0xEE', check(r), { file: r, column: 't', says: 'corrupt Parquet file' });
}
{
  const bytes = readFileSync(path(arrowRs('bad/_a.parquet', arrowBase(), { compression: pw.Compression.ZSTD, dictionary: false })));
  rmSync(path('bad/_a.parquet'));
  const b = Buffer.from(bytes);
  // Somewhere inside the compressed pages (well before the footer): a zstd frame that no longer decodes.
  const footer = b.readInt32LE(b.length - 8);
  const dataEnd = b.length - 8 - footer;
  b.fill(0x5a, Math.floor(dataEnd * 0.45), Math.floor(dataEnd * 0.45) + 24);
  const r = edit('bad/zstd_page_garbled.parquet', b);
  bad('zstd-page-garbled', 'arrow-rs, edited', 'bytes in the middle of the zstd-compressed pages overwritten', check(r), { file: r, says: 'corrupt Parquet file' });
}
/** Overwrites the second half of column t's chunk (its compressed page payload) with 0x5A; DuckDB's parquet_metadata gives where it lies. */
async function garbleColumnT(rel) {
  const meta = await duck.runAndReadAll(
    `SELECT data_page_offset, total_compressed_size FROM parquet_metadata('${path(rel)}') WHERE path_in_schema LIKE 't%' ORDER BY row_group_id LIMIT 1`);
  const [offset, size] = meta.getRows()[0].map(Number);
  const b = Buffer.from(readFileSync(path(rel)));
  b.fill(0x5a, offset + Math.floor(size / 2), offset + size);
  return b;
}
for (const [name, writer, write] of [
  ['gzip_arrow', 'arrow-rs', (rel) => arrowRs(rel, arrowBase(), { compression: pw.Compression.GZIP, dictionary: false })],
  ['brotli_arrow', 'arrow-rs', (rel) => arrowRs(rel, arrowBase(), { compression: pw.Compression.BROTLI, dictionary: false })],
  // Not snappy or LZ4: they carry no checksum, so garbled literal bytes decode into other numbers in every
  // reader (DuckDB too), and writers leave Parquet's optional page CRC out by default.
]) {
  const temp = await write(`bad/_${name}.parquet`);
  const r = edit(`bad/${name}_page_garbled.parquet`, await garbleColumnT(temp));
  rmSync(path(temp));
  bad(`${name.replace('_', '-')}-page-garbled`, `${writer}, edited`, `the second half of column t's ${name.split('_')[0]} page bytes overwritten`, check(r), { file: r, column: 't', says: 'corrupt Parquet file' });
}
bad('directory-given', 'none', 'a directory passed as --data', check('good'), { file: 'good', says: 'is a directory' });
bad('file-missing', 'none', 'a file that does not exist', check('bad/no_such_file.parquet'), { file: 'bad/no_such_file.parquet', says: 'file not found' });

// ================= schema level: no rows, no columns, missing columns =================
{
  const r = await duckdb('bad/zero_rows_duckdb.parquet', `SELECT ${duckBase} ${duckFrom} WHERE false`);
  bad('zero-rows-duckdb', 'DuckDB', 'schema but no rows', check(r), { file: r, says: 'has no rows' });
}
{
  const r = polars('bad/zero_rows_polars.parquet', polarsBase(), 'zstd', { head: 0 });
  bad('zero-rows-polars', 'Polars', 'schema but no rows', check(r), { file: r, says: 'has no rows' });
}
{
  const r = arrowRs('bad/zero_columns.parquet', {});
  bad('zero-columns', 'arrow-rs', 'a file with no columns at all', check(r), { file: r, says: 'has no columns' });
}
{
  const r = await duckdb('bad/missing_teacher.parquet', `SELECT ${duckBase} ${duckFrom}`);
  bad('missing-teacher-column', 'DuckDB', '--teacher names a column the file lacks', check(r, { teacher: 'teacher' }), { file: r, column: 'teacher', says: 'available columns' });
  bad('missing-label-column', 'DuckDB', '--label names a column the file lacks', check(r, { label: 'label' }), { file: r, column: 'label', says: 'available columns' });
  bad('column-case-differs', 'DuckDB', '--teacher T where the column is t', check(r, { teacher: 'T' }), { file: r, column: 'T', says: "did you mean 't'" });
  bad('glob-matches-nothing', 'DuckDB', '--student x_* matches no column', check(r, { student: 'x_*' }), { file: r, column: 'x_*', says: 'x_*' });
  bad('where-column-missing', 'DuckDB', '--where on a column the file lacks', check(r, { extra: ['--where', 'split=train'] }), { column: 'split', says: 'missing_teacher.parquet' });
  bad('where-matches-nothing', 'DuckDB', '--where y=7 keeps no row', check(r, { extra: ['--where', 'y=7'] }), { file: r, column: 'y', says: 'matches no row' });
}

// ================= wrong types where numbers are needed =================
{
  const r = await duckdb('bad/types_duckdb.parquet', `SELECT ${duckBase},
      'x' || i AS str, (i % 2 = 0) AS flag, DATE '2024-01-01' + i::INTEGER AS day,
      TIMESTAMP '2024-01-01 00:00:00' + to_hours(i::BIGINT) AS ts, (i / 3)::DECIMAL(10, 2) AS dec,
      {'a': i::FLOAT, 'b': (2 * i)::FLOAT} AS st, MAP([1, 2], [i::FLOAT, 0.5]) AS mp,
      [[i, 1]::FLOAT[], [2, 3]::FLOAT[]] AS nested, [{'a': i::FLOAT}] AS structs,
      [i % 2 = 0, true] AS bools, ('\\xAA\\xBB'::BLOB) AS blob,
      ('00000000-0000-0000-0000-0000000000' || lpad(i::VARCHAR, 2, '0'))::UUID AS uid,
      to_days(i::INTEGER) AS span ${duckFrom}`);
  const types = [
    ['str', 'string'], ['flag', 'bool'], ['day', 'date/time'], ['ts', 'date/time'], ['dec', 'decimal'],
    ['st', 'struct'], ['mp', 'map'], ['nested', 'nested list'], ['structs', 'list of structs'], ['bools', 'list<bool>'],
    ['blob', 'binary'], ['uid', 'a uuid'], ['span', 'interval'],
  ];
  for (const [column, says] of types)
    bad(`teacher-${column}-duckdb`, 'DuckDB', `a ${column} column as the teacher`, check(r, { teacher: column }), { file: r, column, says });
  bad('label-struct-duckdb', 'DuckDB', 'a struct column as the label', check(r, { label: 'st' }), { file: r, column: 'st', says: 'the label must be' });
  bad('label-date-duckdb', 'DuckDB', 'a date column as the label', check(r, { label: 'day' }), { file: r, column: 'day', says: 'the label must be' });
  bad('label-nested-list-duckdb', 'DuckDB', 'a list of lists as the label', check(r, { label: 'nested' }), { file: r, column: 'nested', says: 'scalar column' });
}
{
  const r = polars('bad/types_polars.parquet', [
    ...polarsBase(),
    ['cat', rows.map((i) => `c${i % 2}`), pl.Categorical],
    ['when', rows.map((i) => new Date(Date.UTC(2024, 0, 1 + i))), pl.Datetime('ms')],
    ['strs', rows.map((i) => [`a${i}`, 'b']), pl.List(pl.Utf8)],
  ]);
  const nested = polarsFromArrow('bad/nested_list_polars.parquet', {
    ...arrowBase(),
    nested: vec(rows.map((i) => [[i, 1], [2, 3]]), list(list(f64()))),
  });
  bad('teacher-categorical-polars', 'Polars', 'a Categorical (dictionary string) column as the teacher', check(r, { teacher: 'cat' }), { file: r, column: 'cat', says: 'string' });
  bad('teacher-datetime-polars', 'Polars', 'a Datetime column as the teacher', check(r, { teacher: 'when' }), { file: r, column: 'when', says: 'date/time' });
  bad('teacher-nested-list-polars', 'Polars', 'a list of lists as the teacher', check(nested, { teacher: 'nested' }), { file: nested, column: 'nested', says: 'nested list' });
  bad('student-list-of-strings-polars', 'Polars', 'a list<string> as the student', check(r, { student: 'strs' }), { file: r, column: 'strs', says: 'list<string>' });
  bad('label-regression-string-polars', 'Polars', 'a string label with --task regression', check(r, { label: 'cat', extra: ['--task', 'regression'] }), { file: r, column: 'cat', says: 'regression' });
}
{
  const r = arrowRs('bad/scalar_glob_arrow.parquet', {
    ...arrowBase(),
    f_0: vec(rows.map((i) => i * 0.1), f64()),
    f_1: vec(rows.map((i) => `v${i}`), utf8()),
    f_2: vec(rows.map((i) => -i), f32()),
  });
  bad('glob-includes-string-arrow', 'arrow-rs', 'the glob f_* takes in a string column f_1', check(r, { student: 'f_*' }), { file: r, column: 'f_1', says: 'string' });
}

// ================= NaN, ±infinity and nulls at a known row =================
const nanRow = 7;
{
  const r = await duckdb('bad/values_duckdb.parquet', `SELECT ${duckBase},
      CASE WHEN i = ${nanRow} THEN [1, 'nan'::FLOAT, 2] ELSE [i, 1, 2] END::FLOAT[] AS nan_list,
      CASE WHEN i = 4 THEN 'inf'::DOUBLE ELSE i END AS inf_scalar,
      CASE WHEN i = 9 THEN NULL ELSE [i, 1, 2] END::FLOAT[] AS null_list,
      CASE WHEN i = 5 THEN [] ELSE [i, 1, 2] END::FLOAT[] AS empty_list,
      CASE WHEN i = 6 THEN NULL ELSE (i % 2) END::INTEGER AS null_label,
      CASE WHEN i = 2 THEN 'nan'::DOUBLE ELSE i * 0.5 END AS nan_target,
      CASE WHEN i = 3 THEN [1, 2] ELSE [i, 1, 2] END::DOUBLE[] AS ragged,
      ([i, 1, 2]::DOUBLE[3]) AS fixed, (i % 2)::INTEGER AS two ${duckFrom}`);
  bad('nan-in-list-duckdb', 'DuckDB', `NaN inside a float[] at row ${nanRow}`, check(r, { teacher: 'nan_list' }), { file: r, column: 'nan_list', row: nanRow, says: 'NaN' });
  bad('inf-scalar-duckdb', 'DuckDB', '+inf in a double column at row 4 (through a glob)', check(r, { student: 'inf_*' }), { file: r, column: 'inf_scalar', row: 4, says: '+infinity' });
  bad('null-list-duckdb', 'DuckDB', 'a NULL list at row 9', check(r, { teacher: 'null_list' }), { file: r, column: 'null_list', row: 9, says: 'null list' });
  bad('empty-list-duckdb', 'DuckDB', 'an empty list at row 5', check(r, { teacher: 'empty_list' }), { file: r, column: 'empty_list', row: 5, says: 'empty list' });
  bad('null-label-duckdb', 'DuckDB', 'a NULL class label at row 6', check(r, { label: 'null_label' }), { file: r, column: 'null_label', row: 6, says: 'is null' });
  bad('nan-regression-label-duckdb', 'DuckDB', 'NaN in a float (regression) label at row 2', check(r, { label: 'nan_target' }), { file: r, column: 'nan_target', row: 2, says: 'NaN' });
  bad('ragged-list-duckdb', 'DuckDB', 'row 3 has 2 values, the rest 3', check(r, { teacher: 'ragged' }), { file: r, column: 'ragged', row: 3, says: 'ragged' });
  bad('one-class-after-filter-duckdb', 'DuckDB', '--where two=1 leaves one class of the label two', check(r, { label: 'two', extra: ['--where', 'two=1'] }), { file: r, column: 'two', says: 'single-class' });
}
{
  const r = polars('bad/values_polars.parquet', [
    ...polarsBase(),
    ['inf_list', at(3, [1, -Infinity], (i) => [i, 1]), pl.List(pl.Float64)],
    ['null_scalar', at(8, null, (i) => i * 1.5), pl.Float64],
    ['null_element', at(10, [1, null], (i) => [i, 1]), pl.List(pl.Float32)],
    ['ragged', at(4, [1, 2, 3, 4, 5], (i) => [i, 1]), pl.List(pl.Float32)],
    ['empty', at(0, [], (i) => [i, 1]), pl.List(pl.Float32)],
    ['inf_target', at(11, Infinity, (i) => i * 0.25), pl.Float64],
    ['frac', at(5, 0.5, (i) => i % 2), pl.Float64],
    ['const', rows.map(() => 4), pl.Int64],
    ['nan_class', at(1, NaN, (i) => i % 2), pl.Float64],
  ], 'lz4');
  bad('neg-inf-in-list-polars', 'Polars', '-inf inside a large_list<float64> at row 3', check(r, { teacher: 'inf_list' }), { file: r, column: 'inf_list', row: 3, says: '-infinity' });
  bad('null-scalar-polars', 'Polars', 'a null in a float64 feature at row 8', check(r, { student: 'null_scalar' }), { file: r, column: 'null_scalar', row: 8, says: 'is null' });
  bad('null-element-polars', 'Polars', 'a null inside a list at row 10', check(r, { teacher: 'null_element' }), { file: r, column: 'null_element', row: 10, says: 'null element' });
  bad('ragged-list-polars', 'Polars', 'row 4 has 5 values, the rest 2', check(r, { teacher: 'ragged' }), { file: r, column: 'ragged', row: 4, says: 'ragged' });
  bad('empty-first-list-polars', 'Polars', 'an empty list in row 0', check(r, { teacher: 'empty' }), { file: r, column: 'empty', row: 0, says: 'empty list' });
  bad('inf-regression-label-polars', 'Polars', '+inf in a regression label at row 11', check(r, { label: 'inf_target' }), { file: r, column: 'inf_target', row: 11, says: '+infinity' });
  bad('fractional-class-label-polars', 'Polars', '0.5 at row 5 in a float label forced to classes', check(r, { label: 'frac', extra: ['--task', 'classification'] }), { file: r, column: 'frac', row: 5, says: 'whole numbers' });
  bad('constant-label-polars', 'Polars', 'every row has label 4', check(r, { label: 'const' }), { file: r, column: 'const', says: 'single-class' });
  bad('nan-class-label-polars', 'Polars', 'NaN at row 1 in a float label forced to classes', check(r, { label: 'nan_class', extra: ['--task', 'classification'] }), { file: r, column: 'nan_class', row: 1, says: 'NaN' });
}
{
  // Row groups of 4: the offending rows sit in the second or third group.
  const r = arrowRs('bad/values_arrow.parquet', {
    ...arrowBase(),
    fsl_nan: vec(at(9, [1, NaN, 2], (i) => [i, 1, 2]), new arrow.FixedSizeList(3, new arrow.Field('item', f32(), true))),
    ll_null: vec(at(6, [1, null], (i) => [i, 1]), new arrow.LargeList(new arrow.Field('item', f64(), true))),
    ragged_late: vec(at(10, [1], (i) => [i, 1]), list(f32())),
    huge_row: vec(at(5, Array.from({ length: 100000 }, (_, k) => k), (i) => [i, 1]), list(f32())),
    int_null: vec(at(2, null, (i) => i), i32()),
    dict_nan: vec(at(8, NaN, (i) => i % 3), f64()),
    one_class: vec(rows.map(() => 'a'), utf8()),
    null_str_label: vec(at(11, null, (i) => `k${i % 2}`), utf8()),
    bool_list_label: vec(rows.map((i) => [i % 2 === 0]), list(new arrow.Bool())),
  }, { rowGroupSize: 4 });
  bad('nan-in-fixed-size-list-arrow', 'arrow-rs', 'NaN in a fixed_size_list<float32>[3] at row 9 (third row group)', check(r, { teacher: 'fsl_nan' }), { file: r, column: 'fsl_nan', row: 9, says: 'NaN' });
  bad('null-in-large-list-arrow', 'arrow-rs', 'a null inside a large_list<float64> at row 6', check(r, { teacher: 'll_null' }), { file: r, column: 'll_null', row: 6, says: 'null element' });
  bad('ragged-late-row-group-arrow', 'arrow-rs', 'row 10 (third row group) has 1 value, the rest 2', check(r, { teacher: 'ragged_late' }), { file: r, column: 'ragged_late', row: 10, says: 'has 1 value but the 10 rows' });
  bad('huge-dimension-row-arrow', 'arrow-rs', 'row 5 holds 100,000 values, the rest 2', check(r, { teacher: 'huge_row' }), { file: r, column: 'huge_row', row: 5, says: 'ragged' });
  bad('null-int-feature-arrow', 'arrow-rs', 'a null int32 feature at row 2', check(r, { student: 'int_null' }), { file: r, column: 'int_null', row: 2, says: 'is null' });
  bad('nan-dictionary-encoded-arrow', 'arrow-rs', 'NaN at row 8 in a dictionary-encoded float64 column of 3 distinct values', check(r, { student: 'dict_nan' }), { file: r, column: 'dict_nan', row: 8, says: 'NaN' });
  bad('one-class-string-label-arrow', 'arrow-rs', 'every label is "a"', check(r, { label: 'one_class' }), { file: r, column: 'one_class', says: 'single-class' });
  bad('null-string-label-arrow', 'arrow-rs', 'a null string label at row 11 (third row group)', check(r, { label: 'null_str_label' }), { file: r, column: 'null_str_label', row: 11, says: 'is null' });
  bad('label-list-of-bool-arrow', 'arrow-rs', 'a list<bool> as the label', check(r, { label: 'bool_list_label' }), { file: r, column: 'bool_list_label', says: 'scalar column' });
}

// ================= keys and several files =================
{
  const feats = await duckdb('bad/keys_features_duckdb.parquet', `SELECT i::BIGINT AS id, ('k' || i) AS name, [i, i + 0.5, -i]::FLOAT[] AS t, [2 * i, 1 - i]::FLOAT[] AS s ${duckFrom}`);
  const labels = polars('bad/keys_labels_polars.parquet', [
    ['id', rows.map((i) => 11 - i), pl.Int64],
    ['name', rows.map((i) => `k${11 - i}`), pl.Utf8],
    ['sid', rows.map((i) => `${11 - i}`), pl.Utf8],
    ['y', rows.map((i) => (11 - i) % 3), pl.Int32],
  ]);
  const far = arrowRs('bad/keys_disjoint_arrow.parquet', {
    id: vec(rows.map((i) => BigInt(1000 + i)), i64()),
    y: vec(rows.map(Y), i32()),
  });
  const dup = await duckdb('bad/keys_duplicate_duckdb.parquet', `SELECT (CASE WHEN i = 7 THEN 2 ELSE i END)::BIGINT AS id, (i % 3)::INTEGER AS y ${duckFrom}`);
  const dupStr = polars('bad/keys_duplicate_polars.parquet', [
    ['name', at(9, 'k4', (i) => `k${i}`), pl.Utf8],
    ['y', rows.map(Y), pl.Int32],
  ]);
  const nullKey = arrowRs('bad/keys_null_arrow.parquet', {
    id: vec(at(3, null, (i) => BigInt(i)), i64()),
    y: vec(rows.map(Y), i32()),
  });
  const short = arrowRs('bad/rows_short_arrow.parquet', { y: vec(rows.slice(0, 10).map(Y), i32()) });
  const two = (labelFile, key, extra = []) => ['check', '--teacher', `{c}/${feats}:t`, '--student', `{c}/${feats}:s`, '--label', `{c}/${labelFile}:y`, ...(key ? ['--key', key] : []), ...extra];
  bad('keys-disjoint', 'DuckDB + arrow-rs', 'no key of the features file is in the labels file', two(far, 'id'), { file: far, column: 'id', says: 'key' });
  bad('key-missing-in-one-file', 'DuckDB + Polars', '--key sid exists only in the labels file', two(labels, 'sid'), { file: feats, column: 'sid', says: 'sid' });
  bad('keys-duplicate-int', 'DuckDB', 'key 2 in rows 2 and 7', two(dup, 'id'), { file: dup, column: 'id', row: 7, says: 'duplicate' });
  bad('keys-duplicate-string', 'Polars', "key 'k4' in rows 4 and 9", ['check', '--teacher', `{c}/${feats}:t`, '--student', `{c}/${feats}:s`, '--label', `{c}/${dupStr}:y`, '--key', 'name'], { file: dupStr, column: 'name', row: 9, says: 'duplicate' });
  bad('key-null', 'arrow-rs', 'a null key at row 3', two(nullKey, 'id'), { file: nullKey, column: 'id', row: 3, says: 'key is null' });
  bad('several-files-no-key', 'DuckDB + Polars', 'two files and neither --key nor --join row-order', two(labels, null), { says: '--key' });
  bad('row-order-lengths-differ', 'DuckDB + arrow-rs', '--join row-order over files of 12 and 10 rows', two(short, null, ['--join', 'row-order']), { says: 'rows_short_arrow.parquet: 10' });
}
{
  // Keys are compared as text, so int64 and string keys may meet (docs/data-input.md); a float key may not.
  const a = await duckdb('bad/keytype_int_duckdb.parquet', `SELECT i::BIGINT AS k, [i, i + 0.5, -i]::FLOAT[] AS t, [2 * i, 1 - i]::FLOAT[] AS s ${duckFrom}`);
  const b = polars('bad/keytype_float_polars.parquet', [['k', rows.map((i) => i), pl.Float64], ['y', rows.map(Y), pl.Int32]]);
  bad('key-int-vs-float', 'DuckDB + Polars', 'key k is int64 in the features and float64 in the labels', ['check', '--teacher', `{c}/${a}:t`, '--student', `{c}/${a}:s`, '--label', `{c}/${b}:y`, '--key', 'k'], { file: b, column: 'k', says: 'float64' });
}

// ================= data page v2 =================
{
  const r = arrowRs('bad/page_v2_list_arrow.parquet', arrowBase(), { version: pw.WriterVersion.V2 });
  // Written with data page v2 (list and scalar columns); also the D11 case. Read if the reader can, else named.
  bad('page-v2-list-arrow', 'arrow-rs (WriterVersion V2)', 'data page v2 pages in list columns (Parquet.Net 6.1 cannot decode them)', check(r), { file: r, column: 't', says: 'data page v2' });
  const z = arrowRs('bad/page_v2_list_zstd_arrow.parquet', arrowBase(), { version: pw.WriterVersion.V2, compression: pw.Compression.ZSTD, rowGroupSize: 4 });
  bad('page-v2-list-zstd-arrow', 'arrow-rs (WriterVersion V2)', 'data page v2, zstd, row groups of 4', check(z), { file: z, column: 't', says: "data_page_version='1.0'" });
}

// ================= good: every writer and codec, must be read (exit 0 or 1) =================
const G = 150;
const gRows = Array.from({ length: G }, (_, i) => i);
// A deterministic pseudo-random signal (no Math.random): y in 3 classes, t and s noisy views of it.
const noise = (i, k) => Math.sin(12.9898 * i + 78.233 * k) * 43758.5453 % 1;
const gY = (i) => i % 3;
const gT = (i) => [gY(i) + 0.3 * noise(i, 1), gY(i) * 0.5 + 0.3 * noise(i, 2), 0.3 * noise(i, 3)];
const gS = (i) => [gY(i) + 0.8 * noise(i, 4), 0.8 * noise(i, 5)];
const goodArgs = (rel) => ['check', '--data', `{c}/${rel}`, '--teacher', 't', '--student', 's', '--label', 'y', '--no-self-check', '--replicates', '4'];
const sqlNoise = (k, scale) => `${scale} * ((sin(12.9898 * i + 78.233 * ${k}) * 43758.5453) % 1)`;
const duckGood = `SELECT i::BIGINT AS id, (i % 3)::INTEGER AS y,
    [(i % 3) + ${sqlNoise(1, 0.3)}, (i % 3) * 0.5 + ${sqlNoise(2, 0.3)}, ${sqlNoise(3, 0.3)}]::FLOAT[] AS t,
    [(i % 3) + ${sqlNoise(4, 0.8)}, ${sqlNoise(5, 0.8)}]::DOUBLE[] AS s FROM range(${G}) r(i)`;
for (const codec of ['snappy', 'zstd', 'gzip', 'uncompressed']) {
  const r = await duckdb(`good/duckdb_${codec}.parquet`, duckGood, `COMPRESSION ${codec}`);
  good(`duckdb-${codec}`, 'DuckDB', `${codec} pages`, goodArgs(r));
}
{
  const r = await duckdb('good/duckdb_v2_zstd.parquet', duckGood, 'COMPRESSION zstd, PARQUET_VERSION v2');
  good('duckdb-parquet-v2', 'DuckDB (PARQUET_VERSION v2)', 'v2 encodings (delta, byte stream split), zstd', goodArgs(r));
}
{
  const r = await duckdb('good/duckdb_row_groups.parquet', duckGood, 'ROW_GROUP_SIZE 40');
  good('duckdb-row-groups', 'DuckDB', 'several row groups', goodArgs(r));
}
for (const codec of ['zstd', 'lz4', 'brotli', 'gzip', 'snappy', 'uncompressed']) {
  const r = polars(`good/polars_${codec}.parquet`, [
    ['id', gRows, pl.Int64], ['y', gRows.map(gY), pl.Int32],
    ['t', gRows.map(gT), pl.List(pl.Float32)], ['s', gRows.map(gS), pl.List(pl.Float64)],
  ], codec);
  good(`polars-${codec}`, 'Polars', `${codec} pages, large_list`, goodArgs(r));
}
const arrowGood = () => ({
  id: vec(gRows.map(BigInt), i64()), y: vec(gRows.map(gY), i32()),
  t: vec(gRows.map(gT), list(f32())), s: vec(gRows.map(gS), list(f64())),
});
for (const [name, codec] of [['snappy', pw.Compression.SNAPPY], ['zstd', pw.Compression.ZSTD], ['gzip', pw.Compression.GZIP],
  ['brotli', pw.Compression.BROTLI], ['lz4_raw', pw.Compression.LZ4_RAW], ['uncompressed', pw.Compression.UNCOMPRESSED]]) {
  const r = arrowRs(`good/arrow_${name}.parquet`, arrowGood(), { compression: codec, rowGroupSize: 64 });
  good(`arrow-${name.replace('_', '-')}`, 'arrow-rs', `${name} pages, row groups of 64`, goodArgs(r));
}
{
  const r = arrowRs('good/arrow_byte_stream_split.parquet', arrowGood(), { dictionary: false, encoding: pw.Encoding.BYTE_STREAM_SPLIT });
  good('arrow-byte-stream-split', 'arrow-rs', 'BYTE_STREAM_SPLIT encoding, no dictionary', goodArgs(r));
}
{
  const r = arrowRs('good/arrow_scalars.parquet', {
    y: vec(gRows.map(gY), i32()),
    t_0: vec(gRows.map((i) => gT(i)[0]), f64()), t_1: vec(gRows.map((i) => gT(i)[1]), f32()), t_2: vec(gRows.map((i) => gT(i)[2]), f64()),
    s_0: vec(gRows.map((i) => gS(i)[0]), f64()), s_1: vec(gRows.map((i) => gS(i)[1]), f64()),
  });
  good('arrow-scalar-globs', 'arrow-rs', 'features as scalar columns selected by globs', ['check', '--data', `{c}/${r}`, '--teacher', 't_*', '--student', 's_*', '--label', 'y', '--no-self-check', '--replicates', '4']);
}
{
  const feats = await duckdb('good/keyed_features_duckdb.parquet', duckGood.replace('(i % 3)::INTEGER AS y,', ''));
  const labels = polars('good/keyed_labels_polars.parquet', [['id', gRows.map((i) => G - 1 - i), pl.Int64], ['y', gRows.map((i) => gY(G - 1 - i)), pl.Int32]]);
  good('keyed-duckdb-polars', 'DuckDB + Polars', 'features and labels in two files, rows reversed, joined on id',
    ['check', '--teacher', `{c}/${feats}:t`, '--student', `{c}/${feats}:s`, '--label', `{c}/${labels}:y`, '--key', 'id', '--no-self-check', '--replicates', '4']);
}
{
  // Data page v2 of scalar columns is read (only repeated columns are beyond Parquet.Net 6.1): the vectors as scalar columns.
  const scalars = {
    y: vec(gRows.map(gY), i32()),
    t_0: vec(gRows.map((i) => gT(i)[0]), f64()), t_1: vec(gRows.map((i) => gT(i)[1]), f64()), t_2: vec(gRows.map((i) => gT(i)[2]), f64()),
    s_0: vec(gRows.map((i) => gS(i)[0]), f32()), s_1: vec(gRows.map((i) => gS(i)[1]), f32()),
  };
  for (const [name, codec] of [['uncompressed', pw.Compression.UNCOMPRESSED], ['zstd', pw.Compression.ZSTD], ['snappy', pw.Compression.SNAPPY]]) {
    const r = arrowRs(`good/arrow_page_v2_scalars_${name}.parquet`, scalars, { version: pw.WriterVersion.V2, compression: codec, rowGroupSize: 64 });
    good(`arrow-page-v2-scalars-${name}`, 'arrow-rs (WriterVersion V2)', `data page v2 of scalar columns, ${name}`, ['check', '--data', `{c}/${r}`, '--teacher', 't_*', '--student', 's_*', '--label', 'y', '--no-self-check', '--replicates', '4']);
  }
}

writeFileSync(path('corpus.json'), JSON.stringify({
  about: 'Reliability corpus for dotnet cch check; see README.md beside this file. {c} stands for this folder.',
  cases,
}, null, 1) + '\n');
const count = (set) => cases.filter((c) => c.set === set).length;
console.log(`corpus.json: ${count('bad')} bad, ${count('good')} good cases`);
