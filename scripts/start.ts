// `npm start`: the whole local stack on the embedded default — no Cloudflare or Upstash account.
// Generates a small demo world when there is no data, rebuilds and publishes into the local KV/R2
// state, starts Redis + the Upstash gateway and `wrangler dev`, and prints the URLs.
// `npm run serve` (--serve) skips generation and rebuild.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readStagedValues } from '../functions/io/staged-lists.js';
import { buildDir, latestCompleteBuild, KV_LIST_ARTIFACTS } from '../functions/io/staged-build.js';
// Not artifact-store.js: importing wrangler installs exit-on-signal handlers that would skip our cleanup.
import { DEFAULT_STATE_DIR, worldFiles } from '../functions/io/world-files.js';
import { startLocalRedis } from './dev/start-redis.js';
import { startRebuildHook } from '../functions/rebuild-hook.js';

/** Must match REBUILD_HOOK_URL in wrangler.toml. */
const REBUILD_HOOK_PORT = 8790;

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: '8787' },
    'gateway-port': { type: 'string', default: '8079' },
    'redis-port': { type: 'string', default: '6379' },
    // A demo world drawn from the committed KuaiRand catalogue sample: real durations, creators, tags.
    users: { type: 'string', default: '2000' },
    videos: { type: 'string', default: '1500' },
    days: { type: 'string', default: '14' },
    'exit-when-ready': { type: 'boolean', default: false },
  },
});
// Offline machines cannot fetch Cloudflare's Request.cf sample; the placeholder is all local dev needs.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
const files = worldFiles();
const stateDir = DEFAULT_STATE_DIR;
const children: ChildProcess[] = [];

const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
const tsx = (script: string, args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args]);

/** wrangler dev reads secrets from .dev.vars; the gateway (or the rebuild hook) must share the token. */
function devToken(name = 'UPSTASH_REDIS_REST_TOKEN'): string {
  const path = '.dev.vars';
  const existing = existsSync(path) ? new RegExp(`^${name}=(.+)$`, 'm').exec(readFileSync(path, 'utf8'))?.[1] : undefined;
  if (existing) return existing.trim();
  const token = randomBytes(24).toString('hex');
  writeFileSync(path, `${existsSync(path) ? readFileSync(path, 'utf8') : ''}${name}=${token}\n`);
  return token;
}

async function sampleUser(): Promise<string | null> {
  const version = latestCompleteBuild(files);
  if (!version) return null;
  for await (const list of readStagedValues(`${buildDir(files, version)}/${KV_LIST_ARTIFACTS.candidates.file}`)) return list.key;
  return null;
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function killAll() {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** wrangler dev never fires crons by itself: tick the worker's scheduled() as wrangler.toml says. */
function localCron(base: string): string {
  const crons = /crons\s*=\s*\[\s*"([^"]+)"/.exec(readFileSync('wrangler.toml', 'utf8'))?.[1];
  const minutes = crons && /^\*\/(\d+) \* \* \* \*$/.exec(crons)?.[1];
  if (!minutes) return `not ticked locally (only "*/N * * * *" is): curl ${base}/cdn-cgi/handler/scheduled`;
  const timer = setInterval(() => {
    fetch(`${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(crons)}`).catch((err) => console.error(`cron tick failed: ${err}`));
  }, Number(minutes) * 60_000);
  timer.unref();
  return `scheduled() every ${minutes} min ("${crons}"); now: curl ${base}/cdn-cgi/handler/scheduled`;
}

async function main() {
  if (!values.serve) {
    if (!existsSync(files.meta)) {
      console.log(`▶ no world in ${files.dir}/: generating a demo world (${values.users} users, ${values.videos} videos, ${values.days} days)`);
      await tsx('scripts/generate.ts', ['--catalog', 'kuairand', '--users', values.users!, '--videos', values.videos!, '--days', values.days!]);
    } else console.log(`▶ using the world in ${files.dir}/ (delete it or run \`npm run generate\` for a new one)`);
    console.log('▶ rebuilding and publishing to the local KV/R2 state');
    await tsx('functions/run.ts', ['rebuild']);
  } else if (!latestCompleteBuild(files)) console.log('! nothing has been built yet: the feed will serve fallbacks until `npm run rebuild`');

  const redis = await startLocalRedis({
    redisPort: Number(values['redis-port']),
    gatewayPort: Number(values['gateway-port']),
    token: devToken(),
    stateDir,
  });
  const base = `http://127.0.0.1:${values.port}`;
  // The key apps send with events and uploads; wrangler dev reads it from .dev.vars.
  const apiKey = devToken('EDGEFEED_API_KEYS');
  // The cron's other end: each tick runs an incremental rebuild of the local world (one at a time).
  const hook = await startRebuildHook({
    token: devToken('REBUILD_HOOK_TOKEN'),
    command: [process.execPath, '--import', 'tsx', 'functions/run.ts', 'rebuild'],
    port: REBUILD_HOOK_PORT,
    log: (l) => console.log(`▶ ${l}`),
  }).catch((err: unknown) => {
    console.log(`! rebuild hook not started (${(err as Error).message}): cron ticks will not rebuild; run \`npm run rebuild\` by hand`);
    return null;
  });
  const wrangler = spawn('node_modules/.bin/wrangler', ['dev', '--ip', '127.0.0.1', '--port', values.port!, '--persist-to', stateDir, '--show-interactive-dev-session=false'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true, // its own process group: stopping it stops the workerd it spawns too
  });
  children.push(wrangler);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    killAll();
    await hook?.close();
    await redis.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wrangler.on('exit', (code) => {
    if (stopping) return;
    console.error(`wrangler dev exited (${code})`);
    void redis.stop().then(() => process.exit(code ?? 1));
  });

  await waitForHttp(`${base}/healthz`, 90_000);
  const cron = localCron(base);
  const user = await sampleUser();
  console.log(`
Edgefeed is running (local stack, no accounts needed):
  demo      ${base}/?key=${apiKey}&user=${user ?? ''}
  feed      ${base}/v1/feed?user_id=${user ?? '<user id>'}&n=10
  trending  ${base}/v1/trending
  health    ${base}/healthz
  API docs  ${base}/docs (events and uploads: header x-api-key: ${apiKey})
  redis     ${redis.note}
  cron      ${cron}${hook ? ` → incremental rebuild via ${hook.url}` : ''}
Data: ${files.dir}/ · local KV/R2 state: ${stateDir}/ · Ctrl+C stops everything.`);
  if (values['exit-when-ready']) await stop();
}

main().catch(async (err: unknown) => {
  console.error(`npm start failed: ${(err as Error).message}`);
  killAll();
  process.exit(1);
});
