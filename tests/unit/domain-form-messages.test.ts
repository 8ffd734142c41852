import { describe, expect, it } from 'vitest';
import { domainResolver, lazySchema } from '../../components/ui/domain-resolver';
import { ZSignAgreement } from '../../lib/domain/agreement-schemas';
import { ZSignIn } from '../../lib/domain/auth-schemas';
import { ZResolveDisputeForm, ZSetTolerances } from '../../lib/domain/fund-schemas';
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

  it("checks the dispute form by the chosen method's fields only, with the API's messages", async () => {
    const form = { year: 2015, indicator: 'codmn', valueId: '', value: '', laboratory: '', sampledFrom: '2015-01-01', sampledTo: '2015-12-31', note: '' };
    const averaged = await check(ZResolveDisputeForm, { ...form, method: 'AVERAGE' }, 'zh');
    expect(Object.keys(averaged.errors)).toEqual(['note']);
    expect(averaged.errors.note?.message).toBe('请说明取平均值的理由');
    const retest = await check(ZResolveDisputeForm, { ...form, method: 'RETEST', value: '2,3', laboratory: 'Lab', note: 'retested', sampledTo: '2014-12-31' }, 'en');
    expect(retest.errors.value?.message).toBe('must be a decimal number such as 2.31 (no units, separators or "<")');
    expect(retest.errors.sampledTo?.message).toMatch(/not be before/);
    expect(retest.errors.valueId).toBeUndefined();
    const accepted = await check(ZResolveDisputeForm, { ...form, method: 'AVERAGE', note: 'both labs credible', file: 'ignored' }, 'zh');
    expect(accepted.values).toEqual({ method: 'AVERAGE', year: 2015, indicator: 'codmn', note: 'both labs credible' });
  });

  it('says a bad tolerance at its indicator and part, as the fund would', async () => {
    const refused = await check(ZSetTolerances, { tolerances: { codmn: { absolute: 'abc', relative: '2' }, tp: { absolute: '-1', relative: '' } } }, 'zh');
    const errors = refused.errors as unknown as Record<string, Record<string, Record<string, { message: string }>>>;
    expect(errors.tolerances!.codmn!.absolute!.message).toBe('“abc”不是十进制数');
    expect(errors.tolerances!.codmn!.relative!.message).toBe('为平均值的比例，不超过 1（10% 请写 0.1）');
    expect(errors.tolerances!.tp!.absolute!.message).toBe('不得为负数');
    const accepted = await check(ZSetTolerances, { tolerances: { codmn: { absolute: ' 0.5 ', relative: '' } } }, 'en');
    expect(accepted.values).toEqual({ tolerances: { codmn: { absolute: '0.5', relative: null } } });
  });

  it('asks for the password to sign in the page language', async () => {
    expect((await check(ZSignAgreement, { password: '' }, 'zh')).errors.password?.message).toBe('请输入您的密码以签署');
  });

  it('checks by a schema fetched when the form is first checked, as by the schema itself, and fetches it again after a failed fetch', async () => {
    let fetches = 0;
    const fetched = lazySchema(async () => {
      fetches += 1;
      if (fetches === 1) throw new Error('chunk not loaded');
      return (await import('../../lib/domain/auth-schemas')).ZSignIn;
    });
    await expect(check(fetched, { email: '', password: '' }, 'zh')).rejects.toThrow('chunk not loaded');
    const values = { email: 'not-an-address', password: '' };
    expect(await check(fetched, values, 'zh')).toEqual(await check(ZSignIn, values, 'zh'));
    expect((await check(fetched, { email: ' Shiyan@PES.demo ', password: 'x' }, 'en')).values).toEqual({ email: 'shiyan@pes.demo', password: 'x' });
    expect(fetches).toBe(2);
  });
});
