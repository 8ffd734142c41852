'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A part of a page below its first screen that mounts when the reader comes near it, as the
 * charts do (echart.tsx): its box is there at once with its height reserved, and what it holds
 * (with the code it needs, through `next/dynamic`) comes when the box is within `margin` of the
 * viewport: scrolled near, or brought there by a link to an anchor beside it
 * (docs/decisions/0099-page-weight-under-200-kb.md).
 */
export function WhenShown({ children, minHeight, margin = '400px', className, testId }: { children: ReactNode; minHeight: string; margin?: string; className?: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || shown) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setShown(true);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, margin]);

  return (
    <div ref={box} className={className} style={shown ? undefined : { minHeight }} data-testid={testId}>
      {shown ? children : null}
    </div>
  );
}
