'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';

/**
 * A modal on the browser's own <dialog>: showModal gives the focus trap, Escape, the backdrop and
 * the inert page behind it, with nothing to maintain here. The caller keeps whether it is open.
 * `description` is a line under the title that the dialog is described by; `dismissLabel` puts a
 * button beside the title that closes it, for a dialog tall enough to scroll its footer away.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  dismissLabel,
  children,
  footer,
  testId,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  dismissLabel?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
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
      aria-describedby={description ? descriptionId : undefined}
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
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold text-water-900">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="text-sm text-slate-600">
                  {description}
                </p>
              )}
            </div>
            {dismissLabel && (
              <Button intent="secondary" size="sm" onClick={onClose} testId={testId && `${testId}-dismiss`}>
                {dismissLabel}
              </Button>
            )}
          </div>
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
