// `npm run eval`'s HTML report: one self-contained page (inline CSS and SVG, no script, nothing
// fetched) with the quality bar, a table of every metric per list kind, bar charts per metric, the
// Lorenz curves of creator exposure and the build's funnel.
import type { Funnel } from './funnel.js';
import type { KindMetrics } from './kind-metrics.js';
import { formatValue, markup, raw, type Markup } from './markup.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';
import type { Ratio, Verdict } from './quality-bar.js';
import type { RankerReport } from './stage-lists.js';
import { barSections, funnelSection, kindColor, lorenzSection, measured } from './report-charts.js';

/** The parts of the evaluation report the page shows (ListQualityReport has them all). */
export type HtmlReportInput = {
  split_at: string;
  train_events: number;
  test_events: number;
  videos_before_split: number;
  build: { version: string };
  users_scored: number;
  users_without_list: number;
  k: number;
  k_wide: number;
  bar: Verdict;
  metrics: Record<string, KindMetrics | null>;
  funnel: Funnel | null;
  ranker?: RankerReport | null;
};

/** Next to the JSON report: reports/eval.json → reports/eval.html. */
export const defaultHtmlPath = (jsonPath: string) => jsonPath.replace(/\.json$/i, '') + '.html';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.def{color:#555;font-size:.9em;white-space:normal}th.group{background:#eef2f7}
th{background:#f4f4f4}.pass{color:#1f7a33;font-weight:700}.fail{color:#b3261e;font-weight:700}
.charts{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start}svg{font-size:11px}svg .title{font-weight:600;font-size:12px}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-.05em}`;

const passFail = (pass: boolean) => markup`<span class="${pass ? 'pass' : 'fail'}">${pass ? 'PASS' : 'FAIL'}</span>`;
const ratioItem = (name: string, r: Ratio | null) =>
  r === null
    ? markup`<li>${name}: not measured (no truth/) ${passFail(false)}</li>`
    : markup`<li>${name}: ${r.ratio === null ? 'n/a (zero base)' : r.ratio.toFixed(3)} (bar ≥ ${r.bar}) ${passFail(r.pass)}</li>`;

export function metricsTableHtml(metrics: Record<string, KindMetrics | null>, cutoffs: readonly number[]): Markup {
  const kinds = Object.keys(metrics);
  const head = kinds.map((k) => markup`<th><span class="swatch" style="background:${kindColor(k)}"></span>${k}</th>`);
  const users = kinds.map((k) => markup`<td class="num">${metrics[k]?.users ?? '—'}</td>`);
  const groups = cutoffs.map((k) => {
    const rows = METRIC_DEFINITIONS.map((d) => {
      const cells = kinds.map((kind) => {
        const v = metrics[kind]?.at_k[String(k)]?.[d.key];
        return markup`<td class="num">${v === undefined ? '—' : formatValue(v)}</td>`;
      });
      return markup`<tr><th>${d.label}@${k}</th><td>${d.scope}</td>${cells}<td class="def">${d.definition}</td></tr>`;
    });
    return markup`<tr><th class="group" colspan="${kinds.length + 3}">At k = ${k}</th></tr>${rows}`;
  });
  return markup`<table><tr><th>metric</th><th>scope</th>${head}<th>definition</th></tr>
<tr><th>users</th><td>per user</td>${users}<td class="def">users with test-day targets, scored on every list kind</td></tr>${groups}</table>`;
}

export function reportHtml(r: HtmlReportInput): string {
  const cutoffs = [...new Set([r.k, r.k_wide])].sort((a, b) => a - b);
  const kinds = measured(r.metrics);
  const page = markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Edgefeed list quality, split at ${r.split_at}</title><style>${raw(STYLE)}</style></head>
<body>
<h1>Edgefeed list quality</h1>
<p>Time split at ${r.split_at}: ${r.train_events.toLocaleString('en')} train / ${r.test_events.toLocaleString('en')} test events,
${r.videos_before_split.toLocaleString('en')} videos uploaded before the split; build <code>${r.build.version}</code>.
${r.users_scored.toLocaleString('en')} users with test-day targets (${r.users_without_list.toLocaleString('en')} without a staged list, scored on their regional trending list).</p>
<h2>Quality bar (binary NDCG@${r.k}) ${passFail(r.bar.pass)}</h2>
<ul>${ratioItem(`lists / trending NDCG@${r.k}`, r.bar.lists_vs_trending)}${ratioItem(`lists / oracle NDCG@${r.k}`, r.bar.lists_vs_oracle)}</ul>
<h2>Metrics per list kind</h2>
${metricsTableHtml(r.metrics, cutoffs)}
<h2>Each metric across list kinds</h2>
${barSections(kinds, cutoffs)}
<h2>Creator exposure (Lorenz curves)</h2>
${lorenzSection(kinds, cutoffs)}
<h2>Build funnel</h2>
${funnelSection(r.funnel)}
<h2>Heavy ranker on its held-out rows</h2>
${rankerTableHtml(r.ranker ?? null)}
</body></html>
`;
  return String(page);
}

const num = (v: number | undefined, digits = 4) => markup`<td class="num">${v === undefined ? '—' : v.toFixed(digits)}</td>`;

/** Per task: rows, AUC, log loss and expected calibration error before and after calibration. */
export function rankerTableHtml(r: RankerReport | null): Markup {
  if (!r) return markup`<p>No ranker in this run (<code>--no-ranker</code>): the lists were ranked by their merged retrieval score.</p>`;
  const rows = Object.entries(r.test).map(
    ([task, t]) => markup`<tr><th>${task}</th><td class="num">${t.rows.toLocaleString('en')}</td>${num(t.auc)}${num(t.logloss)}${num(t.ece)}${num(t.ece_calibrated)}${num(t.rmse)}${num(t.r2)}</tr>`,
  );
  const ndcg = r.test_ndcg20_per_request === undefined ? '' : markup` NDCG@20 per request: ${r.test_ndcg20_per_request.toFixed(4)}.`;
  return markup`<p>Model <code>${r.version}</code>, trained on the train days; post-click tasks are scored on clicked rows.${ndcg}</p>
<table><tr><th>task</th><th>rows</th><th>AUC</th><th>log loss</th><th>ECE</th><th>ECE calibrated</th><th>RMSE</th><th>R²</th></tr>${rows}</table>`;
}
