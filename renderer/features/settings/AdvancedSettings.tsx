import type { ForecastModel } from '../../../shared/model/schema.ts';
import { FULL_TRIALS_MAX_DEALS, LIVE_FORECAST_TRIALS, liveForecastTrials } from '../../../shared/analysis/trial-counts.ts';
import { whole } from '../../../shared/format/numbers.ts';
import { DEFAULT_SIMULATION, SIMULATION_LIMITS } from '../../../shared/model/simulation-settings.ts';
import { NumberField } from '../../fields/NumberField.tsx';

const withSimulation = (model: ForecastModel, field: 'trials' | 'seed', value: number | undefined): ForecastModel => {
  const simulation = { ...(model.simulation ?? {}) };
  if (value === undefined) delete simulation[field];
  else simulation[field] = value;
  const { simulation: _old, ...rest } = model;
  return Object.keys(simulation).length > 0 ? { ...rest, simulation } : rest;
};

/**
 * Trials and seed of the forecast, for the analyst who wants tighter percentiles or another draw.
 * Folded away by default: the defaults suit the board numbers. Saved with the workspace.
 */
export function AdvancedSettings({ model }: { model: ForecastModel }) {
  const defaultTrials = liveForecastTrials(model.deals.length);
  const forLargePipeline =
    defaultTrials === LIVE_FORECAST_TRIALS
      ? ''
      : ` for ${whole(model.deals.length)} deals, so a forecast takes seconds (${whole(LIVE_FORECAST_TRIALS)} up to ${whole(FULL_TRIALS_MAX_DEALS)} deals)`;
  const trialsHint = `${whole(SIMULATION_LIMITS.minTrials)} to ${whole(SIMULATION_LIMITS.maxTrials)}; default ${whole(defaultTrials)}${forLargePipeline}`;
  return (
    <details className="card card-wide advanced-settings">
      <summary>
        <h2>Advanced: trials and seed</h2>
      </summary>
      <p className="card-subtitle">
        More trials make the P10, median and P90 steadier and take longer; the same seed gives the same numbers every time. Leave a field empty for the default.
      </p>
      <div className="form-grid">
        <NumberField
          label="Trials"
          optional
          grouped
          value={model.simulation?.trials}
          placeholder={whole(defaultTrials)}
          path="simulation.trials"
          apply={(m, v) => withSimulation(m, 'trials', v)}
          hint={trialsHint}
        />
        <NumberField
          label="Seed"
          optional
          value={model.simulation?.seed}
          placeholder={String(DEFAULT_SIMULATION.seed)}
          path="simulation.seed"
          apply={(m, v) => withSimulation(m, 'seed', v)}
          hint="Any whole number from 0; the scenarios and analyses use it too"
        />
      </div>
    </details>
  );
}
