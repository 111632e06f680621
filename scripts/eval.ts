// `npm run eval [-- --data DIR --split-at YYYY-MM-DD --out FILE.json --html FILE.html --require-bar]`:
// the quality bar of the rebuild's lists. Runs the rebuild on the days before the split (default: the
// log's last 2 days are the test) and scores its candidate lists, regional trending and the generator's
// oracle against what each user engaged with afterwards (views ≥ 50% watched, likes, shares, comments).
// Writes the JSON report and a self-contained HTML report beside it (--html). Exit 3: bar failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildConfig } from '../functions/config.js';
import { worldFiles } from '../functions/io/world-files.js';
import { EvalError } from './eval/errors.js';
import { listQuality } from './eval/list-quality.js';
import { qualityTable } from './eval/quality-table.js';
import { defaultHtmlPath, reportHtml } from './eval/report-html.js';
import { openPlatformStore } from '../functions/io/artifact-store.js';
import { DEFAULT_STATE_DIR } from '../functions/io/world-files.js';
import { LATEST_REPORT_KEY } from '../models/keys.js';
import { latestRankerBuild, rankerVsOracle } from './eval/ranker-oracle.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'split-at': { type: 'string' },
    k: { type: 'string', default: '10' },
    'k-wide': { type: 'string', default: '50' },
    out: { type: 'string' },
    html: { type: 'string' },
    protocol: { type: 'string', default: 'time' },
    'require-bar': { type: 'boolean', default: false },
    'keep-view': { type: 'boolean', default: false },
    'no-ranker': { type: 'boolean', default: false },
    /** Keep the HTML report out of the local stack's R2 (the demo page's /report). */
    'no-publish-report': { type: 'boolean', default: false },
    'ranker-oracle': { type: 'boolean', default: false },
    version: { type: 'string' },
  },
});
if (values.protocol !== 'time') throw new Error(`--protocol ${values.protocol}: only 'time' exists so far`);
const files = worldFiles(values.data);

function positiveInt(name: 'k' | 'k-wide'): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new EvalError(`--${name} ${values[name]}: a positive integer`);
  return n;
}

async function rankerOracle() {
  const version = values.version ?? latestRankerBuild(files);
  if (!version) throw new Error(`no ranker build with test predictions under ${files.dir}/build: run \`npm run job -- train-ranker\``);
  const r = await rankerVsOracle(files, version);
  console.log(`ranker ${version} against the generator's oracle, on the ranker's held-out rows`);
  console.log('task      rows     ranker AUC  oracle AUC');
  for (const [t, m] of Object.entries(r.tasks)) console.log(`${t.padEnd(8)} ${String(m.rows).padStart(7)}  ${m.ranker_auc.toFixed(4).padStart(10)}  ${m.oracle_auc.toFixed(4).padStart(10)}`);
  const out = values.out ?? `reports/ranker-oracle-${version}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(r, null, 2));
  console.log(`report: ${out}`);
}

async function main() {
  if (values['ranker-oracle']) return rankerOracle();
  const r = await listQuality({
    files,
    config: rebuildConfig,
    splitAt: values['split-at'],
    cutoffs: { k: positiveInt('k'), kWide: positiveInt('k-wide') },
    keepView: values['keep-view'],
    ranker: !values['no-ranker'],
  });
  const out = values.out ?? `reports/eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(r, null, 2));
  const html = values.html ?? defaultHtmlPath(out);
  mkdirSync(dirname(html), { recursive: true });
  const page = reportHtml(r);
  writeFileSync(html, page);
  if (!values['no-publish-report']) await publishReport(page);
  for (const line of qualityTable(r)) console.log(line);
  console.log(`report: ${out}`);
  console.log(`html report: ${html}`);
  if (values['require-bar'] && !r.bar.pass) process.exitCode = 3;
}

/** Puts the report where the worker serves /report (the local stack's R2, or Cloudflare's when remote). */
async function publishReport(page: string) {
  const store = await openPlatformStore({ stateDir: DEFAULT_STATE_DIR });
  try {
    await store.r2Put(LATEST_REPORT_KEY, new TextEncoder().encode(page), 'text/html');
    console.log(`html report published: /report on the local stack (${DEFAULT_STATE_DIR})`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`eval failed: ${(err as Error).message}`);
  process.exit(1);
});
