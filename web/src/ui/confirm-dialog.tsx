import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { t } from "../i18n/i18n";
import { ProblemText } from "./problem-text";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  /** Acts; the dialog closes when it resolves and shows the problem, open, when it rejects. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
  children: ComponentChildren;
}

/**
 * A modal that says exactly what will happen before it happens. Its button acts once: later clicks, a double click
 * included, are ignored while the first one is answered (and callers send one Idempotency-Key per dialog).
 */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, danger, children }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const titleId = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function confirm() {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await onConfirm();
      // Closed as a dialog (not just removed), so the browser gives focus back to the button that opened it.
      dialog.current?.close();
    } catch (problem) {
      error.value = problem;
    } finally {
      busy.value = false;
    }
  }

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <ProblemText error={error.value} />
      <div class="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {error.value ? t.value.close : t.value.cancel}
        </button>
        {!error.value && (
          <button type="button" class={danger ? "danger" : "primary"} aria-disabled={busy.value} onClick={confirm}>
            {busy.value ? t.value.working : confirmLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
