import Conf from 'conf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../electron/handlers.ts';
import { Preferences, type KeyValueStore } from '../../electron/preferences.ts';
import { WorkspaceStore } from '../../electron/workspace-store.ts';
import { apiFromHandlers } from '../../shared/ipc/dispatch.ts';
import { describeForecastAppContract } from './forecast-app-contract.ts';

describeForecastAppContract('Electron main process (files on disk)', async (user) => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-host-'));
  const conf = new Conf({ cwd: dir, projectName: 'topdown-forecast-test', configName: 'preferences' }) as unknown as KeyValueStore;
  const handlers = createHandlers({
    store: new WorkspaceStore(join(dir, 'workspaces')),
    preferences: new Preferences(conf),
    startupNotices: [],
    files: {
      readText: async (path) => (path === join(dir, 'picked', user.nextOpenedFile?.name ?? '') ? (user.nextOpenedFile?.text ?? '') : readFileSync(path, 'utf8')),
      write: async (path, data) => void user.saved.set(path, data),
    },
    dialogs: {
      chooseFileToOpen: async () => (user.nextOpenedFile ? join(dir, 'picked', user.nextOpenedFile.name) : null),
      chooseSaveLocation: async (name) => join(dir, 'saved', name),
    },
  });
  return apiFromHandlers(handlers, 'electron');
});
