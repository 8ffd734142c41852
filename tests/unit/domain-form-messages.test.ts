import { describe, expect, it } from 'vitest';
import { domainResolver } from '../../components/ui/domain-resolver';
import { ZSignIn } from '../../lib/domain/auth-schemas';
import { ZComment } from '../../lib/domain/scenario-schemas';

// What components/ui/use-domain-form.ts gives react-hook-form: a domain schema's message in the page's language.
const options = { fields: {}, shouldUseNativeValidation: false } as never;
const check = (schema: Parameters<typeof domainResolver>[0], values: object, locale: 'zh' | 'en') => domainResolver(schema, locale)(values as never, undefined, options);

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
});
