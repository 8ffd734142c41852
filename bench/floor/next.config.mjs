// The floor of `npm run bench:floor`: Next.js itself, one dynamic page and one route handler that
// each run one query of the deals, through the same Prisma client and driver as the platform.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  serverExternalPackages: ['pg'],
  outputFileTracingRoot: root,
  turbopack: { root },
};

export default config;
