import { useEffect, useRef } from 'react';

/**
 * Alt+<letter> shortcuts for the page (layout-independent: matched by the physical key, so
 * Alt+S works on a Russian layout too, where the key types "ы").
 */
export function useShortcuts(actions: Record<string, () => unknown>) {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !e.code.startsWith('Key')) return;
      const action = ref.current[e.code.slice(3).toLowerCase()];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
