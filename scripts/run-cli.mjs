// Bundles a command-line entry point with esbuild and runs it with the given arguments.
// Bundling matters for speed: one scope-hoisted file lets the JIT inline the engine's hot loop.
// Usage: node scripts/run-cli.mjs forecast|bench [args...]
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [command, ...args] = process.argv.slice(2);
const entries = { forecast: 'cli/forecast.ts', bench: 'cli/bench.ts' };
if (!(command in entries)) {
  process.stderr.write(`Unknown command "${command}". Use one of: ${Object.keys(entries).join(', ')}\n`);
  process.exit(2);
}
const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version;
await build({
  absWorkingDir: root,
  // All entry points: the bench also runs the forecast CLI (to measure its memory).
  entryPoints: { ...entries, 'forecast-worker': 'cli/forecast-worker.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  define: { __APP_VERSION__: JSON.stringify(version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const child = spawn(process.execPath, [`${root}/dist-cli/${command}.mjs`, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
