// Runs parsed commands on a real redis-server through ioredis. Replies are Buffers (callBuffer) so the
// gateway's base64 answers carry the exact stored bytes, as Upstash's do.
import { Redis, ReplyError } from 'ioredis';
import { BadRequestError, RedisUnavailableError } from './errors.js';
import type { RedisCommand } from './upstash-protocol.js';

export type Outcome = { ok: true; reply: unknown } | { ok: false; error: string };

export interface RedisExecutor {
  run(command: RedisCommand): Promise<unknown>;
  pipeline(commands: RedisCommand[]): Promise<Outcome[]>;
  multiExec(commands: RedisCommand[]): Promise<Outcome[]>;
  close(): void;
}

export interface RedisExecutorOptions {
  redisUrl: string;
  /** Bound on one command (or one pipeline) when redis-server hangs. */
  commandTimeoutMs?: number;
  log?: (line: string) => void;
}

/** `host:port` of a redis URL, without credentials, for logs and error messages. */
export const redisLabel = (redisUrl: string): string => {
  const url = new URL(redisUrl);
  return `${url.hostname}:${url.port || '6379'}`;
};

export function createRedisExecutor(opts: RedisExecutorOptions): RedisExecutor {
  const label = redisLabel(opts.redisUrl);
  const log = opts.log ?? ((line: string) => console.warn(line));
  // protocol 2: RESP3 nests WITHSCORES replies as pairs, Upstash answers with RESP2's flat arrays.
  // No ioredis enableAutoPipelining: it drops callBuffer's command name, and /pipeline already batches.
  const redis = new Redis(opts.redisUrl, {
    protocol: 2,
    commandTimeout: opts.commandTimeoutMs ?? 5_000,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1, // a request fails within a couple of reconnect attempts instead of hanging
    retryStrategy: (times) => Math.min(50 * times, 500), // keep reconnecting: redis may start later
    autoResendUnfulfilledCommands: false, // never replay a write (INCR) that may already have run
  });
  let outage: string | null = null; // the connection error of the current outage, logged once
  redis.on('error', (err: Error) => {
    if (outage === null) log(`redis-gateway: redis at ${label} unavailable: ${err.message}`);
    outage = err.message;
  });
  redis.on('ready', () => (outage = null));

  // During an outage, name its cause (ECONNREFUSED …) rather than ioredis's retry-limit message.
  const unavailable = (err: unknown) => {
    const cause = outage ?? (err instanceof Error ? err.message : String(err));
    return new RedisUnavailableError(`redis at ${label} unavailable: ${cause}`);
  };
  const toOutcome = ([err, reply]: [Error | null, unknown]): Outcome => {
    if (err === null) return { ok: true, reply };
    if (err instanceof ReplyError) return { ok: false, error: err.message };
    throw unavailable(err);
  };
  // ioredis reshapes some replies (HGETALL → object) by lower-case command name; the upper-cased name
  // gets Redis's own reply, which is what Upstash returns.
  type Target = { callBuffer(...command: [string, ...string[]]): unknown };
  const send = (target: Target, [name, ...args]: RedisCommand) => target.callBuffer((name as string).toUpperCase(), ...args);
  const execBatch = async (commands: RedisCommand[]): Promise<Outcome[]> => {
    const batch = redis.pipeline();
    for (const command of commands) send(batch, command);
    let results: [Error | null, unknown][] | null;
    try {
      results = await batch.exec();
    } catch (err) {
      throw unavailable(err);
    }
    if (results === null) throw unavailable(new Error('pipeline returned no results'));
    return results.map(toOutcome);
  };

  return {
    async run(command) {
      try {
        return await send(redis, command);
      } catch (err) {
        if (err instanceof ReplyError) throw new BadRequestError((err as Error).message);
        throw unavailable(err);
      }
    },
    pipeline: execBatch,
    async multiExec(commands) {
      // MULTI … EXEC written back to back on the one connection: Redis runs them atomically.
      const outcomes = await execBatch([['MULTI'], ...commands, ['EXEC']]);
      const exec = outcomes[outcomes.length - 1];
      if (exec === undefined || !exec.ok) {
        // EXECABORT: report the command that was rejected while queueing, it says what was wrong.
        const queued = outcomes.slice(1, -1).find((o) => !o.ok);
        throw new BadRequestError(queued && !queued.ok ? queued.error : exec && !exec.ok ? exec.error : 'EXEC failed');
      }
      if (!Array.isArray(exec.reply)) throw new BadRequestError('ERR transaction aborted');
      return exec.reply.map((reply): Outcome =>
        reply instanceof Error ? { ok: false, error: reply.message } : { ok: true, reply },
      );
    },
    close: () => redis.disconnect(),
  };
}
