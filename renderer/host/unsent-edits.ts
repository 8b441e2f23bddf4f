import type { ForecastModel } from '../../shared/model/schema.ts';
import { readableModel } from '../../shared/workspace/readable-model.ts';

/**
 * A browser tab cannot wait for IndexedDB while it closes, so edits not yet saved are also written
 * synchronously to localStorage as the page goes away. The next start takes them back, but only onto
 * the revision they were based on, or onto the revision the tab's own save in flight at closing wrote
 * (recognised by the fingerprint of the document it was sending, which the kept edits include): if
 * anything else saved the workspace since, they are dropped, never forced over it.
 */
export interface UnsentEdits {
  /** `inFlight`: the document of a save that was under way as the page closed, if any. */
  keep(workspaceId: string, document: ForecastModel, revision: number, inFlight?: ForecastModel): void;
  /**
   * The kept edits of this workspace if they apply to what was opened (`revision` and `stored`) and
   * differ from it; they are removed either way.
   */
  take(workspaceId: string, revision: number, stored: ForecastModel): ForecastModel | null;
  discard(workspaceId: string): void;
}

interface KeptEdits {
  workspaceId: string;
  revision: number;
  document: unknown;
  inFlightFingerprint?: string;
}

const KEY = 'topdown-forecast:unsent-edits';

export function localStorageUnsentEdits(storage: Storage): UnsentEdits {
  const read = (): KeptEdits | null => {
    try {
      const raw = storage.getItem(KEY);
      // Written only by keep() below; a damaged or foreign value fails the checks in take().
      return raw ? (JSON.parse(raw) as KeptEdits) : null;
    } catch {
      return null;
    }
  };
  return {
    keep: (workspaceId, document, revision, inFlight) => {
      const kept: KeptEdits = { workspaceId, revision, document, ...(inFlight ? { inFlightFingerprint: documentFingerprint(inFlight) } : {}) };
      try {
        storage.setItem(KEY, JSON.stringify(kept));
      } catch {
        // Over the storage quota (a very large pipeline): the regular save still runs.
      }
    },
    take: (workspaceId, revision, stored) => {
      const kept = read();
      if (!kept || kept.workspaceId !== workspaceId) return null;
      storage.removeItem(KEY);
      const basedOnStored = kept.revision === revision;
      const ownSaveLanded = kept.revision + 1 === revision && kept.inFlightFingerprint !== undefined && kept.inFlightFingerprint === documentFingerprint(stored);
      if (!basedOnStored && !ownSaveLanded) return null;
      const readable = readableModel(kept.document);
      if (!readable.ok || documentFingerprint(readable.value.document) === documentFingerprint(stored)) return null;
      return readable.value.document;
    },
    discard: (workspaceId) => {
      if (read()?.workspaceId === workspaceId) storage.removeItem(KEY);
    },
  };
}

/** The document's content, independent of key order: its JSON with keys sorted, hashed (FNV-1a, two seeds) with its length. */
export function documentFingerprint(document: unknown): string {
  const text = canonicalJson(document);
  return `${text.length}:${fnv1a(text, 0x811c9dc5)}:${fnv1a(text, 0x01000193)}`;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function fnv1a(text: string, seed: number): string {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
