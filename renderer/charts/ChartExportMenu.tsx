import { useId, useRef, useState, type RefObject } from 'react';
import { useSession } from '../app/session-context.ts';
import { useLightDismiss } from '../app/use-light-dismiss.ts';
import type { Background } from './export/export-figure.ts';
import { resolveExportSize, slidePixels, type SizeChoice } from './export/export-size.ts';
import type { Figure } from './figure.ts';

type SizeKind = SizeChoice['kind'];

/** The export menu of one chart: PNG for slides, SVG, or a copy on the clipboard. */
export function ChartExportMenu({ figure, chartRef }: { figure: Figure; chartRef: RefObject<HTMLDivElement | null> }) {
  const { exports } = useSession();
  const [open, setOpen] = useState(false);
  const [sizeKind, setSizeKind] = useState<SizeKind>('slide');
  const [custom, setCustom] = useState({ width: '2560', height: '1440' });
  const [density, setDensity] = useState(1);
  const [background, setBackground] = useState<Background>('white');
  const [busy, setBusy] = useState(false);
  // The chart's size on the dashboard plus room for its title, legend and footnote, measured as the menu
  // opens (a ref is read in the event, not during render, so the numbers shown are the ones exported).
  const [screen, setScreen] = useState({ width: 720, height: figure.screenHeight + 150 });
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useLightDismiss(open, () => setOpen(false), [panelRef, buttonRef], buttonRef);

  const choice: SizeChoice =
    sizeKind === 'slide' ? { kind: 'slide' } : sizeKind === 'screen' ? { kind: 'screen', ...screen } : { kind: 'custom', width: Number(custom.width), height: Number(custom.height) };
  const resolved = resolveExportSize(choice, density);
  const options = { size: choice, density, background };

  const toggle = () => {
    if (!open) setScreen({ width: chartRef.current?.clientWidth ?? 720, height: (chartRef.current?.clientHeight ?? figure.screenHeight) + 150 });
    setOpen(!open);
  };

  const act = async (action: () => Promise<boolean>) => {
    setBusy(true);
    try {
      if (await action()) setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu">
      <button ref={buttonRef} type="button" className="small" aria-haspopup="dialog" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={`Export chart: ${figure.title}`} onClick={toggle}>
        Export ▾
      </button>
      {open ? (
        <div ref={panelRef} id={id} className="export-panel" role="dialog" aria-label={`Export ${figure.title}`}>
          <fieldset>
            <legend>Size</legend>
            <label>
              <input type="radio" name={`${id}-size`} checked={sizeKind === 'slide'} onChange={() => setSizeKind('slide')} /> Slide 16:9 ({slidePixels(density).width} × {slidePixels(density).height} px)
            </label>
            <label>
              <input type="radio" name={`${id}-size`} checked={sizeKind === 'screen'} onChange={() => setSizeKind('screen')} /> As on screen ({screen.width} × {screen.height} at {density}×)
            </label>
            <label>
              <input type="radio" name={`${id}-size`} checked={sizeKind === 'custom'} onChange={() => setSizeKind('custom')} /> Custom
            </label>
            {sizeKind === 'custom' ? (
              <div className="export-custom">
                <label>
                  Width (px) <input inputMode="numeric" value={custom.width} onChange={(e) => setCustom({ ...custom, width: e.target.value })} />
                </label>
                <label>
                  Height (px) <input inputMode="numeric" value={custom.height} onChange={(e) => setCustom({ ...custom, height: e.target.value })} />
                </label>
              </div>
            ) : null}
          </fieldset>
          <div className="export-row">
            <label>
              Pixel density{' '}
              <select value={density} onChange={(e) => setDensity(Number(e.target.value))}>
                <option value={1}>1×</option>
                <option value={2}>2× (sharp on high-resolution screens)</option>
                <option value={3}>3× (print)</option>
              </select>
            </label>
            <label>
              Background{' '}
              <select value={background} onChange={(e) => setBackground(e.target.value as Background)}>
                <option value="white">White</option>
                <option value="transparent">Transparent</option>
              </select>
            </label>
          </div>
          {resolved.ok ? null : (
            <p className="field-error" role="alert">
              {resolved.message}
            </p>
          )}
          <div className="export-actions">
            <button type="button" disabled={busy || !resolved.ok} onClick={() => void act(() => exports.chart(figure, options, 'png'))}>
              Save PNG
            </button>
            <button type="button" disabled={busy || !resolved.ok} onClick={() => void act(() => exports.chart(figure, options, 'svg'))}>
              Save SVG
            </button>
            <button type="button" disabled={busy || !resolved.ok} onClick={() => void act(() => exports.copyChart(figure, options))}>
              Copy image
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
