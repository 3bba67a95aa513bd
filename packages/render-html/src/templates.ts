/**
 * Handlebars sources. Every `{{value}}` is HTML-escaped by Handlebars, except the SafeStrings of runs
 * of paragraphs (`<p>` lines of text escaped in index.ts). Triple-stashes insert only this package's own
 * markup: the stylesheet, the report markup rendered by `reportTemplate`, and tables built in index.ts
 * from this package's markup and escaped values. Never a report's text unescaped.
 */

/** One table, rendered once per edition and id prefix with a marker in place of each value. */
export const tableTemplate = `<div class="nb-table-wrap" role="region" aria-labelledby="{{captionId}}" tabindex="0">
<table class="nb-table nb-table-{{key}}">
<caption id="{{captionId}}">{{caption}}</caption>
{{#if head.length}}<thead>
{{#each head}}<tr>{{#each cells}}{{> cell}}{{/each}}</tr>
{{/each}}</thead>
{{/if}}{{#each groups}}<tbody>
{{#each rows}}<tr class="nb-{{kind}}">{{#each cells}}{{> cell}}{{/each}}</tr>
{{/each}}</tbody>
{{/each}}</table>
</div>`;

export const cellPartial = `{{#if th}}<th id="{{id}}"{{#if cls}} class="{{cls}}"{{/if}}{{#if colSpan}} colspan="{{colSpan}}"{{/if}}{{#if rowSpan}} rowspan="{{rowSpan}}"{{/if}} scope="{{scope}}"{{#if headers}} headers="{{headers}}"{{/if}}>{{text}}</th>{{else}}<td{{#if colSpan}} colspan="{{colSpan}}"{{/if}} headers="{{headers}}">{{marker}}</td>{{/if}}`;

const heading = (level: string, cls: string, idField: string, text: string) =>
  `<h{{${level}}} class="${cls}"${idField ? ` id="{{${idField}}}"` : ''}>{{${text}}}</h{{${level}}}>`;

/** The report itself: the body of the page and the whole of the fragment. */
export const reportTemplate = `<article class="nianbao-report" lang="zh-CN"{{#if rootId}} id="{{rootId}}"{{/if}}>
${heading('levels.title', 'nb-title', '', 'title')}
{{preface}}{{#each sections}}<section class="nb-section nb-section-{{key}}" aria-labelledby="{{id}}">
${heading('@root.levels.section', 'nb-section-heading', 'id', 'heading')}
{{#each blocks}}{{#if table}}{{{table}}}
{{#if note}}<p class="nb-note">{{note}}</p>
{{/if}}{{else}}{{#if topic}}${heading('@root.levels.topic', 'nb-topic-heading', '', 'topic')}
{{/if}}{{paragraphs}}{{/if}}{{/each}}</section>
{{/each}}<footer class="nb-signature">
<p>{{agencyName}}</p>
{{#if publicationDate}}<p><time datetime="{{publicationDate}}">{{publicationDateText}}</time></p>
{{/if}}
</footer>
{{{metadataScript}}}
</article>`;

/** A complete standalone page around the report. */
export const pageTemplate = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nianbao">
<title>{{title}}</title>
<style>html{background:#fff}body{margin:0}.nb-downloads{max-width:46rem;margin:1rem auto 0;padding:0 1rem;font-size:.9375rem}.nb-downloads a{margin-right:1em}@media print{.nb-downloads{display:none}}{{{css}}}</style>
</head>
<body>
<main>
{{{downloads}}}{{{report}}}
</main>
</body>
</html>
`;

/** The fragment: the report with its scoped stylesheet in front (a CMS may keep or move the style). */
export const fragmentTemplate = `{{#if css}}<style>{{{css}}}</style>
{{/if}}{{{report}}}
`;
