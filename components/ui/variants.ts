import { cva, type VariantProps } from 'class-variance-authority';

// Every look of the kit's controls, in one place: a screen picks an intent and a size, never a
// class string (tests/unit/kit-only.test.ts keeps raw controls out of the screens).

export const buttonVariants = cva(
  'inline-flex items-center justify-center gap-1 rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-water-600 disabled:cursor-not-allowed disabled:opacity-50',
  {
    variants: {
      intent: {
        primary: 'bg-water-700 text-white hover:bg-water-900',
        secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
        quiet: 'border border-slate-300 bg-white text-water-700 hover:bg-slate-50',
        success: 'bg-emerald-700 text-white hover:bg-emerald-800',
        danger: 'bg-red-700 text-white hover:bg-red-800',
        dangerOutline: 'border border-red-200 bg-white text-red-700 hover:bg-red-50',
        warning: 'bg-amber-700 text-white hover:bg-amber-800',
        /** A small action beside a row (duplicate, remove, the calculator). */
        icon: 'rounded font-normal text-slate-500 hover:bg-slate-100 hover:text-water-700',
        iconDanger: 'rounded font-normal text-slate-500 hover:bg-slate-100 hover:text-red-700',
        /** A figure that opens its explanation: dotted underline, as in a spreadsheet's trace. */
        trace: 'rounded px-0.5 font-normal underline decoration-slate-300 decoration-dotted underline-offset-4 hover:bg-water-50 hover:decoration-water-600',
        /** A trace among amounts of a table: the platform's colour, no box of its own. */
        traceLink: 'rounded font-normal text-water-700 underline decoration-water-700 decoration-dotted underline-offset-4 hover:bg-water-50',
        /** A small choice among several (a year, a field). */
        chip: 'rounded border border-slate-200 font-normal hover:bg-water-50',
        /** "+ Add a line": outlined in the platform's colour. */
        add: 'border border-water-600 text-water-700 hover:bg-water-50',
        link: 'font-normal text-water-700 hover:underline',
        dangerLink: 'font-normal text-red-700 hover:underline',
        plain: 'font-normal text-slate-600 hover:underline',
        /** A link-like action inside a banner: the banner's colour, underlined. */
        inline: 'font-normal underline',
      },
      size: {
        xs: 'px-2 py-0.5 text-xs',
        /** A one-character action (✕, ↑, ↓) beside a row. */
        icon: 'px-1 py-0.5 text-sm',
        sm: 'px-2 py-1 text-sm',
        md: 'px-3 py-1.5 text-sm',
        lg: 'px-4 py-2 text-sm',
        block: 'w-full px-4 py-2',
        /** An action beside a row of a grid (ƒ(x), duplicate, ✕): a glyph at the text's size. */
        row: 'px-1 py-0.5 text-sm',
        /** A command of a toolbar or a "+ add" under a table: small text, room to click. */
        tool: 'px-2 py-1 text-xs',
        /** An answer inside a cell's flag ("confirm the negative value"). */
        inline: 'px-1.5 py-0 text-xs',
        /** A choice among many in a line (a year, a field). */
        chip: 'px-1.5 py-0.5 text-xs',
        /** A figure in a table or a summary that opens its trace: the figure's own size, no box. */
        figure: 'px-0.5 py-0 text-sm',
      },
    },
    // A link-like button has no box to pad (tailwind-merge, in cn, lets these win over the size's padding).
    compoundVariants: [{ intent: ['link', 'dangerLink', 'plain', 'inline', 'traceLink'], className: 'px-0 py-0' }],
    defaultVariants: { intent: 'primary', size: 'md' },
  },
);
export type ButtonVariants = VariantProps<typeof buttonVariants>;

export const controlVariants = cva('rounded-md border bg-white text-slate-900 focus:outline-2 focus:outline-water-600 disabled:bg-slate-100 disabled:text-slate-500', {
  variants: {
    size: {
      xs: 'px-1 py-1 text-xs',
      sm: 'px-1.5 py-0.5 text-sm',
      md: 'px-2 py-1 text-sm',
      /** In one row with md buttons: the same height. */
      beside: 'px-2 py-1.5 text-sm',
      lg: 'px-3 py-2',
    },
    invalid: {
      true: 'border-red-500 bg-red-50',
      false: 'border-slate-300',
    },
    numeric: { true: 'num text-right', false: '' },
    /** Inside a table cell: no box until hovered (after `invalid`, so tailwind-merge lets it win). */
    bare: { true: 'border-transparent bg-transparent px-0 hover:border-slate-300 disabled:bg-transparent', false: '' },
  },
  defaultVariants: { size: 'md', invalid: false, numeric: false, bare: false },
});
export type ControlVariants = VariantProps<typeof controlVariants>;

/** A range slider (a weight between 0 and 1): the platform's accent, a width from the kit. */
export const sliderVariants = cva('accent-water-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-water-600 disabled:cursor-not-allowed disabled:opacity-50', {
  variants: {
    width: { auto: '', md: 'w-48', full: 'w-full' },
  },
  defaultVariants: { width: 'md' },
});
export type SliderVariants = VariantProps<typeof sliderVariants>;

export const badgeVariants = cva('inline-block rounded px-1.5 py-0.5 text-xs font-normal', {
  variants: {
    tone: {
      neutral: 'bg-slate-200 text-slate-700',
      quiet: 'bg-slate-100 text-slate-600',
      info: 'bg-sky-100 text-sky-900',
      success: 'bg-emerald-100 text-emerald-900',
      warning: 'bg-amber-100 text-amber-900',
      danger: 'bg-red-100 text-red-900',
      alarm: 'bg-red-600 text-white',
      special: 'bg-violet-100 text-violet-900',
      outline: 'bg-white text-slate-700',
      /** A party's side next to a title. */
      side: 'rounded-full bg-water-50 px-2 text-sm text-water-700',
      /** A row's values come from its calculator (ƒ). */
      formula: 'bg-water-100 text-water-700',
      /** A row's values were changed by hand after its calculator filled them. */
      formulaStale: 'bg-amber-100 text-amber-800',
    },
    size: {
      md: '',
      /** A one-glyph mark beside a name in a grid row. */
      mark: 'shrink-0 px-1 py-0 text-[10px] leading-4',
    },
  },
  defaultVariants: { tone: 'neutral', size: 'md' },
});
export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;
export type BadgeSize = NonNullable<VariantProps<typeof badgeVariants>['size']>;

/**
 * A grid column that stays in view while the others scroll sideways (a row's name on the left,
 * its actions on the right). `band` is the row's background, which the sticky cell must paint so
 * the scrolled cells do not show through it.
 */
export const stickyColumnVariants = cva('', {
  variants: {
    edge: { left: 'sticky left-0 z-10', right: 'sticky right-0 z-10', none: '' },
    band: { head: 'bg-slate-50', group: 'bg-water-50', item: 'bg-white' },
  },
  defaultVariants: { edge: 'none', band: 'item' },
});

/**
 * A banner: something the reader should know or act on, in the colour of what it says. A screen
 * picks a tone and a size (components/ui/notice.tsx), never a tinted box of its own.
 */
export const noticeVariants = cva('rounded-md border text-sm', {
  variants: {
    tone: {
      error: 'border-red-300 bg-red-50 text-red-900',
      warning: 'border-amber-300 bg-amber-50 text-amber-900',
      info: 'border-sky-300 bg-sky-50 text-sky-900',
      success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
      /** Worth knowing, nothing wrong (defaults in force, years still open): the page's own colours. */
      neutral: 'border-slate-200 bg-white text-slate-700',
      /** In the platform's colour: a party's words quoted, the state the page is in (restoring a version), the demo's accounts. */
      brand: 'border-water-100 bg-water-50 text-water-900',
      /** The record cannot be trusted (a hash that does not match): a heavier red frame. */
      alarm: 'border-2 border-red-600 bg-red-50 text-red-900',
    },
    size: {
      /** A line inside a card (a quoted message, a reason). */
      sm: 'px-2 py-1',
      md: 'px-3 py-2',
      /** A banner with a heading or a list of its own. */
      lg: 'p-4',
    },
  },
  defaultVariants: { tone: 'error', size: 'md' },
});
export type NoticeTone = NonNullable<VariantProps<typeof noticeVariants>['tone']>;
export type NoticeSize = NonNullable<VariantProps<typeof noticeVariants>['size']>;

/** Where a list or a page has nothing yet: a dashed frame, what is missing and what comes next (components/ui/empty-state.tsx). */
export const emptyStateVariants = cva('rounded-lg border border-dashed border-slate-300 bg-white', {
  variants: {
    size: {
      /** A page's or a tab's whole content. */
      page: 'p-8 text-center',
      /** A part of a page (a table with no rows yet). */
      panel: 'p-4 text-sm',
    },
  },
  defaultVariants: { size: 'page' },
});
export type EmptyStateSize = NonNullable<VariantProps<typeof emptyStateVariants>['size']>;

/**
 * A short text on an element while it is hovered or focused (components/ui/tooltip.tsx). It sits
 * under the element so the element stays readable; `belowEnd` lines its right edge up with the
 * element's (a cell's problem, whose row runs on to the right).
 */
export const tooltipVariants = cva('absolute z-20 flex items-center gap-1.5 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-normal shadow', {
  variants: {
    tone: {
      neutral: 'bg-slate-800 text-white',
      /** What is wrong with the element (a cell's text refused): the kit's red. */
      danger: 'bg-red-700 text-white',
    },
    placement: {
      belowStart: 'left-0 top-full mt-0.5',
      belowEnd: 'right-0 top-full mt-0.5',
    },
  },
  defaultVariants: { tone: 'neutral', placement: 'belowStart' },
});
export type TooltipTone = NonNullable<VariantProps<typeof tooltipVariants>['tone']>;
export type TooltipPlacement = NonNullable<VariantProps<typeof tooltipVariants>['placement']>;

export const tabVariants = cva('-mb-px border-b-2 px-3 py-1.5 text-sm', {
  variants: {
    selected: {
      true: 'border-water-700 font-medium text-water-900',
      false: 'border-transparent text-slate-600 hover:text-water-700',
    },
  },
  defaultVariants: { selected: false },
});

export const toggleVariants = cva('', {
  variants: {
    pressed: { true: 'bg-water-700 text-white', false: 'bg-white text-slate-700 hover:bg-slate-100' },
    size: { sm: 'px-2 py-0.5', md: 'px-3 py-1' },
  },
  defaultVariants: { pressed: false, size: 'md' },
});

export const cellVariants = cva('w-full rounded border px-1.5 py-1 outline-none placeholder:text-slate-400 read-only:hover:border-transparent', {
  variants: {
    invalid: { true: 'border-red-500 bg-red-50 text-red-900', false: 'border-transparent bg-transparent hover:border-slate-300 focus:border-water-600 focus:bg-white' },
    numeric: { true: 'num text-right', false: '' },
    /** A cell on its own (a setting, a calculator's input), not in a grid: its box always shows. */
    boxed: { true: '', false: '' },
  },
  compoundVariants: [{ invalid: false, boxed: true, className: 'border-slate-300 bg-white read-only:hover:border-slate-300' }],
  defaultVariants: { invalid: false, numeric: false, boxed: false },
});
