// Drives the point-in-time state over a time-ordered event stream and emits one labelled training
// row per impression. Events sharing a timestamp are handled as a group: rows first, then state
// updates, so an event at exactly t is invisible to an impression at t. Labels are final once the
// label window has passed; impressions whose window is still open at the data's end are dropped.
import type { Event, User, Video } from '../schemas.js';
import { featureConfig } from './config.js';
import { EventOrderError } from './errors.js';
import { joinLabel, noLabels, type Labels } from './labels.js';
import { featureRow, type FeatureRow } from './row.js';
import { FeatureState } from './state.js';

export type TrainingRow = FeatureRow & { ts: number; user_id: string; video_id: string; labels: Labels };
export type TrainingRowStats = { impressions: number; emitted: number; droppedOpenWindow: number; viewsWithoutImpression: number; unknownVideo: number };
type Pending = { row: TrainingRow; viewed: boolean };

export type TrainingRowOptions = {
  videos: ReadonlyMap<string, Video>;
  users?: ReadonlyMap<string, User>;
  onRow: (row: TrainingRow) => void;
  labelWindowMs?: number;
};

export function trainingRows(opts: TrainingRowOptions) {
  const windowMs = opts.labelWindowMs ?? featureConfig.labelWindowMs;
  const state = new FeatureState(opts.videos, opts.users);
  const stats: TrainingRowStats = { impressions: 0, emitted: 0, droppedOpenWindow: 0, viewsWithoutImpression: 0, unknownVideo: 0 };
  const queue: Pending[] = []; // in impression time order
  let head = 0;
  const byPair = new Map<string, Pending[]>();
  let group: Event[] = [];
  const pairKey = (e: { user_id: string; video_id: string }) => `${e.user_id}\u0000${e.video_id}`;

  const open = (e: Event, v: Video) => {
    const x = state.inputsFor(e.user_id, v, e.ts, e.position ?? featureConfig.servingPosition, { device: e.device, region: e.region });
    const p: Pending = { row: { ...featureRow(x, 'training'), ts: e.ts, user_id: e.user_id, video_id: e.video_id, labels: noLabels() }, viewed: false };
    queue.push(p);
    const k = pairKey(e);
    byPair.set(k, [...(byPair.get(k) ?? []), p]);
    stats.impressions++;
  };
  /** Emits rows whose label window closed before `t` (strictly: events at impression + window still join). */
  const close = (t: number, keep: (p: Pending) => boolean) => {
    while (head < queue.length && queue[head]!.row.ts + windowMs < t) {
      const p = queue[head]!;
      queue[head++] = undefined as unknown as Pending;
      const k = pairKey(p.row);
      const list = byPair.get(k)!;
      list.shift();
      if (list.length === 0) byPair.delete(k);
      if (!keep(p)) stats.droppedOpenWindow++;
      else {
        stats.emitted++;
        opts.onRow(p.row);
      }
    }
    if (head > 4096 && head * 2 > queue.length) queue.splice(0, head), (head = 0);
  };
  const latestOpen = (e: Event): Pending | undefined => {
    const list = byPair.get(pairKey(e));
    return list?.[list.length - 1];
  };

  const flushGroup = () => {
    const now = group;
    group = [];
    const known = now.filter((e) => opts.videos.has(e.video_id));
    stats.unknownVideo += now.length - known.length;
    // 1. rows from the state before this instant: impressions, then views nobody showed (imports)
    for (const e of known) if (e.type === 'impression') open(e, opts.videos.get(e.video_id)!);
    const synthetic: Event[] = [];
    for (const e of known) {
      if (e.type !== 'view') continue;
      const p = latestOpen(e);
      if (p && !p.viewed) {
        p.viewed = true;
        continue;
      }
      open(e, opts.videos.get(e.video_id)!);
      synthetic.push({ ...e, type: 'impression' });
      stats.viewsWithoutImpression++;
    }
    // 2. labels and state updates of this instant
    for (const e of synthetic) state.apply(e);
    for (const e of known) {
      const p = latestOpen(e);
      if (p) joinLabel(p.row.labels, e, opts.videos.get(e.video_id)!);
      state.apply(e);
    }
  };

  return {
    name: 'TrainingRows',
    stats,
    state,
    push(e: Event): void {
      const t = group[0]?.ts;
      if (t !== undefined && e.ts < t) throw new EventOrderError(`event ${e.event_id} at ${e.ts} after ${t}`);
      if (t !== undefined && e.ts > t) flushGroup(), close(e.ts, () => true);
      group.push(e);
    },
    /** Ends the stream at `endMs` (default: the last event's time): rows with an open window are dropped. */
    finish(endMs?: number): TrainingRowStats {
      const end = endMs ?? group[0]?.ts ?? state.lastEventTs;
      if (group.length) flushGroup();
      close(end + 1, () => true);
      close(Infinity, () => false);
      return stats;
    },
  };
}
