import type { TextEntry } from '../text-catalogue';

/** The water fund: monitoring tables and results, disputes, tolerances, shares, payments, settlements. */
export const fundTexts = {
  // --- Tables of monitoring results ----------------------------------------------------------
  'at.table': { en: '(table)', zh: '（整个表格）' },
  'at.row': { en: 'row {row}', zh: '第 {row} 行' },
  'at.cell': { en: 'row {row}, column {column}', zh: '第 {row} 行 {column} 列' },
  'at.namedCell': { en: 'row {row}, column {column} ({name})', zh: '第 {row} 行 {column} 列（{name}）' },
  tableRefused: {
    en: 'the table has {count, plural, one {# problem} other {# problems}} and nothing was saved: {problems}',
    zh: '表格有 {count} 处问题，未保存任何内容：{problems}',
  },
  unknownColumn: { en: 'unknown column "{name}" (the columns are {columns})', zh: '未知列“{name}”（应有的列为：{columns}）' },
  repeatedColumn: { en: '"{name}" repeats column {column}', zh: '“{name}”与 {column} 列重复' },
  headerLacks: { en: 'the header lacks {missing} (the columns are {columns})', zh: '表头缺少 {missing}（应有的列为：{columns}）' },
  tooManyRows: { en: 'more than {max} rows: split the table', zh: '超过 {max} 行：请拆分表格' },
  tableEmpty: { en: 'the table has no results below its header', zh: '表头下方没有任何结果' },
  yearEmpty: { en: 'the year is empty', zh: '年份为空' },
  notFourDigitYear: { en: '"{text}" is not a four-digit year', zh: '“{text}”不是四位数的年份' },
  yearOutsideAgreement: { en: "{year} is outside the agreement's years {from}–{to}", zh: '{year} 年不在协议年限（{from}–{to} 年）之内' },
  indicatorEmpty: { en: 'the indicator is empty', zh: '指标为空' },
  unknownIndicator: { en: 'unknown indicator "{indicator}" (the agreement\'s terms declare {known})', zh: '未知指标“{indicator}”（协议条款声明的指标为：{known}）' },
  unknownIndicatorNear: {
    en: 'unknown indicator "{indicator}"; did you mean "{near}"? (the agreement\'s terms declare {known})',
    zh: '未知指标“{indicator}”；是否应为“{near}”？（协议条款声明的指标为：{known}）',
  },
  noIndicatorsDeclared: { en: 'none: the agreement’s terms measure nothing', zh: '无：协议条款不考核任何指标' },
  valueEmpty: { en: 'the value is empty', zh: '数值为空' },
  valueNotNumber: {
    en: '"{text}" is not a number (write a decimal like 2.31: no units, separators, "<" or text)',
    zh: '“{text}”不是数字（请填写如 2.31 的十进制数，不带单位、千位分隔符、“<”或文字）',
  },
  valueOutOfRange: { en: '{text} is out of range (magnitude must be between 1e-{max} and 1e{max})', zh: '{text} 超出范围（数量级须在 1e-{max} 与 1e{max} 之间）' },
  laboratoryEmpty: { en: 'name the laboratory that measured it', zh: '请填写测定该结果的实验室' },
  tooLong: { en: 'longer than {max} characters', zh: '超过 {max} 个字符' },
  samplingDateEmpty: { en: 'the sampling date is empty (YYYY-MM-DD)', zh: '采样日期为空（格式为 YYYY-MM-DD）' },
  notIsoDate: { en: '"{text}" is not a date written YYYY-MM-DD', zh: '“{text}”不是 YYYY-MM-DD 格式的日期' },
  dateNotInYear: { en: '{date} is not in {year}, the year of the result', zh: '{date} 不在结果所属的 {year} 年内' },
  sampledToBeforeFrom: { en: '{to} is before sampledFrom {from}', zh: '{to} 早于采样开始日期 sampledFrom（{from}）' },
  duplicateResult: {
    en: '{indicator} for {year} is given already in row {row}: one result per indicator and year',
    zh: '{year} 年的 {indicator} 已在第 {row} 行给出：每个指标每年只能有一个结果',
  },

  // --- Monitoring, disputes and tolerances ---------------------------------------------------
  yearSettledFinal: { en: '{year} is settled and final: its monitoring results can no longer change', zh: '{year} 年已结算且不可更改：其监测结果不能再修改' },
  noResultForYear: { en: 'no result for {indicator} in {year}: enter or import it first', zh: '{year} 年没有 {indicator} 的结果：请先录入或导入' },
  resultDisputed: {
    en: '{indicator} for {year} is disputed ({results}; they differ by {spread}, the tolerance allows {allowed}): resolve it first',
    zh: '{year} 年的 {indicator} 存在争议（{results}；相差 {spread}，容差为 {allowed}）：请先解决争议',
  },
  sideResult: { en: '{side} {value}', zh: '{side} {value}' },
  notDisputed: { en: '{indicator} for {year} is not disputed: {why}', zh: '{year} 年的 {indicator} 没有争议：{why}' },
  'notDisputed.missing': { en: 'it has no results yet', zh: '尚无结果' },
  'notDisputed.single': { en: 'only one side has entered a result', zh: '只有一方录入了结果' },
  'notDisputed.agreed': { en: 'the results agree within the tolerance', zh: '双方结果之差在容差之内' },
  'notDisputed.resolved': { en: 'it is resolved already (a new result from either side reopens it)', zh: '争议已解决（任一方录入新结果会重新开启争议）' },
  acceptedNotCurrent: { en: 'the accepted result must be one of the current results of this indicator and year', zh: '所采纳的结果必须是该指标该年度的现有结果之一' },
  retestNotDecimal: { en: 'the re-test result "{value}" is not a decimal number', zh: '复检结果“{value}”不是十进制数' },
  retestNeedsEvidence: { en: 'a re-test needs its evidence: attach the laboratory report as "file"', zh: '复检需要证明材料：请将实验室报告作为“file”附上' },
  notDecimal: { en: '"{raw}" is not a decimal number', zh: '“{raw}”不是十进制数' },
  mustNotBeNegative: { en: 'must not be negative', zh: '不得为负数' },
  relativeTolerance: { en: 'a fraction of the mean, at most 1 (write 0.1 for 10 %)', zh: '为平均值的比例，不超过 1（10% 请写 0.1）' },
  unknownToleranceIndicator: { en: "unknown indicator (the agreement's terms declare {declared})", zh: '未知指标（协议条款声明的指标为：{declared}）' },
  giveOneIndicator: { en: 'give at least one indicator', zh: '请至少填写一个指标' },

  // --- Funding shares and payments -----------------------------------------------------------
  notAFunder: { en: 'not a funder (one of {funders})', zh: '不是出资方（应为 {funders} 之一）' },
  shareRange: { en: 'a share is a fraction from 0 to 1 (write 0.5 for half)', zh: '份额为 0 到 1 之间的比例（一半请写 0.5）' },
  sharesTotal: { en: 'the shares add up to {total}; they must add up to exactly 1', zh: '各份额合计为 {total}；合计必须恰好为 1' },
  amountNotDecimal: { en: '"{raw}" is not a decimal amount (write 1234567.89, no separators)', zh: '“{raw}”不是十进制金额（请写如 1234567.89，不带分隔符）' },
  amountNotPositive: { en: 'must be more than 0 (record the direction separately)', zh: '必须大于 0（付款方向另行选择）' },
  amountToTheFen: { en: '{raw} has more than two decimals: amounts are to the fen', zh: '{raw} 的小数超过两位：金额精确到分' },
  amountTooLarge: { en: '{raw} is too large: amounts are below 10²² CNY', zh: '{raw} 过大：金额须小于 10²² 元' },
  overpayment: {
    en: '{amount} is more than {against} in this direction ({owed}) by {excess}: correct the amount, or add an overpayment note to record it anyway',
    zh: '{amount} 比该方向{against}（{owed}）多 {excess}：请更正金额，或填写超额付款说明后仍予登记',
  },
  'overpayment.scheduled': { en: 'the scheduled amount still unpaid', zh: '尚未支付的计划金额' },
  'overpayment.outstanding': { en: 'the outstanding balance', zh: '的未结清余额' },
  paymentNotRecorded: { en: 'the payment was not recorded: {problems}', zh: '付款未登记：{problems}' },

  // --- Settlements ---------------------------------------------------------------------------
  agreementNotAdministered: {
    en: 'agreement {number} is {state}: the fund administers signed, archived agreements only',
    zh: '第 {number} 号协议{state}：基金只管理已签署并归档的协议',
  },
  'agreementState.unsigned': { en: 'not signed by every signatory yet', zh: '尚未由全部签署人签署' },
  'agreementState.void': { en: 'void', zh: '已作废' },
  agreementNotArchived: { en: 'the agreement is not signed and archived', zh: '协议尚未签署并归档' },
  yearNotOver: { en: '{year} is not over yet: a year is settled once it has closed', zh: '{year} 年尚未结束：年度结束后方可结算' },
  yearOutsideTerms: { en: '{year} is outside the years of the payment terms ({from}–{to})', zh: '{year} 年不在支付条款的年限（{from}–{to} 年）之内' },
  noScheduledAmount: { en: 'the agreement schedules no amount for {year}, and the terms need one', zh: '协议未安排 {year} 年的金额，而支付条款需要该金额' },
  termsSettleNothing: { en: 'the terms settle nothing for {year}', zh: '支付条款对 {year} 年没有结算内容' },
  noValueForYear: { en: 'no value for {name} in {year}', zh: '{year} 年没有 {name} 的数值' },
  cannotSettleYet: {
    en: '{year} cannot be settled yet ({count, plural, one {# problem} other {# problems}}, nothing was saved): {problems}',
    zh: '{year} 年尚不能结算（共 {count} 处问题，未保存任何内容）：{problems}',
  },
  settlementConfirmedAlready: { en: 'the settlement of {year} is confirmed already; it is final', zh: '{year} 年的结算已确认，不可更改' },
  notTheRunChecked: {
    en: 'this is not the run you checked: the settlement of {year} was run again since; review it and confirm that run',
    zh: '这不是您核对过的那次结算运行：{year} 年的结算此后又重新运行过；请核对后确认该次运行',
  },
  settlementStale: {
    en: 'the settlement of {year} no longer matches the data ({why}): run the year again, check it, then confirm',
    zh: '{year} 年的结算已与数据不一致（{why}）：请重新运行该年度，核对后再确认',
  },
  settlementInputsChanged: { en: 'monitoring results, resolutions, payments or funding shares changed since it was run', zh: '运行之后，监测结果、争议处理、付款或出资比例发生了变化' },
  yearSettledAlready: { en: '{year} is settled already (confirmed {date}): a confirmed settlement is final', zh: '{year} 年已结算（{date} 确认）：已确认的结算不可更改' },
} as const satisfies Record<string, TextEntry>;
