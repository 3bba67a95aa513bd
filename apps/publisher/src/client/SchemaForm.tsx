/**
 * A form generated from the edition's JSON Schema: objects become fieldsets, `oneOf` of constants and
 * `enum` become selects, dates date inputs, integers numeric inputs, strings text inputs, each
 * labelled with the schema's official title and in its x-order. A property added to the schema
 * appears here without UI code. Emptying an optional field removes it from the document.
 */
import { propertiesOf, resolveRef, type JsonSchema } from '@nianbao/template';
import { schemaOf } from './extensions.js';
import { toPointer } from '../shared/doc.js';
import { memo } from 'react';
import { noteOf, useFindingsAt, useSlice, useStore } from './context.js';
import { useWords } from './i18n.js';

type Choice = { value: string; label: string };

function choicesOf(schema: JsonSchema): Choice[] | undefined {
  if (Array.isArray(schema.oneOf) && (schema.oneOf as JsonSchema[]).every((option) => 'const' in option))
    return (schema.oneOf as JsonSchema[]).map((option) => ({
      value: String(option.const),
      label: typeof option.title === 'string' ? `${option.title}` : String(option.const),
    }));
  if (Array.isArray(schema.enum))
    return (schema.enum as unknown[])
      .filter((value) => value !== null)
      .map((value) => ({ value: String(value), label: String(value) }));
  return undefined;
}

const isDate = (site: JsonSchema, schema: JsonSchema) =>
  site.$ref === '#/$defs/date' || (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[0-9]{4}-'));

function FieldNote({ pointer, id }: { pointer: string; id: string }) {
  const found = useFindingsAt(pointer);
  const { t, lang } = useWords();
  const note = found ? noteOf(found, t) : undefined;
  if (!note) return null;
  return (
    <span className={`field-note finding-${note.severity}`} id={id}>
      {t[note.severity]}：{note.message.message[lang]}
    </span>
  );
}

function Field({
  path,
  site,
  schema,
  title,
}: {
  path: readonly string[];
  site: JsonSchema;
  schema: JsonSchema;
  title: string;
}) {
  const { change } = useStore();
  const { t } = useWords();
  const pointer = toPointer(path);
  const value = useSlice(path);
  const found = useFindingsAt(pointer);
  const noteId = `fn-${path.join('-')}`;
  const hasNote = found !== undefined;
  const invalid = found?.some((finding) => finding.severity === 'error');
  const common = {
    id: `f-${path.join('-')}`,
    name: path.join('.'),
    'data-pointer': pointer,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': hasNote ? noteId : undefined,
  } as const;
  const set = (text: string) => {
    let next: unknown = text === '' ? undefined : text;
    if (text !== '' && (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))))
      next = /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
    change([{ path, value: next }], pointer);
  };
  const choices = choicesOf(schema);
  const text = value === undefined || value === null ? '' : String(value);
  return (
    <div className={`field${hasNote ? ' has-note' : ''}`}>
      <label htmlFor={common.id}>{title}</label>
      {choices ? (
        <select {...common} value={text} onChange={(event) => set(event.target.value)}>
          <option value="">{t.choose}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={isDate(site, schema) ? 'date' : 'text'}
          inputMode={schema.type === 'integer' ? 'numeric' : undefined}
          value={text}
          onChange={(event) => set(event.target.value)}
        />
      )}
      <FieldNote pointer={pointer} id={noteId} />
    </div>
  );
}

export const SchemaForm = memo(function SchemaForm({
  path,
  site,
  title,
}: {
  path: readonly string[];
  site: JsonSchema;
  title: string;
}) {
  const { edition } = useStore();
  const root = schemaOf(edition);
  const schema = resolveRef(root, site);
  if (schema.type !== 'object' || !schema.properties)
    return <Field path={path} site={site} schema={schema} title={title} />;
  const Tag = path.length === 1 ? 'section' : 'fieldset';
  return (
    <Tag className="schema-object" data-pointer={toPointer(path)} aria-label={Tag === 'section' ? title : undefined}>
      {Tag === 'fieldset' ? <legend>{title}</legend> : <h2>{title}</h2>}
      <FieldNote pointer={toPointer(path)} id={`fn-${path.join('-')}`} />
      <div className="fields">
        {propertiesOf(root, schema).map((property) => (
          <SchemaForm
            key={property.key}
            path={[...path, property.key]}
            site={property.site}
            title={property.title ?? property.key}
          />
        ))}
      </div>
    </Tag>
  );
});
