import { mkdtemp, open as openFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Spy on opening files, to prove that an oversized file is refused from its size alone.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open) };
});
const fs = await import('node:fs/promises');
const { readReportFile, DEFAULT_LIMITS, formatProblem } = await import('../src/index.js');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readReportFile', () => {
  it('reads YAML and JSON files, choosing the format by extension or content', async () => {
    await writeFile(join(dir, 'r.yaml'), 'edition: "2019"\n');
    await writeFile(join(dir, 'r.json'), '{"edition": "2021"}');
    await writeFile(join(dir, 'r.txt'), '  {"edition": "2021"}');
    await writeFile(join(dir, 'noext'), 'edition: "2019"\n');
    expect(await readReportFile(join(dir, 'r.yaml'))).toMatchObject({
      ok: true,
      format: 'yaml',
      document: { edition: '2019' },
    });
    expect(await readReportFile(join(dir, 'r.json'))).toMatchObject({
      ok: true,
      format: 'json',
      document: { edition: '2021' },
    });
    expect(await readReportFile(join(dir, 'r.txt'))).toMatchObject({ ok: true, format: 'json' });
    expect(await readReportFile(join(dir, 'noext'))).toMatchObject({ ok: true, format: 'yaml' });
  });

  it('states its default limits', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBytes: 20 * 1024 * 1024,
      maxDepth: 64,
      maxStringLength: 1_000_000,
      maxValues: 1_000_000,
      maxAliases: 100,
    });
  });

  it('refuses a 200 MB file from its size, without opening it', async () => {
    const path = join(dir, 'huge.json');
    // A sparse file: 200 MB long, no disk space used.
    const handle = await openFile(path, 'w');
    await handle.truncate(200 * 1024 * 1024);
    await handle.close();
    vi.mocked(fs.open).mockClear();
    const result = await readReportFile(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('TOO_LARGE');
    expect(result.problem.message.en).toBe('The file is 200 MB, larger than the limit of 20 MB.');
    expect(vi.mocked(fs.open)).not.toHaveBeenCalled();
  });

  it('applies a smaller size limit exactly', async () => {
    const path = join(dir, 'small.yaml');
    await writeFile(path, 'a: 12345\n'); // 9 bytes
    expect((await readReportFile(path, { maxBytes: 9 })).ok).toBe(true);
    expect(await readReportFile(path, { maxBytes: 8 })).toMatchObject({ ok: false, problem: { code: 'TOO_LARGE' } });
  });

  it('says what is wrong with paths that are not readable files', async () => {
    const missing = await readReportFile(join(dir, 'nope.yaml'));
    expect(missing).toMatchObject({ ok: false, problem: { code: 'NOT_FOUND' } });
    if (!missing.ok)
      expect(formatProblem(missing.problem, { file: 'nope.yaml', lang: 'en' })).toBe('nope.yaml: No such file.');
    expect(await readReportFile(dir)).toMatchObject({ ok: false, problem: { code: 'NOT_A_FILE' } });
    expect(await readReportFile(join(dir, 'r.yaml', 'below'))).toMatchObject({
      ok: false,
      problem: { code: 'NOT_FOUND' },
    });
    await symlink(join(dir, 'gone'), join(dir, 'dangling.yaml'));
    expect(await readReportFile(join(dir, 'dangling.yaml'))).toMatchObject({
      ok: false,
      problem: { code: 'NOT_FOUND' },
    });
    // A character device would never end; it is refused from stat.
    expect(await readReportFile('/dev/zero')).toMatchObject({ ok: false, problem: { code: 'NOT_A_FILE' } });
  });

  it('formats a problem as one line with file, line and column', async () => {
    const path = join(dir, 'dup.yaml');
    await writeFile(path, 'a: 1\na: 2\n');
    const result = await readReportFile(path);
    if (result.ok) throw new Error('expected a problem');
    expect(formatProblem(result.problem, { file: 'dup.yaml', lang: 'en' })).toBe(
      'dup.yaml:2:1: The key "a" appears twice in the same mapping.',
    );
    expect(formatProblem(result.problem, { file: 'dup.yaml' })).toBe('dup.yaml:2:1: 键 "a" 在同一映射中重复出现。');
    expect(formatProblem(result.problem, { file: 'dup.yaml' })).not.toContain('\n');
  });
});
