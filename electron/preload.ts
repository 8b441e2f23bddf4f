import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../shared/ipc/channels.ts';
import type { ForecastAppApi } from '../shared/ipc/contract.ts';

/**
 * The renderer's only door to the main process: named functions, one per call of the IPC contract.
 * No generic invoke, no ipcRenderer, and listeners never see the IPC event.
 */
const api = {
  host: 'electron',
  getStartupState: () => ipcRenderer.invoke(ipcChannel('getStartupState')),
  listWorkspaces: () => ipcRenderer.invoke(ipcChannel('listWorkspaces')),
  openWorkspace: (id) => ipcRenderer.invoke(ipcChannel('openWorkspace'), id),
  createWorkspace: (request) => ipcRenderer.invoke(ipcChannel('createWorkspace'), request),
  saveWorkspace: (id, document) => ipcRenderer.invoke(ipcChannel('saveWorkspace'), id, document),
  deleteWorkspace: (id) => ipcRenderer.invoke(ipcChannel('deleteWorkspace'), id),
  importModelFile: () => ipcRenderer.invoke(ipcChannel('importModelFile')),
  exportModelFile: (id) => ipcRenderer.invoke(ipcChannel('exportModelFile'), id),
  saveExport: (payload) => ipcRenderer.invoke(ipcChannel('saveExport'), payload),
  saveExportFolder: (payload) => ipcRenderer.invoke(ipcChannel('saveExportFolder'), payload),
  onMenuCommand: (listener) => {
    const relay = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.off(MENU_CHANNEL, relay);
    };
  },
} satisfies ForecastAppApi;

contextBridge.exposeInMainWorld('forecastApp', api);
