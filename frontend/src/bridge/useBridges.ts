import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { UnauthorizedError, isAbortError } from "../api/errors";
import type { Bridge } from "../api/types";
import { useFetch } from "../utils/useFetch";

/** While waiting for a new bridge to connect. */
export const WATCH_INTERVAL_MS = 3_000;
/** Otherwise, to keep online/offline and "last seen" fresh. */
export const REFRESH_INTERVAL_MS = 30_000;

export type WatchState =
  | { phase: "idle" }
  | { phase: "waiting"; enrolled?: Bridge; pollError?: unknown }
  | { phase: "connected"; bridge: Bridge };

/**
 * The company's bridges, refreshed in the background; after `watchForNew()` it polls
 * every 3 s until a bridge that was not in the list at that moment is online.
 */
export function useBridges(tenantId: string) {
  const api = useApi();
  const list = useFetch((signal) => api.bridges.list(tenantId, { signal }), [api, tenantId]);
  const { data, setData } = list;
  const [watch, setWatch] = useState<WatchState>({ phase: "idle" });
  const [refreshError, setRefreshError] = useState<unknown>();
  // Ids present when the token was issued; null = unknown yet (take the next answer as the baseline).
  const known = useRef<Set<string> | null>(null);
  const [watchGeneration, setWatchGeneration] = useState(0);
  const dataRef = useRef(data);
  dataRef.current = data;

  const watchForNew = useCallback(() => {
    known.current = dataRef.current ? new Set(dataRef.current.map((b) => b.id)) : null;
    setWatch({ phase: "waiting" });
    setWatchGeneration((g) => g + 1);
  }, []);

  const waiting = watch.phase === "waiting";

  useEffect(() => {
    // Nothing to refresh before the first answer (the page shows loading / Try again),
    // but a watch started meanwhile polls anyway.
    if (data === undefined && !waiting) return;
    const controller = new AbortController();
    let timer: number | undefined;
    let stopped = false;

    const tick = async () => {
      try {
        const bridges = await api.bridges.list(tenantId, { signal: controller.signal });
        if (stopped) return;
        setData(bridges);
        setRefreshError(undefined);
        if (waiting) {
          if (known.current === null) {
            known.current = new Set(bridges.map((b) => b.id));
          } else {
            const fresh = bridges.filter((b) => !known.current!.has(b.id) && b.status === "ENROLLED");
            const online = fresh.find((b) => b.online);
            if (online) {
              setWatch({ phase: "connected", bridge: online });
              return; // the effect re-runs with the slow interval
            }
            setWatch({ phase: "waiting", enrolled: fresh[0] });
          }
        }
      } catch (e) {
        if (stopped || isAbortError(e)) return;
        if (waiting) setWatch((w) => (w.phase === "waiting" ? { ...w, pollError: e } : w));
        else setRefreshError(e);
        if (e instanceof UnauthorizedError) return; // signing in again
      }
      if (!stopped) timer = window.setTimeout(tick, waiting ? WATCH_INTERVAL_MS : REFRESH_INTERVAL_MS);
    };
    timer = window.setTimeout(tick, waiting ? WATCH_INTERVAL_MS : REFRESH_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller.abort();
    };
    // `data` only matters for "loaded yet?": polling must not restart on every answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, tenantId, waiting, watchGeneration, data === undefined, setData]);

  /** Replace one bridge in the list (e.g. after revoking it). */
  const updateBridge = useCallback(
    (bridge: Bridge) => {
      const current = dataRef.current ?? [];
      setData(current.some((b) => b.id === bridge.id) ? current.map((b) => (b.id === bridge.id ? bridge : b)) : [...current, bridge]);
    },
    [setData],
  );

  return { ...list, refreshError, watch, watchForNew, updateBridge };
}
