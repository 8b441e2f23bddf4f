import { useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useAppShallow } from '../../state/store.ts';
import { ChartCard } from '../ChartCard.tsx';
import { certaintyHint } from './certainty.ts';
import { DurationChart } from './DurationChart.tsx';
import { LossTimeEditor } from './LossTimeEditor.tsx';
import { NumberField } from './NumberField.tsx';
import { addStage, deleteStage, moveStage, updateStage } from './stage-edits.ts';
import { TextField } from './TextField.tsx';

/** The ordered stages of the cycle: conversion, its certainty, durations and costs, all editable. */
export function StageEditor({ model }: { model: ForecastModel }) {
  const edit = useAppShallow((s) => s.edit);
  const [selected, setSelected] = useState(0);
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
                    disabled={count > 0 || model.stages.length === 1}
                    title={count > 0 ? `Reassign the ${count} open deals in this stage first` : undefined}
                    onClick={() => edit((m) => deleteStage(m, i))}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
