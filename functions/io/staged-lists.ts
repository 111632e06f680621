// Staged list files (KV_LIST_ARTIFACTS) hold every list already in its KV form, the encoding of
// models/candidates.ts, one per line: publishing copies each line as a KV value after checking it, and
// a rebuild writes lists from columns without building an object per item.
import { decodeList, encodeColumns, encodeList, EncodedListSchema, type ListColumns, type ListHead, type RankedList } from '../../models/candidates.js';
import { ndjsonWriter, readLines } from './ndjson.js';

export function listWriter(path: string, o: { gzipLevel?: number } = {}) {
  const w = ndjsonWriter(path, o);
  return {
    get rows() {
      return w.rows;
    },
    write: (list: RankedList) => w.writeLine(encodeList(list)),
    writeColumns: (head: ListHead, columns: ListColumns) => w.writeLine(encodeColumns(head, columns)),
    close: () => w.close(),
  };
}
export type ListWriter = ReturnType<typeof listWriter>;

/** Each staged list's key and its KV value (the line), checked against the encoding's schema. */
export async function* readStagedValues(path: string): AsyncGenerator<{ key: string; value: string }> {
  for await (const { line, lineNo } of readLines(path)) {
    let key: string;
    try {
      key = EncodedListSchema.parse(JSON.parse(line)).key;
    } catch (err) {
      throw new Error(`${path}:${lineNo}: not an encoded list (${(err as Error).message})`);
    }
    yield { key, value: line };
  }
}

/** Each staged list decoded (tests, evaluation, tools). */
export async function* readStagedLists(path: string): AsyncGenerator<RankedList> {
  for await (const { value } of readStagedValues(path)) yield decodeList(value);
}
