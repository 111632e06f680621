// Replays the event log in time order through the point-in-time feature state: one labelled row per
// impression, each built only from earlier events (models/features/training-rows.ts).
import { lightContextCapture } from '../../models/light-ranker/capture.js';
import { trainingRows, type TrainingRowStats } from '../../models/features/training-rows.js';
import { loadUsers, loadVideos } from '../io/catalog.js';
import { newReadStats } from '../io/events.js';
import { progress } from '../io/progress.js';
import { readEventLogInTimeOrder } from '../io/time-ordered-events.js';
import type { WorldFiles } from '../io/world-files.js';
import { datasetBuilder, type RankerDataset } from './dataset.js';

export async function replayRows(files: WorldFiles, log: (l: string) => void): Promise<{ data: RankerDataset; stats: TrainingRowStats; invalidEvents: number }> {
  const [videos, users] = await Promise.all([loadVideos(files), loadUsers(files)]);
  const builder = datasetBuilder(1 << 16);
  // The light ranker's session context, captured from the same events at each impression.
  const light = lightContextCapture(videos);
  const rows = trainingRows({ videos, users, onRow: (r) => builder.push(r, light.take(r)) });
  const read = newReadStats();
  const bar = progress('replay events', { log, everyMs: 5000 });
  for await (const e of readEventLogInTimeOrder(files, read)) {
    light.push(e);
    rows.push(e);
    bar.tick();
  }
  light.finish();
  const stats = rows.finish();
  return { data: builder.build(), stats, invalidEvents: read.invalid };
}
