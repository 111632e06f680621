// The whole rebuild on a small generated world: every source contributes, lists never repeat what a
// user watched, the indexes pass their recall gate, an incremental run recomputes only users with new
// events, and a failing stage leaves no complete build behind.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES, type RankedList } from '../../models/candidates.js';
import { eventLogDay } from '../../models/keys.js';
import { generateWorld } from '../../scripts/world/generate-world.js';
import { SMALL_WORLD } from '../../scripts/world/test-world.js';
import { rebuildConfig } from '../config.js';
import { newReadStats, readEventLog } from '../io/events.js';
import { ndjsonWriter } from '../io/ndjson.js';
import { readStagedLists } from '../io/staged-lists.js';
import { latestCompleteBuild } from '../io/staged-build.js';
import { worldFiles } from '../io/world-files.js';
import { latestRebuild } from '../rebuild/context.js';
import { rebuild, type RebuildResult } from './rebuild.js';
import { trainRanker } from './train-ranker.js';

const dir = mkdtempSync(join(tmpdir(), 'edgefeed-rebuild-'));
const files = worldFiles(dir);
// One index-build thread: the same graphs every run, so two rebuilds of one world retrieve the same.
const config = { ...rebuildConfig, alsIterations: 4, alsFactors: 16, twoTowerEpochs: 1, twoTowerDims: 16, indexBuildThreads: 1 };
const quiet = () => {};
let full: RebuildResult;
let lists: RankedList[];

const readLists = async (path: string) => {
  const out: RankedList[] = [];
  for await (const l of readStagedLists(path)) out.push(l);
  return out;
};

beforeAll(async () => {
  await generateWorld({ ...SMALL_WORLD, out: dir, log: quiet });
  full = await rebuild({ files, config, full: true, publish: false, log: quiet });
  lists = await readLists(join(full.dir, 'candidates.ndjson.gz'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('full rebuild', () => {
  it('writes a list per user with events, each item attributed to known sources, every source used', () => {
    expect(lists.length).toBe(full.build.users_with_events);
    const used = new Set<string>();
    for (const l of lists) {
      expect(l.items.length).toBeGreaterThan(0);
      expect(l.items.length).toBeLessThanOrEqual(config.userListSize);
      expect(new Set(l.items.map((i) => i.video_id)).size).toBe(l.items.length);
      for (const i of l.items) {
        expect(i.sources.length).toBeGreaterThan(0);
        i.sources.forEach((s) => used.add(s));
        expect(i.cluster).toBeTypeOf('number');
      }
    }
    for (const s of ['collaborative', 'two_tower', 'item2item', 'category', 'trending', 'fresh', 'followed']) expect(used, s).toContain(s);
    expect([...used].every((s) => (SOURCES as readonly string[]).includes(s))).toBe(true);
  });

  it('never lists a video the user viewed or disliked', async () => {
    const seen = new Map<string, Set<string>>();
    for await (const e of readEventLog(files, newReadStats())) {
      if (e.type === 'impression' || e.type === 'skip' || e.type === 'follow') continue;
      if (!seen.has(e.user_id)) seen.set(e.user_id, new Set());
      seen.get(e.user_id)!.add(e.video_id);
    }
    for (const l of lists) for (const i of l.items) expect(seen.get(l.key)?.has(i.video_id) ?? false).toBe(false);
  });

  it('stages related lists without the video itself, the fresh pool, and indexes that passed the recall gate', async () => {
    const related = await readLists(join(full.dir, 'related.ndjson.gz'));
    expect(related.length).toBeGreaterThan(SMALL_WORLD.videos * 0.9);
    for (const r of related) expect(r.items.map((i) => i.video_id)).not.toContain(r.key);
    expect((await readLists(join(full.dir, 'fresh.ndjson.gz')))[0]!.key).toBe('global');
    expect(full.build.index_als_recall_at_10).toBeGreaterThanOrEqual(config.recallFloor);
    expect(full.build.index_two_tower_recall_at_10).toBeGreaterThanOrEqual(config.recallFloor);
    const info = JSON.parse(readFileSync(join(full.dir, 'build.json'), 'utf8'));
    expect(info.complete).toBe(true);
    expect(Object.values(info.files).map((f) => (f as { file: string }).file)).toEqual(expect.arrayContaining(['two-tower.bin', 'index-als/shards.json', 'index-two_tower/shard-0.usearch']));
  });
});

describe('with a heavy ranker staged', () => {
  it('scores every listed item, ships the model with the lists, and keeps the same lists in retrieval order at blend 0', async () => {
    await trainRanker({ files, epochs: 1, workers: 0, batchSize: 512, seed: 1, calibration: 'platt', log: quiet });
    const ranked = await rebuild({ files, config, full: true, publish: false, log: quiet });
    expect(ranked.build.heavy_ranker).toMatch(/^\d{8}T/);
    const withPreds = await readLists(join(ranked.dir, 'candidates.ndjson.gz'));
    expect(withPreds.map((l) => l.key)).toEqual(lists.map((l) => l.key));
    for (const l of withPreds) for (const i of l.items) expect(i.preds).toHaveLength(5);
    expect(withPreds[0]!.items.map((i) => i.video_id)).toEqual(lists[0]!.items.map((i) => i.video_id));
    const info = JSON.parse(readFileSync(join(ranked.dir, 'build.json'), 'utf8'));
    expect(Object.keys(info.files)).toEqual(expect.arrayContaining(['ranker_onnx', 'ranker_norm', 'ranker_calibration', 'light_ranker_onnx']));
  }, 120_000);
});

describe('incremental rebuild', () => {
  it('recomputes only the users with events after the parent, folding them into the ALS vectors', async () => {
    const day = eventLogDay(Date.parse(String(full.build.log_end)) + 86_400_000);
    const ts = Date.parse(`${day}T12:00:00Z`);
    const [a, b] = [lists[0]!, lists[1]!];
    const parent = latestRebuild(files)!.version;
    const w = ndjsonWriter(files.eventPart(day, 'part-0000'));
    for (const [i, l] of [a, b].entries())
      await w.write({ event_id: `inc-${i}`, user_id: l.key, video_id: l.items[0]!.video_id, ts: ts + i, type: 'view', watch_time_sec: 30, video_duration_sec: 30 });
    await w.close();
    const inc = await rebuild({ files, config, publish: false, log: quiet });
    const incLists = await readLists(join(inc.dir, 'candidates.ndjson.gz'));
    expect(incLists.map((l) => l.key).sort()).toEqual([a.key, b.key].sort());
    // The video each just watched is gone from their new list.
    expect(incLists.find((l) => l.key === a.key)!.items.map((i) => i.video_id)).not.toContain(a.items[0]!.video_id);
    expect(inc.build).toMatchObject({ als: 'fold-in', als_users_folded: 2, lists: 'incremental', layer_depth: 1 });
    expect(JSON.parse(readFileSync(join(inc.dir, 'build.json'), 'utf8')).layers_over).toBe(parent);
    expect(latestRebuild(files)!.version).toBe(inc.version);
    // Nothing new since: the next tick does no work and stages nothing.
    const again = await rebuild({ files, config, publish: false, log: quiet });
    expect(again.skipped).toMatch(/nothing to rebuild/);
    expect(latestRebuild(files)!.version).toBe(inc.version);
  }, 60_000);

  it('a failing stage leaves no complete build: the last good one stays the newest', async () => {
    const before = latestCompleteBuild(files);
    await expect(rebuild({ files, config: { ...config, recallFloor: 1.01 }, full: true, publish: false, log: quiet })).rejects.toThrow(/recall/i);
    expect(latestCompleteBuild(files)).toBe(before);
    expect(existsSync(join(dir, 'build', before!, 'build.json'))).toBe(true);
  }, 60_000);
});
