// Secret comparison that leaks neither content nor length: both sides are hashed to 32 bytes, then
// compared with workerd's crypto.subtle.timingSafeEqual, and every configured key is compared so
// the time does not say which one matched.

const encoder = new TextEncoder();

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export const digestAll = (keys: string[]): Promise<Uint8Array[]> => Promise.all(keys.map(sha256));

/** True when `presented` equals one of the keys whose digests are given. */
export async function matchesAnyDigest(presented: string, digests: readonly Uint8Array[]): Promise<boolean> {
  const candidate = await sha256(presented);
  let matched = false;
  // The comparison runs first so a match never short-circuits the remaining keys.
  for (const digest of digests) matched = crypto.subtle.timingSafeEqual(candidate, digest) || matched;
  return matched;
}
