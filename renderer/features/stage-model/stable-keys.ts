import { useRef } from 'react';

/**
 * Keys that follow rows, not positions, for lists whose rows have no id of their own (shared risks).
 * Between two renders, a row that is the same object keeps its key; a row replaced in place (edited)
 * keeps the key of the row it replaced; anything else gets a new key. So removing a row never hands
 * its input, or its draft, to the row below.
 */
export function nextKeys<T>(previous: { items: readonly T[]; keys: readonly string[] } | null, items: readonly T[], newKey: () => string): string[] {
  if (!previous) return items.map(newKey);
  const unused = new Map<T, string[]>();
  previous.items.forEach((item, i) => unused.set(item, [...(unused.get(item) ?? []), previous.keys[i] ?? newKey()]));
  const keys = items.map((item) => {
    const same = unused.get(item);
    return same && same.length > 0 ? (same.shift() ?? null) : null;
  });
  const taken = new Set(keys.filter((k) => k !== null));
  return keys.map((key, i) => {
    if (key !== null) return key;
    const inPlace = previous.keys[i];
    const replaced = previous.items[i];
    // The old row at this position was not kept elsewhere: this row is its edited version.
    if (inPlace !== undefined && !taken.has(inPlace) && replaced !== undefined && !items.includes(replaced) && previous.items.length === items.length) {
      taken.add(inPlace);
      return inPlace;
    }
    return newKey();
  });
}

let counter = 0;
/** Stable keys for the rows of a list, across renders of one component. */
export function useStableKeys<T>(items: readonly T[]): string[] {
  const memory = useRef<{ items: readonly T[]; keys: readonly string[] } | null>(null);
  if (memory.current?.items !== items) {
    memory.current = { items, keys: nextKeys(memory.current, items, () => `row-${++counter}`) };
  }
  return [...memory.current.keys];
}
