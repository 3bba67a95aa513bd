import type { Report } from '@nianbao/template';
import { clone } from './examples.js';

/** Hostile narrative text: each must come out as text, never as markup or template code. */
export const payloads = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '{{handlebars}} {{{triple}}} {{> partial}} {{#each this}}x{{/each}}',
  'javascript:alert(document.cookie)',
  '<a href="javascript:alert(1)">点击</a>',
  '正常文字\u202E倒序\u202C结束',
  'a\u0000b\u0007c\u001Bd\u0008e',
  '</p></section></article><h1>假标题</h1>',
  '&lt;already-escaped&gt; &amp; <!-- comment --> <![CDATA[x]]>',
];

export function hostile(report: Report): Report {
  const out = clone(report);
  out.preface.paragraphs = [...payloads];
  out.sections.overview.requestDisclosure.heading = payloads[1]!;
  out.sections.otherMatters.paragraphs = [payloads[0]!, payloads[3]!];
  out.metadata.agency.name = '<b>机关</b>"&\'';
  return out;
}
