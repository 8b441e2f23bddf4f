import { useAppShallow } from '../state/store.ts';

export function Notices() {
  const { notices, dismissNotice } = useAppShallow((s) => ({ notices: s.notices, dismissNotice: s.dismissNotice }));
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <p>{n.text}</p>
          <button type="button" onClick={() => dismissNotice(n.id)} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
