// Dev-only gateway speaking the Upstash REST protocol over a local redis-server, so the worker's
// @upstash/redis client runs with no Upstash account. Production uses Upstash itself.
//   POST /            ["SET","k","v"]          → {"result": ...}
//   POST /pipeline    [["SET","k","v"], ...]   → [{"result": ...} | {"error": ...}, ...]
//   POST /multi-exec  same, run atomically      → same
//   GET|POST /set/k/v (path commands), GET / health (no token needed)
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayError, UnauthorizedError } from './errors.js';
import { createRedisExecutor, redisLabel, type Outcome, type RedisExecutor } from './redis-executor.js';
import * as protocol from './upstash-protocol.js';

export interface GatewayOptions {
  redisUrl: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  commandTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Gateway {
  /** e.g. http://127.0.0.1:8079: the value for UPSTASH_REDIS_REST_URL. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT']);

export async function createGateway(opts: GatewayOptions): Promise<Gateway> {
  if (opts.token === '') throw new Error('createGateway: token must not be empty');
  const log = opts.log ?? ((line: string) => console.log(line));
  const executor = createRedisExecutor({ redisUrl: opts.redisUrl, commandTimeoutMs: opts.commandTimeoutMs, log });
  const tokenDigest = sha256(opts.token);
  const authorized = (req: IncomingMessage, url: URL): boolean => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : url.searchParams.get('_token');
    return given !== null && timingSafeEqual(sha256(given), tokenDigest);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof GatewayError ? err.status : 500;
      send(res, status, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const method = req.method ?? 'GET';
    if (!ALLOWED_METHODS.has(method)) throw new GatewayError(`Method ${method} not allowed`, 405);
    if ((method === 'GET' || method === 'HEAD') && url.pathname === '/') {
      await executor.run(['PING']); // health: answers 503 when redis-server is down
      return send(res, 200, { status: 'ok', redis: redisLabel(opts.redisUrl) });
    }
    if (!authorized(req, url)) throw new UnauthorizedError();
    const body = await readBody(req);
    send(res, 200, await dispatch(executor, url, body, protocol.responseEncoding(req.headers['upstash-encoding'])));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;
  log(`redis-gateway: Upstash REST on ${url} → redis ${redisLabel(opts.redisUrl)} (dev only)`);
  return {
    url,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // @upstash/redis keeps connections alive
      await closed;
      executor.close();
    },
  };
}

async function dispatch(executor: RedisExecutor, url: URL, body: string, encoding: protocol.ResponseEncoding) {
  const entry = (o: Outcome): protocol.ResultEntry =>
    o.ok ? { result: protocol.encodeResult(o.reply, encoding) } : { error: o.error };
  const single = async (command: protocol.RedisCommand) => ({
    result: protocol.encodeResult(await executor.run(command), encoding),
  });
  switch (url.pathname) {
    case '/':
      return single(protocol.parseCommand(protocol.parseJsonBody(body)));
    case '/pipeline':
      return (await executor.pipeline(protocol.parseCommandList(protocol.parseJsonBody(body)))).map(entry);
    case '/multi-exec':
      return (await executor.multiExec(protocol.parseCommandList(protocol.parseJsonBody(body)))).map(entry);
    default:
      return single(protocol.commandFromPath(url.pathname, url.searchParams, body));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new GatewayError(`request body larger than ${MAX_BODY_BYTES} bytes`, 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();
