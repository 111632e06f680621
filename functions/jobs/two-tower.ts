// Job: the two-tower retrieval model. A full run trains it on the log's positives (in-batch sampled
// softmax with log-Q correction) and stages the model; an incremental run reuses the parent's model.
// Either way every video gets a vector from its features (new uploads included: cold start) and
// every user with events one from their profile and recent history.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoryShares, loadTwoTower, trainTwoTower, type TwoTowerModel } from '../two-tower/index.js';
import { writeVectorsFile } from '../embeddings/vectors-file.js';
import type { BuildContext } from '../rebuild/context.js';

export const TWO_TOWER_FILE = 'two-tower.bin';
export const TT_ITEMS_FILE = 'tt-items.efv';
export const TT_USERS_FILE = 'tt-users.efv';

export async function twoTowerJob(ctx: BuildContext): Promise<void> {
  const pass = await ctx.pass();
  await ctx.stage('two-tower', async () => {
    const parentModel = ctx.parent && join(ctx.parent.dir, TWO_TOWER_FILE);
    let model: TwoTowerModel;
    if (parentModel && existsSync(parentModel)) {
      model = loadTwoTower(new Uint8Array(readFileSync(parentModel)));
      ctx.summary.two_tower = `reused ${ctx.parent!.version}`;
    } else {
      model = await trainTwoTower(
        { videos: pass.videos, users: pass.users, positives: pass.positives, nowMs: pass.logEndMs },
        { dims: ctx.config.twoTowerDims, epochs: ctx.config.twoTowerEpochs },
        ctx.log,
      );
      ctx.summary.two_tower = 'trained';
      ctx.summary.two_tower_positives = pass.positives.length;
    }
    writeFileSync(ctx.path(TWO_TOWER_FILE), model.toBytes());
    const videos = [...pass.videos.values()];
    await writeVectorsFile(ctx.path(TT_ITEMS_FILE), { dims: model.dims, ids: videos.map((v) => v.video_id), data: model.itemVectors(videos, pass.logEndMs) });
    const userIds = [...pass.agg.users.keys()];
    const data = new Float32Array(userIds.length * model.dims);
    userIds.forEach((id, i) => {
      const p = pass.agg.users.get(id)!;
      // Shares computed as in training: over the user's positive engagements.
      data.set(model.userVector(pass.users.get(id), [...p.recent].reverse(), categoryShares(p.recent, pass.videos)), i * model.dims);
    });
    await writeVectorsFile(ctx.path(TT_USERS_FILE), { dims: model.dims, ids: userIds, data });
  });
}
