'use client';

import { useEffect, useId, useReducer, useRef, type FocusEvent, type ReactNode } from 'react';
import { cn } from './cn';
import { tooltipVariants, type TooltipPlacement, type TooltipTone } from './variants';

/** Whether the pointer is on the trigger (or the tooltip), focus is inside, and Escape hid it since. */
export interface TooltipState {
  hovered: boolean;
  focused: boolean;
  dismissed: boolean;
}

export type TooltipEvent = 'enter' | 'leave' | 'focus' | 'blur' | 'escape';

export const tooltipClosed: TooltipState = { hovered: false, focused: false, dismissed: false };

/**
 * The tooltip's state after an event. A new hover or a new focus shows it again after Escape hid
 * it; Escape hides it until the pointer and the focus have both left.
 */
export function tooltipReducer(state: TooltipState, event: TooltipEvent): TooltipState {
  switch (event) {
    case 'enter':
      return { ...state, hovered: true, dismissed: state.hovered ? state.dismissed : false };
    case 'focus':
      return { ...state, focused: true, dismissed: state.focused ? state.dismissed : false };
    case 'leave':
      return { ...state, hovered: false, dismissed: state.focused && state.dismissed };
    case 'blur':
      return { ...state, focused: false, dismissed: state.hovered && state.dismissed };
    case 'escape':
      return { ...state, dismissed: true };
  }
}

export const tooltipShown = (state: TooltipState) => (state.hovered || state.focused) && !state.dismissed;

/** Moving from the trigger to the tooltip crosses a gap of a few pixels: leaving waits this long. */
const LEAVE_DELAY_MS = 150;

const hasContent = (content: ReactNode) => content !== undefined && content !== null && content !== false && content !== '';

/**
 * A short text on an element (a cell's problem), shown while the element or anything in the box
 * is hovered or focused, hidden by Escape (which then does not close a dialog around it). The
 * trigger is the render prop's result: it gets the id to put in its `aria-describedby`, so a
 * screen reader reads the text with it, shown or not. `action` is a control in the same bubble
 * ("confirm the negative value"): the pointer can reach it (the tooltip stays while hovered) and
 * Tab from the trigger reaches it; it is not part of the description, which is only `content`.
 * No content: no tooltip, and the trigger is described by nothing.
 */
export function Tooltip({
  content,
  action,
  tone,
  placement,
  children,
  className,
  testId,
}: {
  content: ReactNode;
  action?: ReactNode;
  tone?: TooltipTone;
  placement?: TooltipPlacement;
  children: (describedBy: string | undefined) => ReactNode;
  /** Layout of the box that holds the trigger and the tooltip (the box is `relative`). */
  className?: string;
  testId?: string;
}) {
  const id = useId();
  const [state, dispatch] = useReducer(tooltipReducer, tooltipClosed);
  const leaving = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const present = hasContent(content);
  const shown = present && tooltipShown(state);

  useEffect(() => () => clearTimeout(leaving.current), []);

  // Escape hides a shown tooltip wherever the focus is (hovered only, the focus is elsewhere); it
  // is taken (preventDefault), so a dialog around the trigger stays open until the next Escape.
  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      dispatch('escape');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [shown]);

  // Focus moving inside the box (the trigger to the action) neither shows nor hides it again.
  const fromOutside = (event: FocusEvent<HTMLDivElement>) => !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget));

  return (
    <div
      className={cn('relative', className)}
      onMouseEnter={() => {
        clearTimeout(leaving.current);
        dispatch('enter');
      }}
      onMouseLeave={() => {
        clearTimeout(leaving.current);
        leaving.current = setTimeout(() => dispatch('leave'), LEAVE_DELAY_MS);
      }}
      onFocus={(event) => {
        if (fromOutside(event)) dispatch('focus');
      }}
      onBlur={(event) => {
        if (fromOutside(event)) dispatch('blur');
      }}
    >
      {children(present ? id : undefined)}
      {present && (
        <div className={tooltipVariants({ tone, placement })} hidden={!shown} data-testid={testId}>
          <span role="tooltip" id={id}>
            {content}
          </span>
          {action}
        </div>
      )}
    </div>
  );
}
