import { describe, expect, it } from 'vitest';
import { buildFunnel } from './funnel.js';
import { kindMetrics } from './kind-metrics.js';
import { formatValue } from './markup.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';
import { trainPopularity } from './popularity.js';
import { verdict } from './quality-bar.js';
import { defaultHtmlPath, rankerTableHtml, reportHtml, type HtmlReportInput } from './report-html.js';

const ids = ['a', 'b', 'c', 'd'];
const catalogue = { videoIds: ids, creatorOf: new Map(ids.map((id, i) => [id, `c${i % 3}`])) };
const pop = trainPopularity(new Map([['u1', new Set(['a'])]]), 2, ids);
function metricsOf(lists: string[][]) {
  const m = kindMetrics([2, 3], catalogue, pop);
  for (const l of lists) m.add(l, undefined, new Map([['b', 4], ['c', 1]]));
  return m.result();
}
const lists = metricsOf([['a', 'b', 'c'], ['b', 'd', 'a']]);
const trending = metricsOf([['a', 'd', 'c'], ['a', 'd', 'c']]);
const input = (over: Partial<HtmlReportInput> = {}): HtmlReportInput => ({
  split_at: '2025-03-15T00:00:00.000Z',
  train_events: 7000,
  test_events: 1500,
  videos_before_split: 4,
  build: { version: 'v<1>&' },
  users_scored: 2,
  users_without_list: 0,
  k: 2,
  k_wide: 3,
  bar: verdict(lists.at_k['2']!.ndcg_binary, trending.at_k['2']!.ndcg_binary, null),
  metrics: { lists, trending, oracle: null },
  funnel: buildFunnel({ users_with_events: 3, users_with_lists: 2, top_source_als: 6 }, 2, lists, 2),
  ...over,
});
const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

describe('reportHtml', () => {
  const page = reportHtml(input());
  it('is one self-contained page: inline style, no script, nothing fetched', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|\ssrc=|\shref=|@import|url\(/i);
    // The only address is the SVG namespace.
    expect(new Set(page.match(/https?:\/\/[^"\s]+/g))).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });
  it('tables every metric per cutoff with each kind’s value', () => {
    for (const k of [2, 3]) for (const d of METRIC_DEFINITIONS) expect(page).toContain(`<th>${d.label}@${k}</th>`);
    const row = page.match(/<tr><th>Recall@3<\/th>.*?<\/tr>/)![0];
    expect(row).toContain(`<td class="num">${formatValue(lists.at_k['3']!.recall)}</td><td class="num">${formatValue(trending.at_k['3']!.recall)}</td><td class="num">—</td>`);
  });
  it('draws a bar chart per metric and cutoff with a bar per measured kind, Lorenz curves and the funnel', () => {
    const bars = [...page.matchAll(/<svg [^>]*class="chart bars"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    // 10 metrics × 2 cutoffs, plus the funnel's per-source chart.
    expect(bars).toHaveLength(METRIC_DEFINITIONS.length * 2 + 1);
    for (const b of bars.slice(0, -1)) expect(count(b, /<rect class="bar"/g)).toBe(2);
    expect(count(page, /class="chart lorenz"/g)).toBe(2);
    expect(count(page, /<polyline class="curve"/g)).toBe(4);
    expect(count(page, /class="chart funnel"/g)).toBe(2);
    expect(page).toContain('scored users with a hit in the top 2');
  });
  it('escapes text from the report and says when there is no funnel', () => {
    expect(page).toContain('v&lt;1&gt;&amp;');
    expect(page).not.toContain('v<1>');
    const bare = reportHtml(input({ funnel: null }));
    expect(bare).toContain('no per-user list counts');
    expect(count(bare, /class="chart funnel"/g)).toBe(0);
  });
  it('puts the HTML next to the JSON', () => {
    expect(defaultHtmlPath('reports/eval.json')).toBe('reports/eval.html');
    expect(defaultHtmlPath('/tmp/x/eval-h.JSON')).toBe('/tmp/x/eval-h.html');
    expect(defaultHtmlPath('out/report')).toBe('out/report.html');
  });
});

describe('rankerTableHtml', () => {
  it('lists each task with its held-out figures, escaped', () => {
    const html = String(
      rankerTableHtml({
        version: 'v<1>',
        test: { click: { rows: 1000, auc: 0.8123, logloss: 0.39, ece: 0.01, ece_calibrated: 0.005 }, watch: { rows: 200, rmse: 0.8, r2: 0.3 } },
        test_ndcg20_per_request: 0.6,
      }),
    );
    expect(html).toContain('v&lt;1&gt;');
    expect(html.match(/<tr><th>(click|watch)<\/th>/g)).toHaveLength(2);
    expect(html).toContain('0.8123');
    expect(html).toContain('NDCG@20 per request: 0.6000');
    expect(String(rankerTableHtml(null))).toContain('--no-ranker');
  });
});
