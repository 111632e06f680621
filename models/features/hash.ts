// FNV-1a 32 over the UTF-8 bytes of a string: stable across runtimes and languages, so an id lands in
// the same embedding row in training (Node) and serving (workerd). Hand-written: it is a dozen lines.
/** UTF-8 lead byte of a character followed by n continuation bytes. */
const LEAD = [0, 0xc0, 0xe0, 0xf0];

export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    // The UTF-8 bytes of c, mixed in order (no closure: this runs for every id of every feature row).
    if (c < 0x80) h = Math.imul(h ^ c, 0x01000193);
    else {
      const n = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
      h = Math.imul(h ^ (LEAD[n]! | (c >> (6 * n))), 0x01000193);
      for (let k = n - 1; k >= 0; k--) h = Math.imul(h ^ (0x80 | ((c >> (6 * k)) & 63)), 0x01000193);
    }
  }
  return h >>> 0;
}

/** Embedding row of an id: hash mod buckets. */
export const bucketOf = (value: string, buckets: number): number => fnv1a32(value) % buckets;
