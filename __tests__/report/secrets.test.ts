import { describe, expect, it } from '@jest/globals';
import { toAnnotations } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarifJson } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { CALLBACK_URL, SECRET_SIG, SUBSCRIPTION_ID, auditReport, comparedReport, ctx } from './fixtures.js';

/** Every output of every renderer for both fixtures. */
function allOutputs(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, report, compared] of [
    ['audit', auditReport(), false],
    ['compared', comparedReport(), true],
  ] as const) {
    const c = ctx(compared);
    out.push([`${name}.md`, renderMarkdown(report, c)]);
    out.push([`${name}.txt`, renderText(report, c)]);
    out.push([`${name}.sarif`, renderSarifJson(report, c)]);
    out.push([`${name}.json`, renderJson(report)]);
    out.push([`${name}.annotations`, JSON.stringify(toAnnotations(report.findings))]);
  }
  return out;
}

describe('secrets in pull-request content', () => {
  it('the fixtures really carry the secrets', () => {
    expect(CALLBACK_URL).toContain(`sig=${SECRET_SIG}`);
    expect(JSON.stringify(comparedReport())).toContain(SECRET_SIG);
    expect(JSON.stringify(comparedReport())).toContain(SUBSCRIPTION_ID);
  });
  it.each(allOutputs())('%s prints neither the callback signature nor the subscription or resource group', (_name, text) => {
    expect(text).not.toContain(SECRET_SIG);
    expect(text).not.toContain(SUBSCRIPTION_ID);
    expect(text).not.toContain('rg-contoso-prod');
    expect(text).toContain('REDACTED');
  });
});
