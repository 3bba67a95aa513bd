/**
 * The measured corpus: real published reports in test/corpus/<id>/ (source.* as published, meta.json,
 * expected.yaml checked by hand against the original). Each source is imported with the importer as it
 * is, compared cell by cell with expected.yaml, and validated, to see whether the errors the report is
 * known to contain are found. `scripts/corpus.ts` writes the result to IMPORT.md at the repository root;
 * `test/corpus.test.ts` runs it on every fixture.
 *
 * A wrong number is worse than a missing one, so cells are counted in three kinds: right (same value,
 * or both not reported), wrong (a different value, or a value where the report has none) and missed
 * (nothing where the report has a value).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateReport } from '@nianbao/validator';
import { parse } from 'yaml';
import * as importer from '../src/index.js';
import { decodePage, importReport, pageKind } from '../src/index.js';
import { repoRoot } from './helpers.js';

export const corpusDir = join(repoRoot, 'packages', 'importer', 'test', 'corpus');

/**
 * Real PDFs and Word files as governments published them, found in snapshots of public repositories: the
 * library's rule keeps such data files out of our repository, so they live on the measuring machine only
 * (each folder as in test/corpus/, meta.json `obtainedFrom` naming the repository). Measured when present;
 * NIANBAO_CORPUS_EXTERNAL points elsewhere.
 */
export const externalCorpusDir = process.env.NIANBAO_CORPUS_EXTERNAL ?? '/work/shared/corpus-external';
/** Their meta.json and expected.yaml, committed (they are our documents, not the snapshots' files). */
export const externalSpecsDir = join(repoRoot, 'packages', 'importer', 'test', 'corpus-external');

export type SourceKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

export interface KnownError {
  /** Rule id of the validator (B-ROW, C-SUM, B-BALANCE, T-TEXT, I-SPAM, …). */
  rule: string;
  /** JSON Pointer of the cell or paragraph the finding is about; '' when any place of the rule counts. */
  pointer: string;
  note: string;
}

export interface FixtureMeta {
  id: string;
  province: string;
  agency: string;
  year: number;
  edition: '2019' | '2021';
  kind: SourceKind;
  url: string;
  complete: boolean;
  knownErrors: KnownError[];
  notes: string;
  /** Where the file in this folder came from, when it is not the published file itself (a copy, a print). */
  obtainedFrom?: string;
  /** The importer must refuse this file (an old .doc, a scanned PDF, not a report). */
  expectRefusal?: boolean;
  /** Words the refusal must contain (what the file looks like, what to do): a bare "not a report" is not enough. */
  refusalSays?: string[];
  /** A damaged copy of a complete report (a crawler's text with the table cells run together): imported with
   * `partial`, as a portal would, so that what can be read is measured; the cells it cannot place count as missed. */
  importPartial?: boolean;
  /** The id of the same agency's previous-year fixture: its expected.yaml is last year's report for the
   * cross-year rules (X-CARRY, X-VALID). */
  previous?: string;
}

export interface Fixture {
  dir: string;
  meta: FixtureMeta;
  sourcePath: string;
  /** undefined for a fixture that must be refused. */
  expected?: Record<string, unknown>;
}

export interface CellCounts {
  right: number;
  wrong: number;
  missed: number;
  total: number;
}

export interface CellDifference {
  pointer: string;
  expected: unknown;
  actual: unknown;
  kind: 'wrong' | 'missed';
}

export interface FixtureResult {
  id: string;
  meta: FixtureMeta;
  outcome: 'imported' | 'refused';
  /** The refusal's message, or why the file could not be offered to the importer at all. */
  refusal?: string;
  /** The refusal matches expectRefusal (or the import succeeded where one was expected: false). */
  asExpected: boolean;
  cells: CellCounts;
  differences: CellDifference[];
  agencyRight?: boolean;
  /** The agency name the importer found, when it is not the expected one. */
  agencyImported?: string;
  yearRight?: boolean;
  editionRight?: boolean;
  knownFound: KnownError[];
  knownMissed: KnownError[];
  /** The validator threw on the imported or the expected document (its message). */
  validatorError?: string;
  /** Known errors the validator finds in expected.yaml itself (less than all: a validator gap, not an import one). */
  knownInExpected: number;
  milliseconds: number;
}

const SOURCE_NAMES = ['source.pdf', 'source.docx', 'source.doc', 'source.html', 'source.htm', 'source.txt'];

/** Every fixture folder with a meta.json, in name order. */
export function loadCorpus(dir: string = corpusDir, sourcesDir?: string): Fixture[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const folder = join(dir, name);
      const files = readdirSync(folder);
      if (!files.includes('meta.json')) return [];
      const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as FixtureMeta;
      // The source lives beside meta.json, or, for the files kept outside the repository, in sourcesDir/<id>/.
      const sourceFolder = sourcesDir === undefined ? folder : join(sourcesDir, name);
      const sourceFiles = existsSync(sourceFolder) ? readdirSync(sourceFolder) : [];
      const source = SOURCE_NAMES.find((candidate) => sourceFiles.includes(candidate));
      if (!source && sourcesDir !== undefined) return [];
      if (!source) throw new Error(`${folder}: no source file (one of ${SOURCE_NAMES.join(', ')})`);
      const expected = files.includes('expected.yaml')
        ? (parse(readFileSync(join(folder, 'expected.yaml'), 'utf8')) as Record<string, unknown>)
        : undefined;
      return [{ dir: folder, meta, sourcePath: join(sourceFolder, source), expected }];
    });
}

/**
 * The files kept outside the repository whose source is on this machine: their meta.json and hand-checked
 * expected.yaml are committed in test/corpus-external/<id>/, the published file itself is read from
 * externalCorpusDir/<id>/source.* (none when that folder is absent).
 */
export function loadExternalCorpus(sourcesDir: string = externalCorpusDir): Fixture[] {
  return existsSync(sourcesDir) ? loadCorpus(externalSpecsDir, sourcesDir) : [];
}

/** The leaves of the three tables of a document: pointer → value (an amount object is one leaf). */
export function tableCells(document: unknown): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const sections = (document as { sections?: Record<string, { table?: unknown }> } | undefined)?.sections;
  for (const section of ['proactiveDisclosure', 'applications', 'reviewAndLitigation']) {
    const table = sections?.[section]?.table;
    if (table !== undefined) walk(table, `/sections/${section}/table`, cells);
  }
  return cells;
}

function walk(node: unknown, pointer: string, into: Map<string, unknown>): void {
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && !('value' in node && 'unit' in node)) {
    for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${key}`, into);
    return;
  }
  into.set(pointer, node);
}

const at = (document: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Cell-by-cell comparison of an imported document with the expected one. */
export function compareCells(
  expected: unknown,
  actual: unknown,
): { counts: CellCounts; differences: CellDifference[] } {
  const counts: CellCounts = { right: 0, wrong: 0, missed: 0, total: 0 };
  const differences: CellDifference[] = [];
  for (const [pointer, want] of tableCells(expected)) {
    counts.total += 1;
    const got = at(actual, pointer);
    // An amount the importer could not decide ({ value: null, unit: null }) is nothing read, not a wrong value.
    const undecided = typeof got === 'object' && got !== null && 'value' in got && got.value === null;
    const gotNothing = got === undefined || got === null || undecided;
    // An amount the report does not give is { value: null, unit: null } in a document (the schema wants the object).
    const wantNothing =
      want === null ||
      want === undefined ||
      (typeof want === 'object' && 'value' in want && (want as { value: unknown }).value === null);
    if (wantNothing) {
      if (gotNothing) counts.right += 1;
      else {
        counts.wrong += 1;
        differences.push({ pointer, expected: null, actual: got, kind: 'wrong' });
      }
    } else if (gotNothing) {
      counts.missed += 1;
      differences.push({ pointer, expected: want, actual: got ?? null, kind: 'missed' });
    } else if (same(want, got)) counts.right += 1;
    else {
      counts.wrong += 1;
      differences.push({ pointer, expected: want, actual: got, kind: 'wrong' });
    }
  }
  return { counts, differences };
}

/** A known error is found when the validator reports its rule at its pointer (or anywhere, for ''). */
export function matchKnownErrors(
  known: KnownError[],
  findings: { ruleId: string; pointer: string }[],
): { found: KnownError[]; missed: KnownError[] } {
  const found: KnownError[] = [];
  const missed: KnownError[] = [];
  for (const error of known) {
    const hit = findings.some(
      (finding) =>
        finding.ruleId === error.rule &&
        (error.pointer === '' || finding.pointer === error.pointer || finding.pointer.startsWith(`${error.pointer}/`)),
    );
    (hit ? found : missed).push(error);
  }
  return { found, missed };
}

/**
 * The validator's findings, or the error it threw (a harness must report a broken validator, not crash).
 * A "cannot assess" finding (a value it needs is not reported) finds no error: it is left out.
 */
function findingsOf(document: unknown, previous: unknown): { ruleId: string; pointer: string }[] | Error {
  try {
    return validateReport(document, { previous }).findings.filter((finding) => !finding.notAssessable);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

type AnyImport =
  | { ok: true; document: unknown; findings?: { ruleId: string; pointer: string }[] }
  | { ok: false; problem: { message: { zh: string; en: string } } };
type ImportFile = (bytes: Uint8Array, fileName: string, options?: Record<string, unknown>) => Promise<AnyImport>;

/** Imports a file with `importFile` when the importer has it, else HTML/text with `importReport`. */
async function importSource(
  fixture: Fixture,
  previous: unknown,
): Promise<AnyImport | { ok: false; unsupported: string }> {
  const bytes = new Uint8Array(readFileSync(fixture.sourcePath));
  const name = fixture.sourcePath.split('/').pop() as string;
  const importFile = (importer as unknown as { importFile?: ImportFile }).importFile;
  // Last year's report, as the validator gets it (the importer checks its unread rows with it).
  const partial = {
    ...(fixture.meta.complete && !fixture.meta.importPartial ? {} : { partial: true }),
    ...(previous === undefined ? {} : { previous }),
  };
  if (typeof importFile === 'function') return importFile(bytes, name, partial);
  const extension = extname(name).toLowerCase();
  if (!['.html', '.htm', '.txt'].includes(extension)) {
    return { ok: false, unsupported: `no importFile in @nianbao/importer yet: ${extension} is not read` };
  }
  const decoded = decodePage(bytes);
  if (!decoded.ok) return { ok: false, problem: { message: decoded.problem.message } };
  return importReport({ text: decoded.text, kind: pageKind(name, decoded.text), name }) as AnyImport;
}

export async function runFixture(fixture: Fixture, corpus: Fixture[] = []): Promise<FixtureResult> {
  const { meta } = fixture;
  const previous = meta.previous ? corpus.find((other) => other.meta.id === meta.previous)?.expected : undefined;
  const started = performance.now();
  const result = await importSource(fixture, previous);
  const milliseconds = performance.now() - started;
  const expectedCells = fixture.expected ? tableCells(fixture.expected).size : 0;
  // Validated as an import: with a provenance block, so that blank cells are 'not reported' (I-NOTREPORTED).
  const expectedFindings = fixture.expected
    ? findingsOf({ provenance: { importedFrom: fixture.sourcePath.split('/').pop() }, ...fixture.expected }, previous)
    : [];
  const knownInExpected =
    expectedFindings instanceof Error ? 0 : matchKnownErrors(meta.knownErrors, expectedFindings).found.length;
  const base = { id: meta.id, meta, milliseconds, knownInExpected, differences: [] as CellDifference[] };
  if (!result.ok) {
    const refusal =
      'unsupported' in result ? result.unsupported : `${result.problem.message.zh} / ${result.problem.message.en}`;
    return {
      ...base,
      outcome: 'refused',
      refusal,
      // A file the harness could not offer to the importer is no refusal by the importer.
      asExpected:
        meta.expectRefusal === true &&
        !('unsupported' in result) &&
        (meta.refusalSays ?? []).every((words) => refusal.includes(words)),
      cells: { right: 0, wrong: 0, missed: expectedCells, total: expectedCells },
      knownFound: [],
      knownMissed: meta.knownErrors,
      validatorError: expectedFindings instanceof Error ? expectedFindings.message : undefined,
    };
  }
  const document = result.document as Record<string, unknown>;
  const { counts, differences } = fixture.expected
    ? compareCells(fixture.expected, document)
    : { counts: { right: 0, wrong: 0, missed: 0, total: 0 }, differences: [] };
  // The validator's findings on the document, and the importer's on the rows it left unread (the errors
  // of the report that hold however those rows are read).
  const findings = findingsOf(document, previous);
  const reported = [...(findings instanceof Error ? [] : findings), ...(result.findings ?? [])];
  const { found, missed } = matchKnownErrors(meta.knownErrors, reported);
  const expected = fixture.expected as {
    edition?: string;
    metadata?: { agency?: { name?: string }; reportYear?: number };
  };
  const metadata = document.metadata as { agency?: { name?: string }; reportYear?: number } | undefined;
  return {
    ...base,
    outcome: 'imported',
    asExpected: meta.expectRefusal !== true,
    cells: counts,
    differences,
    agencyRight: expected ? metadata?.agency?.name === expected.metadata?.agency?.name : undefined,
    agencyImported:
      expected && metadata?.agency?.name !== expected.metadata?.agency?.name
        ? String(metadata?.agency?.name)
        : undefined,
    yearRight: expected ? metadata?.reportYear === expected.metadata?.reportYear : undefined,
    editionRight: expected ? document.edition === expected.edition : undefined,
    knownFound: found,
    knownMissed: missed,
    validatorError: [findings, expectedFindings].find((value): value is Error => value instanceof Error)?.message,
  };
}

/** Runs `fixtures` in order; `corpus` is where a fixture's `previous` is looked up. */
export async function runCorpus(
  fixtures: Fixture[] = loadCorpus(),
  corpus: Fixture[] = fixtures,
): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  for (const fixture of fixtures) results.push(await runFixture(fixture, corpus));
  return results;
}

export interface Totals {
  files: number;
  imported: number;
  refused: number;
  refusedAsExpected: number;
  cells: CellCounts;
  knownFound: number;
  knownMissed: number;
  milliseconds: number;
}

export function totals(results: FixtureResult[]): Totals {
  const cells: CellCounts = { right: 0, wrong: 0, missed: 0, total: 0 };
  for (const result of results) {
    cells.right += result.cells.right;
    cells.wrong += result.cells.wrong;
    cells.missed += result.cells.missed;
    cells.total += result.cells.total;
  }
  return {
    files: results.length,
    imported: results.filter((result) => result.outcome === 'imported').length,
    refused: results.filter((result) => result.outcome === 'refused').length,
    refusedAsExpected: results.filter((result) => result.outcome === 'refused' && result.asExpected).length,
    cells,
    knownFound: results.reduce((sum, result) => sum + result.knownFound.length, 0),
    knownMissed: results.reduce((sum, result) => sum + result.knownMissed.length, 0),
    milliseconds: results.reduce((sum, result) => sum + result.milliseconds, 0),
  };
}
