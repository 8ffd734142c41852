import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { ZSignIn } from '../../lib/domain/auth-schemas';
import { parsingIn } from '../../lib/domain/local-text';
import { ZComment } from '../../lib/domain/scenario-schemas';

// What components/ui/use-domain-form.ts does: zodResolver in its sync mode, inside parsingIn, so
// the browser shows a domain schema's catalogue message in the page's language.
const options = { fields: {}, shouldUseNativeValidation: false } as never;
const check = (schema: Parameters<typeof zodResolver>[0], values: object, locale: 'zh' | 'en') =>
  parsingIn(locale, () => zodResolver(schema, undefined, { mode: 'sync' })(values as never, undefined, options));

describe('domain schemas in a react-hook-form form', () => {
  it('says a schema message in Chinese on a Chinese page and in English on an English one', async () => {
    const zh = await check(ZComment, { body: '  ', target: null }, 'zh');
    const en = await check(ZComment, { body: '  ', target: null }, 'en');
    expect(zh.errors.body?.message).toBe('请填写内容');
    expect(en.errors.body?.message).toBe('write something');
  });

  it('refuses what the server refuses and passes the parsed values on', async () => {
    const refused = await check(ZSignIn, { email: 'not-an-address', password: '' }, 'zh');
    expect(refused.errors.email?.message).toBe('必须是电子邮件地址');
    expect(refused.errors.password?.message).toBe('不能为空');
    const accepted = await check(ZSignIn, { email: ' Shiyan@PES.demo ', password: 'x' }, 'zh');
    expect(accepted.errors).toEqual({});
    expect(accepted.values).toEqual({ email: 'shiyan@pes.demo', password: 'x' });
  });

  it('leaves the language as it was after the parse', async () => {
    await check(ZComment, { body: '' }, 'zh');
    const outside = ZComment.safeParse({ body: '' });
    expect(outside.success).toBe(false);
    expect(outside.error?.issues[0]?.message).toBe('write something');
  });
});
