// The full central rebuild at scale: generates the world (unless --data names one), runs every stage
// with publish off, and reports each stage's seconds and peak RSS, the recall gates and the KV bytes
// per user list. Publishing is left out: local KV (Miniflare) takes a few hundred writes/s, a limit of
// the emulator, not of the rebuild; the report gives the write count and bytes it would send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildConfig } from '../../functions/config.js';
import { rebuild } from '../../functions/jobs/rebuild.js';
import { readStagedValues } from '../../functions/io/staged-lists.js';
import { KV_LIST_ARTIFACTS } from '../../functions/io/staged-build.js';
import { worldFiles } from '../../functions/io/world-files.js';
import { generateWorld } from '../world/generate-world.js';

/** 100k users × 20k videos × 14 days ≈ 4.9M events at this session scale. */
export const SCALE_WORLD = { users: 100_000, videos: 20_000, days: 14, seed: 11, sessionScale: 0.12 } as const;

export async function benchRebuild(o: { data?: string; log?: (l: string) => void } = {}) {
  const log = o.log ?? ((l: string) => console.error(l));
  const dir = o.data ?? mkdtempSync(join(tmpdir(), 'edgefeed-scale-'));
  try {
    let generateSeconds: number | null = null;
    if (!o.data) {
      const t0 = performance.now();
      await generateWorld({ ...SCALE_WORLD, out: dir, log });
      generateSeconds = (performance.now() - t0) / 1000;
    }
    const files = worldFiles(dir);
    const r = await rebuild({ files, config: rebuildConfig, full: true, publish: false, log });
    const kv: Record<string, { entries: number; bytes: number; bytes_per_entry: number }> = {};
    for (const [name, spec] of Object.entries(KV_LIST_ARTIFACTS)) {
      let entries = 0;
      let bytes = 0;
      for await (const { value } of readStagedValues(join(r.dir, spec.file))) {
        entries++;
        bytes += Buffer.byteLength(value);
      }
      kv[name] = { entries, bytes, bytes_per_entry: entries ? Math.round(bytes / entries) : 0 };
    }
    const stages = Object.fromEntries(r.timings.map((t) => [t.stage, { seconds: t.seconds, peak_rss_mb: t.peak_rss_mb }]));
    const pick = (re: RegExp) => Object.fromEntries(Object.entries(r.build).filter(([k]) => re.test(k)));
    return {
      world: o.data ? { dir: o.data } : { ...SCALE_WORLD, generate_seconds: generateSeconds },
      events: r.build.events,
      users_with_lists: r.build.users_with_lists,
      total_seconds: Math.round(r.timings.reduce((s, t) => s + t.seconds, 0) * 10) / 10,
      stages,
      indexes: pick(/^index_/),
      heavy_ranker: r.build.heavy_ranker,
      kv,
    };
  } finally {
    if (!o.data) rmSync(dir, { recursive: true, force: true });
  }
}
