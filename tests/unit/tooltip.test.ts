import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Tooltip, tooltipClosed, tooltipReducer, tooltipShown, type TooltipEvent } from '@/components/ui/tooltip';

// The kit's Tooltip (issue 13): the scenario editor's cell problem is one. Shown while hovered or
// focused, hidden by Escape until both have left; the trigger is described by the text alone.

const after = (...events: TooltipEvent[]) => events.reduce(tooltipReducer, tooltipClosed);

describe('when the tooltip shows', () => {
  it('shows on hover and on focus, and hides when both have left', () => {
    expect(tooltipShown(tooltipClosed)).toBe(false);
    expect(tooltipShown(after('enter'))).toBe(true);
    expect(tooltipShown(after('focus'))).toBe(true);
    expect(tooltipShown(after('enter', 'leave'))).toBe(false);
    expect(tooltipShown(after('focus', 'enter', 'leave'))).toBe(true);
    expect(tooltipShown(after('focus', 'enter', 'blur'))).toBe(true);
    expect(tooltipShown(after('focus', 'enter', 'blur', 'leave'))).toBe(false);
  });

  it('hides on Escape while still hovered or focused, and shows again on a new hover or focus', () => {
    expect(tooltipShown(after('focus', 'escape'))).toBe(false);
    expect(tooltipShown(after('enter', 'escape'))).toBe(false);
    expect(tooltipShown(after('focus', 'enter', 'escape', 'leave'))).toBe(false);
    expect(tooltipShown(after('focus', 'escape', 'enter'))).toBe(true);
    expect(tooltipShown(after('enter', 'escape', 'focus'))).toBe(true);
    expect(tooltipShown(after('focus', 'escape', 'blur', 'focus'))).toBe(true);
    expect(tooltipShown(after('enter', 'escape', 'leave', 'enter'))).toBe(true);
  });
});

describe('the tooltip’s markup', () => {
  const render = (content: string | undefined, action?: string) =>
    renderToStaticMarkup(
      // The trigger is a render prop, JSX's child function: createElement's typings take it only as a prop.
      // eslint-disable-next-line react/no-children-prop
      createElement(Tooltip, {
        content,
        tone: 'danger',
        placement: 'belowEnd',
        action: action && createElement('button', { type: 'button' }, action),
        children: (describedBy: string | undefined) => createElement('input', { 'aria-describedby': describedBy }),
      }),
    );

  it('describes the trigger by the text, role="tooltip", hidden until hovered or focused', () => {
    const html = render('不是有效数字', '确认负值');
    const describedBy = /<input aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(describedBy).toBeTruthy();
    expect(html).toContain(`<span role="tooltip" id="${describedBy}">不是有效数字</span>`);
    expect(html).toMatch(/<div class="[^"]*bg-red-700[^"]*" hidden="">/);
    // The action is in the bubble but not in the description.
    expect(html).toMatch(/<\/span><button type="button">确认负值<\/button><\/div>/);
  });

  it('has no tooltip and describes the trigger by nothing without a text', () => {
    const html = render(undefined);
    expect(html).toBe('<div class="relative"><input/></div>');
  });
});
