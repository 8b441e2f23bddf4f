// npm start: opens the desktop app (after npm run build), or says plainly why it cannot.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    'The Electron desktop runtime is not installed on this machine (it is downloaded on first install and that download was not possible), ' +
      'so the desktop window cannot open: run `npm run web` to use the same app in your browser at http://127.0.0.1:4173.\n',
  );
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
