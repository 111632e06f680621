// The central side of the cron: a small HTTP endpoint the worker's scheduled() calls. It runs one
// rebuild at a time as a child process (a tick while one runs is answered 409, not queued: the next
// tick picks up whatever arrived meanwhile). On a batch platform or a Queues consumer the same POST
// body is the job message; locally `npm start` runs this next to wrangler dev.
import { spawn, type ChildProcess } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export type HookOptions = {
  token: string;
  /** The command a tick runs, e.g. ['npx', 'tsx', 'functions/run.ts', 'rebuild']. */
  command: string[];
  port: number;
  host?: string;
  log?: (l: string) => void;
};
export type Hook = { url: string; runs: () => number; running: () => boolean; close(): Promise<void> };

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startRebuildHook(o: HookOptions): Promise<Hook> {
  const log = o.log ?? console.log;
  let child: ChildProcess | null = null;
  let runs = 0;
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/rebuild') return reply(404, { error: { code: 'not_found', message: 'POST /rebuild' } });
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(auth, o.token)) return reply(401, { error: { code: 'unauthorized', message: 'missing or wrong bearer token' } });
    if (child) return reply(409, { error: { code: 'busy', message: 'a rebuild is already running' } });
    runs++;
    log(`rebuild hook: tick ${runs}: ${o.command.join(' ')}`);
    child = spawn(o.command[0]!, o.command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => {
      log(`rebuild hook: tick ${runs} ${code === 0 ? 'done' : `failed (exit ${code}); the served version is unchanged`}`);
      child = null;
    });
    reply(202, { accepted: true, run: runs });
  });
  await new Promise<void>((resolve) => server.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}/rebuild`,
    runs: () => runs,
    running: () => child !== null,
    close: () =>
      new Promise<void>((resolve) => {
        child?.kill('SIGTERM');
        server.close(() => resolve());
      }),
  };
}
