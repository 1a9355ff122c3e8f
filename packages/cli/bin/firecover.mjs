#!/usr/bin/env node
// The `firecover` command. Node 20 cannot run TypeScript itself, so tsx's ESM loader is registered
// first (in-process, no child process), then the TypeScript entry point is imported.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`firecover … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
