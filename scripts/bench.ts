// `npm run bench -- [--out FILE] [--runs N] [--data DIR] [--only a,b]`: benchmarks as JSON. Never part of
// `npm test`. `--only rebuild` runs the 100k-user full rebuild alone (on --data if given, else a
// generated world); without --only it runs every benchmark except that one (≈10 minutes on its own).
// feed_cost_1000 starts the local stack (redis-server, wrangler dev) on free ports and a temp state dir.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { worldFiles } from '../functions/io/world-files.js';
import { benchAls } from './bench/als.js';
import { benchBundleSize } from './bench/bundle-size.js';
import { benchCodec } from './bench/codec.js';
import { benchEventLog } from './bench/event-log.js';
import { benchFeedCost } from './bench/feed-cost.js';
import { benchOnnxMmoe } from './bench/onnx-mmoe.js';
import { benchEventsIngest } from './bench/events-ingest.js';
import { benchIndexShards } from './bench/index-shards.js';
import { benchLightRanker } from './bench/light-ranker.js';
import { benchRebuild } from './bench/rebuild-scale.js';
import { benchTraining } from './bench/train-throughput.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, runs: { type: 'string', default: '5' }, data: { type: 'string' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const BENCHES: Record<string, () => Promise<unknown>> = {
  ranked_list_codec: () => benchCodec(runs),
  event_log_read: () => benchEventLog(worldFiles(values.data), Math.min(runs, 3)),
  mmoe_inference_1000_rows: () => benchOnnxMmoe(runs),
  light_ranker_1000_rows: () => benchLightRanker(runs),
  usearch_shards: () => benchIndexShards(),
  events_ingest: () => benchEventsIngest(),
  ranker_training: () => benchTraining({ runs }),
  als_training: () => benchAls(),
  rebuild: () => benchRebuild({ data: values.data }),
  // The edge feed on the local stack (wrangler dev + redis), 1000 candidates per user.
  feed_cost_1000: () => benchFeedCost({ itemsPerUser: 1000 }),
  worker_bundle: () => benchBundleSize(),
};
const only = values.only?.split(',') ?? Object.keys(BENCHES).filter((b) => b !== 'rebuild');
const unknown = only.filter((b) => !(b in BENCHES));
if (unknown.length) throw new Error(`--only: unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
const results: Record<string, unknown> = {};
for (const name of only) results[name] = await BENCHES[name]!();

const report = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
  runs,
  ...results,
};
const out = values.out ?? `reports/bench-${report.at.replace(/[:.]/g, '-')}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
console.error(`written to ${out}`);
