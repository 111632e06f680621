// Ranked lists (per-user candidates, trending) read from Workers KV with the shared codec.
import { decodeList, type RankedList } from '../../models/candidates.js';
import { CorruptValueError, StoreUnavailableError } from './errors.js';

export type ListStore = { getList(key: string): Promise<RankedList | null> };

/** `cacheTtlSeconds` lets the edge isolate's colo cache hold a list; keys are versioned so it never goes stale. */
export const kvListStore = (kv: Pick<KVNamespace, 'get'>, opts: { cacheTtlSeconds: number }): ListStore => ({
  async getList(key) {
    let raw: string | null;
    try {
      raw = await kv.get(key, { cacheTtl: opts.cacheTtlSeconds });
    } catch (cause) {
      throw new StoreUnavailableError('kv', `get '${key}' failed`, { cause });
    }
    if (raw === null) return null;
    try {
      return decodeList(raw);
    } catch (cause) {
      throw new CorruptValueError('kv', key, cause);
    }
  },
});
