import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, MENU_CHANNEL, MENU_COMMANDS, OPEN_WORKSPACE_CHANNEL, type MenuCommand } from '../shared/ipc/channels.ts';
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
  saveWorkspace: (id, document, baseRevision) => ipcRenderer.invoke(ipcChannel('saveWorkspace'), id, document, baseRevision),
  renameWorkspace: (id, name) => ipcRenderer.invoke(ipcChannel('renameWorkspace'), id, name),
  duplicateWorkspace: (id) => ipcRenderer.invoke(ipcChannel('duplicateWorkspace'), id),
  deleteWorkspace: (id) => ipcRenderer.invoke(ipcChannel('deleteWorkspace'), id),
  listTrash: () => ipcRenderer.invoke(ipcChannel('listTrash')),
  restoreWorkspace: (trashId) => ipcRenderer.invoke(ipcChannel('restoreWorkspace'), trashId),
  importModelFile: () => ipcRenderer.invoke(ipcChannel('importModelFile')),
  exportModelFile: (document) => ipcRenderer.invoke(ipcChannel('exportModelFile'), document),
  saveExport: (payload) => ipcRenderer.invoke(ipcChannel('saveExport'), payload),
  saveExportFolder: (payload) => ipcRenderer.invoke(ipcChannel('saveExportFolder'), payload),
  printSummaryPdf: (request) => ipcRenderer.invoke(ipcChannel('printSummaryPdf'), request),
  onMenuCommand: (listener) => {
    const relay = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.off(MENU_CHANNEL, relay);
    };
  },
  onOpenWorkspace: (listener) => {
    const relay = (_event: unknown, id: unknown) => {
      if (typeof id === 'string') listener(id);
    };
    ipcRenderer.on(OPEN_WORKSPACE_CHANNEL, relay);
    return () => {
      ipcRenderer.off(OPEN_WORKSPACE_CHANNEL, relay);
    };
  },
} satisfies ForecastAppApi;

contextBridge.exposeInMainWorld('forecastApp', api);
