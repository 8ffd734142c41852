import 'server-only';

/**
 * A file the browser saves rather than shows: named, sandboxed (nothing in it can run on the
 * platform's origin) and never cached by a shared cache.
 */
export function downloadResponse(bytes: Uint8Array, file: { contentType: string; fileName: string; headers?: Record<string, string> }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ...file.headers,
    },
  });
}
