import { useId, useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { forecastTrail, trailQuarters } from '../../../shared/snapshots/forecast-trail.ts';
import type { QuarterSummary, SnapshotStore } from '../../../shared/snapshots/snapshot-types.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { trailFigure } from '../../figures/trail-figure.tsx';
import { friendlyDate } from '../../../shared/format/dates.ts';

/** The forecast's track record for one quarter: how it was forecast at each snapshot, and what happened. */
export function ForecastTrail({ model, snapshots, current }: { model: ForecastModel; snapshots: SnapshotStore; current: QuarterSummary[] }) {
  const quarters = trailQuarters(snapshots, current);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();
  const start = chosen ?? current[0]?.start ?? quarters[0]?.start;
  if (!start) return null;
  const trail = forecastTrail(snapshots, start, model, current);
  // A trail needs a kept forecast besides today's: one point alone is not a track record.
  if (trail.entries.length < 2) return null;
  const today = new Date().toISOString().slice(0, 10);
  const points = trail.entries.map((e) => ({ day: e.takenAt?.slice(0, 10) ?? today, now: e.takenAt === null, label: e.takenAt === null ? 'Now' : friendlyDate(e.takenAt.slice(0, 10)).replace(/, \d{4}$/, ''), p10: e.quarter.p10, p50: e.quarter.p50, p90: e.quarter.p90, pTarget: e.quarter.pTarget }));
  const figure = trailFigure(trail.label, points, trail.actual, trail.target, model.currency);
  return (
    <FigureCard
      wide
      figure={figure}
      controls={
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
      }
    />
  );
}
