import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsToPrune, parseBackupName } from './backups.ts';
import { CONTENT_SECURITY_POLICY, hardenContents, type HardenableContents, isAllowedPermission, isTrustedSender, resolveAppFile, secureWebPreferences } from './security.ts';
import { restoreBounds } from './window-state.ts';

/** A web contents that records its listeners, so a test can fire what a page or an attacker would. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents: HardenableContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }).action ?? 'not handled' };
}

describe('security', () => {
  it('keeps every window on the app: navigation, redirects, webviews and new windows are refused', () => {
    const { contents, fire, open } = fakeContents();
    hardenContents(contents);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://forecast/index.html', 'app://other/', 'javascript:alert(1)']) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
      expect(fire('will-attach-webview', url), url).toBe(true);
      expect(open(url), url).toBe('deny');
    }
  });

  it('isolates and sandboxes every window', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('serves only files inside the built app', () => {
    const dist = '/opt/app/dist';
    expect(resolveAppFile('app://forecast/index.html', dist)).toBe(join(dist, 'index.html'));
    expect(resolveAppFile('app://forecast/', dist)).toBe(join(dist, 'index.html'));
    expect(resolveAppFile('app://forecast/assets/x.js', dist)).toBe(join(dist, 'assets/x.js'));
    // The URL parser folds "/../" and "/%2e%2e/" at the root, so these stay inside the app folder.
    expect(resolveAppFile('app://forecast/../secret', dist)).toBe(join(dist, 'secret'));
    expect(resolveAppFile('app://forecast/%2e%2e/secret', dist)).toBe(join(dist, 'secret'));
    for (const bad of ['app://forecast/..%2Fsecret', 'app://forecast/assets/..%2F..%2F..%2Fetc%2Fpasswd', 'app://other/index.html', 'file:///etc/passwd', 'https://evil.example/', 'app://forecast/a%00b', 'not a url']) {
      expect(resolveAppFile(bad, dist)).toBeNull();
    }
  });

  it('grants only clipboard writes (Copy image), and only to the app itself', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://forecast/index.html')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://forecast')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) expect(isAllowedPermission(permission, 'app://forecast/')).toBe(false);
  });

  it('trusts only the main frame of the app window showing the app', () => {
    const mainFrame = { url: 'app://forecast/index.html' };
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://forecast/index.html' }, mainFrame)).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(isTrustedSender(navigatedAway, navigatedAway)).toBe(false);
    expect(isTrustedSender(null, mainFrame)).toBe(false);
  });
});

describe('window placement', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  it('restores remembered bounds on a connected display, and recentres when that display is gone', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(restoreBounds({ ...saved, x: 3000 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds(null, [laptop])).toEqual({ width: 1440, height: 900 });
  });
});

describe('backup policy', () => {
  const now = Date.UTC(2026, 10, 23, 12);
  it('keeps the last hour, one a day for two weeks, and five pre-migration copies', () => {
    const entries = [];
    for (let minutes = 0; minutes < 60 * 24 * 30; minutes += 10) entries.push(parseBackupName(backupName('rolling', now - minutes * 60_000))!);
    for (let i = 0; i < 8; i++) entries.push(parseBackupName(backupName('pre-migration', now - i * 86_400_000))!);
    const pruned = new Set(backupsToPrune(entries, now).map((e) => e.name));
    const kept = entries.filter((e) => !pruned.has(e.name));
    expect(kept.filter((e) => e.kind === 'pre-migration')).toHaveLength(5);
    const rolling = kept.filter((e) => e.kind === 'rolling');
    expect(rolling.filter((e) => now - e.time <= 3_600_000)).toHaveLength(7);
    expect(rolling.length).toBeLessThanOrEqual(7 + 14);
    expect(Math.min(...rolling.map((e) => e.time))).toBeGreaterThan(now - 15 * 86_400_000);
  });
});
