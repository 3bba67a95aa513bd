/**
 * Pages are filled into skeletons cached per shape (what the template's {{#if}}/{{#each}} depend on).
 * Whatever was rendered before, each variant renders to the same bytes: rendering every variant forward
 * and then backward gives identical outputs, and the variants differ where they should.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '@nianbao/template';
import { NOT_REPORTED_NOTE, renderHtmlFragment, renderHtmlPage, type HtmlOptions } from '../src/index.js';
import { clone, examples } from './examples.js';

type Variant = { name: string; render: () => string };

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const { name, report } of examples) {
    const undated = clone(report);
    delete undated.metadata.publicationDate;
    const dated = clone(report);
    dated.metadata.publicationDate = `${report.metadata.reportYear + 1}-01-20`;
    const blank = clone(report) as Report & { provenance?: unknown };
    blank.provenance = { importedFrom: 'https://example.gov.cn/report.html' };
    (
      blank.sections.reviewAndLitigation.table as { administrativeReconsideration: { pending: number | null } }
    ).administrativeReconsideration.pending = null;
    const noParagraphs = clone(report);
    noParagraphs.preface.paragraphs = [];
    const options: [string, HtmlOptions][] = [
      ['default', {}],
      ['prefix', { idPrefix: 'r2-' }],
      ['level 3', { headingLevel: 3 }],
    ];
    for (const [document, label] of [
      [undated, 'undated'],
      [dated, 'dated'],
      [blank, 'not reported'],
      [noParagraphs, 'no paragraphs'],
    ] as const) {
      for (const [optionName, option] of options) {
        out.push({ name: `${name} ${label} page ${optionName}`, render: () => renderHtmlPage(document, option) });
        out.push({
          name: `${name} ${label} fragment ${optionName}`,
          render: () => renderHtmlFragment(document, option),
        });
      }
      out.push({
        name: `${name} ${label} fragment without style`,
        render: () => renderHtmlFragment(document, { includeStyle: false }),
      });
    }
  }
  return out;
}

describe('skeletons per shape', () => {
  it('every variant renders the same whatever was rendered before', () => {
    const list = variants();
    const forward = list.map((variant) => variant.render());
    const backward = [...list]
      .reverse()
      .map((variant) => variant.render())
      .reverse();
    for (let i = 0; i < list.length; i++) expect(backward[i], list[i]!.name).toBe(forward[i]);
    const seen = new Map<string, string>();
    for (let i = 0; i < list.length; i++) {
      expect(seen.get(forward[i]!), `${list[i]!.name} renders like another variant`).toBeUndefined();
      seen.set(forward[i]!, list[i]!.name);
    }
  });

  it('the shape follows the values: date, not-reported note, style, heading level', () => {
    const byName = new Map(variants().map((variant) => [variant.name, variant.render()]));
    const html = (name: string) => byName.get(`chizhou-rfb-2020 ${name}`)!;
    expect(html('dated page default')).toContain('<time datetime="2021-01-20">2021年1月20日</time>');
    expect(html('undated page default')).not.toContain('<time');
    expect(html('not reported page default').split(NOT_REPORTED_NOTE)).toHaveLength(2);
    expect(html('dated page default')).not.toContain(NOT_REPORTED_NOTE);
    expect(html('undated fragment without style')).not.toContain('<style>');
    expect(html('undated fragment default').startsWith('<style>')).toBe(true);
    expect(html('undated page level 3')).toContain('<h3 class="nb-title">');
    expect(html('undated page prefix')).toContain('id="r2-s-');
    expect(html('undated page prefix')).not.toContain('id="nb-');
  });
});
