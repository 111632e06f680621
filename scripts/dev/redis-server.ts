// Starts and stops a local redis-server for tests (no persistence) and the dev stack (append-only
// file under a given dir). Dev-only: production uses Upstash.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisServerStartError } from './errors.js';

export const INSTALL_HINT = 'install it with `apt-get install -y redis-server` (or put redis-server on PATH)';
const START_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_INTERVAL_MS = 50;

export interface RedisServerOptions {
  port: number;
  /** Working dir of redis-server; with `persist` the append-only file lives here. */
  dir: string;
  /** Keep data across restarts (dev stack); tests run without persistence. */
  persist?: boolean;
  /** redis-server binary; found on PATH when omitted. */
  bin?: string;
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const defaultSearchDirs = () => [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];

/** Path of redis-server in `dirs` (PATH, then /usr/bin and /usr/local/bin), or null when not installed. */
export function findRedisServer(dirs = defaultSearchDirs()): string | null {
  for (const dir of dirs.filter((d) => d !== '')) {
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this dir
    }
  }
  return null;
}

/** True when a Redis at `url` answers PING within `timeoutMs`. */
export async function isRedisUp(url: string, timeoutMs = 1_000): Promise<boolean> {
  return (await probe(url, timeoutMs, async (redis) => (await redis.ping()) === 'PONG')) === true;
}

/** The pid of the redis-server answering at `url`, or null: tells our child from another server on the port. */
const serverPid = (url: string, timeoutMs: number) =>
  probe(url, timeoutMs, async (redis) => Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]));

async function probe<T>(url: string, timeoutMs: number, ask: (redis: Redis) => Promise<T>): Promise<T | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    protocol: 2,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  redis.on('error', () => {}); // a refused connection is the answer here, not an event to report
  try {
    await redis.connect();
    return await ask(redis);
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

export async function startRedisServer(opts: RedisServerOptions): Promise<RedisServer> {
  const bin = opts.bin ?? findRedisServer();
  if (bin === null) throw new RedisServerStartError(`redis-server not found: ${INSTALL_HINT}`);
  mkdirSync(opts.dir, { recursive: true });
  const persistence = opts.persist ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no'];
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--dir', opts.dir, '--save', '', ...persistence];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = ''; // the tail of redis-server's log, quoted when it fails to start
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-2_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let ended: string | null = null;
  const end = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => resolve(void (ended ??= `exited with ${signal ?? `code ${code}`}`)));
    child.once('error', (err) => resolve(void (ended ??= `could not be run: ${err.message}`)));
  });

  const url = `redis://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await serverPid(url, 500)) !== child.pid) {
    if (ended !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const why = ended ?? `did not answer PING within ${START_TIMEOUT_MS} ms`;
      throw new RedisServerStartError(`redis-server (${bin}) on port ${opts.port} ${why}\n${output.trim()}`.trim());
    }
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  return {
    url,
    stop: async () => {
      if (ended !== null) return;
      child.kill('SIGTERM'); // redis-server flushes the append-only file on SIGTERM
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await end;
      clearTimeout(timer);
    },
  };
}
