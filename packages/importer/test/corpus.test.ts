import { existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaFor, type Edition } from '@nianbao/template';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  compareCells,
  externalSpecsDir,
  loadCorpus,
  matchKnownErrors,
  runCorpus,
  tableCells,
} from './corpus-harness.js';
import { renderImportMd } from './corpus-report.js';

// The measurement itself (how many cells are right) lives in IMPORT.md; these tests keep the corpus and
// its harness sound: every fixture is well-formed, every expected document fits its schema, and the
// harness runs on every file and counts every expected cell exactly once.
const corpus = loadCorpus();
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map(
  (['2019', '2021'] as Edition[]).map((edition) => [edition, ajv.compile(schemaFor(edition))]),
);
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  doc: ['.doc'],
  html: ['.html', '.htm'],
  text: ['.txt'],
};

describe('the corpus', () => {
  it('has fixtures', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });

  it.each(corpus.map((fixture) => [fixture.meta.id, fixture] as const))('%s: meta.json is complete', (id, fixture) => {
    const { meta } = fixture;
    expect(fixture.dir.endsWith(`/${id}`)).toBe(true);
    expect(meta.province.length).toBeGreaterThan(0);
    expect(meta.agency.length).toBeGreaterThan(0);
    expect(['2019', '2021']).toContain(meta.edition);
    expect(Number.isInteger(meta.year)).toBe(true);
    expect(meta.url === '' || /^https?:\/\//.test(meta.url), 'url').toBe(true);
    expect(typeof meta.complete).toBe('boolean');
    expect(EXTENSIONS[meta.kind]?.some((extension) => fixture.sourcePath.endsWith(extension))).toBe(true);
    for (const error of meta.knownErrors) {
      expect(error.rule).toMatch(/^[A-Z]+-[A-Z0-9-]+$/);
      expect(error.pointer === '' || error.pointer.startsWith('/')).toBe(true);
      expect(error.note.length).toBeGreaterThan(0);
    }
    if (!meta.expectRefusal) expect(fixture.expected, 'expected.yaml').toBeDefined();
    for (const words of meta.refusalSays ?? []) expect(words.length).toBeGreaterThan(0);
    if (meta.refusalSays) expect(meta.expectRefusal).toBe(true);
  });

  it.each(corpus.filter((fixture) => fixture.expected).map((fixture) => [fixture.meta.id, fixture] as const))(
    '%s: expected.yaml fits the schema of its edition',
    (_, fixture) => {
      const expected = fixture.expected as { edition: Edition };
      expect(expected.edition).toBe(fixture.meta.edition);
      const validate = validators.get(expected.edition)!;
      expect(validate(expected), JSON.stringify(validate.errors, null, 2)).toBe(true);
      // A known error's pointer names a place of the document.
      for (const error of fixture.meta.knownErrors.filter(
        (known) => known.pointer.startsWith('/sections/') && known.pointer.includes('/table/'),
      )) {
        expect(
          [...tableCells(expected).keys()].some((pointer) => pointer.startsWith(error.pointer)),
          error.pointer,
        ).toBe(true);
      }
    },
  );
});

// The files kept outside the repository: their hand-checked documents are committed and checked everywhere.
const externalSpecs = readdirSync(externalSpecsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the expected documents of the files kept outside the repository', () => {
  it.each(externalSpecs)('%s: meta.json names its source and expected.yaml fits its schema', (id) => {
    const meta = JSON.parse(readFileSync(join(externalSpecsDir, id, 'meta.json'), 'utf8'));
    expect(meta.id).toBe(id);
    expect(meta.obtainedFrom).toMatch(/github\.com\/|pdftotext/);
    const expected = parse(readFileSync(join(externalSpecsDir, id, 'expected.yaml'), 'utf8'));
    expect(expected.edition).toBe(meta.edition);
    const validate = validators.get(expected.edition as Edition)!;
    expect(validate(expected), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});

describe('the harness', () => {
  it('counts right, wrong and missed cells; a value where the report has none is wrong', () => {
    const expected = { sections: { applications: { table: { a: 1, b: null, c: 3, d: { value: '1', unit: '元' } } } } };
    const actual = { sections: { applications: { table: { a: 1, b: 2, c: null, d: { value: '1', unit: '元' } } } } };
    const { counts, differences } = compareCells(expected, actual);
    expect(counts).toEqual({ right: 2, wrong: 1, missed: 1, total: 4 });
    expect(differences.map((difference) => `${difference.kind} ${difference.pointer}`)).toEqual([
      'wrong /sections/applications/table/b',
      'missed /sections/applications/table/c',
    ]);
  });

  it('counts an amount the importer left undecided ({ value: null }) as missed, not wrong', () => {
    const expected = {
      sections: {
        proactiveDisclosure: {
          table: { fee: { value: '1.5', unit: '万元' }, none: null, blank: { value: null, unit: null } },
        },
      },
    };
    const actual = {
      sections: {
        proactiveDisclosure: {
          table: {
            fee: { value: null, unit: null },
            none: { value: null, unit: null },
            blank: { value: null, unit: null },
          },
        },
      },
    };
    const { counts } = compareCells(expected, actual);
    // An amount the report does not give is { value: null, unit: null } in the expected document: right when none is read.
    expect(counts).toEqual({ right: 2, wrong: 0, missed: 1, total: 3 });
  });

  it('counts an amount the report does not carry ({ value: null } expected) as right when nothing is read', () => {
    const expected = { sections: { proactiveDisclosure: { table: { amount: { value: null, unit: null } } } } };
    expect(compareCells(expected, { sections: { proactiveDisclosure: { table: {} } } }).counts).toEqual({
      right: 1,
      wrong: 0,
      missed: 0,
      total: 1,
    });
    const placed = { sections: { proactiveDisclosure: { table: { amount: { value: '5', unit: '元' } } } } };
    expect(compareCells(expected, placed).counts.wrong).toBe(1);
  });

  it('matches a known error by rule and by its pointer or a place under it', () => {
    const known = [
      { rule: 'B-ROW', pointer: '/sections/applications/table/newApplications', note: 'row' },
      { rule: 'I-SPAM', pointer: '', note: 'anywhere' },
      { rule: 'C-SUM', pointer: '/x', note: 'absent' },
    ];
    const { found, missed } = matchKnownErrors(known, [
      { ruleId: 'B-ROW', pointer: '/sections/applications/table/newApplications/total' },
      { ruleId: 'I-SPAM', pointer: '/preface/paragraphs/0' },
      { ruleId: 'C-SUM', pointer: '/y' },
    ]);
    expect(found.map((error) => error.rule)).toEqual(['B-ROW', 'I-SPAM']);
    expect(missed.map((error) => error.rule)).toEqual(['C-SUM']);
  });

  it('runs on every fixture and accounts for every expected cell', async () => {
    const results = await runCorpus(corpus);
    expect(results.map((result) => result.id)).toEqual(corpus.map((fixture) => fixture.meta.id));
    for (const [index, result] of results.entries()) {
      const fixture = corpus[index]!;
      const cells = fixture.expected ? tableCells(fixture.expected).size : 0;
      expect(result.cells.total, result.id).toBe(cells);
      expect(result.cells.right + result.cells.wrong + result.cells.missed, result.id).toBe(cells);
      expect(result.knownFound.length + result.knownMissed.length, result.id).toBe(fixture.meta.knownErrors.length);
    }
    const markdown = renderImportMd(results, { date: 'test', node: process.version });
    for (const fixture of corpus) expect(markdown).toContain(`| ${fixture.meta.id} |`);
    expect(existsSync(corpus[0]!.sourcePath)).toBe(true);
  }, 120_000);
});
