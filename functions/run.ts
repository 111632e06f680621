// Dispatcher for the central jobs: `npm run job -- <name> [options]`, `npm run rebuild`.
import { parseArgs } from 'node:util';
import { rebuildConfig } from './config.js';
import { JobError, UsageError } from './errors.js';
import { rebuild, REBUILD_JOBS } from './jobs/rebuild.js';
import { BuildContext, workVersion } from './rebuild/context.js';
import { sealRebuild } from './rebuild/seal.js';
import { publish } from './jobs/publish.js';
import { rollback } from './jobs/rollback.js';
import { status } from './jobs/status.js';
import { trainRanker } from './jobs/train-ranker.js';
import { worldFiles } from './io/world-files.js';
import { printRebuildSummary } from './rebuild/summary.js';

const USAGE = `usage: npm run job -- <job> [options]
jobs (the rebuild's stages; each alone works in --build V, else the newest unsealed build, else a new one):
  stats         per-video/creator engagement and regional trending with time decay
  embeddings    implicit-ALS user/item vectors
  two-tower     the two-tower retrieval model and its user/item vectors
  index-shards  sharded usearch HNSW indexes over the item vectors, gated by a recall@10 check
  candidates    multi-source candidate lists per user, scored by the heavy ranker; related lists; fresh pool
  seal          mark the build folder complete so publish takes it
other jobs:
  rebuild       all of the above, seal, publish (also: npm run rebuild); incremental unless --full
  publish       publish the newest staged build (or --version V) to KV/R2 and make it current
  train-ranker  replay the log into point-in-time rows, train the MMoE ranker, calibrate, export ONNX,
                and publish it (--no-publish to only stage it)
  rollback      serve the previous version again (or --to V)
  status        print the manifest the edge is serving
options:
  --data DIR    world folder (default: data, or $EDGEFEED_DATA)
  --state DIR   wrangler state folder (default: .wrangler/state, or $EDGEFEED_STATE)
  --version V   with publish: which staged build
  --to V        with rollback: which version
  --build V     with a single stage: which build folder to work in
  --full        with rebuild: recompute everything instead of only users with new events
  --no-publish  with rebuild or train-ranker: stage only
  --half-life-hours H   trending half-life (default ${rebuildConfig.trendingHalfLifeHours})
  --epochs N, --workers N, --batch N, --seed N, --calibration platt|isotonic, --ablations
                train-ranker settings (--ablations adds shared-bottom and one-model-per-task)`;

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      state: { type: 'string' },
      version: { type: 'string' },
      build: { type: 'string' },
      to: { type: 'string' },
      full: { type: 'boolean', default: false },
      'half-life-hours': { type: 'string' },
      epochs: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      batch: { type: 'string', default: '1024' },
      seed: { type: 'string', default: '7' },
      calibration: { type: 'string', default: 'platt' },
      'no-publish': { type: 'boolean', default: false },
      ablations: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const job = positionals[0];
  if (values.help || !job) return console.log(USAGE);
  const files = worldFiles(values.data);
  const halfLife = values['half-life-hours'] === undefined ? undefined : Number(values['half-life-hours']);
  if (halfLife !== undefined && !(halfLife > 0)) throw new UsageError('--half-life-hours must be a positive number');
  const config = { ...rebuildConfig, ...(halfLife && { trendingHalfLifeHours: halfLife }) };
  const stateDir = values.state;
  const t0 = performance.now();
  switch (job) {
    case 'stats':
    case 'embeddings':
    case 'two-tower':
    case 'index-shards':
    case 'candidates':
    case 'seal': {
      const ctx = new BuildContext(files, config, workVersion(files, values.build), null, console.log);
      if (job === 'seal') console.log(`sealed ${(await sealRebuild(ctx)).version}`);
      else await REBUILD_JOBS[job](ctx);
      console.log(`build folder: ${ctx.dir}`);
      break;
    }
    case 'publish': {
      const m = await publish({ files, config, version: values.version, stateDir });
      console.log(`published ${m.version} (parent ${m.parent_version ?? 'none'}):`, summary(m.artifacts));
      break;
    }
    case 'rebuild': {
      const r = await rebuild({ files, config, full: values.full, publish: !values['no-publish'], stateDir });
      if (r.skipped) break;
      printRebuildSummary(r);
      if (r.manifest) console.log(`  published ${r.manifest.version} (parent ${r.manifest.parent_version ?? 'none'}):`, summary(r.manifest.artifacts));
      break;
    }
    case 'train-ranker': {
      const calibration = values.calibration;
      if (calibration !== 'platt' && calibration !== 'isotonic') throw new UsageError('--calibration must be platt or isotonic');
      const info = await trainRanker({
        files,
        epochs: positiveInt(values.epochs, '--epochs'),
        workers: positiveInt(values.workers, '--workers', 0),
        batchSize: positiveInt(values.batch, '--batch'),
        seed: positiveInt(values.seed, '--seed', 0),
        calibration,
        ablations: values.ablations,
      });
      console.log(`  staged ${info.version}:`, info.build);
      if (!values['no-publish']) {
        const m = await publish({ files, config, version: info.version, stateDir });
        console.log(`  published ${m.version} (parent ${m.parent_version ?? 'none'}):`, summary(m.artifacts));
      }
      break;
    }
    case 'rollback': {
      const r = await rollback({ to: values.to, stateDir });
      console.log(`now serving ${r.to} (was ${r.from})`);
      break;
    }
    case 'status': {
      const m = await status({ stateDir });
      console.log(m ? JSON.stringify(m, null, 2) : 'nothing published yet: run `npm run rebuild`');
      break;
    }
    default:
      throw new UsageError(`unknown job '${job}'\n${USAGE}`);
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function positiveInt(v: string | undefined, flag: string, min = 1): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min}`);
  return n;
}

const summary = (artifacts: Record<string, { count?: number; bytes: number; kv_value_bytes?: number }>) =>
  Object.entries(artifacts)
    .map(([name, a]) => {
      const perEntry = a.count && a.kv_value_bytes !== undefined ? `, ${Math.round(a.kv_value_bytes / a.count).toLocaleString('en')} B per entry in KV` : '';
      return `${name} ${a.count ?? 1} entries${perEntry} (${(a.bytes / 1024).toFixed(0)} KiB staged)`;
    })
    .join('; ');

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof JobError) console.error(`${err.name}: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
