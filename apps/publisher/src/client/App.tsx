/** The two screens (the folder's reports, one report's editor) and the language switch. */
import { useEffect, useMemo, useState } from 'react';
import { setApiLang, type Opened } from './api.js';
import { Editor } from './Editor.js';
import { LangContext, WORDS, type Lang } from './i18n.js';
import { ListScreen } from './ListScreen.js';

const storedLang = (): Lang => (localStorage.getItem('nianbao-lang') === 'en' ? 'en' : 'zh');

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const [opened, setOpened] = useState<Opened | undefined>();
  const words = useMemo(() => ({ lang, t: WORDS[lang] }), [lang]);
  setApiLang(lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${WORDS[lang].appTitle} · nianbao`;
    localStorage.setItem('nianbao-lang', lang);
  }, [lang]);
  return (
    <LangContext.Provider value={words}>
      <header className="app-header">
        <p className="app-title">{words.t.appTitle}</p>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{words.t.switchLang}</span>
        </button>
      </header>
      {opened ? (
        <Editor key={opened.file} opened={opened} onClose={() => setOpened(undefined)} />
      ) : (
        <ListScreen onOpen={setOpened} />
      )}
    </LangContext.Provider>
  );
}
