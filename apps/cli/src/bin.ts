#!/usr/bin/env node
// Entry point. With NIANBAO_DEBUG set, stack traces are mapped to the TypeScript sources: Node maps
// only files loaded after source maps are switched on, so the rest of the CLI (./run.ts) is a
// separate file of the build, required here.
import { createRequire } from 'node:module';

const debug = process.env.NIANBAO_DEBUG;
if (debug !== undefined && debug !== '' && debug !== '0') process.setSourceMapsEnabled(true);
createRequire(import.meta.url)('./run.js');
