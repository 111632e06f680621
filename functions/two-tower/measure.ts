// Trains the two-tower model on a generated world minus its last days and prints recall@K against
// popularity on those days, and training throughput, as JSON:
//   npx tsx functions/two-tower/measure.ts --world /tmp/tt-world [--test-days 2] [--k 50] [--epochs 5] [--logq on|off]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadUsers, loadVideos } from '../io/catalog.js';
import { readEventLogInTimeOrder } from '../io/time-ordered-events.js';
import { worldFiles } from '../io/world-files.js';
import { holdoutEval } from './holdout-eval.js';
import { positivesFrom } from './positives.js';
import { trainTwoTower } from './train.js';

const DAY_MS = 86_400_000;
const { values: a } = parseArgs({
  options: {
    world: { type: 'string', default: '/tmp/tt-world' }, 'test-days': { type: 'string', default: '2' }, k: { type: 'string', default: '50' },
    epochs: { type: 'string', default: '5' }, logq: { type: 'string', default: 'on' }, backend: { type: 'string', default: 'wasm' },
    temperature: { type: 'string' }, seed: { type: 'string', default: '1' },
  },
});
const files = worldFiles(a.world);
const [videos, users] = await Promise.all([loadVideos(files), loadUsers(files)]);
const positives = await positivesFrom(readEventLogInTimeOrder(files));
const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as { end_ts?: number };
const endMs = meta.end_ts ?? positives.at(-1)!.ts + 1;
const cutMs = endMs - Number(a['test-days']) * DAY_MS;
const train = positives.filter((p) => p.ts < cutMs), heldOut = positives.filter((p) => p.ts >= cutMs);
const model = await trainTwoTower(
  { videos, users, positives: train, nowMs: cutMs },
  { epochs: Number(a.epochs), logQ: a.logq === 'on', backend: a.backend as 'wasm' | 'ts', seed: Number(a.seed), ...(a.temperature ? { temperature: Number(a.temperature) } : {}) },
  (l) => console.error(l),
);
// Candidates are the videos that exist when the model is built; later uploads cannot be retrieved by anyone.
const candidates = [...videos.values()].filter((v) => v.upload_ts < cutMs);
const common = { candidates, videos, users, train, heldOut, nowMs: cutMs, popularTop: 10 };
const atK = holdoutEval(model, { ...common, k: Number(a.k) });
const at20 = holdoutEval(model, { ...common, k: 20 });
console.log(JSON.stringify({
  world: a.world, positives: { train: train.length, heldOut: heldOut.length, heldOutOnCandidates: heldOut.filter((p) => videos.get(p.video_id)!.upload_ts < cutMs).length },
  candidates: candidates.length, training: model.training, [`recall@${a.k}`]: atK, 'recall@20': at20,
}, null, 2));
