/**
 * The editor's file: the version it was read at, saving with conflict detection (409: the clerk
 * chooses), publishing, and noticing a change on disk while the report is open.
 */
import { type Dispatch, useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError, type Opened } from './api.js';
import type { Action } from './history.js';
import type { Words } from './i18n.js';
import type { Notice } from './Notices.js';

export function useReportFile(opened: Opened, doc: unknown, dispatch: Dispatch<Action>, t: Words) {
  const [version, setVersion] = useState<string | null>(opened.version);
  const [saved, setSaved] = useState<unknown>(opened.document);
  const [notice, setNotice] = useState<Notice | undefined>(
    opened.notCarried ? { kind: 'carried', items: opened.notCarried } : undefined,
  );
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

  const dirty = doc !== saved;
  const publish = async () => {
    if (dirty && !(await save())) return;
    try {
      const done = await api.publish(opened.file);
      setNotice({ kind: 'published', folder: done.folder, files: done.files });
    } catch (error) {
      setNotice({ kind: 'problem', reason: `${t.publishRefused}：${(error as Error).message}` });
    }
  };

  const reloadFromDisk = async () => {
    const fresh = await api.read(opened.file);
    dispatch({ type: 'reset', document: fresh.document });
    setSaved(fresh.document);
    setVersion(fresh.version);
    setNotice(undefined);
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

  return { dirty, notice, setNotice, save, publish, reloadFromDisk };
}
