'use client';

import { useState, type FormEvent } from 'react';
import type { ApiFailure, ApiOutcome } from '@/components/api-client';

/**
 * A form that sends one request: busy while it runs, the refusal to show, and the answer once
 * it was accepted (which the form may show, then clear by sending again).
 */
export function useApiForm<R = unknown>() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<{ data: R } | null>(null);
  const send = async (request: () => Promise<ApiOutcome<R>>, onDone?: (data: R) => void) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    const answer = await request();
    setBusy(false);
    if (answer.ok) {
      setDone({ data: answer.data });
      onDone?.(answer.data);
    } else setFailure(answer);
  };
  /** For a form's onSubmit: the page stays, the request goes. */
  const onSubmit = (request: () => Promise<ApiOutcome<R>>, onDone?: (data: R) => void) => (event: FormEvent) => {
    event.preventDefault();
    void send(request, onDone);
  };
  return { busy, failure, done, send, onSubmit };
}
