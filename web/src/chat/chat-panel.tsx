import { signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ChatAnswer } from "../api/types";
import { t } from "../i18n/i18n";
import { type ChatEntry, connection, entries, sendChat } from "./chat-connection";

const OPEN_KEY = "resync.chat.open";
/** What the operator is typing: kept across pages, a hidden panel and a session that expired meanwhile. */
const draft = signal("");
export const chatOpen = signal(localStorage.getItem(OPEN_KEY) !== "false");

function toggle() {
  chatOpen.value = !chatOpen.value;
  localStorage.setItem(OPEN_KEY, String(chatOpen.value));
}

function send(text: string) {
  const message = text.trim();
  if (message) sendChat(message);
}

/** An answer waiting for "sim"/"yes": confirmed (or not) with one click, in the language the chat asked in. */
function PendingAction({ answer }: { answer: ChatAnswer }) {
  const pending = answer.data?.pending;
  if (!pending) return null;
  const pt = answer.data?.language === "pt";
  return (
    <div class="chat-pending">
      <p>{t.value.chatPending(pending.action, pending.job_name)}</p>
      <button type="button" class="primary" onClick={() => send(pt ? "sim" : "yes")}>
        {t.value.chatConfirm}
      </button>
      <button type="button" onClick={() => send(pt ? "não" : "no")}>
        {t.value.chatDecline}
      </button>
    </div>
  );
}

function Entry({ entry, last }: { entry: ChatEntry; last: boolean }) {
  if (entry.from === "operator") {
    return (
      <li class="chat-operator">
        <span class="visually-hidden">{t.value.chatYou}: </span>
        {entry.text}
      </li>
    );
  }
  if (entry.from === "error") return <li class="chat-error">{entry.text}</li>;
  const { answer } = entry;
  const pending = last && answer.data?.pending;
  return (
    <li class="chat-resync">
      <span class="visually-hidden">{t.value.chatResync}: </span>
      <p class="chat-text">{answer.response}</p>
      {pending && <PendingAction answer={answer} />}
      {last && !pending && answer.suggestions && (
        <ul class="chat-suggestions" aria-label={t.value.chatSuggestions}>
          {answer.suggestions.map((suggestion) => (
            <li key={suggestion}>
              <button type="button" onClick={() => send(suggestion)}>
                {suggestion}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The chat, docked beside every page. */
export function ChatPanel() {
  const list = useRef<HTMLOListElement>(null);
  const count = entries.value.length;
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "end" });
  }, [count]);

  if (!chatOpen.value) {
    return (
      <aside class="chat chat-closed" aria-label={t.value.chat}>
        <button type="button" aria-expanded="false" onClick={toggle}>
          {t.value.chatShow}
        </button>
      </aside>
    );
  }
  const state = {
    open: t.value.chatConnected,
    connecting: t.value.chatConnecting,
    closed: t.value.chatDisconnected,
  }[connection.value];
  return (
    <aside class="chat" aria-labelledby="chat-title">
      <div class="chat-head">
        <h2 id="chat-title">{t.value.chat}</h2>
        <span class={`chat-state chat-${connection.value}`}>{state}</span>
        <button type="button" aria-expanded="true" onClick={toggle}>
          {t.value.chatHide}
        </button>
      </div>
      <ol class="chat-log" ref={list} aria-live="polite">
        {count === 0 && <li class="muted">{t.value.chatWelcome}</li>}
        {entries.value.map((entry, index) => (
          <Entry key={index} entry={entry} last={index === count - 1} />
        ))}
      </ol>
      <form
        class="chat-form"
        onSubmit={(event) => {
          event.preventDefault();
          send(draft.value);
          draft.value = "";
        }}
      >
        <label for="chat-input" class="visually-hidden">
          {t.value.chatMessage}
        </label>
        <input
          id="chat-input"
          autoComplete="off"
          maxLength={10_000}
          placeholder={t.value.chatPlaceholder}
          value={draft.value}
          onInput={(event) => (draft.value = event.currentTarget.value)}
        />
        <button type="submit">{t.value.send}</button>
      </form>
    </aside>
  );
}
