// The auth and CORS settings the worker reads from its env, the headers they use, and how an
// operator sets each one. Keys and the token secret are secrets; the switches are plain vars.

export type AuthVars = {
  /** Comma-separated API keys for events and admin routes (a secret). */
  EDGEFEED_API_KEYS?: string;
  /** '1' or 'true': the feed requires a signed user token. */
  REQUIRE_USER_TOKEN?: string;
  /** HMAC-SHA256 key that signs user tokens (a secret). */
  USER_TOKEN_SECRET?: string;
  /** Comma-separated origins allowed cross-origin, or '*'; empty: same-origin only. */
  CORS_ALLOWED_ORIGINS?: string;
};

export const API_KEY_HEADER = 'x-api-key';
export const USER_TOKEN_HEADER = 'x-user-token';

export const API_KEYS_HINT =
  'set EDGEFEED_API_KEYS (comma-separated keys): `npx wrangler secret put EDGEFEED_API_KEYS` (locally: a line in .dev.vars)';
export const USER_TOKEN_SECRET_HINT =
  'REQUIRE_USER_TOKEN is on but USER_TOKEN_SECRET is not set: `npx wrangler secret put USER_TOKEN_SECRET` (locally: a line in .dev.vars)';

/** Splits a comma-separated setting into its trimmed, non-empty entries. */
export const parseList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const isOn = (flag: string | undefined): boolean => {
  const v = flag?.trim().toLowerCase();
  return v === '1' || v === 'true';
};
