#!/usr/bin/env node
// The installed `nianbao` command. It exists before the build (npm links a bin only when its file
// exists at install time) and hands over to the built CLI. CommonJS, like dist/ (bin/package.json):
// Node starts a CommonJS file without setting up its ES module loader.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, '..', 'dist', 'bin.js');
if (!existsSync(compiled)) {
  process.stderr.write(
    'nianbao: the CLI is not built yet: run `npm run build` in the repository (npm ci runs it too).\n',
  );
  process.exit(2);
}
require(compiled);
