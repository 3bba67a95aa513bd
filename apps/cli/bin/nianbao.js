#!/usr/bin/env node
// The installed `nianbao` command. It exists before the TypeScript build (npm links a bin only when
// its file exists at install time) and hands over to the compiled CLI.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('nianbao: the CLI is not built yet: run `npm run build` in the repository (npm ci runs it too).\n');
  process.exit(2);
}
await import(compiled.href);
