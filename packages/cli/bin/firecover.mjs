#!/usr/bin/env node
// The `firecover` command. Node 20 cannot run TypeScript itself, so tsx's ESM loader is registered
// first (in-process, no child process), then the TypeScript entry point is imported.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
