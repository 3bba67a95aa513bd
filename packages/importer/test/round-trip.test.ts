import { renderHtmlFragment, renderHtmlPage } from '@nianbao/render-html';
import type { Report } from '@nianbao/template';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { example, imported, importHtml } from './helpers.js';

function withoutProvenance(document: unknown): Record<string, unknown> {
  const { provenance: _, ...rest } = document as Record<string, unknown>;
  return rest;
}

function reimport(html: string, name: string) {
  return imported(importReport({ text: html, kind: 'html', name }));
}

describe('importing the HTML nianbao renders gives back the source document', () => {
  const chizhou = example('chizhou-rfb-2020.yaml');
  const sample = example('sample-bureau-2021.yaml');

  it('edition 2019 (the Chizhou example): page and CMS fragment', () => {
    for (const html of [
      renderHtmlPage(chizhou as unknown as Report),
      renderHtmlFragment(chizhou as unknown as Report),
    ]) {
      const result = reimport(html, 'chizhou.html');
      expect(withoutProvenance(result.document)).toEqual(chizhou);
      expect(result.fidelity.edition).toBe('2019');
      // The page's signature (the agency's name under the report) is not report text.
      expect(result.document.provenance?.unplaced?.map((u) => u.text)).toEqual(['池州市人民防空办公室']);
    }
  });

  it('edition 2021 (the sample agency): page and CMS fragment, exactly (metadata the page does not print comes from its embedded JSON)', () => {
    for (const html of [renderHtmlPage(sample as unknown as Report), renderHtmlFragment(sample as unknown as Report)]) {
      const result = reimport(html, 'sample.html');
      expect(withoutProvenance(result.document)).toEqual(sample);
      expect(result.fidelity.edition).toBe('2021');
      expect(result.warnings.filter((w) => w.code === 'guessed')).toEqual([]);
    }
  });

  it('edition 2021 without the embedded metadata (a CMS that strips scripts): all but what the page does not show', () => {
    const html = renderHtmlPage(sample as unknown as Report).replace(
      /<script type="application\/json" data-nianbao="metadata">[^<]*<\/script>/,
      '',
    );
    expect(html).not.toContain('data-nianbao');
    const result = reimport(html, 'sample.html');
    const back = withoutProvenance(result.document) as { metadata: Record<string, unknown> } & Record<string, unknown>;
    const { metadata: sourceMetadata, ...sourceRest } = sample as { metadata: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    const { metadata: backMetadata, ...backRest } = back;
    expect(backRest).toEqual(sourceRest);
    // Not on the page as text: the division code, the credit code, and contact details the
    // preface does not repeat. Everything else of the metadata is read back.
    const agency = sourceMetadata.agency as Record<string, unknown>;
    const contact = sourceMetadata.contact as Record<string, unknown>;
    expect(backMetadata).toEqual({
      ...sourceMetadata,
      agency: { name: agency.name, kind: agency.kind, level: agency.level, administrativeDivisionCode: '000000' },
      contact: { department: contact.department, address: '某市示范路1号', phone: contact.phone, email: contact.email },
      electronicVersion: { location: (sourceMetadata.electronicVersion as Record<string, unknown>).location },
    });
  });

  it('an imported report with not-reported cells: the marks and the note read back as null', () => {
    const first = importHtml('cms-county-2020.html');
    const html = renderHtmlPage(first.document);
    expect(html).toContain('未填报');
    const second = reimport(html, 'again.html');
    expect(withoutProvenance(second.document)).toEqual(withoutProvenance(first.document));
    expect(second.fidelity.notReported).toEqual(first.fidelity.notReported);
  });
});
