// The signed user token the feed can require:
//   base64url(JSON {uid, exp}) '.' base64url(HMAC-SHA256(secret, JSON bytes))
// with exp in epoch seconds. Standard Web Crypto only (no workerd extension, no worker import), so
// an app's backend on Node 20 signs with the same code the edge verifies with.
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';
import { z } from 'zod';
import { UserSchema } from '../../models/schemas.js';

export const UserTokenClaims = z.object({
  uid: UserSchema.shape.user_id,
  /** Expiry, epoch seconds. */
  exp: z.number().int().positive(),
});
export type UserTokenClaims = z.infer<typeof UserTokenClaims>;

/** Longer tokens are refused before any decoding: claims this small never need more. */
export const USER_TOKEN_MAX_CHARS = 1024;

export type UserTokenCheck =
  | { ok: true; claims: UserTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired'; detail: string };

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.clear(); // one live secret per isolate; a rotated one replaces it
    keys.set(secret, key);
  }
  return key;
}

const toBase64Url = (bytes: Uint8Array) =>
  encodeBase64Url(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).replace(/=+$/, '');

function fromBase64Url(segment: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  try {
    return decodeBase64Url(segment + '='.repeat((4 - (segment.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** Epoch seconds `ttlSeconds` from now, for `exp`. */
export const expiresIn = (ttlSeconds: number, nowMs = Date.now()) => Math.floor(nowMs / 1000) + ttlSeconds;

export async function signUserToken(secret: string, claims: UserTokenClaims): Promise<string> {
  const payload = encoder.encode(JSON.stringify(UserTokenClaims.parse(claims)));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
}

/** Checks the signature (crypto.subtle.verify compares in constant time), then the claims, then exp. */
export async function verifyUserToken(secret: string, token: string, nowSeconds: number): Promise<UserTokenCheck> {
  if (token.length > USER_TOKEN_MAX_CHARS) return { ok: false, reason: 'malformed', detail: `longer than ${USER_TOKEN_MAX_CHARS} characters` };
  const parts = token.split('.');
  const payload = parts.length === 2 ? fromBase64Url(parts[0]!) : null;
  const signature = parts.length === 2 ? fromBase64Url(parts[1]!) : null;
  if (!payload || !signature) return { ok: false, reason: 'malformed', detail: 'expected base64url(payload).base64url(signature)' };
  if (!(await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, payload))) {
    return { ok: false, reason: 'bad-signature', detail: 'signature does not match' };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(payload));
  } catch {
    return { ok: false, reason: 'malformed', detail: 'payload is not JSON' };
  }
  const claims = UserTokenClaims.safeParse(json);
  if (!claims.success) {
    const issue = claims.error.issues[0];
    return { ok: false, reason: 'malformed', detail: `payload ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`.trim() };
  }
  if (claims.data.exp <= nowSeconds) return { ok: false, reason: 'expired', detail: `expired at ${new Date(claims.data.exp * 1000).toISOString()}` };
  return { ok: true, claims: claims.data };
}
