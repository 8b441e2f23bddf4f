import { useId, useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { forecastTrail, trailQuarters } from '../../../shared/snapshots/forecast-trail.ts';
import type { QuarterSummary, SnapshotStore } from '../../../shared/snapshots/snapshot-types.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { trailFigure } from '../../figures/trail-figure.tsx';
import { friendlyDate } from '../../../shared/format/dates.ts';

/** The forecast's track record for one quarter: how it was forecast at each snapshot, and what happened. */
export function ForecastTrail({ model, snapshots, current }: { model: ForecastModel; snapshots: SnapshotStore; current: QuarterSummary[] }) {
  const quarters = trailQuarters(snapshots, current);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();
  const start = chosen ?? current[0]?.start ?? quarters[0]?.start;
  // Without a kept snapshot there is no track record yet (the view says how to start one).
  if (!start || snapshots.entries.length === 0) return null;
  const trail = forecastTrail(snapshots, start, model, current);
  const picker = (
    <div className="inline-row">
      <label htmlFor={id}>Quarter</label>
      <select id={id} value={start} onChange={(e) => setChosen(e.target.value)}>
        {quarters.map((q) => (
          <option key={q.start} value={q.start}>
            {q.label}
          </option>
        ))}
      </select>
    </div>
  );
  // One forecast of a quarter is a point, not a trail: say so, and keep the picker to choose another.
  if (trail.entries.length < 2) {
    return (
      <ChartCard wide title={`${trail.label}: the forecast over time`}>
        {picker}
        <p className="empty">Only one forecast of {trail.label} so far; the chart appears once a snapshot holds another.</p>
      </ChartCard>
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const points = trail.entries.map((e) => ({ day: e.takenAt?.slice(0, 10) ?? today, now: e.takenAt === null, label: e.takenAt === null ? 'Now' : friendlyDate(e.takenAt.slice(0, 10)).replace(/, \d{4}$/, ''), p10: e.quarter.p10, p50: e.quarter.p50, p90: e.quarter.p90, pTarget: e.quarter.pTarget }));
  return <FigureCard wide figure={trailFigure(trail.label, points, trail.actual, trail.target, model.currency)} controls={picker} />;
}
