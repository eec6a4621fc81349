import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call } from "../api/client";
import type { Account, Role } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { user } from "../session";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ProblemText } from "../ui/problem-text";

const ROLES: Role[] = ["viewer", "operator", "admin"];
const enc = encodeURIComponent;

function CreateUser({ onCreated }: { onCreated: (account: Account) => void }) {
  const words = t.value;
  const form = useSignal({ username: "", password: "", role: "operator" as Role });
  const failure = useSignal<unknown>(null);
  return (
    <section class="panel" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{words.newUser}</h2>
      <form
        class="filters"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            onCreated(await call<Account>("/api/v1/users", { method: "POST", body: form.value }));
            form.value = { username: "", password: "", role: "operator" };
            failure.value = null;
          } catch (problem) {
            failure.value = problem;
          }
        }}
      >
        <div class="field">
          <label for="new-username">{words.username}</label>
          <input
            id="new-username"
            autoComplete="off"
            value={form.value.username}
            onInput={(event) => (form.value = { ...form.value, username: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="new-password">{words.newPassword}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={form.value.password}
            onInput={(event) => (form.value = { ...form.value, password: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="new-role">{words.role}</label>
          <select
            id="new-role"
            value={form.value.role}
            onChange={(event) => (form.value = { ...form.value, role: event.currentTarget.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {words.roles[role]}
              </option>
            ))}
          </select>
        </div>
        <div class="buttons">
          <button type="submit" class="primary">
            {words.create}
          </button>
        </div>
      </form>
      <ProblemText error={failure.value} />
    </section>
  );
}

/** Accounts (admin): create, change role, reset password, disable or enable, unlock. */
export function UsersPage() {
  const words = t.value;
  const accounts = useSignal<Account[] | undefined>(undefined);
  const failure = useSignal<unknown>(null);
  const notice = useSignal("");
  const resetting = useSignal<string | undefined>(undefined);
  const newPassword = useSignal("");

  const reload = () =>
    call<{ items: Account[] }>("/api/v1/users")
      .then((answer) => (accounts.value = answer.items))
      .catch((problem) => (failure.value = problem));

  useEffect(() => {
    void reload();
  }, []);

  async function change(username: string, body: Partial<{ role: Role; disabled: boolean; password: string }>) {
    await call<Account>(`/api/v1/users/${enc(username)}`, { method: "PATCH", body });
    notice.value = words.userSaved(username);
    failure.value = null;
    await reload();
  }
  const attempt = (work: Promise<unknown>) => work.catch((problem) => (failure.value = problem));

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{words.usersTitle}</h1>
      <p role="status" class="notice">
        {notice.value}
      </p>
      <ProblemText error={failure.value} />
      {accounts.value && (
        <table>
          <thead>
            <tr>
              <th scope="col">{words.username}</th>
              <th scope="col">{words.colRole}</th>
              <th scope="col">{words.colState}</th>
              <th scope="col">{words.colUpdated}</th>
              <th scope="col">{words.actions}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.value.map((account) => {
              const self = account.username === user.value?.username;
              return (
                <tr key={account.username}>
                  <td>{account.username}</td>
                  <td>
                    <select
                      aria-label={words.changeRoleOf(account.username)}
                      value={account.role}
                      disabled={self}
                      onChange={(event) =>
                        attempt(change(account.username, { role: event.currentTarget.value as Role }))
                      }
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {words.roles[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{account.disabled ? words.disabled : words.enabled}</td>
                  <td>{formatTime(account.updated_at, true)}</td>
                  <td class="buttons">
                    <button
                      type="button"
                      disabled={self}
                      onClick={() => attempt(change(account.username, { disabled: !account.disabled }))}
                    >
                      {account.disabled ? words.enable : words.disable}
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        newPassword.value = "";
                        resetting.value = account.username;
                      }}
                    >
                      {words.resetPassword}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        attempt(
                          call(`/api/v1/users/${enc(account.username)}/lockout`, { method: "DELETE" }).then(
                            () => (notice.value = words.unlocked(account.username)),
                          ),
                        )
                      }
                    >
                      {words.unlock}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <CreateUser
        onCreated={(account) => {
          notice.value = words.userSaved(account.username);
          void reload();
        }}
      />
      {resetting.value && (
        <ConfirmDialog
          title={`${words.resetPassword}: ${resetting.value}`}
          confirmLabel={words.save}
          onConfirm={() => change(resetting.value!, { password: newPassword.value })}
          onClose={() => (resetting.value = undefined)}
        >
          <label for="reset-password">{words.newPassword}</label>
          <input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            value={newPassword.value}
            onInput={(event) => (newPassword.value = event.currentTarget.value)}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
