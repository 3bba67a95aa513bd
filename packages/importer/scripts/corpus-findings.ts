/**
 * npx tsx scripts/corpus-findings.ts <fixture id> — what @nianbao/validator finds in a fixture's hand-checked
 * expected.yaml (validated as an import, with its `previous` fixture as last year's report): the place and rule
 * to write into meta.json `knownErrors`, and a check that the expected document carries the errors it should.
 */
import { loadCorpus, loadExternalCorpus } from '../test/corpus-harness.js';
import { validateReport } from '@nianbao/validator';

const id = process.argv[2];
// An id of test/corpus/ or of the real files kept outside the repository (externalCorpusDir).
const corpus = [loadCorpus(), loadExternalCorpus()].find((fixtures) => fixtures.some((f) => f.meta.id === id)) ?? [];
const fixture = corpus.find((candidate) => candidate.meta.id === id);
if (!fixture?.expected) {
  console.error(`no fixture with an expected.yaml: ${id ?? '(give an id)'}`);
  process.exit(2);
}
const previous = corpus.find((candidate) => candidate.meta.id === fixture.meta.previous)?.expected;
const { findings } = validateReport(
  { provenance: { importedFrom: 'expected.yaml' }, ...fixture.expected },
  { previous },
);
for (const finding of findings) {
  if (finding.ruleId === 'I-NOTREPORTED' || finding.notAssessable) continue;
  console.log(`${finding.ruleId}\t${finding.severity}\t${finding.pointer}\t${finding.message.zh}`);
}
