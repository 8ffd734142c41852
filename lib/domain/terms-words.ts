// The words of the formula language of payment terms that the catalogue's messages name (the
// payment formula, the built-ins, operators, functions, water bodies): values of the messages,
// never their text (decision 0106), taken from the lists lib/terms parses by, so a message cannot
// name a function the language does not have. The server's translators give them to every message
// (lib/domain/text-catalogue.ts); a page passes them where it shows one (the terms editor's hints).
import { BUILTINS, FUNCTIONS, LOGICAL_OPERATORS, PAYMENT_FORMULA, SAMPLE_FUNCTIONS } from '@/lib/terms/names';
import { WATER_BODIES, WATER_INDICATORS } from '@/lib/terms/water-names';

/** `name`, checked to be one of `list`. */
const oneOf = <const L extends readonly string[]>(list: L, name: L[number]): L[number] => list.find((item) => item === name) ?? name;

export const termsWords = {
  paymentFormula: PAYMENT_FORMULA,
  yearName: oneOf(BUILTINS, 'year'),
  scheduledName: oneOf(BUILTINS, 'scheduled'),
  andOp: oneOf(LOGICAL_OPERATORS, 'and'),
  orOp: oneOf(LOGICAL_OPERATORS, 'or'),
  notOp: oneOf(LOGICAL_OPERATORS, 'not'),
  minFn: oneOf(FUNCTIONS, 'min'),
  maxFn: oneOf(FUNCTIONS, 'max'),
  absFn: oneOf(FUNCTIONS, 'abs'),
  roundFn: oneOf(FUNCTIONS, 'round'),
  gbclassFn: oneOf(FUNCTIONS, 'gbclass'),
  worstclassFn: oneOf(FUNCTIONS, 'worstclass'),
  shareFn: oneOf(SAMPLE_FUNCTIONS, 'share'),
  riverBody: oneOf(WATER_BODIES, 'river'),
  lakeBody: oneOf(WATER_BODIES, 'lake'),
  /** The indicator the hints take as their example (permanganate index, COD_Mn). */
  exampleIndicator: oneOf(WATER_INDICATORS, 'codmn'),
} as const;
