/** The PDF's outline (bookmarks), read back with qpdf: sections 一、 to 六、 and each table, in order. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildViewModel } from '@nianbao/view-model';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../src/index.js';
import { examples } from './examples.js';

vi.setConfig({ testTimeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-outline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(examples)('$name', ({ name, report }) => {
  it('has bookmarks for 一、 to 六、 and the tables, each on the page where it starts', async () => {
    const file = join(tmp, `${name}.pdf`);
    writeFileSync(file, await renderPdf(report));
    const run = spawnSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const outlines = (JSON.parse(run.stdout) as { outlines: { title: string; destpageposfrom1: number }[] }).outlines;
    const view = buildViewModel(report);
    const expected = view.sections.flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) => (block.kind === 'table' ? [`表：${block.table.layout.caption}`] : [])),
    ]);
    expect(outlines.map((entry) => entry.title)).toEqual(expected);
    expect(outlines.map((entry) => entry.title).filter((t) => /^[一二三四五六]、/.test(t))).toHaveLength(6);
    const pages = outlines.map((entry) => entry.destpageposfrom1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[0]).toBe(1);
    // Each entry's page shows its text.
    for (const entry of outlines.filter((e) => !e.title.startsWith('表：'))) {
      const page = String(entry.destpageposfrom1);
      const text = spawnSync('pdftotext', ['-f', page, '-l', page, file, '-'], { encoding: 'utf8' }).stdout;
      expect(text.replace(/\s+/g, ''), entry.title).toContain(entry.title);
    }
  });
});
