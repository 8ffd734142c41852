import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { keyPaths } from './text-catalogue';

describe('the server catalogue’s keys', () => {
  it('counts a message compiled at build time (an array, next-intl precompile) as a message, not as a tree of messages', () => {
    // The server's build loads messages/*.json compiled (next.config.js): a message with values is an array.
    const compiled = { server: { plain: 'Not found', withValue: ['No deal ', ['id']], nested: { withTag: ['See ', ['code', ['name']]] } }, engine: { invalidValue: ['Invalid: ', ['value']] } };
    expect([...keyPaths(compiled)]).toEqual([
      ['plain', 'server.plain'],
      ['withValue', 'server.withValue'],
      ['nested.withTag', 'server.nested.withTag'],
      ['engine.invalidValue', 'engine.invalidValue'],
    ]);
  });

  it('finds the same keys in the catalogue as it is written', () => {
    const paths = keyPaths(en);
    expect(paths.size).toBeGreaterThan(100);
    expect([...paths.keys()].every((key) => !/\.\d+$/.test(key))).toBe(true);
  });
});
