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

/**
 * A formula or a substituted expression on lines of its own (the calculator's formula, the
 * explanation's formula and its numbers): set apart like Code, wrapped rather than scrolled.
 * `breakAll` for runs of digits with no place to break (a substituted formula).
 */
export function CodeBlock({ children, breakAll = false, testId }: { children: ReactNode; breakAll?: boolean; testId?: string }) {
  return (
    <p className={`rounded bg-slate-50 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-slate-700 ${breakAll ? 'break-all' : 'break-words'}`} data-testid={testId}>
      {children}
    </p>
  );
}

/** t.rich's handler for <code>…</code> in a message of the catalogue. */
export const codeTag = { code: (chunks: ReactNode) => <Code>{chunks}</Code> };
