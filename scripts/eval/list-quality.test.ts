import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildConfig } from '../../functions/config.js';
import { readNdjson } from '../../functions/io/ndjson.js';
import { eventLogDays, worldFiles } from '../../functions/io/world-files.js';
import { generateWorld } from '../world/generate-world.js';
import { SMALL_WORLD } from '../world/test-world.js';
import { listQuality, type ListQualityReport } from './list-quality.js';
import { reportHtml } from './report-html.js';
import { loadTruth, oracleList, oracleTimes } from './oracle-list.js';
import { splitDays } from './split.js';
import { trainView } from './train-view.js';

const dir = mkdtempSync(join(tmpdir(), 'edgefeed-eval-world-'));
const files = worldFiles(dir);
let report: ListQualityReport;
let trainDir = '';
beforeAll(async () => {
  await generateWorld({ ...SMALL_WORLD, out: dir, log: () => {} });
  report = await listQuality({ files, config: { ...rebuildConfig, alsIterations: 4, alsFactors: 16, twoTowerEpochs: 1, twoTowerDims: 16 }, ranker: false, log: (l) => void (l.startsWith('train view ') && (trainDir = l.split(' ')[2]!.replace(/:$/, ''))) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('list quality on a small generated world', () => {
  it('scores the same users on all three lists, the oracle at least as well as trending', () => {
    const { lists, trending, oracle } = report.lists;
    expect(report.users_scored).toBeGreaterThan(50);
    expect([lists.users, trending.users, oracle?.users]).toEqual([report.users_scored, report.users_scored, report.users_scored]);
    expect(oracle!.ndcg).toBeGreaterThanOrEqual(trending.ndcg);
    expect(oracle!.recall_wide).toBeGreaterThanOrEqual(trending.recall_wide);
    expect(trending.ndcg).toBeGreaterThan(0);
    expect(report.bar.lists_vs_trending.ratio).toBeCloseTo(lists.ndcg / trending.ndcg, 10);
    expect(report.test_days).toEqual(eventLogDays(files).map((d) => d.day).slice(-2));
  });
  it('reports every metric per list kind, its binary NDCG and recall the same figures the bar reads', () => {
    const { k, k_wide: kw } = report;
    for (const kind of ['lists', 'trending', 'oracle'] as const) {
      const m = report.metrics[kind]!;
      const bar = report.lists[kind]!;
      expect(m.users).toBe(report.users_scored);
      expect(m.at_k[String(k)]!.ndcg_binary).toBeCloseTo(bar.ndcg, 12);
      expect(m.at_k[String(k)]!.recall).toBeCloseTo(bar.recall, 12);
      expect(m.at_k[String(kw)]!.recall).toBeCloseTo(bar.recall_wide, 12);
      const at = m.at_k[String(k)]!;
      expect(at.coverage).toBeGreaterThan(0);
      expect(at.coverage).toBeLessThanOrEqual(1);
      expect(at.ndcg_graded).toBeGreaterThan(0);
      expect(at.hit_rate).toBeGreaterThanOrEqual(at.precision);
    }
    // Trending shows the same regional lists to everyone: fewer videos, more popular, than the oracle.
    const [trending, oracle] = [report.metrics.trending.at_k[String(k)]!, report.metrics.oracle!.at_k[String(k)]!];
    expect(trending.coverage).toBeLessThan(oracle.coverage);
    expect(trending.popularity_percentile).toBeGreaterThan(oracle.popularity_percentile);
    expect(report.funnel?.users.find((s) => s.stage === 'users with a staged list')?.value).toBe((report.build as Record<string, unknown>).users_with_lists);
    const html = reportHtml(report);
    expect(html).toContain(`<code>${report.build.version}</code>`);
    expect(html.match(/class="chart lorenz"/g)).toHaveLength(2);
  });
  it('removes the train view it built', () => {
    expect(trainDir).toMatch(/edgefeed-train-view-/);
    expect(existsSync(trainDir)).toBe(false);
  });
  it('gives the rebuild only the train days and the videos uploaded before the split', async () => {
    const split = splitDays(eventLogDays(files).map((d) => d.day));
    const view = await trainView(files, split);
    try {
      expect(eventLogDays(view.files).map((d) => d.day)).toEqual(split.trainDays);
      const uploads: number[] = [];
      for await (const v of readNdjson<{ upload_ts: number }>(view.files.videos)) uploads.push(v.upload_ts);
      expect(uploads.length).toBe(view.videoIds.length);
      expect(view.heldBackVideos).toBeGreaterThan(0);
      expect(Math.max(...uploads)).toBeLessThan(split.splitMs);
      expect(readdirSync(view.files.dir).sort()).toEqual(['catalog', 'events']);
    } finally {
      rmSync(view.files.dir, { recursive: true, force: true });
    }
  });
  it('leaves watched videos out of the oracle list and moves the next ones up', async () => {
    const truth = await loadTruth(dir);
    const videoIds = [...truth.videos.keys()];
    const user = [...truth.users.keys()][0]!;
    const times = oracleTimes(report.test_days);
    const top = oracleList(truth, user, videoIds, undefined, times, 6);
    expect(new Set(top).size).toBe(6);
    const watched = new Set([top[0]!, top[2]!]);
    const next = oracleList(truth, user, videoIds, watched, times, 4);
    expect(next).toEqual([top[1], top[3], top[4], top[5]]);
  });
});
