// Writes the Parquet fixtures used by tests/Cch.Core.Tests/Data with writers that are NOT
// Parquet.Net: arrow-rs (the writer behind Polars and pyarrow-compatible tools, here through
// parquet-wasm, with Arrow tables built by apache-arrow) and parquetjs (legacy list layouts).
// Usage (from this folder): npm ci && node make-fixtures.mjs && rm -rf node_modules
// The output is deterministic; commit the .parquet files.
import * as arrow from 'apache-arrow';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import parquetjs from '@dsnp/parquetjs';

const require = createRequire(import.meta.url);
const pw = require('parquet-wasm'); // the Node build, loaded synchronously
const here = dirname(fileURLToPath(import.meta.url));
const out = (name) => join(here, name);

// ---------- helpers ----------
const f32 = () => new arrow.Float32();
const f64 = () => new arrow.Float64();
const list = (elementType, name = 'element') => new arrow.List(new arrow.Field(name, elementType, true));
const largeList = (elementType) => new arrow.LargeList(new arrow.Field('item', elementType, true));
const fixedList = (size, elementType) => new arrow.FixedSizeList(size, new arrow.Field('item', elementType, true));
const vec = (values, type) => arrow.vectorFromArray(values, type);
const range = (n) => Array.from({ length: n }, (_, i) => i);

function writeArrow(name, columns, { rowGroupSize = 1024, compression = pw.Compression.ZSTD } = {}) {
  const table = new arrow.Table(columns);
  const wasmTable = pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  const props = new pw.WriterPropertiesBuilder()
    .setCompression(compression)
    .setMaxRowGroupSize(rowGroupSize)
    .build();
  writeFileSync(out(name), pw.writeParquet(wasmTable, props));
  console.log(`${name}: ${table.numRows} rows, ${table.schema.fields.map((f) => `${f.name}:${f.type}`).join(', ')}`);
}

// ---------- arrow-rs: every list flavour, globs, label types (6 rows, row groups of 4 + 2) ----------
const six = range(6);
writeArrow('arrow_vectors.parquet', {
  id: vec(six.map((i) => BigInt(10 + i)), new arrow.Int64()),
  split: vec(['train', 'train', 'test', 'train', 'test', 'train'], new arrow.Utf8()),
  fsl3_f32: vec(six.map((i) => [i, i + 0.5, -i]), fixedList(3, f32())),
  ll_f64: vec(six.map((i) => [i * 1.25, i / 1000]), largeList(f64())),
  item_f32: vec(six.map((i) => [i / 4, 1 - i]), list(f32(), 'item')),
  l_i8: vec(six.map((i) => [-i, 10 * i]), list(new arrow.Int8())),
  l_u16: vec(six.map((i) => [1000 * i, 65535 - i]), list(new arrow.Uint16())),
  l_i64: vec(six.map((i) => [BigInt(i) * 10n ** 12n, -(2n ** 40n) + BigInt(i)]), list(new arrow.Int64())),
  // glob g_* must give [g_c, g_a, g_b] (file order, not name order); 'mid' is not matched
  g_c: vec(six.map((i) => i * 0.1), f64()),
  mid: vec(six.map((i) => `m${i}`), new arrow.Utf8()),
  g_a: vec(six.map((i) => i + 0.25), f32()),
  g_b: vec(six.map((i) => 100 - i), new arrow.Int32()),
  y_bool: vec([true, false, true, true, false, false], new arrow.Bool()),
  y_str: vec(['cat', 'dog', 'cat', 'bird', 'dog', 'cat'], new arrow.Utf8()),
  y_float: vec([0.5, 1.25, -2, 3.75, 0, 10.5], f64()),
  y_int: vec([2, 10, 2, 10, 1, 2], new arrow.Int32()),
  y_whole: vec([1, 0, 1, 2, 0, 1], f64()),
}, { rowGroupSize: 4 });

// ---------- arrow-rs: the same integers stored as integers and as floats ----------
const five = range(5);
const ints = (i) => [i, 2 * i, -3 * i, 7];
writeArrow('int_vs_float.parquet', {
  vi: vec(five.map(ints), list(new arrow.Int32())),
  vf: vec(five.map(ints), list(f32())),
  vd: vec(five.map(ints), fixedList(4, f64())),
  si_0: vec(five.map((i) => BigInt(i)), new arrow.Int64()),
  si_1: vec(five.map((i) => -2 * i), new arrow.Int16()),
  sf_0: vec(five.map((i) => i), f64()),
  sf_1: vec(five.map((i) => -2 * i), f32()),
  y: vec([0, 1, 0, 1, 1], new arrow.Int32()),
}, { compression: pw.Compression.SNAPPY });

// ---------- arrow-rs: integer keys, rows in different orders ----------
const keys = [101, 102, 103, 104, 105, 106];
writeArrow('keyed_features.parquet', {
  key: vec(keys.map(BigInt), new arrow.Int64()),
  vec: vec(keys.map((k) => [k - 100, (k - 100) * 0.5]), list(f32())),
  flag: vec([true, true, false, true, true, true], new arrow.Bool()),
});
const shuffled = [104, 102, 106, 101, 105, 103];
writeArrow('keyed_labels.parquet', {
  key: vec(shuffled.map(BigInt), new arrow.Int64()),
  y: vec(shuffled.map((k) => (k % 2 === 0 ? 'even' : 'odd')), new arrow.Utf8()),
  split: vec(['train', 'train', 'test', 'train', 'train', 'test'], new arrow.Utf8()),
});
const partial = [103, 101, 104, 102];
writeArrow('keyed_partial.parquet', {
  key: vec(partial.map(BigInt), new arrow.Int64()),
  w: vec(partial.map((k) => [k * 1.0]), list(f64())),
});

// ---------- arrow-rs: bad inputs (5 rows; the comment gives the offending row) ----------
const good = five.map((i) => [i, i + 1]);
const withRow = (row, value) => five.map((i) => (i === row ? value : [i, i + 1]));
writeArrow('bad_values.parquet', {
  label: vec([0, 1, 0, 1, 0], new arrow.Int32()),
  part: vec(['x', 'x', 'y', 'x', 'x'], new arrow.Utf8()), // --where part=x drops row 2
  ok: vec(good, list(f32())),
  nan_list: vec(withRow(2, [1, NaN]), list(f32())), // row 2
  inf_scalar: vec([0, 1, 2, Infinity, 4], f64()), // row 3
  null_scalar: vec([0, null, 2, 3, 4], f64()), // row 1
  null_list: vec(withRow(1, null), list(f32())), // row 1
  null_element: vec(withRow(4, [1, null]), list(f32())), // row 4
  ragged: vec(withRow(3, [1, 2, 3]), list(f32())), // row 3 (3 values, row 0 has 2)
  empty_list: vec(withRow(2, []), list(f32())), // row 2
  name: vec(['a', 'b', 'c', 'd', 'e'], new arrow.Utf8()),
  str_list: vec(five.map((i) => [`s${i}`]), list(new arrow.Utf8())),
  one_class: vec([7, 7, 7, 7, 7], new arrow.Int32()),
  null_label: vec(['a', 'b', null, 'a', 'b'], new arrow.Utf8()), // row 2
  nan_target: vec([0.5, NaN, 1.5, 2.5, 3.5], f64()), // row 1
  frac_label: vec([0, 1, 0.5, 1, 0], f64()), // row 2
});
// Ragged lists where the odd row is not the one after the first: which row gets the blame.
const lists = (odd) => five.map((i) => odd[i] ?? [i, i + 1]);
writeArrow('ragged_lists.parquet', {
  label: vec([0, 1, 0, 1, 0], new arrow.Int32()),
  ok: vec(good, list(f32())),
  first: vec(lists({ 0: [0, 1, 2] }), list(f32())), // row 0 is odd (3 values, the rest 2)
  second: vec(lists({ 1: [1, 2, 3] }), list(f32())), // row 1 is odd, seen when only row 0 came before
  mixed: vec(lists({ 1: [1, 2, 3], 2: [2] }), list(f32())), // rows 0, 1, 2 have 2, 3, 1 values: no majority yet
});
writeArrow('dup_keys.parquet', {
  id: vec([1n, 2n, 3n, 2n, 5n], new arrow.Int64()), // key 2 in rows 1 and 3
  v: vec(good, list(f32())),
  y: vec([0, 1, 0, 1, 0], new arrow.Int32()),
});

// ---------- parquetjs: legacy list layouts (1-level repeated, 2-level 'array', 'bag'/'array_element') ----------
{
  const schema = new parquetjs.ParquetSchema({
    one_level: { type: 'FLOAT', repeated: true },
    two_level: { type: 'LIST', optional: true, fields: { array: { type: 'FLOAT', repeated: true } } },
    bag_level: {
      type: 'LIST', optional: true,
      fields: { bag: { repeated: true, fields: { array_element: { type: 'DOUBLE', optional: true } } } },
    },
    id: { type: 'INT32' },
    label: { type: 'INT32' },
    name: { type: 'UTF8', compression: 'GZIP' },
  });
  // Data page v1: Parquet.Net 6.1 cannot decode repeated columns in v2 pages (see README).
  const writer = await parquetjs.ParquetWriter.openFile(schema, out('legacy_lists.parquet'), { rowGroupSize: 2, useDataPageV2: false });
  for (const i of range(5)) {
    const values = [i, i + 1, i + 2];
    await writer.appendRow({
      one_level: values,
      two_level: { array: values },
      bag_level: { bag: values.map((v) => ({ array_element: v })) },
      id: i,
      label: i % 2,
      name: `n${i}`,
    });
  }
  await writer.close();
  console.log('legacy_lists.parquet: 5 rows, row groups of 2');
}

// ---------- not Parquet at all, and a Parquet file cut short ----------
writeFileSync(out('not_parquet.parquet'), 'id,label\n1,cat\n2,dog\n');
{
  const table = new arrow.Table({ x: vec([1, 2, 3], f64()) });
  const bytes = pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')));
  writeFileSync(out('truncated.parquet'), bytes.subarray(0, bytes.length - 20));
  console.log('not_parquet.parquet, truncated.parquet');
}
