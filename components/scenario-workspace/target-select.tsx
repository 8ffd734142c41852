'use client';

import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { itemTargets } from './targets';

/** "The whole thing" or one line item of the document, as evidence and comments address them. */
export function TargetSelect({ label, whole, document, value, onChange, testId }: { label: string; whole: string; document: ScenarioDocument; value: string; onChange: (target: string) => void; testId: string }) {
  return (
    <label className="grid gap-1">
      <span className="text-slate-700">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1" data-testid={testId}>
        <option value="scenario">{whole}</option>
        {itemTargets(document).map((item) => (
          <option key={item.target} value={item.target}>
            {item.label}
          </option>
        ))}
      </select>
    </label>
  );
}
