// An indicator as readers know it: the catalogue's name for the codes common terms use (codmn is
// 高锰酸盐指数; messages namespace `indicator`), the code as the terms declare it otherwise, since
// a deal may name its own indicators.
import { isTextKey, text, type LocalText } from './local-text';

export function indicatorText(code: string): string | LocalText {
  const key = `indicator.${code}`;
  return isTextKey(key) ? text(key) : code;
}
