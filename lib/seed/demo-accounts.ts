// Demo sign-ins, shared by the seed, the start script and the login page of a demo installation.
export const demoPassword = 'water-fund-demo-2026';

export const demoAccounts = [
  { email: 'admin@pes.demo', name: 'Platform Admin', nameZh: '平台管理员', org: 'platform', role: 'ADMIN' },
  { email: 'fund@pes.demo', name: 'Zhao Min', nameZh: '赵敏', org: 'fund', role: 'FUND_ADMIN' },
  { email: 'shiyan@pes.demo', name: 'Li Wei', nameZh: '李伟', org: 'shiyan', role: 'MEMBER' },
  { email: 'chengde@pes.demo', name: 'Wang Fang', nameZh: '王芳', org: 'chengde', role: 'MEMBER' },
  { email: 'beijing@pes.demo', name: 'Chen Jing', nameZh: '陈静', org: 'beijing', role: 'MEMBER' },
] as const;

export type DemoOrgKey = (typeof demoAccounts)[number]['org'];
