/**
 * One report: the metadata form, the narrative and the three grids in the edition's order, the
 * validator's verdict after every change, undo and redo, saving with conflict detection, previews
 * and publishing.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { editionLayout } from '@nianbao/view-model';
import { isEdition, schemaFor, type JsonSchema } from '@nianbao/template';
import { validateReport, type Finding } from '@nianbao/validator';
import { api, type ApiError, type Opened } from './api.js';
import { createStore, EditorContext, type EditorStore } from './context.js';
import { Findings } from './Findings.js';
import { Grid } from './Grid.js';
import { historyReducer, initialHistory, type Edit } from './history.js';
import { useWords } from './i18n.js';
import { NarrativePart, Paragraphs } from './Narrative.js';
import { HtmlPreview, PdfPreview } from './Preview.js';
import { SchemaForm } from './SchemaForm.js';
import { fillTotals } from './totals.js';
import { Notices, type Notice } from './Notices.js';

const METADATA = ['metadata'] as const;
const PREFACE = ['preface', 'paragraphs'] as const;

function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = map.get(finding.pointer);
    if (list) list.push(finding);
    else map.set(finding.pointer, [finding]);
  }
  return map;
}

export function Editor({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const { t } = useWords();
  const [history, dispatch] = useReducer(historyReducer, opened.document, initialHistory);
  const [version, setVersion] = useState<string | null>(opened.version);
  const [saved, setSaved] = useState<unknown>(opened.document);
  const [notice, setNotice] = useState<Notice | undefined>(
    opened.notCarried ? { kind: 'carried', items: opened.notCarried } : undefined,
  );
  const [preview, setPreview] = useState<'html' | 'pdf' | undefined>();
  const [pdfDoc, setPdfDoc] = useState<unknown>();
  const doc = history.present;
  const result = useMemo(() => validateReport(doc), [doc]);
  const findings = useMemo(() => indexFindings(result.findings), [result]);
  const change = useCallback((edits: Edit[], key?: string) => dispatch({ type: 'edit', edits, key }), []);
  const rawEdition = (doc as { edition?: unknown }).edition;
  const edition = isEdition(rawEdition) ? rawEdition : '2021';
  // One store for the editor's life; its state is this render's, and its parts are told after commit.
  const storeRef = useRef<EditorStore>();
  storeRef.current ??= createStore(edition, change, { document: doc, findings });
  const store = storeRef.current;
  if (store.state.document !== doc || store.state.findings !== findings) store.state = { document: doc, findings };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parts are told whenever the document or its findings change
  useLayoutEffect(() => store.notify(), [store, doc, findings]);
  const dirty = doc !== saved;
  const versionRef = useRef(version);
  versionRef.current = version;

  const save = useCallback(
    async (force?: string | null) => {
      try {
        const done = await api.save(opened.file, doc, force === undefined ? versionRef.current : force);
        setVersion(done.version);
        setSaved(doc);
        setNotice((current) => (current?.kind === 'disk' || current?.kind === 'conflict' ? undefined : current));
        return true;
      } catch (error) {
        const failure = error as ApiError;
        if (failure.status === 409) {
          const current = failure.body.current as { document: unknown; version: string } | null;
          setNotice({ kind: 'conflict', reason: failure.reason, current });
        } else setNotice({ kind: 'problem', reason: failure.message });
        return false;
      }
    },
    [doc, opened.file],
  );

  const publish = async () => {
    if (dirty && !(await save())) return;
    try {
      const done = await api.publish(opened.file);
      setNotice({ kind: 'published', folder: done.folder, files: done.files });
    } catch (error) {
      setNotice({ kind: 'problem', reason: `${t.publishRefused}：${(error as Error).message}` });
    }
  };

  // A change on disk (another program, another tab) is shown when it happens, not found at save time.
  useEffect(() => {
    const timer = setInterval(() => {
      api.version(opened.file).then(
        (answer) => {
          if (answer.version !== null && answer.version !== versionRef.current)
            setNotice((current) => (current?.kind === 'conflict' ? current : { kind: 'disk' }));
        },
        () => undefined,
      );
    }, 3000);
    return () => clearInterval(timer);
  }, [opened.file]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 's') void save();
    else if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
    else if (key === 'y' || (key === 'z' && event.shiftKey)) dispatch({ type: 'redo' });
    else return;
    event.preventDefault();
  };

  const reloadFromDisk = async () => {
    const fresh = await api.read(opened.file);
    dispatch({ type: 'reset', document: fresh.document });
    setSaved(fresh.document);
    setVersion(fresh.version);
    setNotice(undefined);
  };

  const layout = editionLayout(edition);
  const metadata = (doc as { metadata?: { agency?: { name?: string }; reportYear?: number } }).metadata;
  const root = schemaFor(edition);
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  return (
    <EditorContext.Provider value={store}>
      <main className="editor" onKeyDown={onKeyDown}>
        <div className="toolbar">
          <button type="button" onClick={onClose}>
            {t.back}
          </button>
          <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S">
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
          <button type="button" onClick={() => change([{ path: [], value: fillTotals(doc).document }])}>
            {t.fillTotals}
          </button>
          <button
            type="button"
            aria-pressed={preview === 'html'}
            onClick={() => setPreview(preview === 'html' ? undefined : 'html')}
          >
            {t.previewHtml}
          </button>
          <button
            type="button"
            aria-pressed={preview === 'pdf'}
            onClick={() => {
              setPdfDoc(doc);
              setPreview(preview === 'pdf' ? undefined : 'pdf');
            }}
          >
            {t.previewPdf}
          </button>
          <button type="button" className="primary" onClick={() => void publish()}>
            {t.publish}
          </button>
          <span className="status" role="status">
            {opened.file} · {dirty ? t.unsaved : t.saved} · {t.errors} {errors}
          </span>
        </div>
        <Notices
          notice={notice}
          onDismiss={() => setNotice(undefined)}
          onKeepMine={(current) => void save(current?.version ?? null)}
          onTakeTheirs={() => void reloadFromDisk()}
        />
        <div className="editor-body">
          <div className="document">
            <h1>
              {metadata?.agency?.name ?? ''}
              {metadata?.reportYear ?? ''}年{layout.documentName}
              <span className="edition">
                （{edition}年格式，{layout.issuedWith}）
              </span>
            </h1>
            <Unplaced document={doc} />
            <SchemaForm
              path={['metadata']}
              site={(root.properties as Record<string, JsonSchema>).metadata!}
              title={t.metadata}
            />
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

function Unplaced({ document: doc }: { document: unknown }) {
  const { t } = useWords();
  const unplaced = (doc as { provenance?: { unplaced?: { text: string; from: string }[] } }).provenance?.unplaced;
  if (!unplaced || unplaced.length === 0) return null;
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
