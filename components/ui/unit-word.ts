/** What unitWord needs of the translator useTranslations('editor') (or its server twin) gives: its keys are the editor namespace's. */
export interface EditorUnitTranslator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

/** "元" / "yuan": a currency as every page names it; a code the catalogue does not name, as it is. */
export function currencyWord(t: EditorUnitTranslator, currency: string): string {
  return t.has(`currency.${currency}`) ? t(`currency.${currency}`) : currency;
}

/** "千元" / "thousand yuan": a deal's or scenario's unit and currency as every page names them. */
export function unitWord(t: EditorUnitTranslator, unit: string | number, currency: string): string {
  const word = currencyWord(t, currency);
  return t.has(`units.u${unit}`) ? t(`units.u${unit}`, { currency: word }) : t('units.other', { unit: String(unit), currency: word });
}
