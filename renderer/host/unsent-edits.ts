import type { ForecastModel } from '../../shared/model/schema.ts';
import { readableModel } from '../../shared/workspace/readable-model.ts';

/**
 * A browser tab cannot wait for IndexedDB while it closes, so edits not yet saved are also written
 * synchronously to localStorage as the page goes away. The next start takes them back, but only onto
 * the revision they were based on: if anything saved the workspace since, they are dropped, never forced over it.
 */
export interface UnsentEdits {
  keep(workspaceId: string, document: ForecastModel, revision: number): void;
  /** The kept edits of this workspace if they were based on `revision`; they are removed either way. */
  take(workspaceId: string, revision: number): ForecastModel | null;
  discard(workspaceId: string): void;
}

const KEY = 'topdown-forecast:unsent-edits';

export function localStorageUnsentEdits(storage: Storage): UnsentEdits {
  const read = (): { workspaceId: string; revision: number; document: unknown } | null => {
    try {
      const raw = storage.getItem(KEY);
      return raw ? (JSON.parse(raw) as { workspaceId: string; revision: number; document: unknown }) : null;
    } catch {
      return null;
    }
  };
  return {
    keep: (workspaceId, document, revision) => {
      try {
        storage.setItem(KEY, JSON.stringify({ workspaceId, revision, document }));
      } catch {
        // Over the storage quota (a very large pipeline): the regular save still runs.
      }
    },
    take: (workspaceId, revision) => {
      const kept = read();
      if (!kept || kept.workspaceId !== workspaceId) return null;
      storage.removeItem(KEY);
      if (kept.revision !== revision) return null;
      const readable = readableModel(kept.document);
      return readable.ok ? readable.value.document : null;
    },
    discard: (workspaceId) => {
      if (read()?.workspaceId === workspaceId) storage.removeItem(KEY);
    },
  };
}
