import type { PartiesSection } from './parties';
import type { TermsDefaults } from './templates';

// Apart from the templates, so that a page starting a blank draft (the offer room) does not fetch
// them with it (components/terms/terms-draft.ts).

/**
 * The parties a draft on a deal starts from: the deal's when it names them; none when it names none
 * (a template's own example parties are no organisations of the deal, and the acceptance would
 * refuse them); the template's own where no deal is known.
 */
export function draftParties(own: PartiesSection | undefined, defaults?: Pick<TermsDefaults, 'parties'>): PartiesSection | undefined {
  if (!defaults || defaults.parties === undefined) return own && structuredClone(own);
  return defaults.parties ? structuredClone(defaults.parties) : undefined;
}
