/**
 * The document being edited and its undo history. Typing into one field within a second is one
 * step (a paragraph is not undone character by character); a paste into the grid is one step.
 */
import { setAt, type Path } from '../shared/doc.js';

export interface History {
  past: unknown[];
  present: unknown;
  future: unknown[];
  lastKey: string | undefined;
  lastAt: number;
}

export type Edit = { path: Path; value: unknown };

export type Action =
  | { type: 'edit'; edits: Edit[]; key?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; document: unknown };

const LIMIT = 500;
const COALESCE_MS = 1000;

export const initialHistory = (document: unknown): History => ({
  past: [],
  present: document,
  future: [],
  lastKey: undefined,
  lastAt: 0,
});

export function historyReducer(state: History, action: Action): History {
  switch (action.type) {
    case 'edit': {
      let next = state.present;
      for (const edit of action.edits) next = setAt(next, edit.path, edit.value);
      const now = Date.now();
      const coalesce = action.key !== undefined && action.key === state.lastKey && now - state.lastAt < COALESCE_MS;
      return {
        past: coalesce ? state.past : [...state.past.slice(-LIMIT), state.present],
        present: next,
        future: [],
        lastKey: action.key,
        lastAt: now,
      };
    }
    case 'undo': {
      if (state.past.length === 0) return state;
      return {
        past: state.past.slice(0, -1),
        present: state.past[state.past.length - 1],
        future: [state.present, ...state.future],
        lastKey: undefined,
        lastAt: 0,
      };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      return {
        past: [...state.past, state.present],
        present: state.future[0],
        future: state.future.slice(1),
        lastKey: undefined,
        lastAt: 0,
      };
    }
    case 'reset':
      return initialHistory(action.document);
  }
}
