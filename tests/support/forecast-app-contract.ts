import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ForecastAppApi } from '../../shared/ipc/contract.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';

/** What a host can be told to do in place of the user at a dialog. */
export interface FakeUser {
  /** The next file the user picks to open (null: cancels). */
  nextOpenedFile: { name: string; text: string } | null;
  /** Files the user saved, by name. */
  saved: Map<string, string | Uint8Array>;
  /** How many times the app's page was printed (to a PDF on the desktop, to the print dialog in the browser). */
  printed: number;
}

/** What a saved folder export holds, by file name: the files in a folder, or in a zip. */
export function savedFolderFiles(user: FakeUser, location: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, data] of user.saved) {
    if (path === location && data instanceof Uint8Array) {
      for (const [name, bytes] of Object.entries(unzipSync(data))) files.set(name.split('/').pop() ?? name, strFromU8(bytes));
    } else if (path.startsWith(`${location}/`) || path.startsWith(`${location}\\`)) {
      files.set(path.slice(location.length + 1), typeof data === 'string' ? data : strFromU8(data));
    }
  }
  return files;
}

/**
 * The behaviour every host of `forecastApp` must share (Electron's main process and the browser
 * host). Each host's test file calls this with a factory for a fresh, empty host.
 */
export function describeForecastAppContract(hostName: string, makeHost: (user: FakeUser) => Promise<ForecastAppApi>) {
  describe(`forecastApp contract: ${hostName}`, () => {
    let app: ForecastAppApi;
    let user: FakeUser;
    beforeEach(async () => {
      user = { nextOpenedFile: null, saved: new Map(), printed: 0 };
      app = await makeHost(user);
    });

    const created = async () => {
      const result = await app.createWorkspace({ name: 'Q1 plan', document: SAMPLE_WORKSPACE });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value;
    };

    it('starts empty, then lists, opens and remembers a created workspace', async () => {
      expect(await app.listWorkspaces()).toEqual({ ok: true, value: [] });
      expect(await app.getStartupState()).toMatchObject({ ok: true, value: { lastWorkspaceId: null } });
      const summary = await created();
      expect(summary.name).toBe('Q1 plan');
      const list = await app.listWorkspaces();
      expect(list.ok && list.value.map((w) => w.id)).toEqual([summary.id]);
      const opened = await app.openWorkspace(summary.id);
      expect(opened.ok && opened.value.document).toMatchObject({ name: 'Q1 plan', deals: expect.arrayContaining([expect.objectContaining({ id: 'D-1019', owner: 'Priya Nair' })]) });
      expect(opened.ok && opened.value.recovery).toBeNull();
      expect(await app.getStartupState()).toMatchObject({ ok: true, value: { lastWorkspaceId: summary.id } });
    });

    it('saves the document as the user sees it, problems included, and opens it again with the same problems', async () => {
      const { id } = await created();
      const opened = await app.openWorkspace(id);
      if (!opened.ok) throw new Error('open');
      expect(opened.value.problems).toEqual([]);
      const edited = { ...opened.value.document, horizonQuarters: 3 };
      const first = await app.saveWorkspace(id, edited, opened.value.revision);
      expect(first).toMatchObject({ ok: true, value: { status: 'saved', revision: opened.value.revision + 1 } });
      const withProblem = { ...edited, deals: [{ ...edited.deals[0], stage: 'pilott' }, ...edited.deals.slice(1)] };
      const second = await app.saveWorkspace(id, withProblem, opened.value.revision + 1);
      expect(second.ok && second.value.status).toBe('saved');
      const reopened = await app.openWorkspace(id);
      if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
      expect(reopened.value.document.deals[0]?.stage).toBe('pilott');
      expect(reopened.value.document.deals).toHaveLength(40);
      expect(reopened.value.problems.map((p) => p.path)).toEqual(['deals[0].stage']);
      // A document without the model's shape is refused, and the saved one is untouched.
      const shapeless = await app.saveWorkspace(id, { ...edited, deals: 'none' }, reopened.value.revision);
      expect(shapeless.ok).toBe(false);
      expect((await app.openWorkspace(id)).ok).toBe(true);
    });

    it('refuses a save based on an older revision (another window saved first) and writes nothing', async () => {
      const { id } = await created();
      const windowA = await app.openWorkspace(id);
      const windowB = await app.openWorkspace(id);
      if (!windowA.ok || !windowB.ok) throw new Error('open');
      const fromB = await app.saveWorkspace(id, { ...windowB.value.document, horizonQuarters: 2 }, windowB.value.revision);
      expect(fromB.ok && fromB.value.status).toBe('saved');
      const fromA = await app.saveWorkspace(id, { ...windowA.value.document, horizonQuarters: 9 }, windowA.value.revision);
      expect(fromA.ok && fromA.value).toMatchObject({ status: 'conflict', revision: windowA.value.revision + 1, message: expect.stringMatching(/changed in another window/) });
      const reopened = await app.openWorkspace(id);
      expect(reopened.ok && reopened.value.document.horizonQuarters).toBe(2);
    });

    it('renames and duplicates a workspace, and restores a deleted one from the trash', async () => {
      const { id } = await created();
      expect(await app.renameWorkspace(id, 'Board plan')).toMatchObject({ ok: true, value: { id, name: 'Board plan' } });
      const copy = await app.duplicateWorkspace(id);
      expect(copy.ok && copy.value.name).toBe('Copy of Board plan');
      const deleted = await app.deleteWorkspace(id);
      if (!deleted.ok) throw new Error('delete');
      expect(deleted.value).toMatchObject({ id, name: 'Board plan' });
      expect(Date.parse(deleted.value.removedAfter) - Date.parse(deleted.value.deletedAt)).toBe(30 * 24 * 3600 * 1000);
      const listed = await app.listWorkspaces();
      expect(listed.ok && listed.value.map((w) => w.name)).toEqual(['Copy of Board plan']);
      expect(await app.listTrash()).toMatchObject({ ok: true, value: [{ trashId: deleted.value.trashId, name: 'Board plan' }] });
      const restored = await app.restoreWorkspace(deleted.value.trashId);
      expect(restored).toMatchObject({ ok: true, value: { id, name: 'Board plan', asOf: '2026-11-23' } });
      expect(await app.listTrash()).toEqual({ ok: true, value: [] });
      const reopened = await app.openWorkspace(id);
      expect(reopened.ok && reopened.value.document.deals).toHaveLength(40);
    });

    it('rejects malformed arguments with a clear problem instead of throwing', async () => {
      const call = app as unknown as Record<string, (...args: unknown[]) => Promise<{ ok: boolean; problems?: { path: string; message: string }[] }>>;
      const badId = await call.openWorkspace?.('../../etc/passwd');
      expect(badId?.ok).toBe(false);
      expect(badId?.problems?.[0]?.path).toBe('openWorkspace([0])');
      const missingArgs = await call.saveWorkspace?.();
      expect(missingArgs?.ok).toBe(false);
      const badExport = await call.saveExport?.({ suggestedName: '../evil.sh', data: 'x' });
      expect(badExport?.ok).toBe(false);
      expect((await app.openWorkspace('no-such-workspace')).ok).toBe(false);
    });

    it('deletes a workspace and forgets it as the last one', async () => {
      const { id } = await created();
      await app.openWorkspace(id);
      expect(await app.deleteWorkspace(id)).toMatchObject({ ok: true, value: { id } });
      expect(await app.listWorkspaces()).toEqual({ ok: true, value: [] });
      expect(await app.getStartupState()).toMatchObject({ ok: true, value: { lastWorkspaceId: null } });
    });

    it('imports a model file the user picks, and reports every problem of a bad one', async () => {
      user.nextOpenedFile = { name: 'cfo-copy.forecast.json', text: `\uFEFF${JSON.stringify({ ...SAMPLE_WORKSPACE, name: 'CFO copy' })}` };
      const imported = await app.importModelFile();
      // Added under the file's name, so the user finds it by the name they picked.
      expect(imported.ok && imported.value?.name).toBe('cfo-copy');
      user.nextOpenedFile = { name: 'bad.json', text: JSON.stringify({ ...SAMPLE_WORKSPACE, horizonQuarters: 40, currency: 'dollars' }) };
      const refused = await app.importModelFile();
      expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual(['bad.json: horizonQuarters', 'bad.json: currency']);
      user.nextOpenedFile = { name: 'truncated.json', text: JSON.stringify(SAMPLE_WORKSPACE).slice(0, 200) };
      const truncated = await app.importModelFile();
      expect(truncated.ok ? '' : truncated.problems[0]?.message).toMatch(/not valid JSON/);
      user.nextOpenedFile = null;
      expect(await app.importModelFile()).toEqual({ ok: true, value: null });
      expect((await app.listWorkspaces()).ok && ((await app.listWorkspaces()) as { value: unknown[] }).value.length).toBe(1);
    });

    it('saves a copy of the model on screen, refuses one with problems, and writes export files through the user’s save choice', async () => {
      const { id } = await created();
      const opened = await app.openWorkspace(id);
      if (!opened.ok) throw new Error('open');
      const onScreen = { ...opened.value.document, deals: opened.value.document.deals.slice(0, 2) };
      const exported = await app.exportModelFile(onScreen);
      expect(exported.ok && exported.value?.location).toMatch(/Q1 plan\.forecast\.json$/);
      const [text] = [...user.saved.values()];
      expect(JSON.parse(String(text))).toMatchObject({ version: 1, name: 'Q1 plan', deals: [{}, {}] });
      expect(JSON.parse(String(text)).revision).toBeUndefined();
      const refused = await app.exportModelFile({ ...onScreen, asOf: '2026-01-01' });
      expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual(['deals[0].stageEnteredOn', 'deals[1].stageEnteredOn']);
      expect(user.saved.size).toBe(1);
      const csv = await app.saveExport({ suggestedName: 'forecast-quarters.csv', data: 'a,b\r\n' });
      expect(csv.ok).toBe(true);
      expect([...user.saved.values()]).toContain('a,b\r\n');
    });

    it('prints the one-page summary: to a PDF through the save choice on the desktop, to the print dialog in the browser', async () => {
      const printed = await app.printSummaryPdf({ suggestedName: 'forecast-FY2027-Q4-2026-11-23-summary.pdf' });
      expect(printed.ok).toBe(true);
      expect(user.printed).toBe(1);
      if (app.host === 'electron') {
        expect(printed.ok && printed.value?.location).toMatch(/forecast-FY2027-Q4-2026-11-23-summary\.pdf$/);
        expect(new TextDecoder().decode([...user.saved.values()][0] as Uint8Array)).toMatch(/^%PDF/);
      } else expect(printed.ok && printed.value?.location).toBe('print dialog');
      const refused = await app.printSummaryPdf({ suggestedName: '../summary.exe' });
      expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual(['printSummaryPdf([0].suggestedName)']);
      expect(user.printed).toBe(1);
    });

    it('writes several exports together as a new folder (a zip in the browser), never over an old one', async () => {
      const pack = { folderName: 'forecast-board-pack', files: [{ suggestedName: 'quarters.csv', data: 'a,b\r\n' }, { suggestedName: 'chart.png', data: new Uint8Array([137, 80, 78, 71]) }] };
      const first = await app.saveExportFolder(pack);
      const second = await app.saveExportFolder(pack);
      if (!first.ok || !first.value || !second.ok || !second.value) throw new Error('the pack was not saved');
      expect(first.value.location).toMatch(/forecast-board-pack/);
      const files = savedFolderFiles(user, first.value.location);
      expect([...files.keys()].sort()).toEqual(['chart.png', 'quarters.csv']);
      expect(files.get('quarters.csv')).toBe('a,b\r\n');
      if (app.host === 'electron') expect(second.value.location).toMatch(/forecast-board-pack \(2\)$/);
      const refused = await app.saveExportFolder({ folderName: '../up', files: [{ suggestedName: 'a.csv', data: '' }, { suggestedName: 'A.csv', data: '' }] });
      expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['saveExportFolder([0].folderName)', 'saveExportFolder([0].files)']));
    });
  });
}
