// Reads the published manifest (`manifest:current`). A KV outage serves the last manifest this
// isolate read successfully ('stale'), so a blip never empties feeds; a bad value throws nowhere
// but is reported as 'error' and logged, since the pointer is written only by the publisher.
import { MANIFEST_POINTER_KEY } from '../../models/keys.js';
import { ManifestSchema, type Artifact, type Manifest } from '../../models/schemas.js';
import { describeError, withBudget } from '../budget.js';
import { CorruptValueError } from './errors.js';

export type ManifestRead =
  | { status: 'ok'; manifest: Manifest; ms: number }
  | { status: 'stale'; manifest: Manifest; ms: number; detail: string }
  | { status: 'missing'; manifest: null; ms: number }
  | { status: 'timeout' | 'error'; manifest: null; ms: number; detail: string };

export type ManifestReader = { readCurrent(): Promise<ManifestRead> };
export type ManifestMemo = { last: Manifest | null };

/** Per-isolate memory of the last good manifest. */
export const isolateManifestMemo: ManifestMemo = { last: null };

export function kvManifestReader(
  kv: Pick<KVNamespace, 'get'>,
  opts: { cacheTtlSeconds: number; budgetMs: number; memo?: ManifestMemo },
): ManifestReader {
  const memo = opts.memo ?? isolateManifestMemo;
  const load = async () => {
    const raw = await kv.get(MANIFEST_POINTER_KEY, { cacheTtl: opts.cacheTtlSeconds });
    if (raw === null) return null;
    const parsed = ManifestSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new CorruptValueError('kv', MANIFEST_POINTER_KEY, parsed.error);
    return parsed.data;
  };
  return {
    async readCurrent() {
      const read = await withBudget(opts.budgetMs, load);
      if (read.status === 'ok') {
        if (read.value === null) return { status: 'missing', manifest: null, ms: read.ms };
        memo.last = read.value;
        return { status: 'ok', manifest: read.value, ms: read.ms };
      }
      const detail = read.status === 'timeout' ? `no answer within ${read.budgetMs} ms` : describeError(read.error);
      if (read.status === 'error') console.error(`manifest read failed: ${detail}`);
      if (memo.last) return { status: 'stale', manifest: memo.last, ms: read.ms, detail };
      return { status: read.status, manifest: null, ms: read.ms, detail };
    },
  };
}

/** The KV key prefix of a per-entity artifact, or null if this manifest does not publish it in KV. */
export function kvArtifactPrefix(manifest: Manifest, artifact: string): string | null {
  const a: Artifact | undefined = manifest.artifacts[artifact];
  return a?.store === 'kv' ? a.key : null;
}

/**
 * The KV key prefixes to read a per-entity artifact through, newest layer first (one for a full
 * build), or null if this manifest does not publish it in KV.
 */
export function kvArtifactLayers(manifest: Manifest, artifact: string): string[] | null {
  const a: Artifact | undefined = manifest.artifacts[artifact];
  return a?.store === 'kv' ? [a.key, ...(a.fallback_keys ?? [])] : null;
}
