/** Messages above the editor: a conflict to decide, a change on disk, what was not carried, publishing. */
import { useWords } from './i18n.js';
import type { NotCarried } from './api.js';

type Current = { document: unknown; version: string } | null;

export type Notice =
  | { kind: 'conflict'; reason: string; current: Current }
  | { kind: 'disk' }
  | { kind: 'carried'; items: NotCarried[] }
  | { kind: 'published'; folder: string; files: string[] }
  | { kind: 'problem'; reason: string };

export function Notices({
  notice,
  onDismiss,
  onKeepMine,
  onTakeTheirs,
}: {
  notice: Notice | undefined;
  onDismiss(): void;
  onKeepMine(current: Current): void;
  onTakeTheirs(): void;
}) {
  const { t } = useWords();
  if (!notice) return null;
  const close = (
    <button type="button" onClick={onDismiss}>
      {t.close}
    </button>
  );
  switch (notice.kind) {
    case 'conflict':
      return (
        <div className="notice conflict" role="alertdialog" aria-labelledby="conflict-h" aria-describedby="conflict-d">
          <h2 id="conflict-h">{t.conflictTitle}</h2>
          <p id="conflict-d">
            {notice.reason} {t.conflictText}
          </p>
          <button type="button" onClick={() => onKeepMine(notice.current)}>
            {t.keepMine}
          </button>
          <button type="button" onClick={onTakeTheirs}>
            {t.takeTheirs}
          </button>
        </div>
      );
    case 'disk':
      return (
        <div className="notice" role="alert">
          {t.changedOnDisk}{' '}
          <button type="button" onClick={onTakeTheirs}>
            {t.reload}
          </button>{' '}
          {close}
        </div>
      );
    case 'carried':
      return (
        <div className="notice" role="status">
          <p>{t.draftNote}</p>
          {notice.items.length > 0 && (
            <>
              <p>{t.notCarried}：</p>
              <ul>
                {notice.items.map((item) => (
                  <li key={item.pointer}>
                    {item.label}：{item.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {close}
        </div>
      );
    case 'published':
      return (
        <div className="notice published" role="status">
          {t.published} {notice.folder}：{notice.files.join('、')} {close}
        </div>
      );
    case 'problem':
      return (
        <div className="notice problem" role="alert">
          {notice.reason} {close}
        </div>
      );
  }
}
