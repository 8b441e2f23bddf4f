import { useState } from 'react';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { useAppStore } from '../state/store.ts';

const dismissedKey = (workspaceId: string) => `topdown-forecast:how-to-start-dismissed:${workspaceId}`;

function wasDismissed(workspaceId: string): boolean {
  try {
    return localStorage.getItem(dismissedKey(workspaceId)) === 'yes';
  } catch {
    return false; // storage refused (private mode): the help shows again, nothing else is affected
  }
}

/**
 * "How to start", on a workspace with no deals yet (a new blank workspace): the three steps from an
 * empty workspace to a forecast worth showing. Dismissed per workspace, remembered on this machine.
 */
export function FirstRunHelp({ model, workspaceId }: { model: ForecastModel; workspaceId: string }) {
  const [dismissed, setDismissed] = useState(() => wasDismissed(workspaceId));
  if (dismissed || model.deals.length > 0 || (model.closedWon ?? []).length > 0) return null;
  const { showView, openDialog } = useAppStore.getState();
  const dismiss = () => {
    try {
      localStorage.setItem(dismissedKey(workspaceId), 'yes');
    } catch {
      // Not remembered; it is hidden for now all the same.
    }
    setDismissed(true);
  };
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="card-head">
        <h2 id="first-run-title">How to start</h2>
        <button type="button" onClick={dismiss}>
          Got it, hide this
        </button>
      </div>
      <ol>
        <li>
          <strong>Bring in your pipeline.</strong> Import the open opportunities from Salesforce or HubSpot as CSV, or add deals by hand on the Pipeline tab.{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              showView('pipeline');
              openDialog('importCsv');
            }}
          >
            Import CSV…
          </button>
        </li>
        <li>
          <strong>Check the stage model.</strong> Each stage has a conversion rate and a typical and slow-case time, a first guess for a top-down cycle. Fit them to your own closed deals on the Calibrate tab.{' '}
          <button type="button" className="link" onClick={() => showView('model')}>
            Open the stage model
          </button>
        </li>
        <li>
          <strong>Set the calendar and targets.</strong> The fiscal year start and each quarter’s bookings target, so the forecast can give the chance of reaching it.{' '}
          <button type="button" className="link" onClick={() => showView('settings')}>
            Open calendar and targets
          </button>
        </li>
      </ol>
      <p className="field-hint">The forecast reruns after every change and everything is saved as you go.</p>
    </section>
  );
}
