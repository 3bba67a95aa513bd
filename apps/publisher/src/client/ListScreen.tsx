/** The first screen: the reports in the folder, refused files with their reason, new report, import. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type ApiError, type Opened, type ReportEntry } from './api.js';
import { useWords } from './i18n.js';

export function ListScreen({ onOpen }: { onOpen: (opened: Opened) => void }) {
  const { t } = useWords();
  const [reports, setReports] = useState<ReportEntry[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    api.list().then(
      (result) => setReports(result.reports),
      (error: Error) => setProblem(error.message),
    );
  }, []);
  const open = (file: string) => api.read(file).then(onOpen, (error: Error) => setProblem(error.message));
  const good = reports?.filter((entry) => entry.report) ?? [];
  const refused = reports?.filter((entry) => entry.refused) ?? [];
  return (
    <main className="list-screen">
      <h1>{t.reports}</h1>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {reports === undefined ? (
        <p>{t.loading}</p>
      ) : good.length === 0 ? (
        <p>{t.noReports}</p>
      ) : (
        <table className="reports">
          <thead>
            <tr>
              <th scope="col">{t.file}</th>
              <th scope="col">{t.agency}</th>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.edition}</th>
              <th scope="col">{t.errors}</th>
              <th scope="col">{t.warnings}</th>
            </tr>
          </thead>
          <tbody>
            {good.map((entry) => (
              <tr key={entry.name}>
                <td>
                  <button type="button" className="link" onClick={() => open(entry.name)}>
                    {entry.name}
                  </button>
                </td>
                <td>{entry.report!.agency ?? ''}</td>
                <td>{entry.report!.year ?? ''}</td>
                <td>{entry.report!.edition ?? ''}</td>
                <td className={entry.report!.errors > 0 ? 'count-error' : undefined}>{entry.report!.errors}</td>
                <td className={entry.report!.warnings > 0 ? 'count-warning' : undefined}>{entry.report!.warnings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refused.length > 0 && (
        <section aria-labelledby="refused-h">
          <h2 id="refused-h">{t.refused}</h2>
          <ul className="refused">
            {refused.map((entry) => (
              <li key={entry.name}>{entry.refused}</li>
            ))}
          </ul>
        </section>
      )}
      <NewReport reports={good} onOpen={onOpen} onProblem={setProblem} />
      <ImportPage onOpen={onOpen} onProblem={setProblem} />
    </main>
  );
}

function NewReport({
  reports,
  onOpen,
  onProblem,
}: {
  reports: ReportEntry[];
  onOpen: (opened: Opened) => void;
  onProblem: (reason: string) => void;
}) {
  const { t } = useWords();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [file, setFile] = useState('');
  const [edition, setEdition] = useState('');
  const [from, setFrom] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = file.trim() || `report-${year}.yaml`;
    api
      .create({ file: name, year: Number(year), ...(edition ? { edition } : {}), ...(from ? { from } : {}) })
      .then(onOpen, (error: ApiError) => onProblem(error.reason));
  };
  return (
    <section aria-labelledby="new-h" className="panel">
      <h2 id="new-h">{t.newReport}</h2>
      <form onSubmit={submit} className="new-form">
        <label>
          {t.year}
          <input name="year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} required />
        </label>
        <label>
          {t.edition}
          <select name="edition" value={edition} onChange={(e) => setEdition(e.target.value)}>
            <option value="">{t.editionAuto}</option>
            <option value="2021">2021（国办公开办函〔2021〕30号）</option>
            <option value="2019">2019（国办公开办函〔2019〕60号）</option>
          </select>
        </label>
        <label>
          {t.fileName}
          <input
            name="file"
            value={file}
            placeholder={`report-${year}.yaml`}
            onChange={(e) => setFile(e.target.value)}
          />
        </label>
        <label>
          {t.startFrom}
          <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t.blank}</option>
            {reports.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {t.fromLastYear}
                {entry.name}（{entry.report?.agency ?? ''} {entry.report?.year ?? ''}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.create}</button>
      </form>
    </section>
  );
}

function ImportPage({ onOpen, onProblem }: { onOpen: (opened: Opened) => void; onProblem: (reason: string) => void }) {
  const { t } = useWords();
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    try {
      const draft = await api.importPage(file);
      const year = (draft.document as { metadata?: { reportYear?: number } }).metadata?.reportYear ?? 0;
      const base = file.name.replace(/\.[^.]*$/, '').replace(/[^\w\u4e00-\u9fff-]+/g, '-') || 'imported';
      onOpen(await api.create({ file: `${base}.yaml`, year, document: draft.document }));
    } catch (error) {
      onProblem((error as Error).message);
    }
  };
  return (
    <section
      aria-labelledby="import-h"
      className={`panel drop${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void take(event.dataTransfer.files[0]);
      }}
    >
      <h2 id="import-h">{t.importTitle}</h2>
      <label>
        {t.importHint}
        <input type="file" accept=".html,.htm,.txt,.pdf,.docx" onChange={(e) => void take(e.target.files?.[0])} />
      </label>
    </section>
  );
}
