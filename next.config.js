import createNextIntlPlugin from 'next-intl/plugin';

// The catalogues are compiled at build time (next-intl's precompile): no ICU message is parsed
// while a request is answered, and no parser is shipped to the browser (docs/decisions/0111).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

const isProduction = process.env.NODE_ENV === 'production';

// No 'unsafe-eval': nothing here evaluates strings. Next's inline bootstrap scripts need
// 'unsafe-inline' for scripts until nonces are wired through (docs/decisions).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pdfkit (agreement PDFs) loads data files relative to its own modules: it runs from node_modules, unbundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@electric-sql/pglite', 'pdfkit'],
  async headers() {
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    if (isProduction && process.env.NEXTAUTH_URL?.startsWith('https://')) {
      security.push({ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
    }
    // The API answers JSON and files (evidence, PDFs, exports), never a page: nothing in it may run,
    // load or be framed. Pages and next-auth get the page policy; /api/v1 its own, sandboxed.
    const pages = { source: '/((?!api/v1/).*)', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] };
    const api = { source: '/api/v1/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] };
    return [{ source: '/:path*', headers: security }, pages, api];
  },
};

export default withNextIntl(nextConfig);
