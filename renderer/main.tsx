import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { Session } from './app/session.ts';
import { connectForecastApp } from './host/forecast-app.ts';
import { localStorageUnsentEdits } from './host/unsent-edits.ts';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import './styles.css';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  const api = await connectForecastApp();
  const session = new Session(api, api.host === 'browser' ? localStorageUnsentEdits(window.localStorage) : null);
  // Flush the pending save as the page goes away; the desktop app's close handler waits for this write.
  window.addEventListener('beforeunload', () => void session.pageClosing());
  window.__flushPendingSave = () => session.pageClosing();
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
  await session.start();
}

boot().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `The app could not start: ${error instanceof Error ? error.message : String(error)}`;
});
