/** A check's raw finding as a Finding: its place's labels and the rule's message with placeholders filled. */
import type { Check, LocalizedText } from '@nianbao/template';
import type { Finding } from '../types.js';
import { columnText, locationText, paragraphText, placeOf, rowText, type Place } from '../places.js';
import { both } from '../text.js';
import { fromDecimal, type Decimal } from './decimal.js';
import { BUILT_IN_PLACEHOLDERS, type Placeholder, type PlaceholderValue, type Raw } from './raw.js';
import type { Scope } from './scope.js';

export function toFinding(raw: Raw, check: Check, scope: Scope, conditionValue: Decimal | undefined): Finding {
  const { rule, current } = scope;
  const place = placeOf(current.root, raw.pointer);
  const finding = { ruleId: rule.id, severity: rule.severity, pointer: raw.pointer } as Finding;
  if (place.section !== undefined) finding.section = place.section;
  // Copies: findings belong to the caller, the cached place does not.
  if (place.row !== undefined) finding.row = place.row.slice();
  if (place.column !== undefined) finding.column = place.column.slice();
  if (raw.nulls) return notAssessableFinding(finding, raw, scope);
  const values: Record<string, PlaceholderValue> = { ...scope.vars };
  const builtIn = (name: Placeholder): PlaceholderValue => builtInValue(name, raw, place, conditionValue);
  if (raw.expected !== undefined) finding.expected = raw.expected;
  if (raw.actual !== undefined) finding.actual = raw.actual;
  const template = check.message ?? rule.message;
  finding.message = { zh: fill(template.zh, values, builtIn, 'zh'), en: fill(template.en, values, builtIn, 'en') };
  return finding;
}

function notAssessableFinding(finding: Finding, raw: Raw, scope: Scope): Finding {
  const { rule } = scope;
  const cells = (raw.nulls ?? []).map(({ pointer, previous }) => {
    const document = previous ? scope.previous : scope.current;
    const location = locationText(placeOf(document?.root, pointer));
    return previous ? both(`上一年度报告的${location}`, `last year's ${location}`) : both(location, location);
  });
  finding.severity = 'info';
  finding.message = both(
    `无法判断“${rule.title.zh}”：${cells.map((cell) => cell.zh).join('、')}未填报。`,
    `Cannot assess "${rule.title.en}": ${cells.map((cell) => cell.en).join(', ')} ${cells.length > 1 ? 'were' : 'was'} not reported.`,
  );
  finding.notAssessable = true;
  return finding;
}

const conditionText = (value: Decimal | undefined): string => (value === undefined ? '' : String(fromDecimal(value)));

function builtInValue(
  name: Placeholder,
  raw: Raw,
  place: Place,
  conditionValue: Decimal | undefined,
): PlaceholderValue {
  switch (name) {
    case 'location':
      return locationText(place);
    case 'row':
      return rowText(place);
    case 'column':
      return columnText(place);
    case 'paragraph':
      return paragraphText(place);
    case 'expected':
    case 'value':
      return raw.vars[name] ?? conditionText(conditionValue);
    case 'actual':
    case 'word':
    case 'label':
      return raw.vars[name] ?? '';
  }
}

const BUILT_IN = new Set<string>(BUILT_IN_PLACEHOLDERS);

/** A message template split at its placeholders: text, name, text, …, text (once per template). */
const templates = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([^{}]+)\}/);
    // Rule files are few, but a server may be handed many: keep the cache bounded.
    if (templates.size > 10_000) templates.clear();
    templates.set(template, parts);
  }
  return parts;
}

/** `{name}` replaced: built-in placeholders first, then forEach variables; unknown names stay as written. */
function fill(
  template: string,
  values: Record<string, PlaceholderValue>,
  builtIn: (name: Placeholder) => PlaceholderValue,
  language: keyof LocalizedText,
): string {
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = BUILT_IN.has(name)
      ? builtIn(name as Placeholder)
      : Object.hasOwn(values, name)
        ? values[name]
        : undefined;
    text += value === undefined ? `{${name}}` : typeof value === 'string' ? value : value[language];
    text += parts[i + 1]!;
  }
  return text;
}
