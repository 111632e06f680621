// Feed cursors: what earlier pages of this session served, as 32-bit FNV-1a hashes of the video ids,
// so a later page never repeats one whatever re-ranking, realtime state or published version changed
// between calls. Opaque base64url of little-endian uint32s; the newest CURSOR_SERVED_MAX are kept.
import { fnv1a32 } from '../../models/features/hash.js';
import { CURSOR_SERVED_MAX } from '../config.js';
import { BadRequestError } from '../errors.js';

export const servedHash = (videoId: string) => fnv1a32(videoId);

// btoa/atob exist in workerd; only the URL-safe alphabet and padding need handling here.
export function encodeCursor(served: readonly number[]): string {
  const keep = served.slice(-CURSOR_SERVED_MAX);
  const bytes = new Uint8Array(new Uint32Array(keep).buffer);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(token: string): number[] {
  const bad = () => new BadRequestError('cursor', 'cursor is not one this service issued');
  let bin: string;
  try {
    const b64 = token.replaceAll('-', '+').replaceAll('_', '/');
    bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw bad();
  }
  if (bin.length === 0 || bin.length % 4 !== 0 || bin.length / 4 > CURSOR_SERVED_MAX) throw bad();
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  return [...new Uint32Array(bytes.buffer)];
}
