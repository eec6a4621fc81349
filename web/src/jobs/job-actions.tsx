import { useSignal } from "@preact/signals";
import { refusal } from "../../../src/jobs/action-rules";
import { call, newIdempotencyKey } from "../api/client";
import type { JobActionName, JobDetail } from "../api/types";
import { onEngine, severalEngines, shownEngine } from "../engines/engines";
import { t } from "../i18n/i18n";
import { ConfirmDialog } from "../ui/confirm-dialog";

const ACTIONS: JobActionName[] = ["hold", "release", "rerun", "cancel", "kill", "confirm-succ", "confirm-abend"];
const DANGEROUS = new Set<JobActionName>(["cancel", "kill", "confirm-succ", "confirm-abend"]);

interface Pending {
  action: JobActionName;
  /** One key per decision: a second click of the same dialog replays the first answer instead of acting again. */
  key: string;
}

/**
 * The operator's actions on a job. Each opens a dialog that says what HWA will do; the action's rules (the API's
 * own, src/jobs/action-rules.ts) leave the buttons that cannot work in the job's status disabled, with why. A
 * status that changed meanwhile gets the API's 409 with its reason, in the dialog. With several engines the dialog
 * names the one HWA acts on.
 */
export function JobActions(props: { job: JobDetail; engine: string | undefined; onDone: (message: string) => void }) {
  const { job, engine, onDone } = props;
  const pending = useSignal<Pending | undefined>(undefined);
  const reason = useSignal("");
  const words = t.value;
  const run = job.runs.find((r) => r.last_in_rerun_chain)?.run_id ?? job.run_id ?? words.none;

  async function act({ action, key }: Pending) {
    await call(onEngine(engine, `/api/v1/jobs/${encodeURIComponent(job.id)}/actions/${action}`), {
      method: "POST",
      idempotencyKey: key,
      body: reason.value.trim() ? { reason: reason.value.trim() } : {},
    });
    onDone(words.actionDone(words.actionNames[action], job.name));
  }

  return (
    <section aria-labelledby="actions-title" class="panel">
      <h2 id="actions-title">{words.actions}</h2>
      <div class="action-buttons">
        {ACTIONS.map((action) => {
          const refused = refusal(job, job.status, action);
          return (
            <button
              type="button"
              key={action}
              class={DANGEROUS.has(action) ? "danger-outline" : ""}
              disabled={refused !== undefined}
              title={refused ? words.notAllowedNow(job.status ?? "?") : undefined}
              onClick={() => {
                reason.value = "";
                pending.value = { action, key: newIdempotencyKey() };
              }}
            >
              {words.actionNames[action]}
            </button>
          );
        })}
      </div>
      {pending.value && (
        <ConfirmDialog
          title={words.actionTitle(words.actionNames[pending.value.action], job.name)}
          confirmLabel={words.confirmAction(words.actionNames[pending.value.action])}
          danger={DANGEROUS.has(pending.value.action)}
          onConfirm={() => act(pending.value!)}
          onClose={() => (pending.value = undefined)}
        >
          <p>{words.actionEffect[pending.value.action](job.name)}</p>
          <p>{words.actionWhere(job.job_stream ?? words.none, job.workstation ?? words.none, run)}</p>
          {severalEngines.value && shownEngine.value && <p>{words.actionEngine(shownEngine.value)}</p>}
          <p class="muted">{words.actionOnce}</p>
          <label for="action-reason">{words.reason}</label>
          <textarea
            id="action-reason"
            rows={2}
            maxLength={500}
            value={reason.value}
            onInput={(event) => (reason.value = event.currentTarget.value)}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
