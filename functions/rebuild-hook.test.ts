import { afterEach, describe, expect, it } from 'vitest';
import { startRebuildHook, type Hook } from './rebuild-hook.js';

let hook: Hook | null = null;
afterEach(async () => hook?.close());

const post = (url: string, token?: string) => fetch(url, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('rebuild hook', () => {
  it('runs the command once per authorised tick and refuses a tick while one runs', async () => {
    hook = await startRebuildHook({ token: 't0ken', command: [process.execPath, '-e', 'setTimeout(() => {}, 400)'], port: 0, log: () => {} });
    expect((await post(hook.url)).status).toBe(401);
    expect((await post(hook.url, 'wrong')).status).toBe(401);
    const first = await post(hook.url, 't0ken');
    expect(first.status).toBe(202);
    expect(hook.running()).toBe(true);
    expect((await post(hook.url, 't0ken')).status).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.running()).toBe(false);
    expect((await post(hook.url, 't0ken')).status).toBe(202);
    expect(hook.runs()).toBe(2);
  });
});
