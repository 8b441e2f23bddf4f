import { parentPort } from 'node:worker_threads';
import { createAccumulator, type Accumulator } from '../shared/engine/accumulator.ts';
import type { PreparedModel } from '../shared/engine/prepared.ts';
import { simulateBlock } from '../shared/engine/simulate-block.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** A simulation worker: simulates the blocks it is handed into its own accumulator. */
const port = parentPort;
if (!port) throw new Error('forecast-worker must run as a worker thread');
let prepared: PreparedModel | null = null;
let accumulator: Accumulator | null = null;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  if (message.type === 'init') {
    prepared = message.prepared;
    accumulator = createAccumulator(prepared);
    send({ type: 'ready' });
  } else if (message.type === 'block' && prepared && accumulator) {
    simulateBlock(prepared, message.block, accumulator);
    send({ type: 'blockDone', block: message.block });
  } else if (message.type === 'finish' && accumulator) {
    const buffers = Object.values(accumulator).map((array: { buffer: ArrayBuffer }) => array.buffer);
    send({ type: 'result', accumulator }, buffers);
    accumulator = null;
  }
});
