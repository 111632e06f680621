// The shape of a batch write: per event, the commands that apply it, run only if its event_id marker
// can still be set (SET NX); then the commands every batch runs once (trims, expiries, sessions).
// Plain data, so planning is pure and the Lua runner (apply-script.ts) stays generic.

/** A Redis command on one key: `name key ...args`. */
export type KeyCommand = { name: string; key: string; args: string[] };
export type EventWrite = { marker: string; commands: KeyCommand[] };
export type WritePlan = { markerTtlSeconds: number; events: EventWrite[]; always: KeyCommand[] };

export const cmd = (name: string, key: string, ...args: (string | number)[]): KeyCommand => ({
  name,
  key,
  args: args.map(String),
});

/** Collects commands run once per batch, each (name, key) once: the last one added wins. */
export function onceEach() {
  const byId = new Map<string, KeyCommand>();
  return {
    add(c: KeyCommand) {
      byId.set(`${c.name} ${c.key}`, c);
    },
    list: (): KeyCommand[] => [...byId.values()],
  };
}
