import type { ForecastModel } from '../model/schema.ts';
import { guessColumns } from './columns.ts';
import { crmStagesOf, detectFormats, type ImportSettings } from './pipeline-import.ts';
import type { CsvTable } from './read-table.ts';
import { guessStageMapping } from './stage-mapping.ts';
import { guessImportSignalColumns } from '../signals/import-signals.ts';

export interface FirstGuess {
  settings: ImportSettings;
  /** Formats the file could not settle; the import dialog asks about these. */
  amountStyleGuessed: boolean;
  dateOrderAmbiguous: boolean;
  crmStages: string[];
}

/** The import settings a file suggests, before the user reviews them. */
export function firstGuess(table: CsvTable, model: ForecastModel): FirstGuess {
  const columns = guessColumns(table.headers, table.rows);
  const formats = detectFormats(table, columns);
  const crmStages = crmStagesOf(table, columns);
  const european = table.delimiter === ';';
  const signalColumns = guessImportSignalColumns(table.headers, model.signals ?? []);
  return {
    settings: {
      columns,
      amountStyle: formats.amountStyle ?? (european ? 'comma-decimal' : 'dot-decimal'),
      dateOrder: formats.dateOrder ?? (european ? 'day-first' : 'month-first'),
      stageMapping: guessStageMapping(crmStages, model.stages, model.crmStageMapping ?? {}),
      ...(Object.keys(signalColumns).length > 0 ? { signalColumns } : {}),
    },
    amountStyleGuessed: formats.amountStyle === null,
    dateOrderAmbiguous: formats.dateAmbiguous,
    crmStages,
  };
}
