import { useSignalEffect } from "@preact/signals";
import { AuditPage } from "./admin/audit-page";
import { MaintenancePage } from "./admin/maintenance-page";
import { UsersPage } from "./admin/users-page";
import { connectChat, disconnectChat } from "./chat/chat-connection";
import { ChatPanel } from "./chat/chat-panel";
import { EnginePicker } from "./engines/engine-picker";
import { engines, loadEngines } from "./engines/engines";
import { chooseLanguage, type Language, language, languages, t } from "./i18n/i18n";
import { JobBoard } from "./jobs/board";
import { JobPage } from "./jobs/job-detail";
import { route } from "./router";
import type { Route } from "./routes";
import { expired, isAdmin, signOut, user } from "./session";
import { SessionExpiredDialog, SignInPage } from "./sign-in";
import { RunPage } from "./workflows/run-page";
import { WorkflowEditor } from "./workflows/workflow-editor";
import { WorkflowList } from "./workflows/workflow-list";
import { WorkflowPage } from "./workflows/workflow-page";

const ADMIN_PAGES = new Set<Route["page"]>(["audit", "users", "maintenance", "workflow-edit"]);

function Page({ current }: { current: Route }) {
  if (ADMIN_PAGES.has(current.page) && !isAdmin.value) return <p>{t.value.notFound}</p>;
  switch (current.page) {
    case "board":
      return <JobBoard engine={current.engine} />;
    case "job":
      return <JobPage id={current.id} engine={current.engine} />;
    case "workflows":
      return <WorkflowList />;
    case "workflow":
      return <WorkflowPage id={current.id} />;
    case "workflow-edit":
      return <WorkflowEditor key={String(current.id)} id={current.id} />;
    case "run":
      return <RunPage id={current.id} />;
    case "audit":
      return <AuditPage />;
    case "users":
      return <UsersPage />;
    case "maintenance":
      return <MaintenancePage />;
    default:
      return (
        <p>
          {t.value.notFound} <a href="#/">{t.value.backToJobs}</a>
        </p>
      );
  }
}

function LanguageSwitch() {
  return (
    <fieldset class="language">
      <legend class="visually-hidden">{t.value.language}</legend>
      {(Object.keys(languages) as Language[]).map((choice) => (
        <button
          type="button"
          key={choice}
          lang={choice}
          aria-pressed={language.value === choice}
          onClick={() => chooseLanguage(choice)}
        >
          {languages[choice].languageName}
        </button>
      ))}
    </fieldset>
  );
}

function NavLink({ page, href, label }: { page: Route["page"][]; href: string; label: string }) {
  const here = page.includes(route.value.page);
  return (
    <li>
      <a href={href} aria-current={here ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
}

export function App() {
  const words = t.value;
  useSignalEffect(() => {
    if (user.value && !expired.value) connectChat();
    if (user.value === null) disconnectChat();
  });
  useSignalEffect(() => {
    if (user.value) void loadEngines();
    else engines.value = [];
  });

  if (user.value === undefined) return <p class="loading">{words.loading}</p>;
  if (user.value === null) {
    return (
      <>
        <header class="top">
          <LanguageSwitch />
        </header>
        <SignInPage />
      </>
    );
  }
  return (
    <>
      <a class="skip" href="#main">
        {words.skipToContent}
      </a>
      <header class="top">
        <a class="brand" href="#/">
          {words.appName}
        </a>
        <nav aria-label={words.nav}>
          <ul>
            <NavLink page={["board", "job"]} href="#/" label={words.navJobs} />
            <NavLink
              page={["workflows", "workflow", "workflow-edit", "run"]}
              href="#/workflows"
              label={words.navWorkflows}
            />
            {isAdmin.value && <NavLink page={["audit"]} href="#/audit" label={words.navAudit} />}
            {isAdmin.value && <NavLink page={["users"]} href="#/users" label={words.navUsers} />}
            {isAdmin.value && <NavLink page={["maintenance"]} href="#/maintenance" label={words.navMaintenance} />}
          </ul>
        </nav>
        <EnginePicker />
        <LanguageSwitch />
        <span class="who">
          {words.signedInAs(user.value.username, words.roles[user.value.role] ?? user.value.role)}
        </span>
        <button type="button" onClick={() => void signOut()}>
          {words.signOut}
        </button>
      </header>
      <div class="layout">
        <main id="main" tabIndex={-1}>
          <Page current={route.value} />
        </main>
        <ChatPanel />
      </div>
      {expired.value && <SessionExpiredDialog />}
    </>
  );
}
