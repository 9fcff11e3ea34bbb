// Writes mnist_reference.json: the logits of the two real MNIST models in ../shared/models for the
// first 8 rows of ../shared/data/mnist.parquet, computed with ONNX Runtime for Node (not with Cch).
// Input: pixels (list<uint8>, 28x28 row-major) / 255 as float32, shape [1,1,28,28], one row per run.
// Also prints each model's accuracy (argmax vs label) over the first 1000 rows and over all rows, as a
// sanity figure (the file is sorted by label: rows 0-999 are all zeros).
// Usage (from this folder): npm ci && node make_mnist_reference.mjs [SHARED_DIR] && rm -rf node_modules
// SHARED_DIR defaults to ../../../../shared, i.e. /work/shared beside the repository.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors'; // the data is zstd-compressed
import ort from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.argv[2] ?? join(here, '../../../../shared'));
const REFERENCE_ROWS = 8, FIRST_ROWS = 1000;
const models = [
  { file: 'mnist-8.onnx', input: 'Input3', output: 'Plus214_Output_0' },
  { file: 'mnist-cnn-ruiyangju.onnx', input: 'input.1', output: '26' },
];

const file = await asyncBufferFromFile(join(shared, 'data/mnist.parquet'));
const rows = await parquetReadObjects({ file, compressors });
const labels = rows.map((r) => Number(r.label));
const argmax = (values) => values.reduce((best, v, i) => (v > values[best] ? i : best), 0);

const result = {
  about: 'Logits of the real MNIST models for the first rows of shared/data/mnist.parquet, from ONNX Runtime '
    + `for Node ${ort.env.versions.node ?? ''} (make_mnist_reference.mjs). Input: pixels / 255 as float32, `
    + 'reshaped to [1,1,28,28], one row per run. logits are float32 values written exactly.',
  data: 'shared/data/mnist.parquet',
  rows: rows.slice(0, REFERENCE_ROWS).map((_, i) => i),
  labels: labels.slice(0, REFERENCE_ROWS),
  models: {},
};

for (const model of models) {
  const session = await ort.InferenceSession.create(join(shared, 'models', model.file));
  const logits = [];
  for (const row of rows) {
    const pixels = Float32Array.from(row.pixels, (p) => p / 255);
    const out = await session.run({ [model.input]: new ort.Tensor('float32', pixels, [1, 1, 28, 28]) });
    logits.push(Array.from(out[model.output].data));
  }
  const predicted = logits.map(argmax);
  for (const n of [FIRST_ROWS, rows.length]) {
    const correct = predicted.slice(0, n).filter((p, i) => p === labels[i]).length;
    console.log(`${model.file}: accuracy ${correct}/${n} = ${(100 * correct / n).toFixed(2)} % over rows 0-${n - 1}`);
  }
  result.models[model.file] = {
    input: model.input, output: model.output,
    logits: logits.slice(0, REFERENCE_ROWS), argmax: predicted.slice(0, REFERENCE_ROWS),
  };
}
const firstLabels = [...new Set(labels.slice(0, FIRST_ROWS))];
console.log(`labels in rows 0-${FIRST_ROWS - 1}: ${firstLabels}`);

// One row of logits per line keeps the file readable; JSON.stringify writes each double exactly.
const json = JSON.stringify(result, null, 1).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (_, inner) => `[${inner.replace(/\s+/g, ' ')}]`);
writeFileSync(join(here, 'mnist_reference.json'), json + '\n');
console.log('wrote mnist_reference.json');
