// Cross-checks reference.json (numpy) against ONNX Runtime for Node: runs every fixture model on
// its input rows and compares each output within 1e-6 relative (exact zeros, ints and bools exactly).
// Usage (from this folder): npm ci && node check_fixtures.mjs && rm -rf node_modules
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const { models } = JSON.parse(readFileSync(join(here, 'reference.json'), 'utf8'));
const TOLERANCE = 1e-6;

function halfToNumber(bits) { // IEEE 754 binary16 bits -> number (Node 20 has no Float16Array)
  const sign = bits & 0x8000 ? -1 : 1, exp = (bits >> 10) & 0x1f, frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function toNumbers(tensor) {
  if (tensor.type === 'float16') return Array.from(tensor.data, halfToNumber);
  if (tensor.type === 'bool') return Array.from(tensor.data, (v) => v !== 0);
  return Array.from(tensor.data, Number); // int64 arrives as BigInt64Array
}

const typedArrays = { float32: Float32Array, float64: Float64Array };

// Runs all rows in one batch when dim 0 is symbolic, else one row at a time; returns per-output row lists.
async function runRows(session, inputs) {
  const count = inputs[0].rows.length;
  const batched = typeof inputs[0].model_shape[0] === 'string';
  const chunks = batched ? [[0, count]] : Array.from({ length: count }, (_, i) => [i, i + 1]);
  const result = {};
  for (const [start, end] of chunks) {
    const feeds = {};
    for (const input of inputs) {
      const rows = input.rows.slice(start, end);
      const data = typedArrays[input.dtype].from(rows.flat());
      feeds[input.name] = new ort.Tensor(input.dtype, data, [end - start, ...input.shape_per_row]);
    }
    const outputs = await session.run(feeds);
    for (const [name, tensor] of Object.entries(outputs)) {
      const values = toNumbers(tensor), perRow = values.length / (end - start);
      for (let r = 0; r < end - start; r++) (result[name] ??= []).push(values.slice(r * perRow, (r + 1) * perRow));
    }
  }
  return result;
}

let failures = 0;
for (const [file, ref] of Object.entries(models)) {
  let session;
  try {
    session = await ort.InferenceSession.create(join(here, file));
  } catch (e) {
    console.log(`FAIL ${file}: ONNX Runtime refused the model: ${e.message}`);
    failures++;
    continue;
  }
  const names = ref.outputs.map((o) => o.name);
  if (JSON.stringify(session.outputNames) !== JSON.stringify(names)) {
    console.log(`FAIL ${file}: outputs ${session.outputNames} != ${names}`);
    failures++;
  }
  const actual = await runRows(session, ref.inputs);
  for (const expected of ref.outputs) {
    let worst = 0;
    expected.rows.forEach((row, r) => row.forEach((e, k) => {
      const a = actual[expected.name][r][k];
      const error = typeof e === 'number' && e !== 0 ? Math.abs(a - e) / Math.abs(e) : (a === e ? 0 : Infinity);
      worst = Math.max(worst, error);
    }));
    const ok = worst <= TOLERANCE;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} ${expected.name} (${expected.dtype}, ${expected.rows.length} rows): max relative error ${worst.toExponential(2)}`);
  }
}
console.log(failures ? `${failures} mismatches` : `all fixture outputs agree with reference.json within ${TOLERANCE} relative`);
process.exit(failures ? 1 : 0);
