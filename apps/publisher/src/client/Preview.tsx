/**
 * The page as it will be published, rendered by the server with the same renderer as `build` a short
 * moment after the last change, in a sandboxed frame (no scripts); and the PDF on request.
 */
import { useEffect, useState } from 'react';
import { api } from './api.js';
import { useWords } from './i18n.js';

export function HtmlPreview({ document: doc }: { document: unknown }) {
  const { t } = useWords();
  const [html, setHtml] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.previewHtml(doc).then(
        (page) => {
          if (!current) return;
          setHtml(page);
          setProblem(undefined);
        },
        (error: Error) => current && setProblem(error.message),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [doc]);
  return (
    <div className="preview">
      {problem && (
        <p className="problem">
          {t.previewUnavailable}：{problem}
        </p>
      )}
      {html !== undefined && <iframe title={t.previewHtml} sandbox="" srcDoc={html} />}
    </div>
  );
}

export function PdfPreview({ document: doc }: { document: unknown }) {
  const { t } = useWords();
  const [url, setUrl] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let made: string | undefined;
    api.previewPdf(doc).then(
      (blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      (error: Error) => setProblem(error.message),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc]);
  return (
    <div className="preview">
      {problem && (
        <p className="problem">
          {t.pdfFailed}：{problem}
        </p>
      )}
      {url ? <iframe title={t.previewPdf} src={url} /> : !problem && <p>{t.loading}</p>}
    </div>
  );
}
