'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalculatorInputs, ScenarioDocument } from '@/components/scenario-editor/model';

export interface EvidenceDraft {
  target: string;
  fileName: string;
  sha256: string;
  note?: string | null;
}

/** Unsaved edits of one scenario, kept in this browser so a reload or a conflict loses nothing. */
export interface Draft {
  baseVersionId: string;
  baseNumber: number;
  document: ScenarioDocument;
  calculatorInputs: CalculatorInputs;
  evidence: EvidenceDraft[];
  message: string;
  /** The earlier version these edits restore (saved with a message saying so), if they do. */
  restoring?: number | null;
  keptAt: string;
}

const key = (dealId: string, scenarioId: string) => `pes-draft:${dealId}:${scenarioId}`;

function read(storageKey: string): Draft | null {
  try {
    const text = window.localStorage.getItem(storageKey);
    const draft = text ? (JSON.parse(text) as Draft) : null;
    return draft && typeof draft.baseVersionId === 'string' && draft.document ? draft : null;
  } catch {
    return null;
  }
}

/**
 * The stored draft (read once after mount: the server render has no localStorage), a debounced
 * keep, and a discard. Storage may be full or disabled; then editing still works, only the safety
 * net is missing, and `keepFailed` says so.
 */
export function useDraft(dealId: string, scenarioId: string) {
  const storageKey = key(dealId, scenarioId);
  const [stored, setStored] = useState<Draft | null>(null);
  const [keepFailed, setKeepFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // Reading browser storage after mount is the point: the server render cannot see it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStored(read(storageKey));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [storageKey]);

  const keep = useCallback(
    (draft: Omit<Draft, 'keptAt'>) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const full = { ...draft, keptAt: new Date().toISOString() };
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(full));
          setKeepFailed(false);
          setStored(full);
        } catch {
          setKeepFailed(true);
        }
      }, 300);
    },
    [storageKey],
  );

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // Nothing to remove where storage is unavailable.
    }
    setStored(null);
  }, [storageKey]);

  return { stored, keep, discard, keepFailed };
}
