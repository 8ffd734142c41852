import type { TextEntry } from '../text-catalogue';

/** Refusals of the use cases: rights, deals and members, offers, agreements, scenarios, administration. */
export const serverTexts = {
  // --- Rights (the "{right}" of a 403) -------------------------------------------------------
  'right.view': { en: 'view', zh: '查看' },
  'right.edit': { en: 'edit', zh: '编辑' },
  'right.sign': { en: 'sign', zh: '签署' },
  'right.manage': { en: 'manage', zh: '管理' },
  'right.administerPlatform': { en: 'administer the platform', zh: '管理平台' },
  'right.createDeals': { en: 'create deals', zh: '创建协商项目' },
  'right.grantPartyRights': { en: "give a member the upstream or downstream side or a sign right (platform administrators only)", zh: '授予成员上游方或下游方身份或签署权限（仅限平台管理员）' },
  'right.administerFund': { en: 'administer the fund (fund members with the manage right)', zh: '管理基金（具有管理权限的基金成员）' },
  'right.enterMonitoring': { en: 'enter monitoring results (the upstream and downstream sides and the fund only)', zh: '录入监测结果（仅限上游方、下游方和基金）' },
  'right.signAsDesignated': { en: 'sign this agreement (its designated signatories only)', zh: '签署本协议（仅限指定签署人）' },
  'right.makeOffers': { en: 'make offers (the upstream and downstream sides only)', zh: '提出报价（仅限上游方和下游方）' },
  'right.editSideScenarios': { en: "edit the {side} side's scenarios (fork it instead)", zh: '编辑{side}方的情景（请改为复制一份）' },

  // --- Administration, deals and members -----------------------------------------------------
  cannotDisableYourself: { en: 'you cannot disable yourself', zh: '您不能停用自己' },
  noOrganisation: { en: 'no organisation with that id', zh: '没有该编号的组织' },
  userExists: { en: 'a user with that e-mail exists already', zh: '已有使用该电子邮件的用户' },
  organisationExists: { en: 'an organisation "{name}" exists already', zh: '组织“{name}”已存在' },
  cannotRemoveYourself: { en: 'you cannot remove yourself; ask another administrator of the deal', zh: '您不能移除自己；请由本项目的另一位管理者操作' },
  noActiveUser: { en: 'no active user with that id', zh: '没有该编号的有效用户' },
  noActiveUserWithEmail: { en: 'no active user has this e-mail; a platform administrator creates users', zh: '没有使用该电子邮件的有效用户；用户由平台管理员创建' },
  alreadyMember: { en: 'that user is a member of this deal already', zh: '该用户已是本项目的成员' },
  dealCannotBecome: { en: 'a {from} deal cannot become {to}', zh: '{from} 状态的项目不能变为 {to}' },
  dealSlugExists: { en: 'a deal named "{slug}" exists already', zh: '名为“{slug}”的项目已存在' },

  // --- Offers --------------------------------------------------------------------------------
  mustBeInFuture: { en: 'must be in the future', zh: '必须是将来的时间' },
  termsProblems: { en: 'the payment terms have {count} problem(s): {problems}', zh: '支付条款有 {count} 处问题：{problems}' },
  yearsOutsideScenario: { en: "years {years} are outside the scenario version's years", zh: '{years} 年不在情景版本的年限之内' },
  termsYearsDifferFromSchedule: { en: 'the payment terms cover {terms} but the schedule covers {schedule}: give the terms the schedule’s years', zh: '支付条款覆盖 {terms} 年，而支付计划覆盖 {schedule} 年：请使条款年限与支付计划一致' },
  monitoringWithoutTerms: { en: 'monitoring data for a back-test needs payment terms', zh: '回测所用的监测数据须附有支付条款' },
  noOfferInDeal: { en: 'no offer with that id in this deal', zh: '本项目中没有该编号的报价' },
  offerIsAlready: { en: 'the offer is {status} already', zh: '该报价已{status}' },
  'offerState.SENT': { en: 'sent', zh: '发出' },
  'offerState.ACCEPTED': { en: 'accepted', zh: '被接受' },
  'offerState.REJECTED': { en: 'rejected', zh: '被拒绝' },
  'offerState.COUNTERED': { en: 'countered', zh: '被还价' },
  'offerState.WITHDRAWN': { en: 'withdrawn', zh: '撤回' },
  'offerState.EXPIRED': { en: 'expired', zh: '过期' },
  onlyOfferingSideWithdraws: { en: 'only the side that made the offer can withdraw it', zh: '只有提出报价的一方可以撤回该报价' },
  onlySideMayMove: { en: 'only the {side} side can {move} this offer', zh: '只有{side}方可以{move}该报价' },
  'move.accept': { en: 'accept', zh: '接受' },
  'move.reject': { en: 'reject', zh: '拒绝' },
  'move.counter': { en: 'counter', zh: '还价' },
  'move.withdraw': { en: 'withdraw', zh: '撤回' },

  // --- Agreements ----------------------------------------------------------------------------
  noSignatoryOnSide: {
    en: 'no member of the {side} side may sign, so the agreement could never be signed: a deal manager must give someone the sign right before this offer is accepted',
    zh: '{side}方没有可以签署的成员，协议将无法签署：在接受该报价之前，项目管理者须授予某位成员签署权限',
  },
  tooManyWrongPasswords: { en: 'Too many wrong passwords: try again in {seconds} seconds.', zh: '密码错误次数过多：请在 {seconds} 秒后重试。' },
  passwordIncorrect: { en: 'the password is not correct', zh: '密码不正确' },
  agreementIsAlready: { en: 'the agreement is {state} already', zh: '该协议已{state}' },
  'agreementDone.archived': { en: 'signed and archived', zh: '签署并归档' },
  'agreementDone.void': { en: 'void', zh: '作废' },
  notASignatory: { en: 'you are not one of the signatories designated when the agreement was drafted', zh: '您不是起草协议时指定的签署人' },
  signedAlready: { en: 'you have signed this agreement already', zh: '您已签署过本协议' },

  // --- Scenarios and evidence ----------------------------------------------------------------
  costHeaderMustBe: {
    en: 'the header must be "{name}" here (layout: section, code, label, then one column per year or range)',
    zh: '此处表头必须是“{name}”（布局：section、code、label，然后每个年份或区间一列）',
  },
  quotedKeyReason: { en: '"{key}": {reason}', zh: '“{key}”：{reason}' },
  sectionNotOneOf: { en: 'section "{section}" is not one of {sections}', zh: '分区“{section}”不是 {sections} 之一' },
  rowHasNoCode: { en: 'a {section} row has no code; leave it empty', zh: '{section} 行没有代码；请留空' },
  settingOutsideTable: { en: '{path}: {message} (a setting outside the cost table; fix it in the scenario)', zh: '{path}：{message}（这是成本表之外的设置；请在情景中修改）' },
  costWorkbookUnreadable: { en: 'not a readable .xlsx workbook', zh: '不是可读取的 .xlsx 工作簿' },
  evidenceAccepted: {
    en: 'only PDF, Excel (.xlsx), Word (.docx), CSV and PNG/JPEG/WebP images are accepted, and the content must match',
    zh: '只接受 PDF、Excel（.xlsx）、Word（.docx）、CSV 和 PNG/JPEG/WebP 图片，且文件内容须与其类型相符',
  },
  fileTypeMismatch: { en: 'the file says it is {declared} but its content is {actual}', zh: '文件声明的类型是 {declared}，但其内容是 {actual}' },
  costTableNotUtf8: { en: 'a CSV cost table must be UTF-8 text; save it from Excel as "CSV UTF-8"', zh: 'CSV 成本表必须是 UTF-8 文本；请在 Excel 中另存为“CSV UTF-8”' },
  costTableNotXlsx: { en: 'the file is named .xlsx but is not an Excel workbook', zh: '文件名为 .xlsx，但不是 Excel 工作簿' },
  costTableProblems: { en: 'the cost table has {count} problem(s); nothing was imported: {problems}', zh: '成本表有 {count} 处问题，未导入任何内容：{problems}' },
  scenarioProblems: { en: 'the scenario has {count} problem(s): {problems}', zh: '情景有 {count} 处问题：{problems}' },
  staleBase: { en: '{author} saved v{number} ("{message}") at {time}; rebase your edits onto it', zh: '{author} 已于 {time} 保存了 v{number}（“{message}”）；请将您的修改基于该版本重新整理' },
  noUploadWithHash: { en: 'no file with this hash was uploaded in this deal; upload the file first', zh: '本项目中没有上传过具有此哈希值的文件；请先上传文件' },
  sendBaseScenario: { en: 'send the scenario the table goes into, as pes-scenario/1 JSON', zh: '请以 pes-scenario/1 JSON 格式发送该表格所属的情景' },
  pickAtMostVersions: { en: 'pick at most {max} versions', zh: '最多选择 {max} 个版本' },
  mustBePercentage: { en: 'must be a percentage between 0 and 100', zh: '必须是 0 到 100 之间的百分比' },
} as const satisfies Record<string, TextEntry>;
