import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Focus an element after the next render: e.g. a field that was disabled while a form was
 * submitting (a disabled input can't take focus until React has re-enabled it).
 */
export function useFocusLater() {
  const target = useRef<() => HTMLElement | null | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const get = target.current;
    target.current = undefined;
    get?.()?.focus();
  }, [tick]);
  return useCallback((get: () => HTMLElement | null | undefined) => {
    target.current = get;
    setTick((t) => t + 1);
  }, []);
}
