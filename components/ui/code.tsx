import type { ReactNode } from 'react';

/**
 * Code the reader types or the parties wrote (a formula, its names, a field of the API), set apart
 * from the sentence around it: the one place English identifiers may stand on a Chinese page
 * (decision 0081; the language crawl reads <code> as code, not as interface text).
 */
export function Code({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <code className="rounded bg-slate-100 px-1 font-mono text-[0.92em] text-slate-800" data-testid={testId}>
      {children}
    </code>
  );
}

/** t.rich's handler for <code>…</code> in a message of the catalogue. */
export const codeTag = { code: (chunks: ReactNode) => <Code>{chunks}</Code> };
