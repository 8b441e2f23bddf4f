import type { BrowserFiles } from './browser-host.ts';

/** File picking and downloads with the page's own DOM. */
export const domFiles: BrowserFiles = {
  pickFile: (accept) =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        file.text().then((text) => resolve({ name: file.name, text }), () => resolve(null));
      });
      input.addEventListener('cancel', () => resolve(null));
      input.click();
    }),
  download: (name, data) => {
    const type = name.endsWith('.png') ? 'image/png' : name.endsWith('.svg') ? 'image/svg+xml' : name.endsWith('.zip') ? 'application/zip' : 'text/csv';
    const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  print: () => window.print(),
};
