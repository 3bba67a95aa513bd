import { describe, expect, it } from 'vitest';
import { externalCorpusDir, loadExternalCorpus, loadCorpus, runCorpus } from './corpus-harness.js';

// The targets of issue 10 that the importer meets on the real corpus today, asserted so that they stay
// met (IMPORT.md has the full measurement). Not yet asserted, because not yet met: ≥ 99 % of all cells
// read — crawled copies whose table cells run together without any separator (fj-pingtan-*) leave the
// rows they cannot split unread rather than guessed at, and scrambled text copies (sh-stcsm-2024) leave
// numbers whose labels are elsewhere unread.
const corpus = loadCorpus();
// Real pages whose agency the importer does not read yet (IMPORT.md shows what it read instead).
const AGENCY_NOT_YET = new Map<string, string>([]);
// The real WPS/Word files kept outside the repository (see corpus-harness.ts), on machines that have them.
const external = loadExternalCorpus();

describe('the importer on the real corpus', () => {
  it('puts no number in a wrong cell, in any file', async () => {
    const results = await runCorpus(corpus);
    const wrong = results.flatMap((result) =>
      result.differences.filter((d) => d.kind === 'wrong').map((d) => `${result.id} ${d.pointer}: ${String(d.actual)}`),
    );
    expect(wrong).toEqual([]);
    // Refusals the corpus expects (a notice, a pre-2019 report, an old .doc, a scan) are refusals.
    for (const result of results.filter((r) => r.meta.expectRefusal))
      expect(result.outcome, `${result.id}: ${result.refusal}`).toBe('refused');
    // Every complete report imports, whatever its kind (a damaged copy imported with meta.importPartial).
    for (const result of results.filter((r) => r.meta.complete && !r.meta.expectRefusal))
      expect(result.outcome, `${result.id}: ${result.refusal}`).toBe('imported');
    // Every complete report published as PDF, Word or a web page imports, with every cell read right.
    for (const result of results.filter((r) => r.meta.complete && !r.meta.expectRefusal && r.meta.kind !== 'text')) {
      expect(result.outcome, `${result.id}: ${result.refusal}`).toBe('imported');
      expect(result.cells.right, result.id).toBe(result.cells.total);
      // A ratchet: the files whose agency name the importer still misreads are listed, and must be taken off
      // the list when it reads them right.
      expect(result.agencyRight, `${result.id}: ${result.agencyImported}`).toBe(!AGENCY_NOT_YET.has(result.id));
    }
  }, 300_000);

  it.runIf(external.length > 0)(
    `puts no number in a wrong cell of the real PDF/Word files in ${externalCorpusDir}`,
    async () => {
      const results = await runCorpus(external);
      const wrong = results.flatMap((result) =>
        result.differences
          .filter((d) => d.kind === 'wrong')
          .map((d) => `${result.id} ${d.pointer}: ${String(d.actual)}`),
      );
      expect(wrong).toEqual([]);
      // The PDFs and Word files themselves and their pdftotext -layout text import, every cell read right.
      for (const result of results.filter((r) => !r.meta.expectRefusal)) {
        expect(result.outcome, `${result.id}: ${result.refusal}`).toBe('imported');
        expect(result.cells.right, result.id).toBe(result.cells.total);
      }
    },
    300_000,
  );
});
