import { validate } from '@readme/openapi-parser';
import { describe, expect, inject, it } from 'vitest';

describe('the OpenAPI document served by the running Worker', () => {
  it('passes a real OpenAPI 3.1 validator', async () => {
    const doc: any = await (await fetch(`${inject('endpoint')}/openapi.json`)).json();
    const result = await validate(doc);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    // The validator does reject a broken document (so this test can fail).
    const broken = structuredClone(doc);
    broken.paths['/v1/users'].get.responses = 'none';
    expect((await validate(broken)).valid).toBe(false);
    console.log(`openapi.json: ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.components.schemas).length} schemas, valid`);
  });
});
