import { writeFileSync } from 'node:fs';
import { companyConfigJsonSchema, JSON_SCHEMA_PATH } from '../src/modules/company-config/company-config.json-schema.ts';

// Publishes the company configuration document's JSON Schema (run after changing its TypeBox schema).
writeFileSync(JSON_SCHEMA_PATH, companyConfigJsonSchema());
