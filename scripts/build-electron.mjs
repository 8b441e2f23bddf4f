// Bundles the main process (ESM) and the preload (CommonJS: sandboxed preloads cannot load modules).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node22', external: ['electron', 'electron-store'], logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], format: 'esm', outfile: 'dist-electron/main.js' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], format: 'cjs', outfile: 'dist-electron/preload.cjs' }),
]);
