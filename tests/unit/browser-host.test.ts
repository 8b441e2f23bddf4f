import { IDBFactory } from 'fake-indexeddb';
import { createBrowserHost } from '../../renderer/host/browser-host.ts';
import { describeForecastAppContract } from '../support/forecast-app-contract.ts';

describeForecastAppContract('browser host (IndexedDB)', (user) =>
  createBrowserHost(new IDBFactory(), {
    pickFile: async () => user.nextOpenedFile,
    download: (name, data) => void user.saved.set(name, data),
    print: () => void user.printed++,
  }),
);
