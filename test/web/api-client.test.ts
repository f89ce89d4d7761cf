import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_PATH, generatedApiSchema } from '../../scripts/generate-api-client.ts';

describe('the dashboard API client', () => {
  it('is generated from the server as it is now (run `npm run generate:api` after changing a route)', { timeout: 120_000 }, async () => {
    const committed = readFileSync(API_SCHEMA_PATH, 'utf8');
    const fresh = await generatedApiSchema();
    // A route or schema the client does not know about, or one it still thinks exists.
    expect(committed === fresh, 'web/src/lib/api-schema.ts is stale: run npm run generate:api').toBe(true);
  });
});
