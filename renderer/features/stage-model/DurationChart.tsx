import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { logNormalFromMedianP90 } from '../../../shared/engine/lognormal.ts';
import type { Stage } from '../../../shared/model/schema.ts';

/** How long deals stay in one stage: the lognormal's density, with the typical and slow case marked. */
export function DurationChart({ stage }: { stage: Stage }) {
  const { mu, sigma } = logNormalFromMedianP90(stage.duration.median, stage.duration.p90);
  const maxDay = Math.ceil(stage.duration.p90 * 1.8);
  const step = Math.max(1, Math.round(maxDay / 120));
  const rows = [];
  for (let day = step; day <= maxDay; day += step) {
    const z = (Math.log(day) - mu) / sigma;
    // Share of deals leaving on that day, in percent per day.
    rows.push({ day, share: (100 * Math.exp(-0.5 * z * z)) / (day * sigma * Math.sqrt(2 * Math.PI)) });
  }
  return (
    <figure className="duration-chart" tabIndex={0} aria-label={`Time in ${stage.name}: typically ${stage.duration.median} days, 1 in 10 deals take more than ${stage.duration.p90} days`}>
      <figcaption>
        Time in <strong>{stage.name}</strong>: typically {stage.duration.median} days; 1 in 10 deals take more than {stage.duration.p90} days
      </figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <AreaChart data={rows} margin={{ top: 6, right: 16, bottom: 18, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--grid)" />
          <XAxis dataKey="day" type="number" domain={[0, maxDay]} label={{ value: 'Days in stage', position: 'insideBottom', offset: -10, className: 'axis-label' }} />
          <YAxis tickFormatter={(v: number) => `${v.toFixed(1)}%`} width={48} />
          <Tooltip formatter={(v) => [`${Number(v).toFixed(2)}% of deals per day`, 'Leaving on that day']} labelFormatter={(d) => `Day ${String(d)}`} />
          <Area dataKey="share" stroke="var(--accent)" fill="var(--band)" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
