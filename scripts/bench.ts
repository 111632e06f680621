// `npm run bench -- [--out FILE] [--runs N] [--data DIR]`: benchmarks as JSON. Never part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { worldFiles } from '../functions/io/world-files.js';
import { benchAls } from './bench/als.js';
import { benchCodec } from './bench/codec.js';
import { benchEventLog } from './bench/event-log.js';
import { benchOnnxMmoe } from './bench/onnx-mmoe.js';
import { benchTraining } from './bench/train-throughput.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, runs: { type: 'string', default: '5' }, data: { type: 'string' } } });
const runs = Number(values.runs);

const report = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
  runs,
  ranked_list_codec: await benchCodec(runs),
  event_log_read: await benchEventLog(worldFiles(values.data), Math.min(runs, 3)),
  mmoe_inference_1000_rows: await benchOnnxMmoe(runs),
  ranker_training: await benchTraining({ runs }),
  als_training: await benchAls(),
};
const out = values.out ?? `reports/bench-${report.at.replace(/[:.]/g, '-')}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
console.error(`written to ${out}`);
