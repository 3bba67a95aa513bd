/**
 * npm run corpus -w @nianbao/importer — imports every file of test/corpus/ with the current importer,
 * compares it with its expected.yaml and writes IMPORT.md at the repository root; the real PDF/Word files
 * kept outside the repository (externalCorpusDir, when present) get a table of their own.
 * `--out <file>` writes elsewhere; `--only <id>` runs one fixture (and prints its differences).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { externalCorpusDir, loadCorpus, loadExternalCorpus, runCorpus, totals } from '../test/corpus-harness.js';
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
const external = loadExternalCorpus();
const chosen = (fixture: { meta: { id: string } }): boolean => only === undefined || fixture.meta.id === only;
const results = await runCorpus(corpus.filter(chosen), corpus);
const externalResults = await runCorpus(external.filter(chosen), external);
const sum = totals(results);
if (only) {
  for (const result of [...results, ...externalResults]) console.log(JSON.stringify(result, null, 2));
} else {
  writeFileSync(
    out,
    renderImportMd(
      results,
      {
        date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        node: process.version,
        // Times on a shared machine mean little without its load; the speed targets live in bench/.
        load: `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
      },
      { results: externalResults, dir: externalCorpusDir },
    ),
  );
  console.log(`wrote ${out}`);
}
const line = (label: string, part: typeof sum): void =>
  console.log(
    `${label}${part.files} files: ${part.imported} imported, ${part.refused} refused; cells ${part.cells.right} right, ${part.cells.wrong} wrong, ${part.cells.missed} missed of ${part.cells.total}; known errors ${part.knownFound} found, ${part.knownMissed} missed`,
  );
line('', sum);
if (externalResults.length > 0) line(`not committed (${externalCorpusDir}): `, totals(externalResults));
