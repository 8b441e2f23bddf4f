import type { ReactNode } from 'react';

/** A dashboard card: a title that says what the chart shows, a plain-language subtitle, the chart. */
export function ChartCard({ title, subtitle, children, wide = false }: { title: string; subtitle?: string; children: ReactNode; wide?: boolean }) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`card${wide ? ' card-wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {subtitle ? <p className="card-subtitle">{subtitle}</p> : null}
      {children}
    </section>
  );
}
