// The edge feed's cost with 1000 candidates per user, on the real local stack (wrangler dev + workerd,
// local KV/R2, redis-server behind the Upstash gateway), not a test: a synthetic version is published
// by the central publisher into a temp state dir, then /v1/feed?debug=1 is called sequentially and with
// calls in flight. `npx tsx scripts/bench/feed-cost.ts [calls]` runs it alone.
//
// Clock: workerd's performance.now() is Date.now() (whole ms) and stands still while JavaScript runs,
// moving only when I/O completes (a Spectre mitigation, kept by local workerd too). So the worker's own
// figures (total_ms, timings_ms) count I/O waits: a CPU-only stage (list decode, the ONNX light ranker,
// MMR) reads 0, or whatever I/O landed meanwhile (other calls' I/O, in the concurrent run). The client's
// wall time is the cost figure; the worker's figures say where the I/O waits are.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newVersion } from '../../functions/io/staged-build.js';
import { fixtureWeights } from '../../worker/rankers/fixtures/light-weights.js';
import { runFeed, type FeedRun } from './feed-cost/feed-load.js';
import { startLocalStack, type LocalStack } from './feed-cost/local-stack.js';
import { publishSynthetic } from './feed-cost/publish-synthetic.js';
import { countBy, summariseSamples } from './feed-cost/summarise.js';
import { syntheticLists, type SyntheticWorld } from './feed-cost/synthetic-lists.js';

export type FeedCostOptions = {
  users?: number;
  itemsPerUser?: number;
  /** Measured calls per variant (sequential, concurrent). */
  calls?: number;
  warmupCalls?: number;
  /** Calls in flight in the concurrent variant. */
  concurrency?: number;
  /** Page size asked for. */
  n?: number;
  seed?: number;
  log?: (line: string) => void;
};

const round2 = (x: number) => Math.round(x * 100) / 100;
const loads = () => loadavg().map(round2);

function report(run: FeedRun, version: string) {
  return {
    concurrency: run.concurrency,
    calls: run.samples.length + Object.values(run.errors).reduce((a, b) => a + b, 0),
    errors: run.errors,
    // Each answer must come from the version published here; another one means a stale state dir.
    versions: countBy(run.samples, (s) => (s.version === version ? 'published' : String(s.version))),
    wall_seconds: round2(run.wallMs / 1000),
    calls_per_second: round2(run.samples.length / (run.wallMs / 1000)),
    ...summariseSamples(run.samples),
  };
}

export async function benchFeedCost(opts: FeedCostOptions = {}) {
  const o = { users: 50, itemsPerUser: 1000, calls: 300, warmupCalls: 20, concurrency: 8, n: 20, seed: 5, ...opts };
  const log = o.log ?? ((l: string) => console.error(l));
  const world: SyntheticWorld = {
    users: o.users, itemsPerUser: o.itemsPerUser, videos: 5 * o.itemsPerUser, creators: 100, categories: 12, clusters: 64,
    trendingRegions: ['eu', 'global'], trendingItems: 500, freshItems: 200, seed: o.seed, nowMs: Date.now(),
  };
  const workDir = mkdtempSync(join(tmpdir(), 'edgefeed-feed-cost-'));
  let stack: LocalStack | null = null;
  let stopNow: (() => void) | null = null;
  // wrangler, once imported, exits the process on SIGINT/SIGTERM: only an 'exit' handler still runs then.
  const onExit = () => {
    stopNow?.();
    rmSync(workDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  try {
    const version = newVersion();
    const lists = syntheticLists(world, version);
    let t = performance.now();
    log(`feed_cost: publishing ${o.users} lists of ${o.itemsPerUser} candidates into ${workDir}`);
    const published = await publishSynthetic({ version, lists, lightWeights: fixtureWeights(), buildRoot: join(workDir, 'build'), stateDir: join(workDir, 'state') });
    const publishSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    stack = await startLocalStack({ stateDir: join(workDir, 'state'), workDir, onSpawned: (fn) => (stopNow = fn) });
    const startSeconds = (performance.now() - t) / 1000;
    log(`feed_cost: ${stack.base} up in ${startSeconds.toFixed(1)} s; realtime: ${stack.redisNote}`);
    const call = { base: stack.base, users: lists.candidates.map((l) => l.key), n: o.n };
    const loadBefore = loads();
    const warm = await runFeed(call, { calls: o.warmupCalls, concurrency: 1 });
    const sequential = await runFeed(call, { calls: o.calls, concurrency: 1, offset: o.warmupCalls });
    log(`feed_cost: sequential done (${sequential.samples.length} answers)`);
    const concurrent = await runFeed(call, { calls: o.calls, concurrency: o.concurrency, offset: o.warmupCalls + o.calls });
    const candidates = published.manifest.artifacts.candidates!;
    return {
      version,
      load_average_before: loadBefore,
      load_average_after: loads(),
      published: {
        users: candidates.count,
        candidates_per_list: o.itemsPerUser,
        kv_bytes_per_candidate_list: candidates.count ? Math.round(candidates.kv_value_bytes! / candidates.count) : null,
        light_model_bytes: published.lightModelBytes,
        artifacts: Object.keys(published.manifest.artifacts).sort(),
        publish_seconds: round2(publishSeconds),
      },
      stack: { start_seconds: round2(startSeconds), realtime: stack.redisNote, health: stack.health },
      request: `/v1/feed?user_id=<round-robin>&n=${o.n}&debug=1`,
      clock_note: 'workerd moves its clock (whole ms) only when I/O completes: worker-side ms count I/O waits, CPU-only stages read ~0; client_ms is the cost',
      warmup: { calls: o.warmupCalls, errors: warm.errors, scorer_status: summariseSamples(warm.samples).scorer_status },
      sequential: report(sequential, version),
      concurrent: report(concurrent, version),
    };
  } finally {
    await stack?.stop();
    stopNow = null;
    rmSync(workDir, { recursive: true, force: true });
    process.off('exit', onExit);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchFeedCost({ calls: Number(process.argv[2] ?? 300) }), null, 2));
}
