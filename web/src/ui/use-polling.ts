import { useEffect } from "preact/hooks";

/**
 * Runs `load` now and every `intervalMs` while the page is visible, never twice at once; stops on unmount.
 * Changing `key` restarts it (new filters). Returns nothing: `load` writes what it read where the page reads it.
 */
export function usePolling(load: () => Promise<unknown>, intervalMs: number, key: string) {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") await load().catch(() => undefined);
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, intervalMs]);
}
