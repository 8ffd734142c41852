'use client';

import { useState } from 'react';
import type { CalculatorInputs, ScenarioDocument } from './model';
import { ScenarioEditor } from './scenario-editor';

/** The editor with its document and calculator inputs in client state only (nothing is saved). */
export function EditorPreview({ initial }: { initial: ScenarioDocument }) {
  const [document, setDocument] = useState(initial);
  const [calculatorInputs, setCalculatorInputs] = useState<CalculatorInputs>({});
  return <ScenarioEditor document={document} onChange={setDocument} calculatorInputs={calculatorInputs} onCalculatorInputsChange={setCalculatorInputs} />;
}
