/**
 * What every part of the editor reads: the document, its findings by place, and how to change it.
 * Parts subscribe to their own slice (a value at a path, the findings under a pointer) through a small
 * store, so a keystroke re-renders the parts whose slice changed, not the whole editor.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { getAt, type Path } from '../shared/doc.js';
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

export interface EditorStore {
  edition: Edition;
  change(edits: Edit[], key?: string): void;
  state: { document: unknown; findings: Map<string, Finding[]> };
  subscribe(listener: () => void): () => void;
  notify(): void;
}

export function createStore(edition: Edition, change: EditorStore['change'], state: EditorStore['state']): EditorStore {
  const listeners = new Set<() => void>();
  return {
    edition,
    change,
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const listener of listeners) listener();
    },
  };
}

export const EditorContext = createContext<EditorStore | undefined>(undefined);

export function useStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('used outside the editor');
  return store;
}

/** The document's value at `path`; re-renders only when that value changes. */
export function useSlice(path: Path): unknown {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => getAt(store.state.document, path));
}

/** The findings at `pointer` and below, as a string that changes only when they do. */
export function useFindingsUnder(pointer: string): string {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => {
    let signature = '';
    for (const [at, list] of store.state.findings)
      if (at === pointer || at.startsWith(`${pointer}/`))
        for (const finding of list) signature += `${at}|${finding.ruleId}|${finding.expected}|${finding.message.zh}\n`;
    return signature;
  });
}

/** The findings exactly at `pointer` (re-rendering when they change). */
export function useFindingsAt(pointer: string): Finding[] | undefined {
  const store = useStore();
  useFindingsUnder(pointer);
  return store.state.findings.get(pointer);
}

/** Everything at once, for parts that need the whole document (re-render on every change). */
export function useEditor(): EditorApi {
  const store = useStore();
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  return { document: state.document, findings: state.findings, edition: store.edition, change: store.change };
}

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
