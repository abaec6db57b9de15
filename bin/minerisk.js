#!/usr/bin/env node
// The CLI is TypeScript compiled to build/ by `npm run prepare` (run by `npm ci`): Node 20 cannot run .ts.
import { existsSync } from 'node:fs';
const cli = new URL('../build/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('minerisk: the CLI is not built — run `npm ci` (or `npm run prepare`) in the project folder\n');
  process.exit(2);
}
await import(cli.href);
