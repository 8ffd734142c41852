import { showTermsDecimal } from '../decimal';
import type { SampleNode, TNode } from './tree';

/**
 * The last stage, for the "why this number" trace: the expression with names replaced by
 * `show(name)` where it returns text. Parentheses are the author's (the tree keeps them), so the
 * printed structure reads as it was written; negative substituted values get their own so that
 * `x ^ 2` with x = -3 does not read as -(3 ^ 2). An aggregate over samples (`mean(codmn)`,
 * `share(codmn <= 4)`) is replaced by `showSamples(node)` where it returns text.
 */
export function printExpression(node: TNode, show?: (name: string) => string | undefined, showSamples?: (node: SampleNode) => string | undefined): string {
  const p = (n: TNode) => printExpression(n, show, showSamples);
  switch (node.kind) {
    case 'number':
      return showTermsDecimal(node.value);
    case 'boolean':
      return String(node.value);
    case 'name': {
      const text = show?.(node.name);
      if (text === undefined) return node.name;
      return text.startsWith('-') ? `(${text})` : text;
    }
    case 'text':
      return `"${node.value}"`;
    case 'parens':
      return `(${p(node.inner)})`;
    case 'unary':
      return node.op === 'not' ? `not ${p(node.arg)}` : `${node.op}${p(node.arg)}`;
    case 'binary':
      return `${p(node.left)} ${node.op} ${p(node.right)}`;
    case 'conditional':
      return `${p(node.test)} ? ${p(node.then)} : ${p(node.otherwise)}`;
    case 'call':
      return `${node.fn}(${node.args.map(p).join(', ')})`;
    case 'aggregate':
    case 'share': {
      const text = showSamples?.(node);
      if (text !== undefined) return text.startsWith('-') ? `(${text})` : text;
      if (node.kind === 'aggregate') return `${node.fn}(${node.indicator})`;
      return node.indicatorFirst ? `share(${node.indicator} ${node.op} ${p(node.bound)})` : `share(${p(node.bound)} ${node.op} ${node.indicator})`;
    }
  }
}
