// The quality bar report as text: one row per list, then the bar's two ratios with PASS/FAIL, then
// every metric per list kind (metrics-table.ts).
import type { ListQualityReport } from './list-quality.js';
import { metricsTable } from './metrics-table.js';
import type { Ratio } from './quality-bar.js';

const f4 = (x: number) => x.toFixed(4);
const ratioLine = (name: string, r: Ratio | null) =>
  r === null ? `${name}: not measured (no truth/)  FAIL` : `${name}: ${r.ratio === null ? 'n/a (zero base)' : r.ratio.toFixed(3)}  (bar ≥ ${r.bar})  ${r.pass ? 'PASS' : 'FAIL'}`;

export function qualityTable(r: ListQualityReport): string[] {
  const { k, k_wide: kw } = r;
  const head = `list        users  NDCG@${k}  Recall@${k}  Recall@${kw}`;
  const rows = Object.entries(r.lists).map(([name, m]) =>
    m === null ? `${name.padEnd(10)}  —` : `${name.padEnd(10)} ${String(m.users).padStart(6)}  ${f4(m.ndcg).padStart(7)}  ${f4(m.recall).padStart(9)}  ${f4(m.recall_wide).padStart(9)}`,
  );
  return [
    `time split at ${r.split_at}: ${r.train_events.toLocaleString('en')} train / ${r.test_events.toLocaleString('en')} test events; build ${r.build.version}`,
    `${r.users_scored} users with test-day positives (${r.users_without_list} without a staged list, scored on their trending list)`,
    head,
    ...rows,
    ratioLine(`lists / trending NDCG@${k}`, r.bar.lists_vs_trending),
    ratioLine(`lists / oracle   NDCG@${k}`, r.bar.lists_vs_oracle),
    `quality bar: ${r.bar.pass ? 'PASS' : 'FAIL'}`,
    '',
    ...metricsTable(r.metrics, [...new Set([k, kw])].sort((a, b) => a - b)),
  ];
}
