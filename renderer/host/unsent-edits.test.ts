import { describe, expect, it } from 'vitest';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { readableModel } from '../../shared/workspace/readable-model.ts';
import { documentFingerprint, localStorageUnsentEdits } from './unsent-edits.ts';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const readable = readableModel(SAMPLE_WORKSPACE);
if (!readable.ok) throw new Error('the sample must be readable');
const saved: ForecastModel = readable.value.document;
const renamed = (name: string): ForecastModel => ({ ...saved, name });
/** The same content with every object's keys in reverse order, as a store that rebuilds objects may return it. */
const reordered = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(reordered) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)])) : value;

describe('edits kept as the page closes', () => {
  it('come back onto the revision they were based on, once', () => {
    const edits = localStorageUnsentEdits(new MemoryStorage());
    edits.keep('w', renamed('edited'), 4);
    expect(edits.take('w', 4, saved)?.name).toBe('edited');
    expect(edits.take('w', 4, saved)).toBeNull();
  });

  it('are dropped when something else saved the workspace since', () => {
    const edits = localStorageUnsentEdits(new MemoryStorage());
    edits.keep('w', renamed('edited'), 4);
    expect(edits.take('w', 5, renamed('another window'))).toBeNull();
  });

  it('come back when the save that was under way at closing landed the next revision without them', () => {
    const edits = localStorageUnsentEdits(new MemoryStorage());
    const sending = renamed('older edit');
    edits.keep('w', renamed('latest edit'), 4, sending);
    // The store hands the document back with its keys in another order: still recognised as the tab's own save.
    expect(edits.take('w', 5, reordered(sending) as ForecastModel)?.name).toBe('latest edit');
  });

  it('are dropped when the next revision holds another document than the save under way', () => {
    const edits = localStorageUnsentEdits(new MemoryStorage());
    edits.keep('w', renamed('latest edit'), 4, renamed('older edit'));
    expect(edits.take('w', 5, renamed('another window'))).toBeNull();
    edits.keep('w', renamed('latest edit'), 4, renamed('older edit'));
    expect(edits.take('w', 6, renamed('older edit'))).toBeNull();
  });

  it('restore nothing when what was saved already holds them', () => {
    const edits = localStorageUnsentEdits(new MemoryStorage());
    const latest = renamed('latest edit');
    edits.keep('w', latest, 4, latest);
    expect(edits.take('w', 5, latest)).toBeNull();
  });

  it('belong to one workspace', () => {
    const storage = new MemoryStorage();
    const edits = localStorageUnsentEdits(storage);
    edits.keep('w', renamed('edited'), 4);
    expect(edits.take('other', 4, saved)).toBeNull();
    edits.discard('other');
    expect(storage.length).toBe(1);
    edits.discard('w');
    expect(storage.length).toBe(0);
  });

  it('fingerprints content, not key order', () => {
    expect(documentFingerprint(reordered(saved))).toBe(documentFingerprint(saved));
    expect(documentFingerprint(renamed('x'))).not.toBe(documentFingerprint(saved));
  });
});
