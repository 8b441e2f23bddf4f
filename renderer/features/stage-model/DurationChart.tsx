import type { Stage } from '../../../shared/model/schema.ts';
import { InlineFigure } from '../../charts/InlineFigure.tsx';
import { durationFigure } from '../../figures/duration-figure.tsx';

/** How long deals stay in one stage, under the stage's duration fields. */
export function DurationChart({ stage }: { stage: Stage }) {
  return (
    <InlineFigure
      figure={durationFigure(stage)}
      caption={
        <>
          Time in <strong>{stage.name}</strong>: typically {stage.duration.median} days; 1 in 10 deals take more than {stage.duration.p90} days
        </>
      }
    />
  );
}
