import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import type { Figure } from './figure.ts';
import { SCREEN_PALETTE } from './palette.ts';

/** A small chart inside an editor: its figure drawn under a caption, without a card or export menu. */
export function InlineFigure({ figure, caption }: { figure: Figure; caption: ReactNode }) {
  return (
    <figure className="duration-chart" aria-label={figure.ariaLabel}>
      <figcaption>{caption}</figcaption>
      <ResponsiveContainer width="100%" height={figure.screenHeight}>
        {figure.draw(SCREEN_PALETTE)}
      </ResponsiveContainer>
    </figure>
  );
}
