import type { ScenarioDocument } from '@/components/scenario-editor/model';

const lists = ['costs', 'subsidies', 'benefits', 'downstreamCosts'] as const;

/** "scenario" and every line item, as evidence and comments address them ("costs[3]"). */
export function itemTargets(document: ScenarioDocument): { target: string; label: string }[] {
  return lists.flatMap((list) =>
    ((document[list] ?? []) as { code?: string; label: string }[]).map((item, index) => ({
      target: `${list}[${index}]`,
      label: `${item.code ? `${item.code} · ` : ''}${item.label}`,
    })),
  );
}

export function targetLabel(document: ScenarioDocument, target: string | null | undefined, wholeScenario: string): string {
  if (!target || target === 'scenario') return wholeScenario;
  return itemTargets(document).find((t) => t.target === target)?.label ?? target;
}
