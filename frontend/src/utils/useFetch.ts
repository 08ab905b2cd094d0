import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import { isAbortError } from "../api/errors";

export interface FetchState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Run the fetcher again (e.g. a "Try again" button). */
  reload: () => void;
  /** Replace the data locally without fetching. */
  setData: (data: T) => void;
}

/**
 * Runs `fetcher` whenever `deps` change (or `reload` is called), aborting the
 * previous run. Shared by every page that loads data.
 */
export function useFetch<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): FetchState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const lastGeneration = useRef(generation);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps showing the current data; new deps (another id) drop it.
    const isReload = lastGeneration.current !== generation;
    lastGeneration.current = generation;
    setState((s) => ({ data: isReload ? s.data : undefined, loading: true }));
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((s) => ({ data: isReload ? s.data : undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);

  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
