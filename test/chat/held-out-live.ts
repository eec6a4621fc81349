// Issue #14's second held-out set: 84 messages (42 Portuguese, 42 English) written after the fixes, from the
// simulator's live plan with its clock stopped (seed 7: GL_POSTING, HR_SYNC and BANK_RECON stuck behind an ABEND,
// ORDERS_SFTP_PARTNER and SEND_EMAIL_BLAST held, INVENTORY_SYNC on the unlinked AGT_AIX01, reruns in PAYROLL,
// ETL_DWH, CARDS_AUTH_SETTLE, ...). Each is asked through /api/chat; it is right when the intent, the language and
// every fact listed are right. held-out-live.test.ts scores them; the README keeps the first run's score.

import type { Intent } from "../../src/chat/understanding/types";

const HOUR = 3_600_000;
/** Midnight (UTC, the simulator's zone) of the engine's day, `days` away, plus `hours`. */
export const dayAt = (now: Date, days: number, hours: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days) + hours * HOUR).toISOString();
/** The latest `hh:00` not after now. */
const latest = (now: Date, hour: number) => dayAt(now, now.getUTCHours() >= hour ? 0 : -1, hour);
const monday = (now: Date) => dayAt(now, -((now.getUTCDay() + 6) % 7), 0);
/** An instant `hours` before now, to the minute (the engine's clock moves on by the cache's age). */
const hoursAgo = (now: Date, hours: number) =>
  new RegExp(new Date(now.getTime() - hours * HOUR).toISOString().slice(0, 15));

export interface HeldOutCase {
  message: string;
  language: "pt" | "en";
  /** Earlier messages of the same conversation. */
  before?: string[];
  /** Who asks; a viewer unless an action is asked for. */
  role?: "operator";
  intent: Intent;
  /** Facts the answer's `data` must hold (a partial match; a RegExp matches a string). */
  data?: Record<string, unknown> | ((now: Date) => Record<string, unknown>);
  /** An action proposed (waiting for "sim") or refused by the job's status: either way this action on this job. */
  action?: { action: string; job: string };
}

const job = (name: string) => ({ name });
const root = (name: string, kind?: string) => ({ root: kind ? { name, kind } : { name } });

export const heldOutLive: HeldOutCase[] = [
  // Portuguese
  { message: "bom dia, como tá o GL_POSTING?", language: "pt", intent: "jobstream_status", data: job("GL_POSTING") },
  {
    message: "o que trava o GL_POSTING?",
    language: "pt",
    intent: "jobstream_status",
    data: { name: "GL_POSTING", blocked_by: root("GL_POST_JOURNALS", "failed") },
  },
  {
    message: "pq o GL_TRIAL_BALANCE não começou ainda?",
    language: "pt",
    intent: "job_dependencies",
    data: { job: job("GL_TRIAL_BALANCE"), root_cause: root("GL_POST_JOURNALS", "failed") },
  },
  {
    message: "mostra o erro do GL_POST_JOURNALS",
    language: "pt",
    intent: "job_log",
    data: { job_name: "GL_POST_JOURNALS" },
  },
  {
    message: "o HR_SYNC ta preso?",
    language: "pt",
    intent: "jobstream_status",
    data: { name: "HR_SYNC", blocked_by: root("HR_EXPORT_AD", "failed") },
  },
  {
    message: "o HR_SYNC_REPORT depende de quem?",
    language: "pt",
    intent: "job_dependencies",
    data: { job: job("HR_SYNC_REPORT"), root_cause: root("HR_EXPORT_AD", "failed") },
  },
  {
    message: "quais jobs deram abend hoje?",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, 0, 0) }),
  },
  {
    message: "teve falha no PAYROLL hoje?",
    language: "pt",
    intent: "failed_jobs",
    data: { job_stream: "PAYROLL", total: 1, recovered: 1 },
  },
  {
    message: "o PAYROLL_CALC abendou?",
    language: "pt",
    intent: "job_status",
    data: { name: "PAYROLL_CALC", recovered: true, earlier_failures: [{ run: 1 }, { run: 2 }] },
  },
  {
    message: "quantas vezes o PAYROLL_CALC rodou?",
    language: "pt",
    intent: "job_status",
    data: { name: "PAYROLL_CALC", runs: 3 },
  },
  { message: "o que tá rodando agora?", language: "pt", intent: "running_now" },
  { message: "tem algum job estourando o tempo?", language: "pt", intent: "running_now" },
  {
    message: "quais estão em execução no ETL_INTRADAY?",
    language: "pt",
    intent: "jobstream_status",
    data: job("ETL_INTRADAY"),
  },
  {
    message: "a AGT_AIX01 caiu?",
    language: "pt",
    intent: "workstation_status",
    data: { workstation: { name: "AGT_AIX01", linked: false } },
  },
  {
    message: "quais máquinas estão fora do ar?",
    language: "pt",
    intent: "workstation_status",
    data: { not_linked: [{ name: "AGT_AIX01" }] },
  },
  {
    message: "o INVENTORY_SYNC não começou por quê?",
    language: "pt",
    intent: "jobstream_status",
    data: { name: "INVENTORY_SYNC", blocked_by: { root: { kind: "agent" } } },
  },
  {
    message: "libera o ORDERS_SFTP_PARTNER",
    language: "pt",
    role: "operator",
    intent: "job_action",
    action: { action: "release", job: "ORDERS_SFTP_PARTNER" },
  },
  {
    message: "segura o RPT_EXEC_DASHBOARD pra mim",
    language: "pt",
    role: "operator",
    intent: "job_action",
    action: { action: "hold", job: "RPT_EXEC_DASHBOARD" },
  },
  {
    message: "faz rerun do RECON_MATCH",
    language: "pt",
    role: "operator",
    intent: "job_action",
    action: { action: "rerun", job: "RECON_MATCH" },
  },
  { message: "o log do RECON_MATCH", language: "pt", intent: "job_log", data: { job_name: "RECON_MATCH" } },
  {
    message: "e o que ele tá esperando?",
    language: "pt",
    before: ["status do RECON_EXCEPTIONS"],
    intent: "job_dependencies",
    data: { job: job("RECON_EXCEPTIONS"), root_cause: root("RECON_MATCH", "failed") },
  },
  {
    message: "o do CARDS_CLEARING",
    language: "pt",
    before: ["qual o status do SFTP_SEND_BANK?"],
    intent: "job_status",
    data: { name: "SFTP_SEND_BANK", job_stream: "CARDS_CLEARING" },
  },
  {
    message: "status do CHECK_DISK_SPACE",
    language: "pt",
    intent: "job_status",
    data: { name: "CHECK_DISK_SPACE", status: "ABEND" },
  },
  {
    message: "o que falhou de madrugada?",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, 0, 0), until: dayAt(now, 0, 6) }),
  },
  {
    message: "abends de ontem à noite",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, -1, 18), until: dayAt(now, 0, 0) }),
  },
  {
    message: "falhas da última hora",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ since: hoursAgo(now, 1) }),
  },
  {
    message: "quais jobs falharam desde as 18h?",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ since: latest(now, 18) }),
  },
  {
    message: "o BACKUP_NAS_FULL vai demorar muito?",
    language: "pt",
    intent: "job_status",
    data: job("BACKUP_NAS_FULL"),
  },
  {
    message: "quanto tempo o LOAD_SALES_INTRADAY já tá rodando?",
    language: "pt",
    intent: "job_status",
    data: { name: "LOAD_SALES_INTRADAY", job_stream: "ETL_INTRADAY" },
  },
  { message: "o stream BI_REPORTS já terminou?", language: "pt", intent: "jobstream_status", data: job("BI_REPORTS") },
  {
    message: "o RPT_DISTRIBUTE_EMAIL tá esperando o quê?",
    language: "pt",
    intent: "job_dependencies",
    data: { job: job("RPT_DISTRIBUTE_EMAIL") },
  },
  {
    message: "e o CRM_CAMPAIGNS, vai rodar que horas?",
    language: "pt",
    intent: "jobstream_status",
    data: job("CRM_CAMPAIGNS"),
  },
  {
    message: "alguém segurou o SEND_EMAIL_BLAST?",
    language: "pt",
    intent: "job_status",
    data: { name: "SEND_EMAIL_BLAST", held_by_operator: true },
  },
  {
    message: "<i>VERIFY_BACKUP</i> tá parado pq?",
    language: "pt",
    intent: "job_dependencies",
    data: { job: job("VERIFY_BACKUP"), root_cause: root("BACKUP_NAS_FULL", "running") },
  },
  { message: "previsão do tempo pra amanhã?", language: "pt", intent: "unknown" },
  { message: "me ajuda, o que vc consegue responder?", language: "pt", intent: "help" },
  {
    message: "o job INTRADAY_PUBLISH tá travado?",
    language: "pt",
    intent: "job_dependencies",
    data: { job: job("INTRADAY_PUBLISH"), root_cause: { root: { kind: "running" } } },
  },
  {
    message: "qual a situação do COMPLIANCE_AML?",
    language: "pt",
    intent: "jobstream_status",
    data: job("COMPLIANCE_AML"),
  },
  {
    message: "o FTA_SAP01 tá linkado?",
    language: "pt",
    intent: "workstation_status",
    data: { workstation: { name: "FTA_SAP01", linked: true } },
  },
  {
    message: "quais jobs abendaram essa semana no HR_SYNC?",
    language: "pt",
    intent: "failed_jobs",
    data: (now) => ({ job_stream: "HR_SYNC", since: monday(now), total: 1 }),
  },
  {
    message: "cancela o INVOICE_SELECT",
    language: "pt",
    role: "operator",
    intent: "job_action",
    action: { action: "cancel", job: "INVOICE_SELECT" },
  },
  { message: "o CARDS_AUTH_REPORT tá atrasado?", language: "pt", intent: "job_status", data: job("CARDS_AUTH_REPORT") },

  // English
  { message: "what's going on with GL_POSTING?", language: "en", intent: "jobstream_status", data: job("GL_POSTING") },
  {
    message: "why is GL_POSTING_REPORT stuck?",
    language: "en",
    intent: "job_dependencies",
    data: { job: job("GL_POSTING_REPORT"), root_cause: root("GL_POST_JOURNALS", "failed") },
  },
  {
    message: "is the HR_SYNC stream blocked?",
    language: "en",
    intent: "jobstream_status",
    data: { name: "HR_SYNC", blocked_by: root("HR_EXPORT_AD", "failed") },
  },
  { message: "show me why HR_EXPORT_AD failed", language: "en", intent: "job_log", data: { job_name: "HR_EXPORT_AD" } },
  {
    message: "what's holding up INV_LOAD?",
    language: "en",
    intent: "job_dependencies",
    data: { job: job("INV_LOAD"), root_cause: { root: { kind: "agent" } } },
  },
  {
    message: "list today's failures",
    language: "en",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, 0, 0) }),
  },
  {
    message: "did anything fail in CARDS_AUTH_SETTLE?",
    language: "en",
    intent: "failed_jobs",
    data: { job_stream: "CARDS_AUTH_SETTLE", total: 3, recovered: 3 },
  },
  {
    message: "did STAGE_LOAD have problems today?",
    language: "en",
    intent: "job_status",
    data: { name: "STAGE_LOAD", recovered: true },
  },
  { message: "what's running right now?", language: "en", intent: "running_now" },
  { message: "anything overdue?", language: "en", intent: "running_now" },
  { message: "how many jobs are running?", language: "en", intent: "running_now" },
  {
    message: "is AGT_WIN01 up?",
    language: "en",
    intent: "workstation_status",
    data: { workstation: { name: "AGT_WIN01", linked: true } },
  },
  {
    message: "which agents are offline?",
    language: "en",
    intent: "workstation_status",
    data: { not_linked: [{ name: "AGT_AIX01" }] },
  },
  {
    message: "release ORDERS_SFTP_PARTNER please",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "release", job: "ORDERS_SFTP_PARTNER" },
  },
  {
    message: "put SEND_EMAIL_BLAST on hold",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "hold", job: "SEND_EMAIL_BLAST" },
  },
  {
    message: "kill BACKUP_NAS_FULL",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "kill", job: "BACKUP_NAS_FULL" },
  },
  {
    message: "rerun CHECK_DISK_SPACE",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "rerun", job: "CHECK_DISK_SPACE" },
  },
  {
    message: "and its predecessors?",
    language: "en",
    before: ["status of RECON_REPORT"],
    intent: "job_dependencies",
    data: { job: job("RECON_REPORT"), predecessors: [{ name: "RECON_EXCEPTIONS" }] },
  },
  {
    message: "the PAYROLL one",
    language: "en",
    before: ["show the log of SFTP_SEND_BANK"],
    intent: "job_log",
    data: { job_name: "SFTP_SEND_BANK" },
  },
  {
    message: "what failed overnight?",
    language: "en",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, -1, 18), until: dayAt(now, 0, 6) }),
  },
  { message: "failures since 7pm", language: "en", intent: "failed_jobs", data: (now) => ({ since: latest(now, 19) }) },
  {
    message: "abends in the last 2 hours",
    language: "en",
    intent: "failed_jobs",
    data: (now) => ({ since: hoursAgo(now, 2) }),
  },
  {
    message: "what broke this afternoon?",
    language: "en",
    intent: "failed_jobs",
    data: (now) => ({ since: dayAt(now, 0, 12), until: dayAt(now, 0, 18) }),
  },
  { message: "is BI_REPORTS done?", language: "en", intent: "jobstream_status", data: job("BI_REPORTS") },
  {
    message: "how long has RPT_STOCK_LEVELS been running?",
    language: "en",
    intent: "job_status",
    data: job("RPT_STOCK_LEVELS"),
  },
  { message: "when will VERIFY_BACKUP start?", language: "en", intent: "job_status", data: job("VERIFY_BACKUP") },
  {
    message: "what does CARDS_AUTH_REPORT wait for?",
    language: "en",
    intent: "job_dependencies",
    data: { job: job("CARDS_AUTH_REPORT"), root_cause: root("CARDS_SETTLE", "running") },
  },
  {
    message: "status of the INVENTORY_SYNC job stream",
    language: "en",
    intent: "jobstream_status",
    data: job("INVENTORY_SYNC"),
  },
  { message: "RECON_MATCH error?", language: "en", intent: "job_log", data: { job_name: "RECON_MATCH" } },
  { message: "tell me about LOAD_SALES_FACT", language: "en", intent: "job_status", data: job("LOAD_SALES_FACT") },
  { message: "was PAYROLL_CALC rerun?", language: "en", intent: "job_status", data: { name: "PAYROLL_CALC", runs: 3 } },
  {
    message: "<b>HR_EXPORT_AD</b> status",
    language: "en",
    intent: "job_status",
    data: { name: "HR_EXPORT_AD", status: "ABEND" },
  },
  { message: "will it rain tomorrow in London?", language: "en", intent: "unknown" },
  { message: "what can you do?", language: "en", intent: "help" },
  {
    message: "is ETL_INTRADAY stuck?",
    language: "en",
    intent: "jobstream_status",
    data: { name: "ETL_INTRADAY", blocked_by: null },
  },
  {
    message: "what is CARDS_SETTLE doing?",
    language: "en",
    intent: "job_status",
    data: { name: "CARDS_SETTLE", status: "EXEC" },
  },
  {
    message: "has SAP_FI_OPEN finished?",
    language: "en",
    intent: "jobstream_status",
    data: { name: "SAP_FI_OPEN", status: "SUCC" },
  },
  { message: "did the PAYROLL stream complete ok?", language: "en", intent: "jobstream_status", data: job("PAYROLL") },
  {
    message: "which jobs failed this week in GL_POSTING?",
    language: "en",
    intent: "failed_jobs",
    data: (now) => ({ job_stream: "GL_POSTING", since: monday(now), total: 1 }),
  },
  {
    message: "cancel INVOICE_ARCHIVE",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "cancel", job: "INVOICE_ARCHIVE" },
  },
  {
    message: "hold RISK_REPORT",
    language: "en",
    role: "operator",
    intent: "job_action",
    action: { action: "hold", job: "RISK_REPORT" },
  },
  { message: "what's the RC of CHECK_AGENTS?", language: "en", intent: "job_status", data: job("CHECK_AGENTS") },
];
