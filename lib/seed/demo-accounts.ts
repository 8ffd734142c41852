// Demo sign-ins, shared by the seed, the start script and the login page of a demo installation.
// Every party is a Chinese agency: names are data, and data is in Chinese in both interfaces.
export const demoPassword = 'water-fund-demo-2026';

export const demoAccounts = [
  { email: 'admin@pes.demo', name: '平台管理员', org: 'platform', role: 'ADMIN' },
  { email: 'fund@pes.demo', name: '赵敏', org: 'fund', role: 'FUND_ADMIN' },
  { email: 'shiyan@pes.demo', name: '李伟', org: 'shiyan', role: 'MEMBER' },
  { email: 'chengde@pes.demo', name: '王芳', org: 'chengde', role: 'MEMBER' },
  { email: 'beijing@pes.demo', name: '陈静', org: 'beijing', role: 'MEMBER' },
  { email: 'tianjin@pes.demo', name: '刘洋', org: 'tianjin', role: 'MEMBER' },
] as const;

export type DemoOrgKey = (typeof demoAccounts)[number]['org'];
