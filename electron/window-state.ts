import type { WindowState } from './preferences.ts';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1440, height: 900 } as const;

/**
 * Where to open the window: the remembered bounds if they are still mostly on a connected display
 * (a laptop unplugged from its monitor must not open the window off-screen), else centred defaults.
 */
export function restoreBounds(saved: WindowState | null, displays: readonly Rectangle[]): Rectangle | { width: number; height: number } {
  if (!saved) return { ...DEFAULT_WINDOW };
  const visible = displays.some((d) => overlap(saved, d) >= 0.5 * saved.width * saved.height);
  return visible ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : { width: saved.width, height: saved.height };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
