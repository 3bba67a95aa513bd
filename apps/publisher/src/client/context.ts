/** What every part of the editor reads: the document, its findings by place, and how to change it. */
import { createContext, useContext } from 'react';
import type { Edition } from '@nianbao/template';
import type { Finding } from '@nianbao/validator';
import type { Edit } from './history.js';

export interface EditorApi {
  document: unknown;
  edition: Edition;
  /** Findings by JSON Pointer. */
  findings: Map<string, Finding[]>;
  change(edits: Edit[], key?: string): void;
}

export const EditorContext = createContext<EditorApi | undefined>(undefined);
export const useEditor = (): EditorApi => {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the editor');
  return value;
};

/** Moves the keyboard focus to the field, paragraph or cell at `pointer` (or its nearest ancestor shown). */
export function focusPointer(pointer: string): boolean {
  let current = pointer;
  for (;;) {
    const element = document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(current)}"]`);
    if (element) {
      const target = element.matches('input, textarea, select, button')
        ? element
        : (element.querySelector<HTMLElement>('input, textarea, select, button') ?? element);
      target.scrollIntoView({ block: 'center' });
      target.focus();
      if (target instanceof HTMLInputElement) target.select();
      return true;
    }
    if (current === '') return false;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** The short text shown at a place: 应为 12 for a total, else the severity. */
export function noteOf(
  findings: readonly Finding[],
  words: { expected: string; error: string; warning: string; info: string },
) {
  const first = findings.find((finding) => finding.severity === 'error') ?? findings[0];
  if (!first) return undefined;
  if (first.expected !== undefined && typeof first.expected !== 'object')
    return { severity: first.severity, text: `${words.expected} ${first.expected}`, message: first };
  return { severity: first.severity, text: words[first.severity], message: first };
}
