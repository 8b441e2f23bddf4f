import { describe, expect, it } from 'vitest';
import { ok } from '../result.ts';
import type { IpcHandlers } from './contract.ts';
import { dispatchIpc } from './dispatch.ts';

const calls: unknown[][] = [];
const handlers = new Proxy({} as IpcHandlers, {
  get: (_target, name) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    if (name === 'listWorkspaces') throw new Error('disk on fire');
    return ok(null);
  },
});

describe('dispatchIpc', () => {
  it('refuses untrusted senders before looking at anything', async () => {
    const result = await dispatchIpc(handlers, 'deleteWorkspace', ['pipeline-1'], false);
    expect(result).toEqual({ ok: false, problems: [{ path: 'deleteWorkspace', message: 'was refused: the request did not come from the app’s own window' }] });
    expect(calls).toHaveLength(0);
  });

  it('validates arguments and names the bad one', async () => {
    expect(await dispatchIpc(handlers, 'openWorkspace', [{ id: 1 }], true)).toMatchObject({ ok: false, problems: [{ path: 'openWorkspace([0])' }] });
    expect(await dispatchIpc(handlers, 'openWorkspace', ['ok-id', 'extra'], true)).toMatchObject({ ok: false });
    expect(await dispatchIpc(handlers, 'evalSomething', [], true)).toMatchObject({ ok: false, problems: [{ message: 'is not a known call' }] });
    expect(await dispatchIpc(handlers, 'saveExport', [{ suggestedName: 'a.exe', data: 'x' }], true)).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
    expect(await dispatchIpc(handlers, 'openWorkspace', ['ok-id'], true)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['openWorkspace', 'ok-id']]);
  });

  it('turns a handler failure into a problem value', async () => {
    expect(await dispatchIpc(handlers, 'listWorkspaces', [], true)).toEqual({ ok: false, problems: [{ path: 'listWorkspaces', message: 'failed unexpectedly: disk on fire' }] });
  });
});
