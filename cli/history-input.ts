import { readFile, stat } from 'node:fs/promises';
import { buildHistory, guessHistorySettings, historyCrmStages } from '../shared/history/history-import.ts';
import type { History } from '../shared/history/history-types.ts';
import type { LineProblem } from '../shared/import/pipeline-import.ts';
import { readCsvTable } from '../shared/import/read-table.ts';
import type { ForecastModel } from '../shared/model/schema.ts';
import { validateModel } from '../shared/model/validate.ts';
import { fail, ok, type Problem, type Result } from '../shared/result.ts';
import { guessSignalColumns, withHistorySignals, type UnmappedSignalValue } from '../shared/signals/history-signals.ts';
import { decodeCsvBytes } from '../renderer/features/import/decode-bytes.ts';
import { count } from '../shared/format/numbers.ts';

/** A regular file's bytes, or a plain problem (missing, a folder, a FIFO that would hang, unreadable). */
async function readRegularFile(path: string): Promise<Result<Buffer>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail([{ path, message: 'is not a regular file' }]);
    return ok(await readFile(path));
  } catch (error) {
    return fail([{ path, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
}

export async function readModelFile(path: string): Promise<Result<ForecastModel>> {
  const bytes = await readRegularFile(path);
  if (!bytes.ok) return bytes;
  let input: unknown;
  try {
    input = JSON.parse(bytes.value.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([{ path, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const model = validateModel(input);
  return model.ok ? model : fail(model.problems.map((p) => ({ path: `${path}: ${p.path}`, message: p.message })));
}

export interface LoadedHistory {
  history: History;
  /** Rows left out, each with its line and why, and CRM stages that map to nothing. */
  problems: LineProblem[];
  unmappedStages: string[];
  notes: string[];
  /** Signal id → the column its values were read from (semantics 12), and values that name none. */
  signalColumns: Record<string, number>;
  unmappedSignalValues: UnmappedSignalValue[];
}

/**
 * Reads a CRM history export the way the app does: the layout, columns, date order and stage
 * mapping guessed from the file and the model (stages by id or name, any case; closed won and lost
 * recognised). Fails only when nothing usable is left; left-out rows are returned with their lines.
 */
export async function readHistoryFile(path: string, model: ForecastModel): Promise<Result<LoadedHistory>> {
  const bytes = await readRegularFile(path);
  if (!bytes.ok) return bytes;
  const table = readCsvTable(decodeCsvBytes(new Uint8Array(bytes.value)).text);
  const { settings } = guessHistorySettings(table, model);
  const unmappedStages = historyCrmStages(table, settings).filter((crm) => settings.stageMapping[crm] === undefined);
  const preview = buildHistory(table, settings, model);
  if (preview.deals === 0) {
    const problems: Problem[] = preview.problems.slice(0, 20).map((p) => ({ path: `${path}: line ${p.line}`, message: p.message }));
    if (unmappedStages.length > 0) problems.push({ path, message: `these CRM stages match no stage of the model: ${unmappedStages.map((s) => `"${s}"`).join(', ')} (the model's stages are ${model.stages.map((s) => `"${s.id}" (${s.name})`).join(', ')})` });
    problems.push({ path, message: 'has no deal with a stage change that maps to the model' });
    return fail(problems);
  }
  const signals = model.signals ?? [];
  const signalColumns = guessSignalColumns(table.headers, signals);
  const { history, unmapped } = withHistorySignals(preview.history, table, settings.columns.id, signals, signalColumns);
  return ok({ history, problems: preview.problems, unmappedStages, notes: preview.notes, signalColumns, unmappedSignalValues: unmapped });
}

/** Left-out rows and unmapped stages as lines for stderr. */
export function describeLeftOut(path: string, loaded: LoadedHistory): string[] {
  return [
    ...(loaded.unmappedStages.length > 0 ? [`${path}: these CRM stages match no stage of the model and their rows were left out: ${loaded.unmappedStages.map((s) => `"${s}"`).join(', ')}`] : []),
    ...loaded.problems.map((p) => `${path}: line ${p.line}: ${p.message} (left out)`),
    ...loaded.unmappedSignalValues.map((u) => `${path}: column "${u.column}": "${u.value}" (${count(u.rows, 'row')}) is none of the signal's values; those deals count at its baseline`),
  ];
}
