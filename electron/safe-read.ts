import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { errorCode } from './disk-errors.ts';

export type SafeRead =
  | { ok: true; text: string; mtime: Date; size: number; ino: number }
  | { ok: false; reason: 'missing' | 'not-a-file' | 'permission' | 'unreadable'; code: string | undefined };

/**
 * Reads a file only if it is a regular file. It is opened non-blocking and checked with fstat before
 * a byte is read, so a FIFO, a device or a folder named like a workspace can never hang or crash the
 * app; a dangling link or a link loop is just "missing"/"unreadable".
 */
export async function readRegularFile(path: string): Promise<SafeRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not-a-file', code: undefined };
    const text = await handle.readFile('utf8');
    return { ok: true, text, mtime: info.mtime, size: info.size, ino: info.ino };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

function failure(error: unknown): SafeRead {
  const code = errorCode(error);
  if (code === 'ENOENT') return { ok: false, reason: 'missing', code };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission', code };
  if (code === 'EISDIR' || code === 'ENXIO') return { ok: false, reason: 'not-a-file', code };
  return { ok: false, reason: 'unreadable', code };
}
