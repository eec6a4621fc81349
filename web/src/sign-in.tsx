import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { ApiProblem } from "./api/client";
import { t } from "./i18n/i18n";
import { expired, signIn, user } from "./session";
import { problemText } from "./ui/problem-text";

function SignInForm({ username }: { username: string }) {
  const words = t.value;
  const name = useSignal(username);
  const password = useSignal("");
  const busy = useSignal(false);
  const error = useSignal("");

  async function submit(event: Event) {
    event.preventDefault();
    if (busy.value) return;
    busy.value = true;
    error.value = "";
    try {
      await signIn(name.value.trim(), password.value);
    } catch (problem) {
      password.value = "";
      if (problem instanceof ApiProblem && problem.status === 401) error.value = words.invalidCredentials;
      else if (problem instanceof ApiProblem && problem.status === 429) error.value = words.lockedOut(problem.detail);
      else error.value = problemText(problem);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="sign-in" onSubmit={submit}>
      <div class="field">
        <label for="sign-in-username">{words.username}</label>
        <input
          id="sign-in-username"
          autoComplete="username"
          required
          value={name.value}
          onInput={(event) => (name.value = event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="sign-in-password">{words.password}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password.value}
          onInput={(event) => (password.value = event.currentTarget.value)}
        />
      </div>
      {error.value && (
        <p class="problem" role="alert">
          {error.value}
        </p>
      )}
      <button type="submit" class="primary" aria-disabled={busy.value}>
        {busy.value ? words.signingIn : words.signIn}
      </button>
    </form>
  );
}

/** The sign-in page, with where scripts and integrations go instead. */
export function SignInPage() {
  const words = t.value;
  return (
    <main id="main" class="sign-in-page">
      <h1>{words.appName}</h1>
      <p class="muted">{words.appTagline}</p>
      <section aria-labelledby="sign-in-title" class="panel">
        <h2 id="sign-in-title">{words.signInTitle}</h2>
        <SignInForm username="" />
      </section>
      <nav aria-label={words.apiLinks}>
        <h2>{words.apiLinks}</h2>
        <ul class="plain">
          <li>
            <a href="/docs/">{words.apiReference}</a>
          </li>
          <li>
            <a href="/openapi.json">{words.openapiDocument}</a>
          </li>
          <li>
            <a href="/health/ready">{words.readiness}</a>
          </li>
        </ul>
      </nav>
    </main>
  );
}

/** Over the page when the session expired: everything under it stays as it was, typed text included. */
export function SessionExpiredDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="expired-title"
      onCancel={(event) => event.preventDefault()}
      onClose={() => expired.value && dialog.current?.showModal()}
    >
      <h2 id="expired-title">{t.value.sessionExpiredTitle}</h2>
      <p>{t.value.sessionExpiredText}</p>
      <SignInForm username={user.value?.username ?? ""} />
    </dialog>
  );
}
