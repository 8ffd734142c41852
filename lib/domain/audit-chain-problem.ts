/**
 * Why a chain is broken, as a code with parameters: the app translates it (messages `auditVerify`),
 * the terminal commands print `chainProblemText`.
 */
export type ChainProblem =
  | { code: 'sequenceGap'; params: { after: number; found: number } }
  | { code: 'previousHash'; params: Record<string, never> }
  | { code: 'altered'; params: Record<string, never> }
  | { code: 'alteredKeyed'; params: Record<string, never> }
  | { code: 'unknownScheme'; params: { scheme: number } }
  | { code: 'unknownKey'; params: { keyId: string } }
  | { code: 'unkeyedAfterKeyed'; params: { since: number } }
  | { code: 'anchorDiffers'; params: { at: string } }
  | { code: 'tailCut'; params: { anchored: number; at: string; last: number } }
  | { code: 'chainDeleted'; params: { anchored: number; at: string } };
