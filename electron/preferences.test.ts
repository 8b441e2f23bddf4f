import Conf from 'conf';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPreferences, Preferences, PREFERENCES_FILE_MODE, type KeyValueStore } from './preferences.ts';

function setup() {
  const cwd = mkdtempSync(join(tmpdir(), 'forecast-prefs-'));
  const create = () => new Conf({ cwd, projectName: 'topdown-forecast-test', configName: 'preferences', clearInvalidConfig: false, configFileMode: PREFERENCES_FILE_MODE }) as unknown as KeyValueStore;
  return { cwd, create, file: join(cwd, 'preferences.json') };
}

describe('preferences', () => {
  it('remember the window, the last workspace and recent files', async () => {
    const { create, file } = setup();
    const { preferences, notice } = await openPreferences(create, file);
    expect(notice).toBeNull();
    preferences.windowState = { x: 10, y: 20, width: 1200, height: 800, maximized: false };
    preferences.lastWorkspaceId = 'pipeline-abc123';
    for (let i = 0; i < 15; i++) preferences.addRecentFile(`/tmp/model-${i}.forecast.json`);
    const reopened = await openPreferences(create, file);
    expect(reopened.preferences.windowState).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    expect(reopened.preferences.lastWorkspaceId).toBe('pipeline-abc123');
    expect(reopened.preferences.recentFiles).toHaveLength(10);
    expect(reopened.preferences.recentFiles[0]).toBe('/tmp/model-14.forecast.json');
  });

  it('reset only themselves, with a notice, when their file is corrupt', async () => {
    const { cwd, create, file } = setup();
    (await openPreferences(create, file)).preferences.lastWorkspaceId = 'kept-elsewhere';
    writeFileSync(file, '{"lastWorkspaceId": "x", ');
    const { preferences, notice } = await openPreferences(create, file);
    expect(notice).toMatch(/could not be read .* reset to defaults\. Your workspaces are not affected/);
    expect(preferences.lastWorkspaceId).toBeNull();
    expect(readdirSync(cwd).some((n) => n.startsWith('preferences.json.unreadable-'))).toBe(true);
    preferences.lastWorkspaceId = 'after-reset';
    expect(existsSync(file)).toBe(true);
  });

  it('read hand-edited nonsense values as defaults', async () => {
    const { create, file } = setup();
    writeFileSync(file, JSON.stringify({ windowState: { x: 'left' }, lastWorkspaceId: 42, recentFiles: 'none' }));
    const { preferences } = await openPreferences(create, file);
    expect(preferences.windowState).toBeNull();
    expect(preferences.lastWorkspaceId).toBeNull();
    expect(preferences.recentFiles).toEqual([]);
  });

  it('are written owner-only, like the workspaces', async () => {
    const { create, file } = setup();
    (await openPreferences(create, file)).preferences.lastWorkspaceId = 'private';
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keep working in memory when they cannot be written, and say so once', () => {
    const values = new Map<string, unknown>();
    const failing: KeyValueStore = {
      path: '/read-only/preferences.json',
      get: (key) => values.get(key),
      set: () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
    };
    const preferences = new Preferences(failing);
    preferences.lastWorkspaceId = 'pipeline-abc123';
    preferences.addRecentFile('/tmp/a.forecast.json', 'a-123456');
    expect(preferences.lastWorkspaceId).toBe('pipeline-abc123');
    expect(preferences.workspaceForFile('/tmp/a.forecast.json')).toBe('a-123456');
    expect(preferences.takeWriteProblems()).toEqual([expect.stringMatching(/cannot be saved \(the disk is read-only\)\. They are kept until you quit/)]);
    expect(preferences.takeWriteProblems()).toEqual([]);
  });
});
