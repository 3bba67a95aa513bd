/**
 * npm run corpus -w @nianbao/importer — imports every file of test/corpus/ with the current importer,
 * compares it with its expected.yaml and writes IMPORT.md at the repository root.
 * `--out <file>` writes elsewhere; `--only <id>` runs one fixture (and prints its differences).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, runCorpus, totals } from '../test/corpus-harness.js';
import { renderImportMd } from '../test/corpus-report.js';
import { repoRoot } from '../test/helpers.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const only = option('--only');
const out = option('--out') ?? join(repoRoot, 'IMPORT.md');

const corpus = loadCorpus();
const fixtures = corpus.filter((fixture) => only === undefined || fixture.meta.id === only);
const results = await runCorpus(fixtures, corpus);
const sum = totals(results);
if (only) {
  for (const result of results) console.log(JSON.stringify(result, null, 2));
} else {
  writeFileSync(
    out,
    renderImportMd(results, {
      date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      node: process.version,
      // Times on a shared machine mean little without its load; the speed targets live in bench/.
      load: `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    }),
  );
  console.log(`wrote ${out}`);
}
console.log(
  `${sum.files} files: ${sum.imported} imported, ${sum.refused} refused; cells ${sum.cells.right} right, ${sum.cells.wrong} wrong, ${sum.cells.missed} missed of ${sum.cells.total}; known errors ${sum.knownFound} found, ${sum.knownMissed} missed`,
);
