// Training-side capture of the light context: driven by the same time-ordered events as the heavy
// replay (models/features/training-rows.ts), it records `contextInputs` for every impression (and view,
// which the replay may turn into an impression) from the session state BEFORE that instant, then hands
// each emitted training row its context. Rows come out in time order, so a FIFO pairs them.
import type { Event, Video } from '../schemas.js';
import { LightRankerError } from './errors.js';
import { CONTEXT_DIM, contextInputs } from './layout.js';
import { sessionTracker } from './session.js';

type Captured = { ts: number; user_id: string; video_id: string; context: Float32Array };
export type RowKey = { ts: number; user_id: string; video_id: string };

export function lightContextCapture(videos: ReadonlyMap<string, Video>) {
  const sessions = sessionTracker();
  const fifo: Captured[] = [];
  let head = 0;
  let group: Event[] = [];

  const flush = () => {
    // Same rule as the heavy replay: events at exactly t are invisible to an impression at t.
    for (const e of group) {
      const v = videos.get(e.video_id);
      if (!v || (e.type !== 'impression' && e.type !== 'view')) continue;
      const context = new Float32Array(CONTEXT_DIM);
      contextInputs(v, sessions.view(e.user_id, e.ts), e.ts, context);
      fifo.push({ ts: e.ts, user_id: e.user_id, video_id: e.video_id, context });
    }
    for (const e of group) {
      const v = videos.get(e.video_id);
      if (v) sessions.apply(e.user_id, { type: e.type, ts: e.ts, category: v.category, creator_id: v.creator_id });
    }
    group = [];
  };

  return {
    name: 'LightContextCapture',
    /** Push every event, before the heavy replay sees it. */
    push(e: Event): void {
      if (group.length && e.ts > group[0]!.ts) flush();
      group.push(e);
    },
    /** Call before the heavy replay's finish(), so the last instant is captured. */
    finish(): void {
      if (group.length) flush();
    },
    /** The context captured for an emitted row; rows must be asked for in time order. */
    take(row: RowKey): Float32Array {
      while (head < fifo.length && fifo[head]!.ts < row.ts) fifo[head++] = undefined as unknown as Captured;
      for (let i = head; i < fifo.length && fifo[i]!.ts === row.ts; i++) {
        const c = fifo[i]!;
        if (c.user_id === row.user_id && c.video_id === row.video_id) {
          // Swap the match to the head and drop it: order inside one instant does not matter.
          fifo[i] = fifo[head]!;
          fifo[head++] = undefined as unknown as Captured;
          if (head > 4096 && head * 2 > fifo.length) fifo.splice(0, head), (head = 0);
          return c.context;
        }
      }
      throw new LightRankerError(`no light context captured for ${row.user_id}/${row.video_id} at ${row.ts}`);
    },
  };
}
