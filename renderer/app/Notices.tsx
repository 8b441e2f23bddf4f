import { useEffect, useState } from 'react';
import { INFO_NOTICE_MS, type Notice } from '../state/ui-slice.ts';
import { useAppShallow } from '../state/store.ts';

export function Notices() {
  const { notices, dismissNotice } = useAppShallow((s) => ({ notices: s.notices, dismissNotice: s.dismissNotice }));
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((n) => (
        <NoticeRow key={n.id} notice={n} onDismiss={dismissNotice} />
      ))}
    </div>
  );
}

/** Success notices fade after a few seconds, but not while the pointer or the keyboard is on them. */
function NoticeRow({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  const [held, setHeld] = useState(false);
  const { id, tone, action } = notice;
  useEffect(() => {
    if (tone !== 'info' || held) return;
    const timer = window.setTimeout(() => onDismiss(id), INFO_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [id, tone, held, onDismiss]);
  const dismiss = () => onDismiss(id);
  return (
    <div
      className={`notice notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p>{notice.text}</p>
      {action ? (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            action.run();
            dismiss();
          }}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" onClick={dismiss} aria-label="Dismiss notice">
        ×
      </button>
    </div>
  );
}
