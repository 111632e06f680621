import { describe, expect, it } from 'vitest';
import { USER_TOKEN_MAX_CHARS, expiresIn, signUserToken, verifyUserToken } from './user-token-codec.js';

const SECRET = 'test-user-token-secret';
const NOW = 1_800_000_000;
const b64urlBytes = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const b64url = (text: string) => b64urlBytes(new TextEncoder().encode(text));

describe('signUserToken / verifyUserToken', () => {
  it('round-trips the claims of a token that has not expired', async () => {
    const token = await signUserToken(SECRET, { uid: 'u42', exp: NOW + 60 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await verifyUserToken(SECRET, token, NOW)).toEqual({ ok: true, claims: { uid: 'u42', exp: NOW + 60 } });
  });

  it('writes the documented wire format, so any HMAC-SHA256 library can sign one', async () => {
    const claims = { uid: 'u42', exp: NOW + 60 };
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const payload = JSON.stringify(claims);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)));
    expect(await signUserToken(SECRET, claims)).toBe(`${b64url(payload)}.${b64urlBytes(mac)}`);
  });

  it('refuses a token at or after exp', async () => {
    const token = await signUserToken(SECRET, { uid: 'u42', exp: NOW });
    expect(await verifyUserToken(SECRET, token, NOW)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifyUserToken(SECRET, token, NOW - 1)).toMatchObject({ ok: true });
  });

  it('refuses a token signed with another secret, or whose payload was swapped', async () => {
    const token = await signUserToken(SECRET, { uid: 'u42', exp: NOW + 60 });
    expect(await verifyUserToken(`${SECRET}x`, token, NOW)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const forged = `${b64url(JSON.stringify({ uid: 'admin', exp: NOW + 60 }))}.${token.split('.')[1]}`;
    expect(await verifyUserToken(SECRET, forged, NOW)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses malformed tokens before touching their payload', async () => {
    const valid = await signUserToken(SECRET, { uid: 'u42', exp: NOW + 60 });
    for (const token of ['', 'abc', `${valid}.x`, valid.replace('.', '.*'), 'x'.repeat(USER_TOKEN_MAX_CHARS + 1)]) {
      expect(await verifyUserToken(SECRET, token, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a correctly signed payload that is not valid claims', async () => {
    // Signed with the real key over a bad payload, the way a buggy backend would.
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const payload = JSON.stringify({ uid: '', exp: NOW + 60 });
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)));
    const token = `${b64url(payload)}.${b64urlBytes(signature)}`;
    expect(await verifyUserToken(SECRET, token, NOW)).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringContaining('uid') });
  });

  it('will not sign invalid claims', async () => {
    await expect(signUserToken(SECRET, { uid: 'u1', exp: 1.5 })).rejects.toThrow();
    await expect(signUserToken(SECRET, { uid: '', exp: NOW })).rejects.toThrow();
  });

  it('expiresIn counts seconds from now', () => {
    expect(expiresIn(90, NOW * 1000 + 999)).toBe(NOW + 90);
  });
});
