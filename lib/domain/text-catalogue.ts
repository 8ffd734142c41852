// The server's messages in both languages, side by side, so that no message can exist in one
// language only (the type asks for both). ICU MessageFormat: {name} is a value, `count` is the
// only number (for plurals); apostrophes are literal unless they quote a brace. Values that are
// lists of names print "a, b" / "a、b", lists of messages "a; b" / "a；b". lib/domain/local-text.ts
// renders them. One file per area in ./texts; lib/domain/local-text.test.ts checks no key is in two.
import { apiTexts } from './texts/api';
import { engineTexts } from './texts/engine';
import { fundTexts } from './texts/fund';
import { placeTexts } from './texts/places';
import { schemaTexts } from './texts/schemas';
import { serverTexts } from './texts/server';

export type TextEntry = { readonly en: string; readonly zh: string };

export const textParts = { apiTexts, fundTexts, schemaTexts, serverTexts, engineTexts, placeTexts } as const;

export const textCatalogue = { ...apiTexts, ...fundTexts, ...schemaTexts, ...serverTexts, ...engineTexts, ...placeTexts } as const satisfies Record<string, TextEntry>;

export type TextKey = keyof typeof textCatalogue;
