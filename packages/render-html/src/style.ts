/**
 * The report's stylesheet. Every rule is scoped under `.nianbao-report` so the fragment can be pasted
 * into any CMS page without touching the site's own styles. Fonts follow GB/T 9704 where the reader
 * has them (小标宋 title, 黑体 / 楷体 headings, 仿宋 body) and fall back to common CJK fonts.
 */
export const REPORT_CLASS = 'nianbao-report';

export const reportStylesheet = `
.nianbao-report{color:#000;background:#fff;font-family:"FangSong","仿宋","STFangsong","FangSong_GB2312","Noto Serif SC","Source Han Serif SC","Songti SC","SimSun",serif;font-size:1.125rem;line-height:1.8;max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem;text-align:justify;word-break:normal;overflow-wrap:anywhere;line-break:strict}
.nianbao-report h1,.nianbao-report h2,.nianbao-report h3{margin:0;font-weight:normal}
.nianbao-report .nb-title{font-family:"FZXiaoBiaoSong-B05S","方正小标宋简体","FZXBSJW--GB1-0","Noto Serif SC","Source Han Serif SC","Songti SC","SimSun",serif;font-weight:bold;font-size:1.6rem;line-height:1.5;text-align:center;margin:0 0 1.5rem}
.nianbao-report .nb-section{margin:0}
.nianbao-report .nb-section-heading{font-family:"SimHei","黑体","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:1.125rem;text-indent:2em;margin:.6rem 0 .2rem;break-after:avoid;page-break-after:avoid}
.nianbao-report .nb-topic-heading{font-family:"KaiTi","楷体","STKaiti","KaiTi_GB2312","Noto Serif SC","Source Han Serif SC",serif;font-size:1.125rem;text-indent:2em;margin:.2rem 0;break-after:avoid;page-break-after:avoid}
.nianbao-report p{margin:0;text-indent:2em;white-space:pre-line}
.nianbao-report .nb-signature{margin-top:2rem;text-align:right}
.nianbao-report .nb-signature p{text-indent:0}
.nianbao-report .nb-note{font-size:.9rem;text-indent:0;margin:.3rem 0}
.nianbao-report .nb-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.nianbao-report .nb-table-wrap{overflow-x:auto;margin:.6rem 0 1rem;-webkit-overflow-scrolling:touch}
.nianbao-report .nb-table-wrap:focus{outline:2px solid #1a4d8f;outline-offset:2px}
.nianbao-report table{border-collapse:collapse;width:100%;font-size:.875rem;line-height:1.4;text-align:center;font-family:"SimSun","宋体","Noto Serif SC","Source Han Serif SC","Songti SC",serif}
.nianbao-report caption{caption-side:top;position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.nianbao-report th,.nianbao-report td{border:1px solid #000;padding:.3rem .35rem;vertical-align:middle;font-weight:normal}
.nianbao-report td{font-variant-numeric:tabular-nums;white-space:nowrap}
.nianbao-report .nb-block th{text-align:left;font-weight:bold}
.nianbao-report .nb-table-applications{min-width:42rem}
.nianbao-report .nb-table-applications th.nb-word{word-break:keep-all;overflow-wrap:normal}
.nianbao-report .nb-table-applications th.nb-c0,.nianbao-report .nb-table-applications th.nb-c1,.nianbao-report .nb-table-applications th.nb-c2{position:sticky;z-index:1;background:#fff;box-shadow:inset -1px 0 0 #000,inset 0 -1px 0 #000;box-sizing:border-box;padding:.3em .25em}
.nianbao-report .nb-table-applications th.nb-c0{left:0}
.nianbao-report .nb-table-applications th.nb-c1{left:3em}
.nianbao-report .nb-table-applications th.nb-c2{left:7em}
.nianbao-report .nb-table-applications th.nb-c0:not([colspan]){width:3em;min-width:3em;max-width:3em}
.nianbao-report .nb-table-applications th.nb-c1:not([colspan]){width:4em;min-width:4em;max-width:4em}
.nianbao-report .nb-table-applications th.nb-c2:not([colspan]){width:6.5em;min-width:6.5em;max-width:6.5em}
.nianbao-report th[scope="row"]{text-align:left}
.nianbao-report th[scope="row"][rowspan]{text-align:center}
.nianbao-report .nb-table-reviewAndLitigation{min-width:40rem;table-layout:fixed}
.nianbao-report .nb-table-proactiveDisclosure{min-width:30rem}
@media (max-width:40rem){.nianbao-report{font-size:1rem;padding:1rem .75rem 2rem}.nianbao-report .nb-title{font-size:1.3rem}}
@media print{
@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{content:"— " counter(page) " —";font-family:"SimSun","宋体","Noto Serif SC",serif;font-size:14pt;vertical-align:top;padding-top:7mm}}
.nianbao-report .nb-table-applications th.nb-c0,.nianbao-report .nb-table-applications th.nb-c1,.nianbao-report .nb-table-applications th.nb-c2{position:static;width:auto;min-width:0;max-width:none;box-shadow:none;padding:.3rem .35rem}
.nianbao-report{max-width:none;padding:0;font-size:16pt;line-height:1.75}
.nianbao-report .nb-title{font-size:22pt}
.nianbao-report .nb-section-heading,.nianbao-report .nb-topic-heading{font-size:16pt}
.nianbao-report .nb-table-wrap{overflow:visible}
.nianbao-report table{font-size:9pt;min-width:0}
.nianbao-report thead{display:table-header-group}
.nianbao-report tr,.nianbao-report th,.nianbao-report td{break-inside:avoid;page-break-inside:avoid}
.nianbao-report .nb-table-wrap:focus{outline:none}
}
`
  .trim()
  .replace(/\n/g, '');
