import { describe, expect, it } from 'vitest';
import { kuairandRowEvents, kuairandRowTs } from './kuairand-log.js';

const VARIANT = 'user_id video_id date hourmin time_ms is_click is_follow is_comment is_forward long_view play_time_ms duration_ms comment_stay_time is_profile_enter label timestamp'.split(' ');
const row = (cols: string[], line: string) => {
  const f = line.split(/\s+/);
  return (c: string) => (cols.includes(c) ? f[cols.indexOf(c)] : undefined);
};
const noTable = { videoDurationSec: () => undefined };

describe('kuairandRowEvents', () => {
  it('maps a clicked, liked variant row to impression + view(46.186 s) + like', () => {
    const get = row(VARIANT, '111 3892024 20220410 1700 1649581149287 1 0 0 0 1 46186 45916 7639 0 1 x');
    const events = kuairandRowEvents(get, noTable);
    expect(events.map((e) => e.type)).toEqual(['impression', 'view', 'like']);
    expect(events[1]).toMatchObject({ event_id: 'kr:111:3892024:1649581149287:view', watch_time_sec: 46.186, video_duration_sec: 45.916, ts: 1649581149287 });
    expect(events[0]!.position).toBeUndefined();
  });

  it('turns an unclicked row into a skip with its short watch time, and label 0 into a dislike', () => {
    const get = row(VARIANT, '111 2584398 20220413 300 1649791379969 0 0 0 0 0 5738 7623 0 0 0 x');
    const events = kuairandRowEvents(get, noTable);
    expect(events.map((e) => [e.type, e.watch_time_sec])).toEqual([['impression', undefined], ['skip', 5.738], ['dislike', undefined]]);
  });

  it('takes the duration from the video table when duration_ms is 0, else leaves it absent', () => {
    const get = row(VARIANT, '111 2629583 20220411 1600 1649664552983 1 0 1 0 0 14549 0 5045 0 1 x');
    expect(kuairandRowEvents(get, noTable)[1]!.video_duration_sec).toBeUndefined();
    expect(kuairandRowEvents(get, { videoDurationSec: (id) => (id === '2629583' ? 20 : undefined) })[1]!.video_duration_sec).toBe(20);
  });

  it('reads date + hourmin as Beijing time when time_ms is missing', () => {
    const get = row(['date', 'hourmin', 'time_ms'], '20220412 1500 0');
    expect(new Date(kuairandRowTs(get)).toISOString()).toBe('2022-04-12T07:00:00.000Z');
  });
});
