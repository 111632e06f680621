// Feed cursors: opaque base64url JSON of { offset, version }. The offset counts stream positions
// consumed by earlier pages; a cursor from another version restarts at the top of the new lists.
import { z } from 'zod';
import { CURSOR_OFFSET_MAX } from '../config.js';
import { BadRequestError } from '../errors.js';

const CursorSchema = z.object({
  offset: z.number().int().min(0).max(CURSOR_OFFSET_MAX),
  version: z.string().min(1).max(64),
});
export type Cursor = z.infer<typeof CursorSchema>;

// btoa/atob exist in workerd; only the URL-safe alphabet and padding need handling here.
export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(token: string): Cursor {
  let json: unknown;
  try {
    const b64 = token.replaceAll('-', '+').replaceAll('_', '/');
    json = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    throw new BadRequestError('cursor', 'cursor is not one this service issued');
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) throw new BadRequestError('cursor', 'cursor is not one this service issued');
  return parsed.data;
}

/** Where this page starts: the cursor's offset if it belongs to the current version, else 0. */
export const startOffset = (cursor: Cursor | null, version: string) =>
  cursor && cursor.version === version ? { offset: cursor.offset, restarted: false } : { offset: 0, restarted: cursor !== null };
