// The local stack `npm start` runs, on free ports and a given state dir: redis-server + the Upstash REST
// gateway (startLocalRedis) and `wrangler dev --persist-to <stateDir>` in its own process group.
// The developer's .dev.vars is never read or written: the token goes in an env file of our own
// (`--env-file` makes wrangler skip .dev.vars) and the gateway URL in a `--var`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../dev/free-port.js';
import { startLocalRedis } from '../../dev/start-redis.js';

export type LocalStack = {
  base: string;
  /** The API key POST /v1/events and /v1/videos take on this stack. */
  apiKey: string;
  /** How realtime is served (or why it is off). */
  redisNote: string;
  /** What /healthz answered once the worker was up. */
  health: unknown;
  stop(): Promise<void>;
  /** Synchronous signals only, for a process 'exit' handler where nothing can be awaited. */
  stopNow(): void;
};

const WRANGLER_START_TIMEOUT_MS = 120_000;
const LOG_TAIL_CHARS = 4_000;

/** The pid of the redis-server at `url`, so an 'exit' handler can stop it without awaiting anything. */
async function redisPid(url: string): Promise<number | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]) || null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

async function waitForHealth(base: string, exited: () => string | null, tail: () => string): Promise<unknown> {
  const deadline = Date.now() + WRANGLER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone) throw new Error(`wrangler dev ${gone} before answering\n${tail()}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`wrangler dev did not answer ${base}/healthz within ${WRANGLER_START_TIMEOUT_MS / 1000} s\n${tail()}`);
}

export type LocalStackOptions = {
  stateDir: string;
  /** Where the env file goes (a temp dir of the caller's). */
  workDir: string;
  /** Receives stopNow as soon as there is something to stop, before the worker answers. */
  onSpawned?: (stopNow: () => void) => void;
  /** Worker settings for this stack (they override wrangler.toml's [vars]), e.g. FEED_BUDGET_MS. */
  vars?: Record<string, string>;
};

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const token = randomBytes(24).toString('hex');
  // A port of our own: startLocalRedis would reuse a developer's redis-server found on the default one.
  const redis = await startLocalRedis({ redisPort: await freePort(), gatewayPort: await freePort(), token, stateDir: o.stateDir });
  // Only a server startLocalRedis started (its note says so) is ours to signal.
  const pid = redis.redisUrl && /\(started/.test(redis.note) ? await redisPid(redis.redisUrl) : null;
  const stopRedisNow = () => {
    if (pid) signal(pid, 'SIGTERM');
  };

  const envFile = join(o.workDir, 'bench.env');
  const apiKey = o.vars?.EDGEFEED_API_KEYS ?? randomBytes(16).toString('hex');
  const vars = { ...o.vars, UPSTASH_REDIS_REST_TOKEN: token, EDGEFEED_API_KEYS: apiKey };
  writeFileSync(envFile, Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [
    'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(await freePort()),
    '--persist-to', o.stateDir, '--show-interactive-dev-session=false', '--env-file', envFile,
    // No gateway (redis-server not installed): an empty URL turns realtime off, as in production.
    '--var', `UPSTASH_REDIS_REST_URL:${redis.gateway?.url ?? ''}`,
  ];
  const wrangler = spawn('node_modules/.bin/wrangler', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: signalling the group stops the workerd it spawns too
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS));
  wrangler.stdout.on('data', keep);
  wrangler.stderr.on('data', keep);
  let exited: string | null = null;
  const ended = new Promise<void>((resolve) => {
    wrangler.once('exit', (code, sig) => resolve(void (exited ??= `exited (${sig ?? code})`)));
    wrangler.once('error', (err) => resolve(void (exited ??= `could not be run (${err.message})`)));
  });
  // The whole group, even when wrangler itself is gone: its workerd may still be running.
  const stopWranglerNow = () => {
    if (wrangler.pid) signal(-wrangler.pid, 'SIGTERM');
  };
  const stopNow = () => {
    stopWranglerNow();
    stopRedisNow();
  };
  o.onSpawned?.(stopNow);
  const stop = async () => {
    stopWranglerNow();
    const kill = setTimeout(() => wrangler.pid && signal(-wrangler.pid, 'SIGKILL'), 5_000);
    await ended;
    clearTimeout(kill);
    await redis.stop();
  };
  try {
    const health = await waitForHealth(base, () => exited, () => log.trim());
    return { base, apiKey, redisNote: redis.note, health, stop, stopNow };
  } catch (err) {
    await stop();
    throw err;
  }
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}
