import { readdirSync, readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { TRADE_KNOWLEDGE } from '../knowledge/catalog/trade-knowledge.catalog.ts';
import { companyConfigJsonSchema, JSON_SCHEMA_PATH } from './company-config.json-schema.ts';
import { CompanyConfigDocument, MINIMAL_EXAMPLE } from './company-config.schemas.ts';
import { pathOf, relocated, shapeProblems } from './config-errors.ts';

const EXAMPLES = 'docs/examples';

describe('the published configuration document schema and examples', () => {
  it('publishes the JSON Schema generated from the TypeBox schema (npm run docs:schema rewrites it)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8'), 'docs/company-config.schema.json is stale: run npm run docs:schema').toBe(companyConfigJsonSchema());
  });

  it('has an example document for every trade with starter knowledge, each valid against the schema', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
    // A trade seeded with emergencies and words only (garage doors) has no starter entries to show.
    const withEntries = Object.entries(TRADE_KNOWLEDGE).filter(([, seed]) => seed.entries.length > 0).map(([slug]) => slug);
    expect(files).toEqual(withEntries.map((slug) => `${slug}.json`).sort());
    for (const file of files) {
      const doc = JSON.parse(readFileSync(`${EXAMPLES}/${file}`, 'utf8'));
      expect(shapeProblems(doc), file).toEqual([]);
      expect(doc.company.tradeCategories).toEqual([file.replace('.json', '')]);
    }
    expect(Value.Check(CompanyConfigDocument, MINIMAL_EXAMPLE)).toBe(true);
  });
});

describe('naming a problem by its path in the document', () => {
  it('reads JSON pointers as paths', () => {
    expect(pathOf('/booking/services/2/durationMinutes')).toBe('booking.services[2].durationMinutes');
    expect(pathOf('/booking/settings/weeklyHours/monday/0/start')).toBe('booking.settings.weeklyHours.monday[0].start');
    expect(pathOf('')).toBe('document');
  });

  it("moves a module's field names under the part they came from", () => {
    const moved = relocated(new AppError('INVALID_ZIP', "zips[3]: '123' is not a US zip code", { field: 'zips[3]' }), 'booking.technicians[1]');
    expect([moved.code, moved.message, moved.details?.field]).toEqual(['INVALID_ZIP', "booking.technicians[1].zips[3]: '123' is not a US zip code", 'booking.technicians[1].zips[3]']);
    const several = relocated(new AppError('VALIDATION_FAILED', 'x', { fields: [{ field: 'a', message: 'is wrong' }, { field: 'b.c', message: 'too' }] }), 'p');
    expect(several.details).toEqual({ field: 'p.a', fields: [{ field: 'p.a', message: 'is wrong' }, { field: 'p.b.c', message: 'too' }] });
  });

  it('reports the most specific problem of a choice of forms', () => {
    const base = structuredClone(MINIMAL_EXAMPLE) as Record<string, unknown> & { booking: { settings: Record<string, unknown> } };
    base.booking.settings.onCall = { weeklyHours: {}, services: [], surchargeNote: 7 };
    expect(shapeProblems(base)).toEqual([{ field: 'booking.settings.onCall.surchargeNote', message: 'must be string' }]);
    base.booking.settings.onCall = 'sometimes';
    expect(shapeProblems(base)).toEqual([{ field: 'booking.settings.onCall', message: 'must be object or null' }]);
  });
});
