import { z } from 'zod';
import type { ForecastModel } from '../model/schema.ts';
import type { Result } from '../result.ts';
import { WORKSPACE_ID_PATTERN, type OpenedWorkspace, type SaveOutcome, type WorkspaceSummary } from '../workspace/document.ts';
import { TRASH_ID_PATTERN, type TrashEntry } from '../workspace/trash.ts';
import type { IpcCall, MenuCommand } from './channels.ts';

/**
 * The one IPC contract: for each call, the schema of its arguments (checked in the main process, where
 * everything from the renderer is `unknown` until it passes) and the type of its result. The main
 * process registers handlers from this map, the preload is checked against `ForecastAppApi` with
 * `satisfies`, and the browser host implements the same interface.
 */
const workspaceId = z.string().regex(WORKSPACE_ID_PATTERN, { message: 'is not a workspace id' });
const trashId = z.string().regex(TRASH_ID_PATTERN, { message: 'is not an entry of the trash' });
const workspaceName = z.string().trim().min(1).max(200);
const revision = z.number().int().min(0);
const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

export const exportPayloadSchema = z.strictObject({
  /** A file name without folders, e.g. forecast-FY2027-Q1-2026-11-23-quarters.csv */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    // No folders, no characters that are invalid in file names on Windows, no control characters.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
    .regex(/^[^/\\:*?"<>|\u0000-\u001f]+\.(csv|png|svg|zip|json)$/i, { message: 'must be a plain file name ending in .csv, .png, .svg, .zip or .json' }),
  /** Text for CSV, SVG and JSON; bytes for PNG and ZIP. */
  data: z.union([z.string().max(MAX_EXPORT_BYTES), z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, { message: 'is too large' })]),
});
export type ExportPayload = z.infer<typeof exportPayloadSchema>;

export const MAX_FOLDER_FILES = 32;

/** Several exports written together into a new folder (the board pack); a zip in the browser. */
export const exportFolderSchema = z.strictObject({
  folderName: z
    .string()
    .min(1)
    .max(120)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
    .regex(/^[^/\\:*?"<>|\u0000-\u001f.][^/\\:*?"<>|\u0000-\u001f]*$/, { message: 'must be a plain folder name' }),
  files: z
    .array(exportPayloadSchema)
    .min(1)
    .max(MAX_FOLDER_FILES)
    .refine((files) => new Set(files.map((f) => f.suggestedName.toLowerCase())).size === files.length, { message: 'has two files with the same name' }),
});
export type ExportFolder = z.infer<typeof exportFolderSchema>;

/** The one-page forecast summary as a PDF (desktop: printed by the main process; browser: the print dialog). */
export const pdfRequestSchema = z.strictObject({
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  suggestedName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|\u0000-\u001f]+\.pdf$/i, { message: 'must be a plain file name ending in .pdf' }),
});
export type PdfRequest = z.infer<typeof pdfRequestSchema>;

export const ipcArguments = {
  getStartupState: z.tuple([]),
  listWorkspaces: z.tuple([]),
  openWorkspace: z.tuple([workspaceId]),
  createWorkspace: z.tuple([z.strictObject({ name: workspaceName, document: z.unknown() })]),
  /**
   * The document as the user sees it, problems included (its shape is checked in the handler), and
   * the revision it was based on: a save over a newer revision is refused, not written.
   */
  saveWorkspace: z.tuple([workspaceId, z.unknown(), revision]),
  renameWorkspace: z.tuple([workspaceId, workspaceName]),
  duplicateWorkspace: z.tuple([workspaceId]),
  /** Moves the workspace to the trash. */
  deleteWorkspace: z.tuple([workspaceId]),
  listTrash: z.tuple([]),
  restoreWorkspace: z.tuple([trashId]),
  importModelFile: z.tuple([]),
  /** Writes the model on screen as a file to hand on; refused, with the reasons, while it has problems. */
  exportModelFile: z.tuple([z.unknown()]),
  saveExport: z.tuple([exportPayloadSchema]),
  saveExportFolder: z.tuple([exportFolderSchema]),
  printSummaryPdf: z.tuple([pdfRequestSchema]),
} satisfies Record<IpcCall, z.ZodTuple>;

export interface StartupState {
  lastWorkspaceId: string | null;
  /** Things the user must be told at start, e.g. that unreadable preferences were reset. */
  notices: string[];
}

export interface SavedFile {
  /** Where it went: a path in the desktop app, the file name in the browser. */
  location: string;
}

export interface IpcResults {
  getStartupState: StartupState;
  listWorkspaces: WorkspaceSummary[];
  openWorkspace: OpenedWorkspace;
  createWorkspace: WorkspaceSummary;
  saveWorkspace: SaveOutcome;
  renameWorkspace: WorkspaceSummary;
  duplicateWorkspace: WorkspaceSummary;
  deleteWorkspace: TrashEntry;
  listTrash: TrashEntry[];
  restoreWorkspace: WorkspaceSummary;
  /** null when the user cancelled the dialog. */
  importModelFile: WorkspaceSummary | null;
  exportModelFile: SavedFile | null;
  saveExport: SavedFile | null;
  /** The folder (desktop) or zip file (browser) written; null when the user cancelled. */
  saveExportFolder: SavedFile | null;
  /** The PDF written (desktop), or the print dialog shown (browser: location is "print dialog"); null when cancelled. */
  printSummaryPdf: SavedFile | null;
}

export type IpcArgs<K extends IpcCall> = z.input<(typeof ipcArguments)[K]>;

/** What the renderer sees as `window.forecastApp`. Every call resolves to a Result; none rejects on bad input. */
export type ForecastAppApi = {
  [K in IpcCall]: (...args: IpcArgs<K>) => Promise<Result<IpcResults[K]>>;
} & {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Subscribes to requests to show a workspace (a recent file opened from the desktop menu). */
  onOpenWorkspace: (listener: (id: string) => void) => () => void;
  /** Which host this is, for the few things that differ (native dialogs versus downloads). */
  readonly host: 'electron' | 'browser';
};

export type IpcHandlers = {
  [K in IpcCall]: (...args: z.output<(typeof ipcArguments)[K]>) => Promise<Result<IpcResults[K]>>;
};

export type { ForecastModel, TrashEntry };
