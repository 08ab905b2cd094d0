import { useCallback, useEffect, useRef, useState } from "react";
import { UnauthorizedError, isAbortError } from "../api/errors";

export interface RefreshBurst {
  /** Start (or restart) a burst of refreshes. */
  start: () => void;
  /** True while more refreshes are planned. */
  active: boolean;
}

/**
 * After something starts in the background (a sync run, WooCommerce's callback), refresh a
 * few times: `tick` runs every `intervalMs`, at most `times` times, until it returns true.
 * Errors are ignored (the next tick tries again), except a 401, which stops the burst.
 */
export function useRefreshBurst(
  tick: (signal: AbortSignal) => Promise<boolean>,
  { intervalMs, times }: { intervalMs: number; times: number },
): RefreshBurst {
  const [generation, setGeneration] = useState(0);
  const [active, setActive] = useState(false);
  const tickRef = useRef(tick);
  tickRef.current = tick;

  useEffect(() => {
    if (generation === 0) return;
    const controller = new AbortController();
    let timer: number | undefined;
    let left = times;
    let stopped = false;
    setActive(true);
    const run = async () => {
      left -= 1;
      let done = false;
      try {
        done = await tickRef.current(controller.signal);
      } catch (e) {
        if (stopped || isAbortError(e)) return;
        if (e instanceof UnauthorizedError) done = true;
      }
      if (stopped) return;
      if (done || left <= 0) {
        setActive(false);
        return;
      }
      timer = window.setTimeout(run, intervalMs);
    };
    timer = window.setTimeout(run, intervalMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [generation, intervalMs, times]);

  const start = useCallback(() => {
    setActive(true); // in the same render as the caller's own state changes
    setGeneration((g) => g + 1);
  }, []);
  return { start, active };
}
