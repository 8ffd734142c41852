// The build's static scripts and styles in Brotli for browsers that accept it. Next compresses its
// responses with gzip only; Brotli at its highest quality makes them about 15 % smaller, and as
// the files under .next/static never change while a build is served (their names are content
// hashes), each is compressed once per worker, off the event loop, and kept in memory (about
// 0.7 MB for this app). Other requests, and browsers without Brotli, go to Next as before.
// docs/decisions/0065-page-weight.md.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
const types = { '.js': 'application/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8' };

function filesBelow(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && path.extname(entry.name) in types)
      .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
  } catch {
    return [];
  }
}

/** True when the Accept-Encoding header lists br without q=0. */
export function acceptsBrotli(header) {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().split(';');
      return coding.trim() === 'br' && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    });
}

/**
 * A request handler for /_next/static/*.js|css that answers in Brotli, or returns false for Next
 * to answer. `headers` are the ones next.config.js sets on every path (the security headers).
 */
export function staticBrotli(appDir, headers) {
  const staticDir = path.join(appDir, '.next', 'static');
  // Only files of the build: a path that is not one of them never reaches the file system or the cache.
  const files = new Map(filesBelow(staticDir).map((file) => [`/_next/static/${path.relative(staticDir, file).split(path.sep).join('/')}`, file]));
  const cache = new Map();
  const body = (file) => {
    let entry = cache.get(file);
    if (!entry) {
      entry = readFile(file).then((raw) => compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
      entry.catch(() => cache.delete(file));
      cache.set(file, entry);
    }
    return entry;
  };
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const file = files.get((request.url ?? '').split('?')[0]);
    if (!file || !acceptsBrotli(request.headers['accept-encoding'])) return false;
    let compressed;
    try {
      compressed = await body(file);
    } catch {
      return false;
    }
    for (const { key, value } of headers) response.setHeader(key, value);
    response.setHeader('Content-Type', types[path.extname(file)]);
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Content-Encoding', 'br');
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Content-Length', compressed.length);
    response.writeHead(200);
    response.end(request.method === 'HEAD' ? undefined : compressed);
    return true;
  };
}
