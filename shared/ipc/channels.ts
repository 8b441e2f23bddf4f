/**
 * The names of the app's IPC calls. Kept apart from the argument schemas so the preload, which runs
 * sandboxed and bundles everything it imports, stays tiny.
 */
export const IPC_CALLS = [
  'getStartupState',
  'listWorkspaces',
  'openWorkspace',
  'createWorkspace',
  'saveWorkspace',
  'deleteWorkspace',
  'importModelFile',
  'exportModelFile',
  'saveExport',
  'saveExportFolder',
] as const;

export type IpcCall = (typeof IPC_CALLS)[number];

export const ipcChannel = (call: IpcCall): string => `forecastApp:${call}`;

/** Main → renderer: a menu item or accelerator was used. */
export const MENU_CHANNEL = 'forecastApp:menu';

export const MENU_COMMANDS = ['new', 'open', 'saveAs', 'importCsv', 'export', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
