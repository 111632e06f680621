// Twins: users whose candidate list is a copy of another user's. A twin is the control of a browser
// test: given the same list, what differs between the two users' next pages is what their events did.
import type { SyntheticLists } from '../bench/feed-cost/synthetic-lists.js';

/** `lists` plus, for each `twin → original`, a copy of the original's candidate list under the twin's id. */
export function withTwins(lists: SyntheticLists, twins: Record<string, string>): SyntheticLists {
  const byUser = new Map(lists.candidates.map((l) => [l.key, l]));
  const copies = Object.entries(twins).map(([twin, original]) => {
    const list = byUser.get(original);
    if (!list) throw new RangeError(`no candidate list for '${original}' to copy for twin '${twin}'`);
    if (byUser.has(twin)) throw new RangeError(`'${twin}' already has a list of its own`);
    return { ...list, key: twin, items: list.items.map((i) => ({ ...i })) };
  });
  return { ...lists, candidates: [...lists.candidates, ...copies] };
}
