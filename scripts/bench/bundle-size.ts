// The deployable worker's size: `wrangler deploy --dry-run --outdir <tmp>` bundles worker/index.ts as a
// real deploy would, then every uploaded module (JS and .wasm) is measured raw and gzipped (level 9),
// against Cloudflare's documented Worker size limits, which apply after compression.
// `npx tsx scripts/bench/bundle-size.ts` runs it alone.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

/** Worker size limits after compression (developers.cloudflare.com/workers/platform/limits/#worker-size); wrangler counts them in MiB. */
export const WORKER_SIZE_LIMITS_GZIP_BYTES = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 } as const;

const MODULE_KINDS: Record<string, 'js' | 'wasm'> = { '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.wasm': 'wasm' };

type ModuleSize = { file: string; kind: 'js' | 'wasm'; bytes: number; gzip_bytes: number };

const gzip9 = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 1000) / 1000;

function totals(mods: ModuleSize[]) {
  const bytes = mods.reduce((s, m) => s + m.bytes, 0);
  const gzip = mods.reduce((s, m) => s + m.gzip_bytes, 0);
  return { modules: mods.length, bytes, gzip_bytes: gzip, mib: mib(bytes), gzip_mib: mib(gzip) };
}

/** Measures the modules in a wrangler --outdir; source maps and the README it writes are not uploaded. */
export function measureOutdir(dir: string) {
  const files = readdirSync(dir).sort();
  const modules: ModuleSize[] = [];
  const contents: Uint8Array[] = [];
  for (const file of files) {
    const kind = MODULE_KINDS[extname(file)];
    if (!kind) continue;
    const bytes = readFileSync(join(dir, file));
    contents.push(bytes);
    modules.push({ file, kind, bytes: bytes.length, gzip_bytes: gzip9(bytes) });
  }
  const all = totals(modules);
  // What wrangler compares with the limit: one gzip stream over every module, concatenated.
  const concatenatedGzip = gzip9(Buffer.concat(contents));
  const limits = Object.fromEntries(
    Object.entries(WORKER_SIZE_LIMITS_GZIP_BYTES).map(([plan, limit]) => [
      plan,
      { limit_gzip_bytes: limit, used_percent: Math.round((concatenatedGzip / limit) * 1000) / 10, fits: concatenatedGzip <= limit },
    ]),
  );
  return {
    modules,
    not_uploaded: files.filter((f) => !MODULE_KINDS[extname(f)]),
    js: totals(modules.filter((m) => m.kind === 'js')),
    wasm: totals(modules.filter((m) => m.kind === 'wasm')),
    total: { ...all, concatenated_gzip_bytes: concatenatedGzip, concatenated_gzip_mib: mib(concatenatedGzip) },
    limits,
  };
}

export async function benchBundleSize(o: { config?: string } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'edgefeed-bundle-'));
  try {
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/wrangler',
      ['deploy', '--dry-run', '--outdir', outdir, '--config', o.config ?? 'wrangler.toml'],
      { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    const bundleSeconds = (performance.now() - started) / 1000;
    // wrangler's own summary (gzip level 6 over the concatenated modules), for cross-checking.
    const reported = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
    return {
      command: 'wrangler deploy --dry-run --outdir <tmp>',
      entry: 'worker/index.ts',
      bundle_seconds: Math.round(bundleSeconds * 10) / 10,
      gzip_level: 9,
      ...measureOutdir(outdir),
      wrangler_reported: reported ? { kib: Number(reported[1]), gzip_kib: Number(reported[2]) } : null,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchBundleSize(), null, 2));
}
