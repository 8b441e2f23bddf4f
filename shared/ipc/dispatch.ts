import { IPC_CALLS, type IpcCall } from './channels.ts';
import { ipcArguments, type ForecastAppApi, type IpcHandlers } from './contract.ts';
import { problemsFromZod } from '../model/schema-problems.ts';
import { fail, type Result } from '../result.ts';

export const isIpcCall = (name: string): name is IpcCall => (IPC_CALLS as readonly string[]).includes(name);

/**
 * Runs one IPC call: rejects senders other than the app's own window, validates every argument
 * against the contract (they are `unknown` until then), and turns any unexpected failure into a
 * problem value, so the renderer always gets a Result and the main process never crashes on input.
 */
export async function dispatchIpc(handlers: IpcHandlers, call: string, rawArgs: unknown[], trustedSender: boolean): Promise<Result<unknown>> {
  if (!trustedSender) return fail([{ path: call, message: 'was refused: the request did not come from the app’s own window' }]);
  if (!isIpcCall(call)) return fail([{ path: call, message: 'is not a known call' }]);
  const parsed = ipcArguments[call].safeParse(rawArgs);
  if (!parsed.success) {
    return fail(problemsFromZod(parsed.error).map((p) => ({ path: `${call}(${p.path})`, message: p.message })));
  }
  try {
    const handler = handlers[call] as (...args: unknown[]) => Promise<Result<unknown>>;
    return await handler(...(parsed.data as unknown[]));
  } catch (error) {
    return fail([{ path: call, message: `failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}

/**
 * A `ForecastAppApi` that calls handlers in the same process, through the same validation as IPC.
 * The browser host is built this way, and tests use it to run the main process's handlers.
 */
export function apiFromHandlers(
  handlers: IpcHandlers,
  host: ForecastAppApi['host'],
  onMenuCommand: ForecastAppApi['onMenuCommand'] = () => () => undefined,
  onOpenWorkspace: ForecastAppApi['onOpenWorkspace'] = () => () => undefined,
): ForecastAppApi {
  const call =
    (name: IpcCall) =>
    (...args: unknown[]) =>
      dispatchIpc(handlers, name, args, true);
  const api = Object.fromEntries(IPC_CALLS.map((name) => [name, call(name)]));
  return { ...api, host, onMenuCommand, onOpenWorkspace } as ForecastAppApi;
}
