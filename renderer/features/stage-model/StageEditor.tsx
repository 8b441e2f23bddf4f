import { useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useAppShallow } from '../../state/store.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { certaintyHint } from './certainty.ts';
import { DurationChart } from './DurationChart.tsx';
import { LossTimeEditor } from './LossTimeEditor.tsx';
import { NumberField } from '../../fields/NumberField.tsx';
import { addStage, deleteStage, deleteStageMovingDeals, moveStage, updateStage } from './stage-edits.ts';
import { TextField } from '../../fields/TextField.tsx';

/** The ordered stages of the cycle: conversion, its certainty, durations and costs, all editable. */
export function StageEditor({ model }: { model: ForecastModel }) {
  const edit = useAppShallow((s) => s.edit);
  const [selected, setSelected] = useState(0);
  /** The stage being deleted while the user picks where its deals go. */
  const [deleting, setDeleting] = useState<{ id: string; moveTo: string } | null>(null);
  const c = model.currency;
  const dealsIn = (id: string) => model.deals.filter((d) => d.stage === id).length;
  const shown = model.stages[Math.min(selected, model.stages.length - 1)];

  return (
    <ChartCard wide title="Stage model" subtitle="The stages of your cycle, in order. Values are checked as you type and apply when you press Enter or leave the field.">
      <table className="data-table stage-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Moves on</th>
            <th scope="col">Deals behind the rate</th>
            <th scope="col">Typical time</th>
            <th scope="col">Slow case (P90)</th>
            <th scope="col">Cost per day</th>
            <th scope="col">Cost on entry</th>
            <th scope="col" className="num">Open deals</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {model.stages.map((stage, i) => {
            const count = dealsIn(stage.id);
            const at = `stages[${i}]`;
            return (
              <tr key={stage.id} className={i === selected ? 'selected' : undefined} onFocusCapture={() => setSelected(i)} onClick={() => setSelected(i)}>
                <td>
                  <TextField hideLabel label={`Name of stage ${i + 1}`} value={stage.name} path={`${at}.name`} apply={(m, name) => updateStage(m, i, { name })} />
                </td>
                <td>
                  <NumberField hideLabel label={`${stage.name} conversion`} suffix="%" scale={100} displayRange={{ above: 0, atMost: 100 }} value={stage.conversion} path={`${at}.conversion`} apply={(m, v) => updateStage(m, i, { conversion: v ?? NaN })} />
                </td>
                <td>
                  <NumberField
                    hideLabel
                    optional
                    label={`${stage.name} deals behind the rate`}
                    value={stage.conversionSampleSize}
                    path={`${at}.conversionSampleSize`}
                    hint={certaintyHint(stage.conversion, stage.conversionSampleSize)}
                    apply={(m, v) => {
                      const { conversionSampleSize: _drop, ...rest } = m.stages[i] ?? stage;
                      return { ...m, stages: m.stages.map((s, j) => (j === i ? (v === undefined ? rest : { ...rest, conversionSampleSize: v }) : s)) };
                    }}
                  />
                </td>
                <td>
                  <NumberField hideLabel label={`${stage.name} typical days`} suffix="days" value={stage.duration.median} path={`${at}.duration`} apply={(m, v) => updateStage(m, i, { duration: { ...stage.duration, median: v ?? NaN } })} />
                </td>
                <td>
                  <NumberField hideLabel label={`${stage.name} slow-case days`} suffix="days" value={stage.duration.p90} path={`${at}.duration`} apply={(m, v) => updateStage(m, i, { duration: { ...stage.duration, p90: v ?? NaN } })} />
                </td>
                <td>
                  <NumberField hideLabel grouped label={`${stage.name} cost per day`} suffix={c} value={stage.costPerDay} path={`${at}.costPerDay`} apply={(m, v) => updateStage(m, i, { costPerDay: v ?? NaN })} />
                </td>
                <td>
                  <NumberField hideLabel grouped label={`${stage.name} cost on entry`} suffix={c} value={stage.entryCost} path={`${at}.entryCost`} apply={(m, v) => updateStage(m, i, { entryCost: v ?? NaN })} />
                </td>
                <td className="num">{count}</td>
                <td className="row-actions">
                  <button type="button" aria-label={`Move ${stage.name} up`} disabled={i === 0} onClick={() => edit((m) => moveStage(m, i, -1))}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${stage.name} down`} disabled={i === model.stages.length - 1} onClick={() => edit((m) => moveStage(m, i, 1))}>
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${stage.name}`}
                    disabled={model.stages.length === 1}
                    onClick={() => (count > 0 ? setDeleting({ id: stage.id, moveTo: model.stages[i === 0 ? 1 : i - 1]?.id ?? '' }) : edit((m) => deleteStage(m, i)))}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deleting ? <MoveDealsThenDelete model={model} deleting={deleting} onChange={setDeleting} /> : null}
      <div className="editor-footer">
        <button type="button" onClick={() => edit(addStage)} disabled={model.stages.length >= 12}>
          Add stage
        </button>
        <span className="field-hint">Deals that move on from the last stage are won.</span>
      </div>
      {shown ? (
        <div className="stage-details">
          <DurationChart stage={shown} />
          <LossTimeEditor key={shown.id} stage={shown} index={model.stages.indexOf(shown)} />
        </div>
      ) : null}
    </ChartCard>
  );
}

/** Deleting a stage that holds deals: the user picks the stage they move to, then confirms. */
function MoveDealsThenDelete({ model, deleting, onChange }: { model: ForecastModel; deleting: { id: string; moveTo: string }; onChange: (next: { id: string; moveTo: string } | null) => void }) {
  const edit = useAppShallow((s) => s.edit);
  const index = model.stages.findIndex((s) => s.id === deleting.id);
  const stage = model.stages[index];
  if (!stage) return null;
  const count = model.deals.filter((d) => d.stage === stage.id).length;
  return (
    <div className="notice notice-warning move-deals" role="group" aria-label={`Delete ${stage.name}`}>
      <p>
        {stage.name} holds {count} open {count === 1 ? 'deal' : 'deals'}. Move {count === 1 ? 'it' : 'them'} to{' '}
        <select aria-label="Move its deals to" value={deleting.moveTo} onChange={(e) => onChange({ ...deleting, moveTo: e.target.value })}>
          {model.stages.filter((s) => s.id !== stage.id).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>{' '}
        and delete the stage? The deals keep the day they entered their stage.
      </p>
      <button
        type="button"
        className="primary small"
        onClick={() => {
          edit((m) => deleteStageMovingDeals(m, index, deleting.moveTo));
          onChange(null);
        }}
      >
        Move and delete
      </button>
      <button type="button" className="small" onClick={() => onChange(null)}>
        Cancel
      </button>
    </div>
  );
}
