import type { ReactNode } from 'react';

/** A dashboard card: a title that says what the chart shows, a plain-language subtitle, the content. */
export function ChartCard({ title, subtitle, actions, children, wide = false }: { title: string; subtitle?: string; actions?: ReactNode; children: ReactNode; wide?: boolean }) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`card${wide ? ' card-wide' : ''}`} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {subtitle ? <p className="card-subtitle">{subtitle}</p> : null}
      {children}
    </section>
  );
}
