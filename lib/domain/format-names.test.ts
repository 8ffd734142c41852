import { describe, expect, it } from 'vitest';
import { RESULT_FORMAT } from '@/lib/engine/compute';
import { SCENARIO_FORMAT } from '@/lib/engine/schema';
import { TERMS_FORMAT } from '@/lib/terms/schema';
import { formatNames } from './format-names';
import { agreementStatusNames } from './agreement-state';
import { funderNames } from './ledger';
import { codeNames, render, text } from './local-text';
import './catalogue';

describe('the names messages read as values (decision 0106)', () => {
  it('names the formats as the engines write them', () => {
    expect([formatNames.scenarioFormat, formatNames.resultFormat, formatNames.termsFormat]).toEqual([SCENARIO_FORMAT, RESULT_FORMAT, TERMS_FORMAT]);
  });

  it('refuses a value the list that defines it lacks', () => {
    expect(() => codeNames(['A', 'B'] as const, { a: 'A', c: 'C' as 'A' })).toThrow(/C is not one of A, B/);
  });

  it('writes format names, media types, API values and the formula language into the messages that name them', () => {
    expect(render(text('mustBeFunder', funderNames), 'zh')).toBe('必须是出资方之一：中央财政 `CENTRAL`、下游方 `DOWNSTREAM` 或上游方 `UPSTREAM`');
    expect(render(text('mustBeAgreementStatus', agreementStatusNames), 'en')).toBe('must be DRAFT, ARCHIVED or VOID');
    expect(render(text('writeContentType'), 'zh')).toBe('更改须以 JSON 格式（`application/json`）发送，上传文件须以多部分表单（`multipart/form-data`）发送。');
    expect(render(text('evidenceType'), 'zh')).toBe('证明材料须为 PDF、Excel 工作簿（.xlsx）、Word 文档（.docx）、CSV 或 PNG/JPEG/WebP 图片，且文件内容须与其类型相符');
    expect(render(text('engine.noPayment'), 'zh')).toBe('没有名为 `payment` 的公式（即每年应付金额）');
    expect(render(text('engine.terms.shareExample'), 'en')).toBe('e.g. share(codmn <= 6), the share of the year’s samples at or below 6');
    expect(render(text('tolerancesMap', { absolute: 'absolute', relative: 'relative' }), 'zh')).toBe('从指标到绝对容差与相对容差（`{ absolute, relative }`）的映射');
  });
});
