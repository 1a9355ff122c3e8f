#!/usr/bin/env node
// The `firecover` command: runs the JavaScript build in ../dist (scripts/build.mjs; `pnpm install` builds
// it, `pnpm firecover` and the tests rebuild it when the sources changed). No TypeScript at run time.
// A reader that stops early (`firecover … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
let entry;
try {
  entry = await import('../dist/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/main.js')) {
    console.error('firecover is not built: run `pnpm install` (or `node scripts/build.mjs`) in the repository.\nfirecover 尚未构建：请在仓库中运行 `pnpm install`（或 `node scripts/build.mjs`）。');
    process.exit(2);
  }
  throw e;
}
process.exitCode = await entry.main(process.argv.slice(2));
