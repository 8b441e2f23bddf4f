import { useEffect } from 'react';
import { historyFromKept } from '../../../shared/history/kept-history.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { BacktestPanel } from './BacktestPanel.tsx';
import { FitReview } from './FitReview.tsx';
import { SignalFitReview } from './SignalFitReview.tsx';
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
          <SignalFitReview model={model} loaded={current} />
          <BacktestPanel model={model} loaded={current} />
        </>
      ) : (
        <p className="empty card">
          No closed-deal history yet. Choose a history CSV above: the app then fits each stage’s conversion and time to your own deals, for you to accept stage by stage, and checks how its forecasts would have done in past quarters. Until then the forecast uses the values on the Stage model tab.
        </p>
      )}
    </div>
  );
}
