import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { moveChanceAfterWaiting } from '../../../shared/engine/competing-risks.ts';
import { niceStep } from '../../../shared/engine/chart-data.ts';
import { logNormalFromMedianP90 } from '../../../shared/engine/lognormal.ts';
import type { ForecastModel, Stage } from '../../../shared/model/schema.ts';
import { percent } from '../../format.ts';
import { NumberField } from '../../fields/NumberField.tsx';

/** The stage with a losers' time set, or removed (undefined). */
function withLossDuration(model: ForecastModel, index: number, lossDuration: Stage['lossDuration']): ForecastModel {
  return {
    ...model,
    stages: model.stages.map((s, j) => {
      if (j !== index) return s;
      const { lossDuration: _drop, ...rest } = s;
      return lossDuration ? { ...rest, lossDuration } : rest;
    }),
  };
}

/**
 * "Time before a deal is lost here" (semantics 9): how long the deals that end lost in a stage stay
 * there. When it is longer than the movers' time, a deal that has waited long is more likely one of
 * the lost ones, and the chart shows how its chance to move on falls with the days it has waited.
 */
export function LossTimeEditor({ stage, index }: { stage: Stage; index: number }) {
  const at = `stages[${index}].lossDuration`;
  const loss = stage.lossDuration;
  const mover = logNormalFromMedianP90(stage.duration.median, stage.duration.p90);
  const loser = loss ? logNormalFromMedianP90(loss.median, loss.p90) : mover;
  // Round axis ends (0, 150, 300, 450, 600), so the last tick does not crowd the one before it.
  const tick = niceStep(Math.max(stage.duration.p90, loss?.p90 ?? 0) / 2);
  const maxDay = tick * 4;
  const step = Math.max(1, Math.round(maxDay / 100));
  const rows = [];
  for (let day = 0; day <= maxDay; day += step) rows.push({ day, chance: 100 * moveChanceAfterWaiting(stage.conversion, mover, loser, day) });
  const usual = stage.duration.median;
  const atThreeTimes = moveChanceAfterWaiting(stage.conversion, mover, loser, 3 * usual);

  return (
    <div className="loss-time">
      <h3>Time before a deal is lost here</h3>
      <p className="field-hint">
        How long the deals that end up lost in {stage.name} stay in it before they are lost. In top-down sales a deal that lingers far beyond the usual time is
        mostly dead: when lost deals linger longer than the ones that move on, the forecast lowers a waiting deal’s chance the longer it has waited. Leave it empty
        and every deal keeps {percent(stage.conversion)} however long it has waited.
      </p>
      <div className="loss-time-fields">
        <NumberField
          optional
          label="Typical time before it is lost"
          suffix="days"
          value={loss?.median}
          path={at}
          apply={(m, v) => {
            const current = m.stages[index] ?? stage;
            const ratio = current.duration.p90 / current.duration.median;
            return withLossDuration(m, index, v === undefined ? undefined : { median: v, p90: current.lossDuration?.p90 ?? Math.round(v * ratio * 10) / 10 });
          }}
        />
        <NumberField
          optional
          label="Slow case (P90) before it is lost"
          suffix="days"
          value={loss?.p90}
          path={at}
          {...(loss ? {} : { placeholder: 'set the typical time first' })}
          apply={(m, v) => {
            const current = m.stages[index] ?? stage;
            if (!current.lossDuration) return m;
            return withLossDuration(m, index, v === undefined ? undefined : { median: current.lossDuration.median, p90: v });
          }}
        />
      </div>
      <figure
        className="duration-chart"
        tabIndex={0}
        aria-label={`Chance to move on from ${stage.name} by days waited: ${percent(stage.conversion)} on entry, ${percent(atThreeTimes)} after ${3 * usual} days (3× the usual time)`}
      >
        <figcaption>
          Chance to move on from <strong>{stage.name}</strong> by days already waited: {percent(stage.conversion)} on entry, {percent(atThreeTimes)} after {3 * usual} days (3× the
          usual time)
        </figcaption>
        <ResponsiveContainer width="100%" height={150}>
          <LineChart data={rows} margin={{ top: 6, right: 16, bottom: 18, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--grid)" />
            <XAxis dataKey="day" type="number" domain={[0, maxDay]} ticks={[0, tick, 2 * tick, 3 * tick, maxDay]} label={{ value: 'Days already in the stage', position: 'insideBottom', offset: -10, className: 'axis-label' }} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} width={44} />
            <Tooltip formatter={(v) => [`${Number(v).toFixed(1)}%`, 'Chance to move on']} labelFormatter={(d) => `After ${String(d)} days`} />
            <Line dataKey="chance" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
