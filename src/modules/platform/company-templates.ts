import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The trade templates are the example configuration documents (docs/examples/<key>.json): the
// same documents the configuration tests import, so a template is always one that applies.
const EXAMPLES_DIR = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

export interface CompanyTemplate {
  key: string;
  name: string;
  tradeCategories: string[];
  timeZone: string;
  document: Record<string, unknown> & { company: Record<string, unknown> };
}

function load(): CompanyTemplate[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const document = JSON.parse(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8')) as CompanyTemplate['document'];
    const company = document.company as { name: string; tradeCategories?: string[]; timeZone: string };
    delete document.$schema;
    return { key: file.replace(/\.json$/, ''), name: company.name, tradeCategories: company.tradeCategories ?? [], timeZone: company.timeZone, document };
  });
}

let templates: CompanyTemplate[] | undefined;

export function companyTemplates(): CompanyTemplate[] {
  templates ??= load();
  return templates;
}

/**
 * A template's document for a new company: its name and zone replace the example's, and the
 * example's phone numbers are left out (a number is the platform's or the company's to prove).
 */
export function templateDocumentFor(template: CompanyTemplate, company: { name: string; timeZone: string }): Record<string, unknown> {
  const document = structuredClone(template.document);
  return { ...document, company: { ...document.company, name: company.name, timeZone: company.timeZone }, phoneNumbers: [] };
}
