import Conf from 'conf';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../electron/handlers.ts';
import { Preferences, type KeyValueStore } from '../../electron/preferences.ts';
import { WorkspaceStore } from '../../electron/workspace-store.ts';
import { apiFromHandlers } from '../../shared/ipc/dispatch.ts';
import { describeForecastAppContract } from '../support/forecast-app-contract.ts';

describeForecastAppContract('Electron main process (files on disk)', async (user) => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-host-'));
  const conf = new Conf({ cwd: dir, projectName: 'topdown-forecast-test', configName: 'preferences' }) as unknown as KeyValueStore;
  const handlers = createHandlers({
    store: new WorkspaceStore(join(dir, 'workspaces')),
    preferences: new Preferences(conf),
    startupNotices: [],
    files: {
      readText: async (path) => (path === join(dir, 'picked', user.nextOpenedFile?.name ?? '') ? (user.nextOpenedFile?.text ?? '') : readFileSync(path, 'utf8')),
      write: async (path, data) => {
        user.saved.set(path, data);
      },
      createFolder: async (path) => {
        try {
          mkdirSync(path);
          return true;
        } catch {
          return false;
        }
      },
      removeFolder: async (path) => {
        rmSync(path, { recursive: true, force: true });
        for (const saved of [...user.saved.keys()]) if (saved.startsWith(path)) user.saved.delete(saved);
      },
    },
    page: {
      printToPdf: async () => {
        user.printed++;
        return new TextEncoder().encode('%PDF-1.7 the page as printed');
      },
    },
    dialogs: {
      chooseFileToOpen: async () => (user.nextOpenedFile ? join(dir, 'picked', user.nextOpenedFile.name) : null),
      chooseSaveLocation: async (name) => join(dir, 'saved', name),
      chooseFolder: async () => {
        mkdirSync(join(dir, 'exports'), { recursive: true });
        return join(dir, 'exports');
      },
    },
  });
  return apiFromHandlers(handlers, 'electron');
});

describe('board pack export on disk', () => {
  it('removes the new folder when a write fails, so no half pack is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-pack-'));
    const handlers = createHandlers({
      store: new WorkspaceStore(join(dir, 'workspaces')),
      preferences: new Preferences(new Conf({ cwd: dir, projectName: 'topdown-forecast-test', configName: 'preferences' }) as unknown as KeyValueStore),
      startupNotices: [],
      files: {
        readText: async () => '',
        write: async (path, data) => {
          if (path.endsWith('b.csv')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          writeFileSync(path, data);
        },
        createFolder: async (path) => (mkdirSync(path), true),
        removeFolder: async (path) => rmSync(path, { recursive: true, force: true }),
      },
      page: { printToPdf: async () => new Uint8Array() },
      dialogs: { chooseFileToOpen: async () => null, chooseSaveLocation: async () => null, chooseFolder: async () => dir },
    });
    const app = apiFromHandlers(handlers, 'electron');
    const saved = await app.saveExportFolder({ folderName: 'pack', files: [{ suggestedName: 'a.csv', data: 'x' }, { suggestedName: 'b.csv', data: 'y' }] });
    expect(saved.ok ? '' : saved.problems[0]?.message).toMatch(/ENOSPC.*nothing was saved/);
    expect(existsSync(join(dir, 'pack'))).toBe(false);
  });
});
