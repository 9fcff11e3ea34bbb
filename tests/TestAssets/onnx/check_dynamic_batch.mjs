// Checks a model converted by scripts/make-dynamic-batch-model.py: runs 64 MNIST rows through the
// converted model as ONE batch and through the original model row by row, and compares the outputs.
// Usage (from this folder, after npm ci): node check_dynamic_batch.mjs ORIGINAL.onnx CONVERTED.onnx [SHARED_DIR]
// Rows: every 156th row of shared/data/mnist.parquet (the file is sorted by label, so all digits occur).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import ort from 'onnxruntime-node';

const [original, converted, sharedArg] = process.argv.slice(2);
if (!converted) { console.error('usage: node check_dynamic_batch.mjs ORIGINAL.onnx CONVERTED.onnx [SHARED_DIR]'); process.exit(2); }
const shared = resolve(sharedArg ?? fileURLToPath(new URL('../../../../shared', import.meta.url)));
const BATCH = 64, STEP = 156, TOLERANCE = 1e-5;

const all = await parquetReadObjects({ file: await asyncBufferFromFile(join(shared, 'data/mnist.parquet')), compressors });
const rows = Array.from({ length: BATCH }, (_, i) => Float32Array.from(all[i * STEP].pixels, (p) => p / 255));

const single = await ort.InferenceSession.create(original);
const batched = await ort.InferenceSession.create(converted);
const [input, output] = [single.inputNames[0], single.outputNames[0]];

const expected = [];
for (const row of rows) {
  const out = await single.run({ [input]: new ort.Tensor('float32', row, [1, 1, 28, 28]) });
  expected.push(Array.from(out[output].data));
}
const data = new Float32Array(BATCH * 784);
rows.forEach((row, i) => data.set(row, i * 784));
const out = (await batched.run({ [input]: new ort.Tensor('float32', data, [BATCH, 1, 28, 28]) }))[output];
console.log(`converted model ran at batch ${BATCH}: output dims [${out.dims}]`);

let worst = 0, worstScaled = 0;
expected.forEach((logits, r) => {
  const scale = Math.max(...logits.map(Math.abs));
  logits.forEach((e, k) => {
    const diff = Math.abs(out.data[r * logits.length + k] - e);
    worst = Math.max(worst, diff / Math.abs(e));
    worstScaled = Math.max(worstScaled, diff / scale);
  });
});
console.log(`batch vs row by row: max relative error ${worst.toExponential(2)} (per value), `
  + `${worstScaled.toExponential(2)} (relative to the row's largest |logit|)`);
process.exit(worst <= TOLERANCE ? 0 : 1);
