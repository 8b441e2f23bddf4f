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
  'renameWorkspace',
  'duplicateWorkspace',
  'deleteWorkspace',
  'listTrash',
  'restoreWorkspace',
  'importModelFile',
  'exportModelFile',
  'saveExport',
  'saveExportFolder',
  'printSummaryPdf',
] as const;

export type IpcCall = (typeof IPC_CALLS)[number];

export const ipcChannel = (call: IpcCall): string => `forecastApp:${call}`;

/** Main → renderer: a menu item or accelerator was used. */
export const MENU_CHANNEL = 'forecastApp:menu';

/** Main → renderer: show this workspace (a recent file was opened from the File menu). */
export const OPEN_WORKSPACE_CHANNEL = 'forecastApp:openWorkspace';

export const MENU_COMMANDS = ['new', 'open', 'workspaces', 'saveAs', 'importCsv', 'export', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
