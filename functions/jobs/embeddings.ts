// Job: collaborative user/item vectors by implicit ALS over engagement-weighted interactions. A full
// run trains both sides; an incremental run keeps the parent's item vectors and folds in only the
// users with new events (one least-squares solve each), carrying the other users' vectors over.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { trainAlsParallel } from '../embeddings/als-parallel.js';
import { foldInUsers, selectRows } from '../embeddings/fold-in.js';
import { buildInteractions } from '../embeddings/interactions.js';
import { readVectorsFile, writeVectorsFile, type Vectors } from '../embeddings/vectors-file.js';
import type { BuildContext } from '../rebuild/context.js';

export const ALS_USERS_FILE = 'als-users.efv';
export const ALS_ITEMS_FILE = 'als-items.efv';

export async function embeddingsJob(ctx: BuildContext): Promise<void> {
  const pass = await ctx.pass();
  await ctx.stage('embeddings', async () => {
    const f = ctx.config.alsFactors;
    const matrix = buildInteractions(
      { [Symbol.iterator]: () => triples(pass.triples) },
      { users: pass.userIds.length, items: pass.videoIds.length },
      ctx.config.alsAlpha,
    );
    const parentItems = ctx.parent && join(ctx.parent.dir, ALS_ITEMS_FILE);
    if (parentItems && existsSync(parentItems) && existsSync(join(ctx.parent!.dir, ALS_USERS_FILE))) {
      const items = await readVectorsFile(parentItems);
      const users = await readVectorsFile(join(ctx.parent!.dir, ALS_USERS_FILE));
      const changed = ctx.changedUsers(pass)!;
      const rows = pass.userIds.flatMap((id, row) => (changed.has(id) ? [row] : []));
      const folded = foldInUsers(selectRows(matrix.users, rows), itemTable(items, pass.videoIds), { factors: items.dims, regularization: ctx.config.alsRegularization });
      const merged = mergeVectors(users, rows.map((r) => pass.userIds[r]!), folded);
      await writeVectorsFile(ctx.path(ALS_USERS_FILE), merged);
      await writeVectorsFile(ctx.path(ALS_ITEMS_FILE), items);
      Object.assign(ctx.summary, { als: 'fold-in', als_users_folded: rows.length });
      ctx.log(`  folded in ${rows.length.toLocaleString('en')} users against ${ctx.parent!.version}'s item vectors`);
      return;
    }
    const t0 = performance.now();
    const model = await trainAlsParallel(matrix, {
      workers: ctx.config.alsWorkers,
      factors: f,
      iterations: ctx.config.alsIterations,
      regularization: ctx.config.alsRegularization,
      onIteration: (it) => ctx.log(`  ALS iteration ${it + 1}/${ctx.config.alsIterations} · ${((performance.now() - t0) / 1000).toFixed(1)} s`),
    });
    // Items nobody interacted with keep their random init: leave them out of retrieval entirely.
    const seen = pass.videoIds.flatMap((id, row) => (matrix.items.indptr[row + 1]! > matrix.items.indptr[row]! ? [row] : []));
    await writeVectorsFile(ctx.path(ALS_USERS_FILE), { dims: f, ids: pass.userIds, data: model.userFactors });
    await writeVectorsFile(ctx.path(ALS_ITEMS_FILE), pickRows({ dims: f, ids: pass.videoIds, data: model.itemFactors }, seen));
    Object.assign(ctx.summary, { als: 'full', als_users: pass.userIds.length, als_items: seen.length, als_nnz: matrix.users.indices.length });
  });
}

function* triples(t: { user: Int32Array; item: Int32Array; weight: Float32Array }) {
  for (let i = 0; i < t.user.length; i++) yield { user: t.user[i]!, item: t.item[i]!, weight: t.weight[i]! };
}

export function pickRows(v: Vectors, rows: number[]): Vectors {
  const data = new Float32Array(rows.length * v.dims);
  rows.forEach((r, i) => data.set(v.data.subarray(r * v.dims, (r + 1) * v.dims), i * v.dims));
  return { dims: v.dims, ids: rows.map((r) => v.ids[r]!), data };
}

/** `base` with the rows of `ids` replaced (or appended) by `fresh`'s rows, in order. */
export function mergeVectors(base: Vectors, ids: string[], fresh: Float32Array): Vectors {
  const at = new Map(base.ids.map((id, i) => [id, i]));
  const extra = ids.filter((id) => !at.has(id));
  const out: Vectors = { dims: base.dims, ids: [...base.ids, ...extra], data: new Float32Array((base.ids.length + extra.length) * base.dims) };
  out.data.set(base.data);
  extra.forEach((id, i) => at.set(id, base.ids.length + i));
  ids.forEach((id, i) => out.data.set(fresh.subarray(i * base.dims, (i + 1) * base.dims), at.get(id)! * base.dims));
  return out;
}

/** Item vectors in the matrix's column order; videos without one (new since the parent) are zero. */
function itemTable(items: Vectors, columnIds: string[]): Float32Array {
  const at = new Map(items.ids.map((id, i) => [id, i]));
  const f = items.dims;
  const out = new Float32Array(columnIds.length * f);
  columnIds.forEach((id, c) => {
    const i = at.get(id);
    if (i !== undefined) out.set(items.data.subarray(i * f, (i + 1) * f), c * f);
  });
  return out;
}
