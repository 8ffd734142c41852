import { execFileSync } from 'node:child_process';

/** The PDF's text through poppler's pdftotext (CI installs poppler-utils; so must a developer's machine). */
export function pdfText(bytes: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to check the statement’s text');
    throw error;
  }
}
