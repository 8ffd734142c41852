import { problem, text, type LocalText, type Problem } from './local-text';

// PostgreSQL stores neither U+0000 (text and jsonb refuse it) nor a lone UTF-16 surrogate (text
// silently gets U+FFFD, jsonb refuses it), so such a string would end as a 500 or as altered data.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// JSON.parse makes "toString" or "valueOf" an own key, and an object whose own toString is not a
// function cannot be turned into a primitive: zod's length checks compare such a `length` with a
// number and throw. No format of ours has a field named like a member of every object.
const objectMembers = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why this text cannot be stored as sent, or null. */
export function unstorableText(value: string): LocalText | null {
  if (value.includes('\u0000')) return text('textHasNul', { codePoint: 'U+0000' });
  if (loneSurrogate.test(value)) return text('textHasLoneSurrogate');
  return null;
}

/**
 * The first string or key of a parsed JSON body that cannot be stored or safely read, or null;
 * iterative, so any depth is fine. Every body is checked so before its schema sees it.
 */
export function unstorableField(value: unknown): Problem | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      const why = unstorableText(node);
      if (why) return problem(at || '(body)', why);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const field = at ? `${at}.${key}` : key;
        const why = unstorableText(key);
        if (why) return problem(at || '(body)', text('fieldNameUnstorable', { problem: why }));
        if (objectMembers.has(key)) return problem(at || '(body)', text('fieldNameReserved', { name: key }));
        stack.push([child, field]);
      }
    }
  }
  return null;
}
