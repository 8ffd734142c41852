import 'server-only';
import { getTranslations } from 'next-intl/server';
import { unitWord } from './unit-word';

/** unitWord for a server component that reads another namespace ("千元" / "thousand yuan"). */
export async function unitWordOnServer(unit: string | number, currency: string): Promise<string> {
  return unitWord(await getTranslations('editor'), unit, currency);
}
