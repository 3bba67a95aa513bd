/**
 * The class-free variant of the fragment, for a CMS that strips `<style>` (and often `class`): the
 * look that matters — the 公文 fonts, indents, the tables' borders, table 三's sticky row labels —
 * written into each element's `style` attribute. Applied to this package's own markup only: report
 * text is escaped before it gets here, so every `<` in the input starts one of our tags.
 */
const SR_ONLY =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
const CELL = 'border:1px solid #000;padding:.3rem .35rem;vertical-align:middle;font-weight:normal';
const STICKY =
  'position:sticky;z-index:1;background:#fff;box-shadow:inset -1px 0 0 #000,inset 0 -1px 0 #000;box-sizing:border-box;padding:.3em .25em';
const STICKY_COLUMN: Record<string, string> = {
  'nb-c0': 'left:0',
  'nb-c1': 'left:3em',
  'nb-c2': 'left:7em',
};
const STICKY_WIDTH: Record<string, string> = {
  'nb-c0': 'width:3em;min-width:3em;max-width:3em',
  'nb-c1': 'width:4em;min-width:4em;max-width:4em',
  'nb-c2': 'width:6.5em;min-width:6.5em;max-width:6.5em',
};

/** Styles by opening tag (name and class), in the order of `inlineStyles`' replacements. */
const BY_CLASS: Record<string, string> = {
  'nianbao-report':
    "color:#000;background:#fff;font-family:FangSong,'仿宋',STFangsong,'FangSong_GB2312','Noto Serif SC',serif;font-size:1.125rem;line-height:1.8;max-width:48rem;margin:0 auto;text-align:justify;line-break:strict",
  'nb-title':
    "font-family:'FZXiaoBiaoSong-B05S','方正小标宋简体','Noto Serif SC',serif;font-weight:bold;font-size:1.6rem;line-height:1.5;text-align:center;margin:0 0 1.5rem",
  'nb-section-heading':
    "font-family:SimHei,'黑体','Noto Sans SC',sans-serif;font-weight:normal;font-size:1.125rem;text-indent:2em;margin:.6rem 0 .2rem",
  'nb-topic-heading':
    "font-family:KaiTi,'楷体',STKaiti,'KaiTi_GB2312','LXGW WenKai',serif;font-weight:normal;font-size:1.125rem;text-indent:2em;margin:.2rem 0",
  'nb-note': 'margin:.3rem 0;text-indent:0;font-size:.9rem',
  'nb-signature': 'margin-top:2rem;text-align:right',
  'nb-table-wrap': 'overflow-x:auto;margin:.6rem 0 1rem',
  'nb-sr': SR_ONLY,
};

function thStyle(attributes: string): string {
  const cls = /class="(nb-c\d|nb-word)"/.exec(attributes)?.[1];
  let style = CELL;
  if (/scope="row"/.test(attributes)) style += /rowspan=/.test(attributes) ? ';text-align:center' : ';text-align:left';
  if (cls === 'nb-word') style += ';word-break:keep-all;overflow-wrap:normal';
  else if (cls) {
    style += `;${STICKY};${STICKY_COLUMN[cls]}`;
    if (!/colspan=/.test(attributes)) style += `;${STICKY_WIDTH[cls]}`;
  }
  return style;
}

function tableStyle(attributes: string): string {
  const base = 'border-collapse:collapse;width:100%;font-size:.875rem;line-height:1.4;text-align:center';
  if (/nb-table-applications/.test(attributes)) return `${base};min-width:42rem`;
  if (/nb-table-reviewAndLitigation/.test(attributes)) return `${base};min-width:40rem;table-layout:fixed`;
  return `${base};min-width:30rem`;
}

const styled = (tag: string, attributes: string, style: string) =>
  `<${tag}${attributes} style="${style.replace(/"/g, "'")}">`;

/** The report markup with every element's look in a `style` attribute (no stylesheet needed). */
export function inlineStyles(html: string): string {
  let inSignature = false;
  return html.replace(/<(\/?)([a-z][a-z0-9]*)([^>]*)>/g, (tag, close: string, name: string, attributes: string) => {
    if (close) {
      if (name === 'footer') inSignature = false;
      return tag;
    }
    const cls = /class="([^"]*)"/.exec(attributes)?.[1]?.split(' ')[0];
    if (name === 'footer') inSignature = true;
    if (name === 'th') return styled(name, attributes, thStyle(attributes));
    if (name === 'td') return styled(name, attributes, 'border:1px solid #000;padding:.3rem .35rem;white-space:nowrap');
    if (name === 'table') return styled(name, attributes, tableStyle(attributes));
    if (name === 'caption') return styled(name, attributes, SR_ONLY);
    if (cls && BY_CLASS[cls]) return styled(name, attributes, BY_CLASS[cls]!);
    if (name === 'p') return styled(name, attributes, inSignature ? 'margin:0' : 'margin:0;text-indent:2em');
    return tag;
  });
}
