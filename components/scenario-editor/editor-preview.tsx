'use client';

import { useState } from 'react';
import type { ParseOutcome } from '@/lib/engine/schema';
import type { CalculatorInputs, ScenarioDocument } from './model';
import { ScenarioEditor } from './scenario-editor';

/** The editor with its document and calculator inputs in client state only (nothing is saved). */
/** `outcome`: `initial` as the server parsed it. */
export function EditorPreview({ initial, outcome }: { initial: ScenarioDocument; outcome: ParseOutcome }) {
  const [document, setDocument] = useState(initial);
  const [parsed] = useState(() => ({ document: initial, outcome }));
  const [calculatorInputs, setCalculatorInputs] = useState<CalculatorInputs>({});
  return <ScenarioEditor document={document} onChange={setDocument} calculatorInputs={calculatorInputs} onCalculatorInputsChange={setCalculatorInputs} parsed={parsed} />;
}
