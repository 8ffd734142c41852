/** Cost groups and categories of pes-model.md §2 (paper Table 2). */

export const GROUPS = ['ED', 'PD', 'AD', 'IO', 'AO'] as const;
export type Group = (typeof GROUPS)[number];

/** Groups that make up the direct cost C_D (eq. 2); the others are opportunity cost C_O. */
export const DIRECT_GROUPS = ['ED', 'PD', 'AD'] as const satisfies readonly Group[];
export const OPPORTUNITY_GROUPS = ['IO', 'AO'] as const satisfies readonly Group[];

export const CATEGORY_GROUP = {
  C_f: 'ED',
  C_s: 'ED',
  C_m: 'ED',
  C_n: 'ED',
  C_q: 'PD',
  C_p: 'PD',
  C_np: 'PD',
  C_w: 'AD',
  C_sa: 'AD',
  C_t: 'AD',
  C_IO: 'IO',
  C_AO: 'AO',
} as const satisfies Record<string, Group>;

export type Category = keyof typeof CATEGORY_GROUP;
/** In the order of the paper's Table 2; also the canonical order of alphaOverrides. */
export const CATEGORIES = ['C_f', 'C_s', 'C_m', 'C_n', 'C_q', 'C_p', 'C_np', 'C_w', 'C_sa', 'C_t', 'C_IO', 'C_AO'] as const satisfies readonly Category[];

export const CATEGORY_MEANING: Record<Category, string> = {
  C_f: 'forest construction',
  C_s: 'water and soil conservation',
  C_m: 'ecological resettlement (migration)',
  C_n: 'nature reserve development',
  C_q: 'water quality and quantity monitoring',
  C_p: 'point-source pollution control',
  C_np: 'non-point-source pollution control',
  C_w: 'water conservation (saving)',
  C_sa: 'direct agricultural loss',
  C_t: 'science and technology',
  C_IO: 'industrial opportunity cost',
  C_AO: 'agricultural opportunity cost',
};

export function isCategory(code: string): code is Category {
  return Object.prototype.hasOwnProperty.call(CATEGORY_GROUP, code);
}

export function isGroup(code: string): code is Group {
  return (GROUPS as readonly string[]).includes(code);
}

export function groupOf(category: Category): Group {
  return CATEGORY_GROUP[category];
}
