import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * Whether `content` fits inside `box` without being cut, kept true as either changes size: a
 * window resized, a language with longer words, a signed-in person's longer menu. Measured
 * before paint, so a bar that does not fit never flashes.
 */
export function useFits(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): boolean {
  const [fits, setFits] = useState(true);
  useLayoutEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner) return;
    const measure = () => setFits(inner.scrollWidth <= outer.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [box, content]);
  return fits;
}
