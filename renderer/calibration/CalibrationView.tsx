import type { ForecastModel } from '../../shared/model/schema.ts';
import { BacktestPanel } from './BacktestPanel.tsx';
import { useCalibrationStore } from './calibration-store.ts';
import { FitReview } from './FitReview.tsx';
import { HistoryLoader } from './HistoryLoader.tsx';

/** Calibrate the stage model from the company's own closed deals, and see how past forecasts did. */
export function CalibrationView({ model }: { model: ForecastModel }) {
  const loaded = useCalibrationStore((s) => s.history);
  return (
    <div className="calibration-view">
      <HistoryLoader model={model} />
      {loaded ? (
        <>
          <FitReview key={loaded.fileName + loaded.history.deals.length} model={model} loaded={loaded} />
          <BacktestPanel model={model} loaded={loaded} />
        </>
      ) : null}
    </div>
  );
}
