import { useEffect, useRef, useState } from 'react';
import { useChartTabStop } from '../charts/chart-tab-stop.ts';
import { AppHeader } from './AppHeader.tsx';
import { DealCloseCurve } from '../features/pipeline/DealCloseCurve.tsx';
import { BookedDeals } from '../features/pipeline/BookedDeals.tsx';
import { DealsTable } from '../features/pipeline/DealsTable.tsx';
import { DealsCarryingQuarter } from '../features/forecast/DealsCarryingQuarter.tsx';
import { Notices } from './Notices.tsx';
import { Problems } from './Problems.tsx';
import { SettingsEditor } from '../features/settings/SettingsEditor.tsx';
import { StageEditor } from '../features/stage-model/StageEditor.tsx';
import { SignalsEditor } from '../features/stage-model/SignalsEditor.tsx';
import { QuarterSummary } from '../features/forecast/QuarterSummary.tsx';
import { FigureCard } from '../charts/FigureCard.tsx';
import { cacFigure } from '../figures/cac-figure.tsx';
import { fanFigure } from '../figures/fan-figure.tsx';
import { funnelFigure } from '../figures/funnel-figure.tsx';
import { histogramFigure } from '../figures/histogram-figure.tsx';
import { quarterFigure } from '../figures/quarter-figure.tsx';
import { ImportDialog } from '../features/import/ImportDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { SessionContext } from './session-context.ts';
import { ScenariosView } from '../features/scenarios/ScenariosView.tsx';
import { MakingTheNumber } from '../features/target/MakingTheNumber.tsx';
import { CalibrationView } from '../features/calibration/CalibrationView.tsx';
import { WhatChangedView } from '../features/what-changed/WhatChangedView.tsx';
import { useAppShallow } from '../state/store.ts';
import { ViewTabs } from './ViewTabs.tsx';
import { focusWhenShown } from '../fields/focus-field.ts';
import { WorkspacesDialog } from '../features/workspaces/WorkspacesDialog.tsx';
import { NewWorkspaceDialog } from '../features/workspaces/NewWorkspaceDialog.tsx';
import { SaveConflict } from './SaveConflict.tsx';
import { FirstRunHelp } from './FirstRunHelp.tsx';
import { PrintSummary } from './PrintSummary.tsx';
import { usePrinting } from './printing.ts';
import type { Session } from './session.ts';
import { friendlyDate } from '../../shared/format/dates.ts';
import { whole } from '../../shared/format/numbers.ts';

export function App({ session }: { session: Session }) {
  const { document, workspaceId, result, charts, stale, selectedQuarter, dialog, tab, setTab, fieldRequest, hasProblems } = useAppShallow((s) => ({
    workspaceId: s.workspaceId,
    document: s.document,
    result: s.result,
    charts: s.charts,
    stale: s.stale,
    selectedQuarter: s.selectedQuarter,
    dialog: s.dialog,
    tab: s.view,
    setTab: s.showView,
    fieldRequest: s.fieldRequest,
    hasProblems: s.problems.length > 0,
  }));
  const [dealId, setDealId] = useState<string | null>(null);
  const histogram = document && result && charts ? histogramFigure(result, charts, selectedQuarter, document.currency) : null;
  const view = useRef<HTMLElement>(null);
  const printing = usePrinting();
  // Every chart in the view is one tab stop: its summary, not Recharts' drawing surface.
  useChartTabStop(view);

  useEffect(() => {
    // A click on a problem: the view is switched in the store; put the cursor in the field once it is drawn.
    if (fieldRequest?.label) focusWhenShown(fieldRequest.label);
  }, [fieldRequest]);

  useEffect(() => {
    // Keyboard shortcuts for the browser host; in Electron the menu's accelerators send the same commands.
    if (session.api.host !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      const mod = event.metaKey || event.ctrlKey;
      if (!mod || (event.target instanceof HTMLElement && event.target.closest('input, textarea, select'))) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void session.command('undo');
      else if ((key === 'z' && event.shiftKey) || key === 'y') void session.command('redo');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  return (
    <SessionContext.Provider value={session}>
    <div className="app">
      <AppHeader session={session} />
      <Notices />
      <SaveConflict session={session} />
      <ViewTabs view={tab} onShow={setTab} />
      <main ref={view} id="view" role="tabpanel" aria-labelledby={`tab-${tab}`} className={stale ? 'dashboard stale' : 'dashboard'} aria-busy={!result}>
        {document && workspaceId ? <FirstRunHelp key={workspaceId} model={document} workspaceId={workspaceId} /> : null}
        <Problems />
        {document && tab === 'pipeline' ? <DealsTable model={document} result={result} /> : null}
        {document && tab === 'pipeline' ? <BookedDeals model={document} result={result} /> : null}
        {document && tab === 'model' ? <StageEditor model={document} /> : null}
        {document && tab === 'model' ? <SignalsEditor model={document} /> : null}
        {document && tab === 'settings' ? <SettingsEditor model={document} /> : null}
        {document && tab === 'scenarios' ? <ScenariosView model={document} /> : null}
        {document && result && tab === 'target' ? <MakingTheNumber model={document} result={result} /> : null}
        {document && tab === 'calibrate' ? <CalibrationView model={document} /> : null}
        {document && tab === 'changes' ? <WhatChangedView model={document} result={result} /> : null}
        {tab !== 'forecast' ? null : document && result ? (
          <>
            <QuarterSummary result={result} currency={document.currency} />
            <div className="grid">
              <FigureCard figure={quarterFigure(result, document.currency)} wide />
              {histogram ? <FigureCard figure={histogram} /> : null}
              <DealsCarryingQuarter model={document} result={result} quarter={selectedQuarter} />
              {charts ? <FigureCard figure={fanFigure(charts, document.currency, document.asOf)} /> : null}
              <DealCloseCurve result={result} dealId={dealId} onSelect={setDealId} />
              <FigureCard figure={cacFigure(document, result)} />
              <FigureCard figure={funnelFigure(result)} />
            </div>
            <p className="footnote">
              Forecast, not actuals: {whole(result.meta.trials)} Monte Carlo trials of the open pipeline and expected new pipeline, seed {result.meta.seed}, as of {friendlyDate(result.meta.asOf)}.
            </p>
          </>
        ) : hasProblems ? null : (
          <p className="loading">Opening your workspace…</p>
        )}
      </main>
      {document && result && printing ? <PrintSummary model={document} result={result} /> : null}
      {dialog === 'importCsv' && document ? <ImportDialog model={document} /> : null}
      {dialog === 'export' ? <ExportDialog /> : null}
      {dialog === 'workspaces' ? <WorkspacesDialog session={session} /> : null}
      {dialog === 'newWorkspace' ? <NewWorkspaceDialog session={session} /> : null}
    </div>
    </SessionContext.Provider>
  );
}
