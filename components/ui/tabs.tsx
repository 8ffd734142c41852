'use client';

import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabVariants } from './variants';

export interface Tab<K extends string> {
  key: K;
  label: ReactNode;
  testId?: string;
}

/**
 * Tabs as the WAI-ARIA pattern has them: a tablist whose arrow keys move between tabs, and the
 * chosen tab's panel. The caller keeps which tab is chosen.
 */
export function Tabs<K extends string>({
  tabs,
  value,
  onChange,
  label,
  children,
  className,
}: {
  tabs: readonly Tab<K>[];
  value: K;
  onChange: (key: K) => void;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = (tabs.findIndex((tab) => tab.key === value) + step + tabs.length) % tabs.length;
    onChange(tabs[index]!.key);
    list.current?.querySelectorAll<HTMLButtonElement>('[role=tab]')[index]?.focus();
  };
  return (
    <div className={className}>
      <div ref={list} role="tablist" aria-label={label} className="flex gap-1 border-b border-slate-200" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            aria-selected={tab.key === value}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === value ? 0 : -1}
            className={tabVariants({ selected: tab.key === value })}
            onClick={() => onChange(tab.key)}
            data-testid={tab.testId}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${value}`} className="pt-3">
        {children}
      </div>
    </div>
  );
}
