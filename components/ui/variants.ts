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
    bare: { true: 'border-transparent bg-transparent hover:border-slate-300', false: '' },
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
    },
  },
  defaultVariants: { tone: 'neutral' },
});
export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export const noticeVariants = cva('rounded-md border px-3 py-2 text-sm', {
  variants: {
    tone: {
      error: 'border-red-300 bg-red-50 text-red-900',
      warning: 'border-amber-300 bg-amber-50 text-amber-900',
      info: 'border-sky-300 bg-sky-50 text-sky-900',
      success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
    },
  },
  defaultVariants: { tone: 'error' },
});
export type NoticeTone = NonNullable<VariantProps<typeof noticeVariants>['tone']>;

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
  },
  defaultVariants: { invalid: false, numeric: false },
});
