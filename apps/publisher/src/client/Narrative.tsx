/**
 * The narrative parts, laid out from the edition (the preface, each section's paragraphs and its
 * official topics with the agency's own heading): paragraphs to add, remove and reorder. A finding on
 * a paragraph or a part shows next to it.
 */
import type { PartLayout } from '@nianbao/view-model';
import { toPointer } from '../shared/doc.js';

const NO_PATH: readonly string[] = ['\u0000'];
import { isRequiredAt, schemaAt } from '../shared/schema-info.js';
import { schemaOf } from './extensions.js';
import { memo } from 'react';
import { noteOf, useFindingsAt, useFindingsUnder, useSlice, useStore } from './context.js';
import { useWords } from './i18n.js';

function Note({ pointer }: { pointer: string }) {
  const found = useFindingsAt(pointer);
  const { t, lang } = useWords();
  const note = found ? noteOf(found, t) : undefined;
  if (!note) return null;
  return (
    <p className={`field-note finding-${note.severity}`} id={`pn-${pointer}`}>
      {t[note.severity]}：{note.message.message[lang]}
    </p>
  );
}

export const Paragraphs = memo(function Paragraphs({
  segments,
  label,
}: {
  segments: readonly string[];
  label: string;
}) {
  const store = useStore();
  const { edition, change } = store;
  const { t } = useWords();
  const path = [...segments];
  const pointer = toPointer(path);
  const list = useSlice(segments);
  useFindingsUnder(pointer);
  const findings = store.state.findings;
  const items = Array.isArray(list) ? (list as unknown[]) : [];
  const required = isRequiredAt(edition, path, schemaOf(edition));
  const setList = (next: unknown[], key?: string) =>
    change([{ path, value: next.length === 0 && !required ? undefined : next }], key);
  const move = (from: number, to: number) => {
    const next = items.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    setList(next);
  };
  return (
    <fieldset className="paragraphs" data-pointer={pointer}>
      <legend className="sr-only">{label}</legend>
      <Note pointer={pointer} />
      <ol>
        {items.map((item, index) => {
          const itemPointer = `${pointer}/${index}`;
          const invalid = findings.get(itemPointer)?.some((finding) => finding.severity === 'error');
          const id = `p-${path.join('-')}-${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
            <li key={index}>
              <label htmlFor={id} className="sr-only">
                {label} {t.paragraph} {index + 1}
              </label>
              <textarea
                id={id}
                data-pointer={itemPointer}
                aria-invalid={invalid ? true : undefined}
                value={typeof item === 'string' ? item : ''}
                rows={Math.min(12, Math.max(2, Math.ceil(String(item ?? '').length / 60)))}
                onChange={(event) => {
                  const next = items.slice();
                  next[index] = event.target.value;
                  change([{ path, value: next }], itemPointer);
                }}
              />
              <div className="paragraph-tools">
                <button type="button" disabled={index === 0} onClick={() => move(index, index - 1)}>
                  {t.moveUp}
                  <span className="sr-only"> {index + 1}</span>
                </button>
                <button type="button" disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
                  {t.moveDown}
                  <span className="sr-only"> {index + 1}</span>
                </button>
                <button type="button" onClick={() => setList(items.filter((_, i) => i !== index))}>
                  {t.remove}
                  <span className="sr-only"> {index + 1}</span>
                </button>
              </div>
              <Note pointer={itemPointer} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="add"
        onClick={() => {
          setList([...items, '']);
          // The new paragraph takes the focus once rendered.
          requestAnimationFrame(() =>
            document
              .querySelector<HTMLTextAreaElement>(`[data-pointer="${CSS.escape(`${pointer}/${items.length}`)}"]`)
              ?.focus(),
          );
        }}
      >
        {t.addParagraph}
        <span className="sr-only">：{label}</span>
      </button>
    </fieldset>
  );
});

export const NarrativePart = memo(function NarrativePart({ part }: { part: Exclude<PartLayout, { kind: 'table' }> }) {
  const { edition, change } = useStore();
  const heading = useSlice(part.kind === 'topic' ? part.headingSegments : NO_PATH);
  const { t } = useWords();
  if (part.kind === 'paragraphs') {
    const title = schemaAt(edition, part.segments, schemaOf(edition))?.title;
    const label = typeof title === 'string' ? title : part.segments.join(' › ');
    return (
      <div className="part">
        <Paragraphs segments={part.segments} label={label} />
      </div>
    );
  }
  const headingPath = [...part.headingSegments];
  const id = `h-${part.segments.join('-')}`;
  return (
    <div className="part topic" data-pointer={part.pointer}>
      <h3>
        {part.number}
        {typeof heading === 'string' && heading !== '' ? heading : part.officialHeading}
      </h3>
      <div className="field">
        <label htmlFor={id}>
          {t.heading}（{t.headingDefault}「{part.officialHeading}」）
        </label>
        <input
          id={id}
          data-pointer={toPointer(headingPath)}
          value={typeof heading === 'string' ? heading : ''}
          onChange={(event) =>
            change([{ path: headingPath, value: event.target.value === '' ? undefined : event.target.value }], id)
          }
        />
      </div>
      <Paragraphs segments={part.paragraphsSegments} label={`${part.number}${part.officialHeading}`} />
    </div>
  );
});
