import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { LATEST_REPORT_KEY } from '../../models/keys.js';

const fetchReport = () => exports.default.fetch(new Request('http://edgefeed.test/report'));

it('says how to make a report when there is none, then serves the published one under a strict CSP', async () => {
  await env.ARTIFACTS.delete(LATEST_REPORT_KEY);
  const missing = await fetchReport();
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('npm run eval');
  await env.ARTIFACTS.put(LATEST_REPORT_KEY, '<!doctype html><title>Evaluation</title><svg></svg>');
  const res = await fetchReport();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(await res.text()).toContain('<title>Evaluation</title>');
});
