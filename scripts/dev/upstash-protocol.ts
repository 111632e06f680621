// Translation between the Upstash REST protocol and Redis commands/replies, with no I/O.
// Dev-only: production talks to Upstash itself; this mirrors its documented REST semantics.
import { BadRequestError } from './errors.js';

/** A Redis command as sent to redis-server: name first, every argument a string. */
export type RedisCommand = string[];

/** `Upstash-Encoding: base64` asks for every string in a result base64-encoded, except a bare "OK". */
export type ResponseEncoding = 'base64' | 'utf8';

export type ResultEntry = { result: unknown } | { error: string };

// Commands that would change the state of the shared connection (Upstash refuses them over REST too).
const CONNECTION_STATE_COMMANDS = new Set([
  'MULTI', 'EXEC', 'DISCARD', 'WATCH', 'UNWATCH', 'SELECT', 'QUIT', 'RESET', 'MONITOR', 'CLIENT',
  'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'HELLO', 'AUTH',
]);

export const responseEncoding = (header: string | string[] | undefined): ResponseEncoding =>
  String(header ?? '').toLowerCase() === 'base64' ? 'base64' : 'utf8';

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('ERR failed to parse request body as JSON');
  }
}

/** One command from a JSON array such as `["SET", "k", 1]`; numbers and booleans become strings. */
export function parseCommand(value: unknown): RedisCommand {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BadRequestError('ERR request body must be a non-empty JSON array: ["COMMAND", "arg", ...]');
  }
  const command = value.map((arg, i) => {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    throw new BadRequestError(`ERR argument ${i} must be a string or a number, got ${arg === null ? 'null' : typeof arg}`);
  });
  return checkAllowed(command);
}

/** The body of /pipeline and /multi-exec: a non-empty array of commands. */
export function parseCommandList(value: unknown): RedisCommand[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BadRequestError('ERR request body must be a non-empty JSON array of commands: [["SET", "k", "v"], ...]');
  }
  return value.map(parseCommand);
}

/**
 * GET-style commands: `/set/foo/bar` → SET foo bar. A POST body is appended as the last argument and
 * query parameters (other than `_token`) follow it, e.g. `POST /set/foo?EX=100` → SET foo <body> EX 100.
 */
export function commandFromPath(pathname: string, query: URLSearchParams, body: string): RedisCommand {
  const command = pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  if (command.length === 0) throw new BadRequestError('ERR empty command');
  if (body !== '') command.push(body);
  for (const [key, value] of query) {
    if (key === '_token') continue;
    command.push(key);
    if (value !== '') command.push(value);
  }
  return checkAllowed(command);
}

function checkAllowed(command: RedisCommand): RedisCommand {
  const name = (command[0] ?? '').toUpperCase();
  if (name === '') throw new BadRequestError('ERR empty command name');
  if (CONNECTION_STATE_COMMANDS.has(name)) {
    throw new BadRequestError(`ERR command ${name} is not supported over the REST API; use /multi-exec for transactions`);
  }
  return command;
}

/** A top-level result: a bare "OK" stays readable even under base64 (the client relies on it). */
export function encodeResult(reply: unknown, encoding: ResponseEncoding): unknown {
  if (isOk(reply)) return 'OK';
  return encodeValue(reply, encoding);
}

/** Nested values: strings (Buffers from Redis) are encoded, numbers and nulls pass through. */
export function encodeValue(reply: unknown, encoding: ResponseEncoding): unknown {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'number') return reply;
  if (Buffer.isBuffer(reply)) return encoding === 'base64' ? reply.toString('base64') : reply.toString('utf8');
  if (typeof reply === 'string') return encoding === 'base64' ? Buffer.from(reply, 'utf8').toString('base64') : reply;
  if (Array.isArray(reply)) return reply.map((item) => encodeValue(item, encoding));
  if (reply instanceof Error) return { error: reply.message };
  throw new Error(`unexpected Redis reply type: ${typeof reply}`);
}

const isOk = (reply: unknown): boolean =>
  reply === 'OK' || (Buffer.isBuffer(reply) && reply.length === 2 && reply.toString('latin1') === 'OK');
