// Bundles the command-line entry points and runs one of them with the given arguments.
// Bundling matters for speed: one scope-hoisted file lets the JIT inline the engine's hot loop.
// Usage: node scripts/run-cli.mjs forecast|bench [args...]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const [command, ...args] = process.argv.slice(2);
const entries = { forecast: 'cli/forecast.ts', bench: 'cli/bench.ts' };
if (!(command in entries)) {
  process.stderr.write(`Unknown command "${command}". Use one of: ${Object.keys(entries).join(', ')}\n`);
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const outDir = join(root, 'dist-cli');
mkdirSync(outDir, { recursive: true });
// Built beside dist-cli and renamed into it, so a command started meanwhile (tests build in parallel)
// never reads a half-written file.
const staging = mkdtempSync(join(root, '.dist-cli-'));
try {
  // All entry points (the bench also runs the forecast CLI, to measure its memory), each a single file.
  for (const [name, entry] of Object.entries({ ...entries, 'forecast-worker': 'cli/forecast-worker.ts' })) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify(version) },
      ssr: { noExternal: true },
      build: {
        ssr: true,
        outDir: staging,
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        rollupOptions: {
          input: { [name]: entry },
          // Module constants stay `const`. V8 folds a module's `const` into the code that reads it, but
          // reads a `var` from memory and checks its type at every use: in the engine's inner loop (the
          // hash's multiplier, the quantile tables' bounds) that cost about a tenth of a forecast's time.
          output: { format: 'es', entryFileNames: '[name].mjs', topLevelVar: false },
        },
      },
    });
  }
  for (const file of readdirSync(staging)) renameSync(join(staging, file), join(outDir, file));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
const child = spawn(process.execPath, [join(outDir, `${command}.mjs`), ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
