/** The report itself in the edition's order: title, imported leftovers, metadata form, preface, sections. */
import { memo } from 'react';
import { editionLayout } from '@nianbao/view-model';
import type { Edition, JsonSchema } from '@nianbao/template';
import { schemaOf } from './extensions.js';
import { useSlice } from './context.js';
import { Grid } from './Grid.js';
import { useWords } from './i18n.js';
import { NarrativePart, Paragraphs } from './Narrative.js';
import { SchemaForm } from './SchemaForm.js';

const METADATA: readonly string[] = ['metadata'];
const PREFACE: readonly string[] = ['preface', 'paragraphs'];
const AGENCY: readonly string[] = ['metadata', 'agency', 'name'];
const YEAR: readonly string[] = ['metadata', 'reportYear'];
const UNPLACED: readonly string[] = ['provenance', 'unplaced'];

function Title({ edition }: { edition: Edition }) {
  const agency = useSlice(AGENCY);
  const year = useSlice(YEAR);
  const layout = editionLayout(edition, schemaOf(edition));
  return (
    <h1>
      {typeof agency === 'string' ? agency : ''}
      {typeof year === 'number' ? year : ''}年{layout.documentName}
      <span className="edition">
        （{edition}年格式，{layout.issuedWith}）
      </span>
    </h1>
  );
}

function Unplaced() {
  const { t } = useWords();
  const unplaced = useSlice(UNPLACED) as { text: string; from: string }[] | undefined;
  if (!Array.isArray(unplaced) || unplaced.length === 0) return null;
  return (
    <section className="panel unplaced" aria-labelledby="unplaced-h">
      <h2 id="unplaced-h">{t.unplaced}</h2>
      <ul>
        {unplaced.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the importer's order
          <li key={index}>
            <span className="from">{item.from}</span> {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ReportBody = memo(function ReportBody({ edition }: { edition: Edition }) {
  const { t } = useWords();
  const layout = editionLayout(edition, schemaOf(edition));
  const metadataSite = (schemaOf(edition).properties as Record<string, JsonSchema>).metadata!;
  return (
    <div className="document">
      <Title edition={edition} />
      <Unplaced />
      <SchemaForm path={METADATA} site={metadataSite} title={t.metadata} />
      <section className="section" aria-labelledby="s-preface">
        <h2 id="s-preface">{t.preface}</h2>
        <Paragraphs segments={PREFACE} label={t.preface} />
      </section>
      {layout.sections.map((section) => (
        <section
          key={section.key}
          className="section"
          aria-labelledby={`s-${section.key}`}
          data-pointer={section.pointer}
        >
          <h2 id={`s-${section.key}`}>{section.heading}</h2>
          {section.parts.map((part) =>
            part.kind === 'table' ? (
              <Grid key={part.table.key} table={part.table} />
            ) : (
              <NarrativePart key={part.pointer} part={part} />
            ),
          )}
        </section>
      ))}
    </div>
  );
});
