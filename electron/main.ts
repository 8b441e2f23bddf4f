import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session } from 'electron';
import Store from 'electron-store';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_CALLS, ipcChannel, MENU_CHANNEL, OPEN_WORKSPACE_CHANNEL } from '../shared/ipc/channels.ts';
import { formatProblems } from '../shared/result.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { createHandlers, openRecentFile, type HandlerDependencies } from './handlers.ts';
import { dispatchIpc } from '../shared/ipc/dispatch.ts';
import { menuTemplate } from './menu.ts';
import { openPreferences, PREFERENCES_FILE_MODE, type KeyValueStore } from './preferences.ts';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, hardenContents, isAllowedPermission, isAppUrl, isTrustedSender, resolveAppFile, secureWebPreferences } from './security.ts';
import { restoreBounds } from './window-state.ts';
import { WorkspaceStore } from './workspace-store.ts';

// Thin glue: every decision lives in the modules imported above, which are tested in plain Node.
const here = dirname(fileURLToPath(import.meta.url));
const distFolder = join(here, '..', 'dist');
let mainWindow: BrowserWindow | null = null;
/** IPC calls being handled (saves among them): closing and quitting wait for them, so no last write is cut off. */
const inFlight = new Set<Promise<unknown>>();
const allSettled = () => Promise.allSettled([...inFlight]).then(() => undefined);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Topdown Forecast could not start', String(error));
    app.quit();
  });
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isAllowedPermission(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isAllowedPermission(permission, requestingOrigin));
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, distFolder);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  const userData = app.getPath('userData');
  const preferencesFile = join(userData, 'preferences.json');
  const { preferences, notice } = await openPreferences(
    // electron-store's own type is wider than the small interface the app uses; it has get, set and path.
    () => new Store({ name: 'preferences', clearInvalidConfig: false, configFileMode: PREFERENCES_FILE_MODE }) as unknown as KeyValueStore,
    preferencesFile,
  );
  const store = new WorkspaceStore(join(userData, 'workspaces'));
  // Temporary files of writes a crash interrupted: nothing else will ever clean them.
  await store.cleanTemporaryFiles();
  const deps: HandlerDependencies = {
    store,
    preferences,
    startupNotices: notice ? [notice] : [],
    files: {
      readText: (path) => readFile(path, 'utf8'),
      write: (path, data) => writeFileAtomic(path, data, 0o644),
      createFolder: async (path) => {
        try {
          await mkdir(path);
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
          throw error;
        }
      },
      removeFolder: (path) => rm(path, { recursive: true, force: true }),
    },
    page: {
      // A4 landscape and margins come from the print stylesheet's @page rule.
      printToPdf: async () => {
        if (!mainWindow) throw new Error('the window is closed');
        return new Uint8Array(await mainWindow.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
      },
    },
    dialogs: {
      chooseFileToOpen: async () => {
        const options = { properties: ['openFile' as const], filters: [{ name: 'Forecast workspace', extensions: ['json'] }] };
        const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
      chooseSaveLocation: async (suggestedName) => {
        const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
        const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return chosen.canceled ? null : (chosen.filePath ?? null);
      },
      chooseFolder: async () => {
        const options = { defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
        const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
    },
  };
  const handlers = createHandlers(deps);
  for (const call of IPC_CALLS) {
    ipcMain.handle(ipcChannel(call), async (event, ...args: unknown[]) => {
      const running = dispatchIpc(handlers, call, args, isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame));
      inFlight.add(running);
      const result = await running.finally(() => inFlight.delete(running));
      // Opening or saving a file changes the recent files, which the File menu lists.
      if (call === 'importModelFile' || call === 'exportModelFile') buildMenu();
      return result;
    });
  }

  const bounds = restoreBounds(preferences.windowState, screen.getAllDisplays().map((d) => d.workArea));
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Topdown Forecast',
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  if (preferences.windowState?.maximized) mainWindow.maximize();
  const send = (command: Parameters<Parameters<typeof menuTemplate>[0]>[0]) => {
    if (mainWindow && isAppUrl(mainWindow.webContents.getURL())) mainWindow.webContents.send(MENU_CHANNEL, command);
  };
  const openRecent = async (path: string) => {
    const opened = await openRecentFile(deps, path);
    if (opened.ok) mainWindow?.webContents.send(OPEN_WORKSPACE_CHANNEL, opened.value);
    else if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'warning', message: 'That file could not be opened', detail: formatProblems(opened.problems) });
    buildMenu();
  };
  const buildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin', preferences.recentFiles, (path) => void openRecent(path))));
  buildMenu();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  let closingAfterSave = false;
  mainWindow.on('close', (event) => {
    if (!mainWindow) return;
    const b = mainWindow.getNormalBounds();
    preferences.windowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: mainWindow.isMaximized() };
    if (closingAfterSave) return;
    // The renderer's pending save is flushed on beforeunload; wait for that last write before closing.
    event.preventDefault();
    closingAfterSave = true;
    const window = mainWindow;
    void window.webContents
      .executeJavaScript('window.__flushPendingSave ? window.__flushPendingSave() : null', true)
      .catch(() => undefined)
      .then(allSettled)
      .finally(() => window.close());
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY);
}

app.on('window-all-closed', () => void allSettled().then(() => app.quit()));
