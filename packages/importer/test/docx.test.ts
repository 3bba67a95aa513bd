import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentBlocks } from '../src/docx.js';
import { fileKind, importFile } from '../src/index.js';

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

// 三、本年度办理结果 merged down over two rows (vMerge), 申请人情况 merged across two columns (gridSpan).
const xml = `<?xml version="1.0"?><w:document><w:body>${p('标题 &amp; 说明')}<w:tbl>
<w:tr>${tc('')}${tc('申请人情况', '<w:gridSpan w:val="2"/>')}</w:tr>
<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('1')}${tc('2')}</w:tr>
<w:tr>${tc('', '<w:vMerge/>')}${tc('3')}${tc('<w:del>9</w:del>4')}</w:tr>
</w:tbl>${p('之后')}</w:body></w:document>`;

describe('Word .docx', () => {
  it('reads paragraphs and tables with merged cells resolved into a grid, each with its element path', () => {
    const blocks = documentBlocks(xml);
    expect(blocks.map((b) => b.kind)).toEqual(['line', 'table', 'line']);
    expect(blocks[0]).toEqual({ kind: 'line', text: '标题 & 说明', from: '/w:body/w:p[1]' });
    const table = blocks[1]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['', '申请人情况', '申请人情况'],
      ['三、本年度办理结果', '1', '2'],
      ['三、本年度办理结果', '3', '4'],
    ]);
    expect(table.rows[0]!.cells[2]!.fromLeft).toBe(true);
    expect(table.rows[2]!.cells[0]!.origin).toBe(false);
    expect(table.rows[2]!.cells[2]!.from).toBe('/w:body/w:tbl[1]/w:tr[3]/w:tc[3]');
  });

  it('is recognised by its bytes; a damaged or bodiless one is refused as unreadable', async () => {
    const docx = zipSync({
      'word/document.xml': new TextEncoder().encode(xml),
      '[Content_Types].xml': new Uint8Array(),
    });
    expect(fileKind(docx)).toBe('docx');
    const empty = zipSync({ 'word/other.xml': new Uint8Array(), 'word/document.xml.bak': new Uint8Array() });
    const refused = await importFile(empty, 'x.docx');
    expect(refused.ok).toBe(false);
    const old = await importFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.doc');
    expect(!old.ok && old.problem.unreadable && old.problem.message.en).toMatch(/save it as \.docx or PDF/i);
  });
});
