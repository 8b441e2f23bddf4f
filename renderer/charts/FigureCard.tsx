import { useRef, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import type { Figure } from './figure.ts';
import { SCREEN_PALETTE } from './palette.ts';
import { ChartExportMenu } from './ChartExportMenu.tsx';
import { ChartCard } from './ChartCard.tsx';
import { FigureLegend } from './FigureLegend.tsx';

/** A chart on the dashboard, drawn from its figure, with the menu that exports it for slides. */
export function FigureCard({ figure, controls, wide = false }: { figure: Figure; controls?: ReactNode; wide?: boolean }) {
  const chartRef = useRef<HTMLDivElement>(null);
  return (
    <ChartCard title={figure.title} subtitle={figure.subtitle} wide={wide} actions={<ChartExportMenu figure={figure} chartRef={chartRef} />}>
      {controls}
      <FigureLegend entries={figure.legend} />
      <div className="chart" role="img" tabIndex={0} aria-label={figure.ariaLabel} ref={chartRef}>
        <ResponsiveContainer width="100%" height={figure.screenHeight}>
          {figure.draw(SCREEN_PALETTE)}
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
