import { env, SELF } from 'cloudflare:test';
import { expect, it } from 'vitest';
it('boots', async () => {
  await env.FEED_KV.put('a', 'b');
  expect(await env.FEED_KV.get('a')).toBe('b');
  expect(await (await SELF.fetch('http://x/')).text()).toBe('ok');
});
