'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';

/**
 * A modal on the browser's own <dialog>: showModal gives the focus trap, Escape, the backdrop and
 * the inert page behind it, with nothing to maintain here. The caller keeps whether it is open.
 */
export function Dialog({ open, onClose, title, children, footer, testId, className }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode; footer?: ReactNode; testId?: string; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn('m-auto max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40', className)}
      data-testid={testId}
    >
      {open && (
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-water-900">
            {title}
          </h2>
          <div className="text-sm text-slate-700">{children}</div>
          {footer && <div className="flex justify-end gap-2 pt-2">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** "Are you sure?": a title, what will happen, and the two answers; confirming does not close by itself. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
  testId,
  className,
}: {
  open: boolean;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** A wider dialog for a body that is a table. */
  className?: string;
}) {
  const t = useTranslations('ui');
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      testId={testId}
      className={className}
      footer={
        <>
          <Button intent="secondary" onClick={onCancel} testId={testId && `${testId}-cancel`}>
            {cancelLabel ?? t('cancel')}
          </Button>
          <Button intent={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy} autoFocus testId={testId && `${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {body}
    </Dialog>
  );
}
