'use client';

import { useState, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from './cn';
import { useFieldWiring } from './field-context';
import { buttonVariants } from './variants';

// Its own module: it speaks through the `ui` messages, which only the pages that pick files send.
/**
 * A file picker with its button and the chosen file's name in the page's language: the browser's
 * own control speaks the browser's language, which need not be the reader's. The input itself is
 * hidden but keeps the field's id, so the field's label, the keyboard and tests still reach it.
 */
export function FileInput({ className, testId, onChange, ...props }: Omit<ComponentProps<'input'>, 'className' | 'type'> & { className?: string; testId?: string }) {
  const t = useTranslations('ui');
  const wiring = useFieldWiring(props);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-2 text-sm', className)}>
      <label className={cn(buttonVariants({ intent: 'secondary', size: 'sm' }), 'cursor-pointer focus-within:outline-2 focus-within:outline-water-600', props.disabled && 'opacity-50')}>
        {t('chooseFile')}
        <input
          {...props}
          type="file"
          id={wiring.id}
          aria-invalid={wiring['aria-invalid']}
          aria-describedby={wiring['aria-describedby']}
          className="sr-only"
          data-testid={testId}
          onChange={(event) => {
            const names = [...(event.target.files ?? [])].map((file) => file.name);
            setChosen(names.length ? names.join(t('fileSeparator')) : null);
            onChange?.(event);
          }}
        />
      </label>
      {/* A file's name is the reader's data, in whatever language it was written. */}
      <span className="text-slate-600" data-data={chosen ? '' : undefined}>
        {chosen ?? t('noFileChosen')}
      </span>
    </span>
  );
}
