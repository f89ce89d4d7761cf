import { CompanyConfigDocument } from './company-config.schemas.ts';

/** Where the published JSON Schema lives, from the repository root. */
export const JSON_SCHEMA_PATH = 'docs/company-config.schema.json';

/**
 * The document's JSON Schema as published in docs/ (TypeBox schemas are JSON Schema already).
 * Written by `npm run docs:schema`; a test fails when the committed file differs.
 */
export function companyConfigJsonSchema(): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(CompanyConfigDocument)) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
