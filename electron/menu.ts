import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/channels.ts';

/**
 * The application menu, with the usual desktop shortcuts. Commands go to the renderer; a recent file
 * is opened by the main process, which then tells the renderer which workspace to show.
 */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean, recentFiles: readonly string[] = [], openRecent: (path: string) => void = () => undefined): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  const recent: MenuItemConstructorOptions[] = recentFiles.length === 0 ? [{ label: 'No recent files', enabled: false }] : recentFiles.map((path) => ({ label: path, click: () => openRecent(path) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New Workspace', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recent },
        item('Workspaces…', 'workspaces', 'CmdOrCtrl+Shift+O'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Import CSV…', 'importCsv', 'CmdOrCtrl+I'),
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        // Windows and Linux users type Ctrl+Y, people coming from a Mac Ctrl+Shift+Z: both redo, one is shown.
        ...(isMac ? [] : [{ ...item('Redo', 'redo', 'Ctrl+Shift+Z'), visible: false }]),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
}
