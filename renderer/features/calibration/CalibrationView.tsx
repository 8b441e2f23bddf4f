import { useEffect } from 'react';
import { historyFromKept } from '../../../shared/history/kept-history.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { BacktestPanel } from './BacktestPanel.tsx';
import { FitReview } from './FitReview.tsx';
import { HistoryLoader } from './HistoryLoader.tsx';

/** Calibrate the stage model from the company's own closed deals, and see how past forecasts did. */
export function CalibrationView({ model }: { model: ForecastModel }) {
  const { loaded, forWorkspace, workspaceId } = useAppShallow((s) => ({ loaded: s.calibration.loaded, forWorkspace: s.calibration.workspaceId, workspaceId: s.workspaceId }));
  const current = loaded && forWorkspace === workspaceId ? loaded : null;
  const kept = model.calibration?.history;
  useEffect(() => {
    const state = useAppStore.getState();
    // A history of another workspace is not this one's; a history kept with this workspace is used again.
    if (loaded && forWorkspace !== workspaceId) state.forgetHistory();
    else if (!loaded && kept) state.loadHistory({ history: historyFromKept(kept), fileName: kept.fileName, crmMapping: {} }, model, workspaceId);
  }, [loaded, forWorkspace, workspaceId, kept, model]);
  return (
    <div className="calibration-view">
      <HistoryLoader model={model} />
      {current ? (
        <>
          <FitReview model={model} loaded={current} />
          <BacktestPanel model={model} loaded={current} />
        </>
      ) : null}
    </div>
  );
}
