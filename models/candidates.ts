// Ranked video lists as stored in KV: per-user candidates, regional trending, related videos.
// Columnar JSON with interned creators/categories, a source bitmask, scores quantised to 1e-4 and the
// per-task predictions packed as base64 uint16: about a quarter of the row-wise JSON (candidates.test.ts
// measures it), still readable with `wrangler kv get`.
import { z } from 'zod';

// Append only: an item's sources are stored as a bitmask over this order.
export const SOURCES = ['popular', 'trending', 'collaborative', 'item2item', 'followed', 'category', 'fresh', 'two_tower'] as const;
export type SourceName = (typeof SOURCES)[number];
/** Per-task predictions carried with each candidate, in this order (the MMoE heads). */
export const TASKS = ['click', 'watch', 'like', 'finish', 'dislike'] as const;

export type RankedItem = {
  video_id: string;
  creator_id: string;
  category: string;
  sources: SourceName[];
  score: number;
  preds?: number[];
  cluster?: number;
  /** Upload time (epoch ms); stored to the whole minute, so it reads back floored. */
  upload_ts?: number;
};
export type RankedList = { key: string; version: string; generated_at: number; items: RankedItem[] };

const SCALE = 10_000;
const U16 = 65_535;
/** Upper end of each task's stored range: probabilities in [0, 1]; watch is E[log(1+sec)] ≤ log(1+86400). */
const PRED_MAX = TASKS.map((t) => (t === 'watch' ? 12 : 1));

/** A prediction as the codec stores it (clamped to its task's range, 1/65535 of it per step). */
export const storedPred = (task: number, v: number) => {
  const max = PRED_MAX[task % TASKS.length]!;
  return (Math.round((Math.min(max, Math.max(0, v)) / max) * U16) / U16) * max;
};
export const storedScore = (v: number) => Math.round(v * SCALE) / SCALE;
export const storedUploadMinute = (ms: number) => Math.floor(ms / 60_000);

// atob/btoa exist in workerd and Node 20 alike; no library needed for two calls.
function pack(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const max = PRED_MAX[i % TASKS.length]!;
    const q = Math.round((Math.min(max, Math.max(0, values[i]!)) / max) * U16);
    bytes[2 * i] = q & 0xff;
    bytes[2 * i + 1] = q >> 8;
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(bin);
}
function unpack(b64: string): number[] {
  const bin = atob(b64);
  const out = new Array<number>(bin.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = ((bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8)) / U16) * PRED_MAX[i % TASKS.length]!;
  return out;
}

// Plain numbers, not .int(): integer checks cost 5× on the edge's hot path; bad refs fail in lookup().
const ints = z.array(z.number());

export const EncodedListSchema = z
  .object({
    f: z.literal(1),
    key: z.string(),
    ver: z.string(),
    at: z.number().int(),
    ids: z.array(z.string()),
    cr: z.array(z.string()),
    c: ints,
    cat: z.array(z.string()),
    k: ints,
    src: ints,
    s: ints,
    /** Per-task predictions, item-major, uint16 little-endian (p / task max × 65535), base64. */
    p: z.string().optional(),
    cl: ints.optional(),
    /** Upload times in whole minutes since the epoch (optional: the light ranker's candidate age). */
    u: ints.optional(),
  })
  .refine((e) => [e.c, e.k, e.src, e.s].every((col) => col.length === e.ids.length), 'column lengths differ')
  .refine((e) => !e.u || e.u.length === e.ids.length, 'u must hold one upload time per item')
  .refine((e) => !e.p || e.p.length === 4 * Math.ceil((e.ids.length * TASKS.length * 2) / 3), 'p must hold one row of predictions per item');
export type EncodedList = z.infer<typeof EncodedListSchema>;

const intern = (values: string[]) => {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const refs = values.map((v) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = dict.push(v) - 1));
    return i;
  });
  return { dict, refs };
};

/**
 * A list as columns, one entry per item: what a rebuild assembles for thousands of lists without an
 * object per item. `preds` is item-major (TASKS.length per item); absent columns are not stored.
 */
export type ListColumns = {
  ids: string[];
  creators: string[];
  categories: string[];
  /** Source bitmask per item (sourceMask). */
  sources: ArrayLike<number>;
  scores: ArrayLike<number>;
  preds?: ArrayLike<number>;
  clusters?: ArrayLike<number>;
  uploadTs?: ArrayLike<number>;
};
export type ListHead = Pick<RankedList, 'key' | 'version' | 'generated_at'>;

/** Bitmask of an item's sources (bit i = SOURCES[i]). */
export const sourceMask = (sources: readonly SourceName[]) =>
  sources.reduce((mask, s) => {
    const bit = SOURCES.indexOf(s);
    if (bit < 0) throw new Error(`unknown candidate source '${s}'`);
    return mask | (1 << bit);
  }, 0);
const maskSources = (mask: number) => SOURCES.filter((_, bit) => mask & (1 << bit));

/** The stored form (the KV value) of a list given as columns. */
export function encodeColumns(head: ListHead, c: ListColumns): string {
  const n = c.ids.length;
  const creators = intern(c.creators);
  const cats = intern(c.categories);
  const encoded: EncodedList = {
    f: 1,
    key: head.key,
    ver: head.version,
    at: head.generated_at,
    ids: c.ids,
    cr: creators.dict,
    c: creators.refs,
    cat: cats.dict,
    k: cats.refs,
    src: Array.from(c.sources),
    s: Array.from(c.scores, (v) => Math.round(v * SCALE)),
    ...(n > 0 && c.preds && { p: pack(c.preds) }),
    ...(n > 0 && c.clusters && { cl: Array.from(c.clusters) }),
    ...(n > 0 && c.uploadTs && { u: Array.from(c.uploadTs, storedUploadMinute) }),
  };
  return JSON.stringify(encoded);
}

export function encodeList(list: RankedList): string {
  const { items } = list;
  const all = <K extends keyof RankedItem>(k: K) => items.every((i) => i[k] !== undefined);
  return encodeColumns(list, {
    ids: items.map((i) => i.video_id),
    creators: items.map((i) => i.creator_id),
    categories: items.map((i) => i.category),
    sources: items.map((i) => sourceMask(i.sources)),
    scores: items.map((i) => i.score),
    ...(items.every((i) => i.preds?.length === TASKS.length) && { preds: items.flatMap((i) => i.preds!) }),
    ...(all('cluster') && { clusters: items.map((i) => i.cluster!) }),
    ...(all('upload_ts') && { uploadTs: items.map((i) => i.upload_ts!) }),
  });
}

function lookup(dict: string[], ref: number, name: string): string {
  const v = dict[ref];
  if (v === undefined) throw new Error(`ranked list: reference ${ref} is not in ${name}`);
  return v;
}

/** Throws on a malformed value: a list that does not parse is a bug or corruption, not a miss. */
export function decodeList(json: string | unknown): RankedList {
  const e = EncodedListSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
  const n = TASKS.length;
  const preds = e.p ? unpack(e.p) : undefined;
  return {
    key: e.key,
    version: e.ver,
    generated_at: e.at,
    items: e.ids.map((video_id, i) => {
      const item: RankedItem = {
        video_id,
        creator_id: lookup(e.cr, e.c[i]!, 'cr'),
        category: lookup(e.cat, e.k[i]!, 'cat'),
        sources: maskSources(e.src[i]!),
        score: e.s[i]! / SCALE,
      };
      if (preds) item.preds = preds.slice(i * n, i * n + n);
      if (e.cl) item.cluster = e.cl[i]!;
      if (e.u) item.upload_ts = e.u[i]! * 60_000;
      return item;
    }),
  };
}
