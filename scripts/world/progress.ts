// Progress lines for long generations: users done, events written, events/s and ETA, every few seconds.
export const PROGRESS_EVERY_MS = 5_000;

export function progressLine(totalUsers: number, log: (line: string) => void, everyMs = PROGRESS_EVERY_MS) {
  const t0 = performance.now();
  let last = t0;
  let users = 0;
  let events = 0;
  return {
    tick(userEvents: number) {
      users++;
      events += userEvents;
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      const secs = (now - t0) / 1000;
      const eta = ((totalUsers - users) * secs) / users;
      log(
        `  users ${users.toLocaleString('en')}/${totalUsers.toLocaleString('en')} (${((100 * users) / totalUsers).toFixed(1)}%)` +
          ` · events ${events.toLocaleString('en')} · ${Math.round(events / secs).toLocaleString('en')} ev/s · ETA ${eta.toFixed(0)} s`,
      );
    },
  };
}
