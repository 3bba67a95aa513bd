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

/** A paragraph list's edits: replace, move, remove (an empty optional list is removed from the report). */
function useParagraphList(segments: readonly string[]) {
  const { edition, change } = useStore();
  const path = [...segments];
  const list = useSlice(segments);
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
  const edit = (index: number, text: string, key: string) => {
    const next = items.slice();
    next[index] = text;
    change([{ path, value: next }], key);
  };
  const remove = (index: number) => setList(items.filter((_, i) => i !== index));
  return { path, items, setList, move, edit, remove };
}

interface ParagraphProps {
  item: unknown;
  index: number;
  count: number;
  pointer: string;
  id: string;
  label: string;
  invalid: boolean;
  onEdit: (text: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One paragraph: its text and the buttons that move and remove it, with its finding below. */
function Paragraph({ item, index, count, pointer, id, label, invalid, onEdit, onMove, onRemove }: ParagraphProps) {
  const { t } = useWords();
  return (
    <li>
      <label htmlFor={id} className="sr-only">
        {label} {t.paragraph} {index + 1}
      </label>
      <textarea
        id={id}
        data-pointer={pointer}
        aria-invalid={invalid ? true : undefined}
        value={typeof item === 'string' ? item : ''}
        rows={Math.min(12, Math.max(2, Math.ceil(String(item ?? '').length / 60)))}
        onChange={(event) => onEdit(event.target.value)}
      />
      <div className="paragraph-tools">
        <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t.moveUp}
          <span className="sr-only"> {index + 1}</span>
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t.moveDown}
          <span className="sr-only"> {index + 1}</span>
        </button>
        <button type="button" onClick={onRemove}>
          {t.remove}
          <span className="sr-only"> {index + 1}</span>
        </button>
      </div>
      <Note pointer={pointer} />
    </li>
  );
}

/** Adds an empty paragraph at the end and moves the focus into it once rendered. */
function AddParagraph({
  pointer,
  count,
  label,
  onAdd,
}: {
  pointer: string;
  count: number;
  label: string;
  onAdd: () => void;
}) {
  const { t } = useWords();
  const add = () => {
    onAdd();
    requestAnimationFrame(() =>
      document.querySelector<HTMLTextAreaElement>(`[data-pointer="${CSS.escape(`${pointer}/${count}`)}"]`)?.focus(),
    );
  };
  return (
    <button type="button" className="add" onClick={add}>
      {t.addParagraph}
      <span className="sr-only">：{label}</span>
    </button>
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
  const { path, items, setList, move, edit, remove } = useParagraphList(segments);
  const pointer = toPointer(path);
  useFindingsUnder(pointer);
  const findings = store.state.findings;
  return (
    <fieldset className="paragraphs" data-pointer={pointer}>
      <legend className="sr-only">{label}</legend>
      <Note pointer={pointer} />
      <ol>
        {items.map((item, index) => {
          const itemPointer = `${pointer}/${index}`;
          return (
            <Paragraph
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
              key={index}
              item={item}
              index={index}
              count={items.length}
              pointer={itemPointer}
              id={`p-${path.join('-')}-${index}`}
              label={label}
              invalid={findings.get(itemPointer)?.some((finding) => finding.severity === 'error') ?? false}
              onEdit={(text) => edit(index, text, itemPointer)}
              onMove={(to) => move(index, to)}
              onRemove={() => remove(index)}
            />
          );
        })}
      </ol>
      <AddParagraph pointer={pointer} count={items.length} label={label} onAdd={() => setList([...items, ''])} />
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
