'use client';

import { useLocale } from 'next-intl';

/** "field: reason", with the colon of the page's language. */
export function FieldProblem({ field, message, fieldClassName = 'font-mono text-xs' }: { field: string; message: string; fieldClassName?: string }) {
  const separator = useLocale() === 'zh' ? '：' : ': ';
  return (
    <>
      <span className={fieldClassName}>{field}</span>
      {separator}
      {message}
    </>
  );
}
