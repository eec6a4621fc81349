import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { t } from "../i18n/i18n";
import { logLines, nearbyError } from "./log-lines";

/** Every line is one row of this height (CSS: .log-line), so a line's place is its index times it. */
const LINE_PX = 20;
/** Lines drawn above and below the visible ones, so that scrolling never shows a gap. */
const OVERSCAN = 30;
/** The viewport's height in lines (CSS: .log-view is LINE_PX times this). */
const VISIBLE_LINES = 24;

/**
 * A job log of any size: only the lines in view are in the page (a 5 MB log of 100,000 lines draws ~85), error
 * lines highlighted, n / p (or the buttons) jump to the next / previous error, and the whole log can be copied.
 */
export function LogViewer({ text, label }: { text: string; label: string }) {
  const { lines, errors } = useMemo(() => logLines(text), [text]);
  const errorSet = useMemo(() => new Set(errors), [errors]);
  const view = useRef<HTMLElement>(null);
  const top = useSignal(0);
  const currentError = useSignal<number | undefined>(undefined);
  const note = useSignal("");

  const first = Math.max(0, Math.floor(top.value / LINE_PX) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil(top.value / LINE_PX) + VISIBLE_LINES + OVERSCAN);

  function jump(direction: 1 | -1) {
    const from = currentError.value ?? (direction === 1 ? Math.floor(top.value / LINE_PX) - 1 : lines.length);
    const line = nearbyError(errors, from, direction);
    if (line === undefined || !view.current) return;
    currentError.value = line;
    view.current.scrollTop = Math.max(0, (line - Math.floor(VISIBLE_LINES / 3)) * LINE_PX);
    top.value = view.current.scrollTop;
    note.value = t.value.errorPosition(errors.indexOf(line) + 1, errors.length);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      note.value = t.value.copied;
    } catch {
      note.value = t.value.copyFailed;
    }
  }

  const rows = [];
  for (let index = first; index < last; index += 1) {
    const classes = [
      "log-line",
      errorSet.has(index) ? "log-error" : "",
      currentError.value === index ? "log-current" : "",
    ];
    rows.push(
      <div key={index} class={classes.join(" ").trim()}>
        <span class="log-number" aria-hidden="true">
          {index + 1}
        </span>
        {lines[index]}
      </div>,
    );
  }

  return (
    <div class="log-viewer">
      <div class="log-tools">
        <span class="muted">{t.value.logLines(lines.length, errors.length)}</span>
        <button type="button" onClick={() => jump(-1)} disabled={errors.length === 0}>
          {t.value.previousError}
        </button>
        <button type="button" onClick={() => jump(1)} disabled={errors.length === 0}>
          {t.value.nextError}
        </button>
        <button type="button" onClick={copy}>
          {t.value.copyLog}
        </button>
        <span class="muted" role="status">
          {note.value}
        </span>
      </div>
      {lines.length === 0 ? (
        <p>{t.value.emptyLog}</p>
      ) : (
        <section
          ref={view}
          class="log-view"
          aria-label={`${label}. ${t.value.logKeys}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
          tabIndex={0}
          onScroll={(event) => (top.value = event.currentTarget.scrollTop)}
          onKeyDown={(event) => {
            if (event.key === "n" || event.key === "p") {
              event.preventDefault();
              jump(event.key === "n" ? 1 : -1);
            }
          }}
        >
          <div class="log-space" style={{ height: `${lines.length * LINE_PX}px` }}>
            <div class="log-lines" style={{ transform: `translateY(${first * LINE_PX}px)` }}>
              {rows}
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
