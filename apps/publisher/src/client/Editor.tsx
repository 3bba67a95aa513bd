/**
 * One report: the metadata form, the narrative and the three grids in the edition's order, the
 * validator's verdict after every change, undo and redo, saving with conflict detection, previews
 * and publishing.
 */
import { type KeyboardEvent, useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { isEdition } from '@nianbao/template';
import { validateReport, type Finding } from '@nianbao/validator';
import { validateOptionsOf } from './extensions.js';
import type { Opened } from './api.js';
import { createStore, EditorContext, type EditorStore } from './context.js';
import { useReportFile } from './file-state.js';
import { Findings } from './Findings.js';
import { historyReducer, initialHistory, type Action, type Edit, type History } from './history.js';
import { useWords } from './i18n.js';
import { Notices } from './Notices.js';
import { HtmlPreview, PdfPreview } from './Preview.js';
import { ReportBody } from './ReportBody.js';
import { fillTotals } from './totals.js';

function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = map.get(finding.pointer);
    if (list) list.push(finding);
    else map.set(finding.pointer, [finding]);
  }
  return map;
}

/** One store for the editor's life: its state is this render's, and its parts are told after commit. */
function useEditorStore(doc: unknown, findings: Map<string, Finding[]>, change: EditorStore['change']) {
  const rawEdition = (doc as { edition?: unknown }).edition;
  const edition = isEdition(rawEdition) ? rawEdition : '2021';
  const storeRef = useRef<EditorStore>();
  storeRef.current ??= createStore(edition, change, { document: doc, findings });
  const store = storeRef.current;
  if (store.state.document !== doc || store.state.findings !== findings) store.state = { document: doc, findings };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parts are told whenever the document or its findings change
  useLayoutEffect(() => store.notify(), [store, doc, findings]);
  return store;
}

export function Editor({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const { t } = useWords();
  const [history, dispatch] = useReducer(historyReducer, opened.document, initialHistory);
  const [preview, setPreview] = useState<'html' | 'pdf' | undefined>();
  const [pdfDoc, setPdfDoc] = useState<unknown>();
  const doc = history.present;
  const result = useMemo(() => validateReport(doc, validateOptionsOf(doc)), [doc]);
  const findings = useMemo(() => indexFindings(result.findings), [result]);
  const change = useCallback((edits: Edit[], key?: string) => dispatch({ type: 'edit', edits, key }), []);
  const store = useEditorStore(doc, findings, change);
  const file = useReportFile(opened, doc, dispatch, t);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 's') void file.save();
    else if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
    else if (key === 'y' || (key === 'z' && event.shiftKey)) dispatch({ type: 'redo' });
    else return;
    event.preventDefault();
  };
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  return (
    <EditorContext.Provider value={store}>
      <main className="editor" onKeyDown={onKeyDown}>
        <Toolbar
          history={history}
          dispatch={dispatch}
          onClose={onClose}
          onSave={() => void file.save()}
          onFill={() => change([{ path: [], value: fillTotals(doc).document }])}
          preview={preview}
          onPreview={(kind) => {
            if (kind === 'pdf') setPdfDoc(doc);
            setPreview(preview === kind ? undefined : kind);
          }}
          onPublish={() => void file.publish()}
          status={`${opened.file} · ${file.dirty ? t.unsaved : t.saved} · ${t.errors} ${errors}`}
        />
        <Notices
          notice={file.notice}
          onDismiss={() => file.setNotice(undefined)}
          onKeepMine={(current) => void file.save(current?.version ?? null)}
          onTakeTheirs={() => void file.reloadFromDisk()}
        />
        <div className="editor-body">
          <ReportBody edition={store.edition} />
          <aside className="side" aria-label={t.findings}>
            {preview === 'html' && <HtmlPreview document={doc} />}
            {preview === 'pdf' && <PdfPreview document={pdfDoc} />}
            <Findings findings={result.findings} />
          </aside>
        </div>
      </main>
    </EditorContext.Provider>
  );
}

interface ToolbarProps {
  history: History;
  dispatch(action: Action): void;
  onClose(): void;
  onSave(): void;
  onFill(): void;
  preview: 'html' | 'pdf' | undefined;
  onPreview(kind: 'html' | 'pdf'): void;
  onPublish(): void;
  status: string;
}

function Toolbar({ history, dispatch, onClose, onSave, onFill, preview, onPreview, onPublish, status }: ToolbarProps) {
  const { t } = useWords();
  return (
    <div className="toolbar">
      <button type="button" onClick={onClose}>
        {t.back}
      </button>
      <button type="button" onClick={onSave} aria-keyshortcuts="Control+S">
        {t.save}
      </button>
      <button
        type="button"
        disabled={history.past.length === 0}
        onClick={() => dispatch({ type: 'undo' })}
        aria-keyshortcuts="Control+Z"
      >
        {t.undo}
      </button>
      <button
        type="button"
        disabled={history.future.length === 0}
        onClick={() => dispatch({ type: 'redo' })}
        aria-keyshortcuts="Control+Y"
      >
        {t.redo}
      </button>
      <button type="button" onClick={onFill}>
        {t.fillTotals}
      </button>
      <button type="button" aria-pressed={preview === 'html'} onClick={() => onPreview('html')}>
        {t.previewHtml}
      </button>
      <button type="button" aria-pressed={preview === 'pdf'} onClick={() => onPreview('pdf')}>
        {t.previewPdf}
      </button>
      <button type="button" className="primary" onClick={onPublish}>
        {t.publish}
      </button>
      <span className="status" role="status">
        {status}
      </span>
    </div>
  );
}
