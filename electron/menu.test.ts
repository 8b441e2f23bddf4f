import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/ipc/channels.ts';
import { menuTemplate } from './menu.ts';

/** Every item of the menu, submenus included, with the command its click sends. */
interface Item {
  accelerator: string | undefined;
  visible: boolean | undefined;
  sends: MenuCommand | null;
}
function items(isMac: boolean): Item[] {
  const sent: { command: MenuCommand | null } = { command: null };
  const template = menuTemplate((command) => (sent.command = command), isMac);
  const flat = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
  return flat(template).map((i) => {
    sent.command = null;
    // The click handler only sends the command; the menu item and window arguments are unused.
    (i.click as (() => void) | undefined)?.();
    return { accelerator: typeof i.accelerator === 'string' ? i.accelerator : undefined, visible: i.visible, sends: sent.command };
  });
}

describe('application menu', () => {
  it('redoes with Ctrl+Y (shown) and with Ctrl+Shift+Z (hidden) on Windows and Linux', () => {
    const redo = items(false).filter((i) => i.sends === 'redo');
    expect(redo.map((i) => [i.accelerator, i.visible !== false])).toEqual([
      ['Ctrl+Y', true],
      ['Ctrl+Shift+Z', false],
    ]);
  });

  it('redoes with Cmd+Shift+Z on the Mac, once', () => {
    expect(items(true).filter((i) => i.sends === 'redo').map((i) => i.accelerator)).toEqual(['Cmd+Shift+Z']);
  });
});
