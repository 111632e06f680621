// FNV-1a 32 over the UTF-8 bytes of a string: stable across runtimes and languages, so an id lands in
// the same embedding row in training (Node) and serving (workerd). Hand-written: it is eight lines.
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h = Math.imul(h ^ byte, 0x01000193);
  };
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) mix(c);
    else if (c < 0x800) (mix(0xc0 | (c >> 6)), mix(0x80 | (c & 63)));
    else if (c < 0x10000) (mix(0xe0 | (c >> 12)), mix(0x80 | ((c >> 6) & 63)), mix(0x80 | (c & 63)));
    else (mix(0xf0 | (c >> 18)), mix(0x80 | ((c >> 12) & 63)), mix(0x80 | ((c >> 6) & 63)), mix(0x80 | (c & 63)));
  }
  return h >>> 0;
}

/** Embedding row of an id: hash mod buckets. */
export const bucketOf = (value: string, buckets: number): number => fnv1a32(value) % buckets;
