import { parentPort } from 'node:worker_threads';
import { runTask, type BatchTask } from './task';

/**
 * The worker-thread entry of `firecover batch` (bundled as dist/batch_worker.js, scripts/build.mjs):
 * runs the scenarios the main thread sends, one at a time, and answers each with its result.
 */
if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { type: 'task'; task: BatchTask }) => {
    if (msg.type !== 'task') return;
    void runTask(msg.task).then((result) => port.postMessage({ type: 'result', result }));
  });
}
