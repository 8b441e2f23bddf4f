import type { Problem } from '../shared/result.ts';

export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

const KEPT = 'your changes are kept in memory';

/**
 * What a failed write means for the user, in plain words: never raw errno text or the temporary
 * file's path. The app keeps retrying a failed save, so each message says what will happen next.
 */
export function writeFailureMessage(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${KEPT}; free some space and they will be saved.`;
    case 'EROFS':
      return `The disk that holds your workspaces is read-only: ${KEPT} and will be saved once it can be written again.`;
    case 'EACCES':
    case 'EPERM':
      return `The app is not allowed to write to its data folder (permission denied): ${KEPT} and will be saved once the folder can be written again.`;
    default:
      return `Your workspace could not be written to disk (${errorCode(error) ?? 'unknown error'}): ${KEPT} and the app keeps trying.`;
  }
}

export const writeFailure = (error: unknown, path = ''): Problem[] => [{ path, message: writeFailureMessage(error) }];
