import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unstorableField } from '@/lib/domain/storable-json';

describe('the storable-JSON check every body passes before its schema', () => {
  it('refuses a key named like a member of every object, naming where it is', () => {
    const body = JSON.parse('{"body":{"length":{"toString":0}}}') as unknown;
    // Why it exists: zod's length check would throw on this value instead of refusing it.
    expect(() => z.object({ body: z.string().max(10) }).safeParse(body)).toThrow(TypeError);
    expect(unstorableField(body)).toMatchObject({ field: 'body.length', text: { key: 'fieldNameReserved', values: { name: 'toString' } } });
    expect(unstorableField(JSON.parse('{"__proto__":{"role":"ADMIN"}}'))).toMatchObject({ field: '(body)' });
    expect(unstorableField(JSON.parse('[{"valueOf":1}]'))).toMatchObject({ field: '0' });
  });

  it('passes ordinary bodies and refuses unstorable text', () => {
    expect(unstorableField({ name: 'toString', items: [{ label: 'constructor of dams' }] })).toBeNull();
    expect(unstorableField({ note: 'a\u0000b' })).toMatchObject({ field: 'note', text: { key: 'textHasNul' } });
    expect(unstorableField({ ['x\uD800']: 1 })).toMatchObject({ field: '(body)', text: { key: 'fieldNameUnstorable' } });
  });
});
