import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaFor, type Report } from '@nianbao/template';
import { validateReport } from '@nianbao/validator';
import { buildViewModel } from '@nianbao/view-model';
import { renderHtmlPage } from '@nianbao/render-html';
import { toOpenData } from '@nianbao/open-data';
import { applyExtensions, checkPatch, loadExtension, loadExtensions, mergePatch, SPAM_RULE_ID } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE_EXTENSION = join(repo, 'examples/extensions/other-documents');
const sample = (): Record<string, any> => parse(readFileSync(join(repo, 'examples/sample-bureau-2021.yaml'), 'utf8'));

/** The sample report with the extension's row filled in. */
function extendedReport(other = { issued: 3, repealed: 1, inForce: 9 }): Record<string, any> {
  const report = sample();
  report.sections.proactiveDisclosure.table.article20Item1.otherDocuments = other;
  return report;
}

async function applied() {
  const loaded = await loadExtensions([EXAMPLE_EXTENSION]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const result = applyExtensions('2021', loaded.extensions);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.applied;
}

/** A copy of the example extension with one file replaced. */
function variant(file: string, content: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-ext-'));
  cpSync(EXAMPLE_EXTENSION, folder, { recursive: true });
  writeFileSync(join(folder, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return folder;
}

describe('mergePatch (RFC 7386)', () => {
  it('follows the examples of the RFC', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });
});

describe('an extension adding a row and a rule', () => {
  it('loads, and its schema has the row with its label while the official schema is unchanged', async () => {
    const { schema, extraRules, severity, applied: names } = await applied();
    const row = (schema.$defs as any).article20Item1.properties.otherDocuments;
    expect(row.title).toBe('其他主动公开文件');
    expect((schemaFor('2021').$defs as any).article20Item1.properties.otherDocuments).toBeUndefined();
    expect(extraRules.map((set) => set.rules[0]!.id)).toEqual(['EXT-OTHER-INFORCE', SPAM_RULE_ID]);
    expect(severity).toEqual({ 'M-DEADLINE': 'off' });
    expect(names).toEqual([{ name: 'other-documents', version: '1.0.0' }]);
  });

  it('validates: the row is required, its rule runs, spam words are found, M-DEADLINE is off', async () => {
    const { schema, extraRules, severity } = await applied();
    const options = { schema, extraRules, severity };
    expect(validateReport(extendedReport(), options)).toMatchObject({ valid: true, findings: [] });
    // Without the extension the row is an unknown key.
    expect(validateReport(extendedReport()).valid).toBe(false);

    const missing = validateReport(sample(), options);
    expect(missing.valid).toBe(false);
    expect(missing.findings.map((f) => [f.ruleId, f.pointer])).toContainEqual([
      'schema',
      '/sections/proactiveDisclosure/table/article20Item1/otherDocuments',
    ]);

    const broken = validateReport(extendedReport({ issued: 5, repealed: 0, inForce: 2 }), options);
    expect(broken.findings.map((f) => f.ruleId)).toEqual(['EXT-OTHER-INFORCE']);
    expect(broken.findings[0]!.message.zh).toContain('其他主动公开文件');

    const spam = extendedReport();
    spam.sections.otherMatters.paragraphs = ['本网站提供代开发票服务。'];
    const spamFindings = validateReport(spam, options).findings;
    expect(spamFindings.map((f) => f.ruleId)).toContain(SPAM_RULE_ID);
    expect(spamFindings.find((f) => f.ruleId === SPAM_RULE_ID)!.message.zh).toContain('代开发票');

    const late = extendedReport();
    late.metadata.publicationDate = '2024-06-30';
    expect(validateReport(late).findings.map((f) => f.ruleId)).toContain('M-DEADLINE');
    expect(validateReport(late, options).findings.map((f) => f.ruleId)).not.toContain('M-DEADLINE');
  });

  it('renders the row with its label and declares it in the open data', async () => {
    const { schema, applied: extensions } = await applied();
    const report = extendedReport() as Report;
    const view = buildViewModel(report, { schema });
    const table = view.tables.find((t) => t.key === 'proactiveDisclosure')!;
    const cells = table.cells.filter((c) => c.layout.rowLabels.includes('其他主动公开文件'));
    expect(cells.map((c) => c.display)).toEqual(['3', '1', '9']);

    const html = renderHtmlPage(report, { schema });
    expect(html).toContain('其他主动公开文件');
    // The official layout is not disturbed by the extended one (separate markup caches).
    expect(renderHtmlPage(sample() as Report)).not.toContain('其他主动公开文件');

    const data = toOpenData(report, { schema, extensions });
    const csvLines = data.csv.split('\r\n').filter((line) => line.includes('otherDocuments'));
    expect(csvLines).toHaveLength(3);
    expect(csvLines[0]).toContain('其他主动公开文件');
    const descriptor = JSON.parse(data.datapackage);
    expect(descriptor['nianbao:extensions']).toEqual([{ name: 'other-documents', version: '1.0.0' }]);
    const declared = descriptor.resources[1]['nianbao:extensionCells'];
    expect(declared.map((c: any) => c.column_id)).toEqual(['issued', 'repealed', 'inForce']);
    expect(declared[0].row_id).toBe('article20Item1/otherDocuments');
    expect(JSON.parse(data.json).sections.proactiveDisclosure.table.article20Item1.otherDocuments.inForce).toBe(9);
  });
});

describe('refused extensions', () => {
  const refusal = async (folder: string) => {
    const result = await loadExtension(folder);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };

  it('a patch that removes an official field, with the file, pointer and line', async () => {
    const folder = variant(
      'schema-patch.json',
      '{\n  "$defs": {\n    "article20Item1": {\n      "properties": { "regulations": null }\n    }\n  }\n}\n',
    );
    const [problem, ...rest] = await refusal(folder);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: join(folder, 'schema-patch.json'),
      pointer: '/$defs/article20Item1/properties/regulations',
      line: 4,
    });
    expect(problem!.message.en).toContain('cannot remove the official field "regulations"');
  });

  it('a patch that retypes an official field', async () => {
    const problems = await refusal(variant('schema-patch.json', { $defs: { count: { type: 'string' } } }));
    expect(problems.map((p) => p.pointer)).toEqual(['/$defs/count/type']);
    expect(problems[0]!.message.en).toContain('retype');
    const byRef = await refusal(
      variant('schema-patch.json', {
        $defs: { article20Item1: { properties: { regulations: { $ref: '#/$defs/paragraphs' } } } },
      }),
    );
    expect(byRef.map((p) => p.pointer)).toEqual(['/$defs/article20Item1/properties/regulations/$ref']);
  });

  it('a patch that relabels, drops a required field, loosens a constraint or adds an unlabelled field', () => {
    const official = schemaFor('2021');
    const pointers = (patch: unknown) => checkPatch(official, patch).map((p) => p.pointer);
    expect(pointers({ $defs: { article20Item1: { properties: { regulations: { title: '规章文件' } } } } })).toEqual([
      '/$defs/article20Item1/properties/regulations/title',
    ]);
    expect(pointers({ $defs: { article20Item1: { required: ['regulations'] } } })).toEqual([
      '/$defs/article20Item1/required',
    ]);
    expect(pointers({ $defs: { count: { maximum: 10 } } })).toEqual(['/$defs/count/maximum']);
    expect(pointers({ $defs: { count: { multipleOf: 2 } } })).toEqual(['/$defs/count/multipleOf']);
    expect(pointers({ $defs: { article20Item1: { additionalProperties: true } } })).toEqual([
      '/$defs/article20Item1/additionalProperties',
    ]);
    expect(pointers({ $defs: { article20Item1: { properties: { x: { $ref: '#/$defs/documentCounts' } } } } })).toEqual([
      '/$defs/article20Item1/properties/x',
    ]);
    expect(pointers(['not', 'an', 'object'])).toEqual(['']);
    // Repeating official values and adding a comment is fine; changing the official description is not.
    expect(pointers({ $defs: { count: { type: ['integer', 'null'], $comment: '本省口径' } } })).toEqual([]);
    expect(pointers({ $defs: { count: { description: '件' } } })).toEqual(['/$defs/count/description']);
  });

  it('a bad manifest, a rule file reusing an official id, an unknown rule in severity', async () => {
    const manifest = await refusal(
      variant('extension.json', { name: 'Bad Name', version: '1', editions: ['2020'], extra: 1 }),
    );
    expect(manifest.map((p) => p.pointer).sort()).toEqual(['/editions', '/extra', '/name', '/version']);
    expect(manifest[0]!.line).toBeGreaterThan(0);

    const rules = JSON.parse(readFileSync(join(EXAMPLE_EXTENSION, 'rules.json'), 'utf8'));
    rules.rules[0].id = 'B-ROW';
    const reused = await refusal(variant('rules.json', rules));
    expect(reused.map((p) => p.pointer)).toEqual(['/rules/0/id']);

    const folder = variant('extension.json', {
      ...JSON.parse(readFileSync(join(EXAMPLE_EXTENSION, 'extension.json'), 'utf8')),
      severity: { 'NO-SUCH-RULE': 'off' },
    });
    const loaded = await loadExtension(folder);
    if (!loaded.ok) throw new Error('expected to load');
    const result = applyExtensions('2021', [loaded.extension]);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.pointer)).toEqual(['/severity/NO-SUCH-RULE']);
  });

  it('a missing folder names the manifest it looked for', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'nianbao-ext-')), 'nothing');
    mkdirSync(folder);
    const [problem] = await refusal(folder);
    expect(problem!.file).toBe(join(folder, 'extension.json'));
  });
});
