// Raw Redis replies (the store runs @upstash/redis with automaticDeserialization off, so ids such as
// "1e5" stay strings) checked and turned into values. A reply of another shape throws: that is a
// protocol or key-type bug, never a miss.
import { z } from 'zod';
import type { VideoRef } from '../stores/realtime-store.js';

const Strings = z.array(z.string());
const NullableStrings = z.array(z.string().nullable());
const NumberLike = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i).transform(Number)]);

/** ZRANGE, SMEMBERS... */
export const stringList = (reply: unknown): string[] => Strings.parse(reply);
/** MGET, HMGET: null where the key or field is absent. */
export const nullableList = (reply: unknown): (string | null)[] => NullableStrings.parse(reply);

/** The apply script's reply: 1 or 0 per event. */
export const flagList = (reply: unknown): number[] => z.array(z.union([z.literal(0), z.literal(1)])).parse(reply);

/** A counter value (HINCRBY/HINCRBYFLOAT), 0 when absent. */
export const counter = (value: string | null): number => (value === null ? 0 : NumberLike.parse(value));

/** HGETALL as a flat [field, value, ...] list of counters. */
export function counterHash(reply: unknown): Map<string, number> {
  const flat = nullableList(reply ?? []);
  if (flat.length % 2 !== 0) throw new Error(`HGETALL reply of odd length ${flat.length}`);
  const out = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) out.set(flat[i]!, counter(flat[i + 1]!));
  return out;
}

// ---- video refs: `rt:vref:<video_id>` ----
const StoredRefSchema = z.object({ c: z.string().min(1), k: z.string() });
export const encodeVideoRef = (r: VideoRef): string => JSON.stringify({ c: r.creator_id, k: r.category });
export function decodeVideoRef(raw: string): VideoRef {
  const r = StoredRefSchema.parse(JSON.parse(raw));
  return { creator_id: r.c, category: r.k };
}
