// Which hashed id rows were trained, and by which id: one 32-bit fingerprint per bucket (1/idDim of the
// table's size). A new id whose bucket belongs to another id is treated as unknown instead of silently
// borrowing that id's embedding, so a cold video's vector comes from its content features.
import { fnv1a32 } from '../../models/features/hash.js';
import { idRow, UNKNOWN_ID_ROW } from './features.js';

const EMPTY = 0;
/** Two training ids share the bucket: any id hashing there gets the (mixed) row, as plain hashing would. */
const SHARED = 0xffffffff;

/** A second hash, independent of the bucket hash, mapped into 1..2³²−2 (0 and SHARED are markers). */
const fingerprint = (id: string) => 1 + (fnv1a32(`#${id}`) % 0xfffffffe);

export type KnownIds = {
  owners: Uint32Array;
  add(videoId: string): void;
  /** The id's row if training saw that id (or a colliding shared bucket), else the unknown row. */
  row(videoId: string): number;
  /** Same as row() but -1 instead of the unknown row. */
  knownRow(videoId: string): number;
};

export function knownIds(buckets: number, owners: Uint32Array = new Uint32Array(buckets)): KnownIds {
  const knownRow = (id: string) => {
    const r = idRow(id, buckets), o = owners[r]!;
    return o === SHARED || (o !== EMPTY && o === fingerprint(id)) ? r : -1;
  };
  return {
    owners,
    add(id) {
      const r = idRow(id, buckets), f = fingerprint(id), o = owners[r]!;
      owners[r] = o === EMPTY || o === f ? f : SHARED;
    },
    row: (id) => {
      const r = knownRow(id);
      return r < 0 ? UNKNOWN_ID_ROW : r;
    },
    knownRow,
  };
}
