// Labels of one impression, joined from the same user's later events on the same video.
import type { Event, Video } from '../schemas.js';
import { featureConfig as cfg } from './config.js';
import { viewRatio } from './state.js';

export type Labels = { click: number; watch: number; like: number; finish: number; dislike: number };
export const noLabels = (): Labels => ({ click: 0, watch: 0, like: 0, finish: 0, dislike: 0 });

/** Folds one follow-up event into the labels: the first view decides click, watch and finish. */
export function joinLabel(l: Labels, e: Event, v: Video): void {
  if (e.type === 'view' && l.click === 0) {
    l.click = 1;
    l.watch = Math.log1p(e.watch_time_sec ?? 0);
    l.finish = viewRatio(e, v) > cfg.finishRatio ? 1 : 0;
  } else if (e.type === 'like') l.like = 1;
  else if (e.type === 'dislike') l.dislike = 1;
}
