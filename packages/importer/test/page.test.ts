import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage, importReport, pageKind } from '../src/index.js';
import { fixture } from './helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('reading a saved page', () => {
  it('decodes a GBK page (declared charset) to the same text as its UTF-8 copy', () => {
    const decoded = decodePage(readFileSync(join(fixtures, 'cms-government-2021.gbk.html')));
    expect(decoded).toMatchObject({ ok: true, encoding: 'gbk' });
    if (!decoded.ok) return;
    expect(decoded.text).toBe(fixture('cms-government-2021.html'));
    const result = importReport({ text: decoded.text, kind: pageKind('x.html', decoded.text), name: 'x.html' });
    expect(result.ok && result.document.metadata.agency.name).toBe('歙县人民政府');
  });

  it('takes GB18030 for undeclared non-UTF-8 bytes, UTF-8 otherwise, and drops a BOM', () => {
    expect(decodePage(new Uint8Array([0x3c, 0x70, 0x3e, 0xc4, 0xea, 0xb1, 0xa8]))).toEqual({
      ok: true,
      text: '<p>年报',
      encoding: 'gb18030',
    });
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xb9, 0xb4]))).toEqual({
      ok: true,
      text: '年',
      encoding: 'utf-8',
    });
  });

  it('says what a file is when it is not a page', () => {
    expect(decodePage(new Uint8Array())).toMatchObject({ ok: false, problem: { code: 'empty' } });
    const pdf = decodePage(new TextEncoder().encode('%PDF-1.7 ...'));
    expect(pdf).toMatchObject({ ok: false, problem: { code: 'not-text' } });
    expect(!pdf.ok && pdf.problem.message.en).toMatch(/PDF/);
    expect(decodePage(new Uint8Array([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, problem: { code: 'not-text' } });
  });

  it('tells HTML from text by name, then by content', () => {
    expect(pageKind('a.htm', 'x')).toBe('html');
    expect(pageKind('a.txt', '<html>')).toBe('text');
    expect(pageKind('page', '<!DOCTYPE html><html>')).toBe('html');
    expect(pageKind('page', '一、总体情况')).toBe('text');
  });
});
