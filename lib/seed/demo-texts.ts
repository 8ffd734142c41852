// The demo's data in Chinese: scenario names, version messages and line items. The engine's
// reference documents (lib/engine/fixtures) keep the paper's English labels; the demo relabels
// their line items by code, so the figures stay the paper's. Tests find seeded scenarios by these names.

export const demoScenarioNames = {
  shiyanPaper: '十堰 2003—2050 年，论文假设',
  beijingCounter: '北京市派生情景',
  miyun: '密云水库上游（示意数据）',
} as const;

export const demoPriceBases = { shiyan: '2000 年不变价', miyun: '2014 年不变价', miyunDocument: '2014 年价格（示意）' } as const;

/** The unit of the Shiyan deal's party quantities: the receivers' water allocations. */
export const demoPartyTexts = { quantityUnit: '亿 m³' } as const;

export const shiyanLabels = {
  name: '十堰 2003—2050 年，论文假设（董等，2011，表 3—5）',
  costs: {
    C_f: '水源涵养林建设',
    C_s: '水土保持',
    C_m: '生态移民',
    C_q: '水质水量监测',
    C_p: '点源污染治理',
    C_np: '面源污染治理',
    C_sa: '农业直接损失',
    C_IO: '退耕还林成本（论文表中记为 C_IO）',
    C_AO: '农业机会成本',
  },
  subsidies: {
    C_s: '国家补助：水土保持',
    C_m: '国家补助：生态移民',
    C_q: '国家补助：水质水量监测',
    C_p: '国家补助：点源污染治理',
    C_np: '国家补助：面源污染治理',
    C_IO: '国家补助：退耕还林',
  },
} as const;

export const miyunLabels = {
  name: '密云水库（北京 ← 河北）2014—2030 年，示意数据，非真实数据',
  costs: {
    C_f: '承德水源涵养造林（示意）',
    C_np: '潮白河上游面源污染治理（示意）',
    C_q: '跨界断面监测站（示意）',
    C_sa: '稻改旱损失（示意）',
    C_IO: '关停或不予准入的污染企业（示意）',
    C_AO: '保护性用地造成的农民收入损失（示意）',
  },
  subsidies: { C_f: '国家林业工程补助（示意）', C_sa: '稻改旱省级补贴（示意）' },
  benefits: ['北京避免的饮用水处理成本（示意）', '避免的次优水源供水成本（示意）'],
  downstreamCosts: ['北京自身的监测与项目成本（示意）'],
  periods: { 'IWS pilot 2014–2016': '试点期 2014—2016' } as Record<string, string>,
} as const;

export const shiyanMessages = {
  v1: '董等（2011）表 3—5 原始数据',
  v2: '2011—2020 年移民成本按 2012 年移民审计结果上调',
  v3: '资本收益率由 3% 调为 4%（省级债券利率）',
  counter: '派生情景：α ED 0.25、PD 0.30，贴现率回到 3%，列明受益（示意）',
  miyun: '示意数据初稿',
} as const;

export const counterTexts = {
  name: '北京市派生情景：更高的内部效应，列明受益',
  benefits: ['避免的次优水源供水成本（1.2 元/m³，示意）', '流向受水区的生态系统服务价值（论文：每年 7.8 亿元）'],
  downstreamCosts: ['受水区监测与处理成本（示意）'],
} as const;

// The demo's signed Miyun-style agreement (scripts/seed-demo-agreement.ts): who measured, what was
// said and the fund's references. Illustrative, like the deal.
export const miyunAgreementTexts = {
  termsName: '密云水库上游水质考核与预拨清算（示意）',
  offerMessage: '按考核评分办法：年初预拨六成，年末按两地实验室结果清算（示意）',
  upstreamLab: '承德市生态环境监测中心',
  downstreamLab: '北京市水文总站',
  disputeNote: '2022 年总磷两家实验室结果之差超过约定容差，经双方复核，取两家结果的平均值',
  advanceReference: '水基金预拨',
  balanceReference: '水基金清算',
  refundReference: '承德市退回多拨预拨款',
} as const;

/** Every string of demo data a page may show, for tests that tell data from interface text. */
export function demoDataStrings(): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  return strings([demoScenarioNames, demoPriceBases, demoPartyTexts, shiyanLabels, miyunLabels, shiyanMessages, counterTexts, miyunAgreementTexts]);
}
