import { useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { withCompared } from '../../../shared/scenarios/compared.ts';
import { useAppStore } from '../../state/store.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { addScenario, deleteScenario } from './scenario-edits.ts';
import { MODEL_LIMITS } from '../../../shared/model/limits.ts';

/** The scenarios of the workspace: the list, the selected one's overrides, and the comparison. */
export function ScenariosView({ model }: { model: ForecastModel }) {
  const scenarios = model.scenarios ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = scenarios.find((s) => s.id === selectedId) ?? scenarios[0] ?? null;

  const create = (copyOf?: (typeof scenarios)[number]) => {
    const state = useAppStore.getState();
    if (!state.document) return;
    const created = addScenario(state.document, copyOf ? `${copyOf.name} (copy)` : `Scenario ${scenarios.length + 1}`, copyOf);
    // A new scenario is ticked for comparison while there is room (one edit: one undo step).
    state.edit(() => withCompared(created.model, created.id, true));
    setSelectedId(created.id);
  };

  return (
    <div className="scenarios-view">
      <div className="scenario-layout">
        <nav className="scenario-list" aria-label="Scenarios">
          <h2>Scenarios</h2>
          {scenarios.length === 0 ? <p className="empty">No scenarios yet. A scenario changes some assumptions of the baseline (a faster proof of concept, a deal left out, a procurement freeze) and follows it in everything else. Choose “New scenario” to make one; it is compared with the baseline below.</p> : null}
          <ul>
            {scenarios.map((s) => (
              <li key={s.id}>
                <button type="button" aria-current={selected?.id === s.id ? 'true' : undefined} onClick={() => setSelectedId(s.id)}>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
          <div className="scenario-actions">
            <button type="button" onClick={() => create()} disabled={scenarios.length >= MODEL_LIMITS.maxScenarios}>
              New scenario
            </button>
            {selected ? (
              <>
                <button type="button" onClick={() => create(selected)}>
                  Duplicate
                </button>
                <button type="button" onClick={() => useAppStore.getState().edit((m) => deleteScenario(m, selected.id))}>
                  Delete scenario
                </button>
              </>
            ) : null}
          </div>
        </nav>
        {selected ? <ScenarioEditor key={selected.id} model={model} scenario={selected} /> : null}
      </div>
      <ComparePanel model={model} />
    </div>
  );
}
