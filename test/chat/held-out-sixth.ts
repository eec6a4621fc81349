// A sixth held-out set for the chat, written from the simulator's live plan (seed 7, clock stopped, as
// test/helpers/stack-setup.ts starts it), the README's Chat section, docs/api.md and the answers' data shapes
// (src/chat/answers/**) only. Its author did not read src/chat/understanding/, src/chat/intents/,
// src/chat/conversation.ts, the understanding corpus and its tests, held-out.ts, held-out-live.ts, or the third,
// fourth and fifth sets' messages (held-out-third.ts from line 292, held-out-fourth.ts's cases, held-out-fifth.ts
// after its header); from the earlier sets only their framework is used (types, matchers, periods, failedIn from
// held-out-third.ts; the fact helpers and case builders of held-out-facts.ts) and the runner (held-out-runner.ts).
// Every expectation was decided before the first run, which nobody has made yet. The messages are new phrasings, as
// typed on shift: Portuguese without accents, with slang, abbreviations and typos; English, some of it non-native.
// See held-out-sixth.test.ts for how it is asked and scored.
//
// How the facts were read: `HWA_SEED=7 HWA_TIME_SCALE=0 node dev/hwa-simulator/cli.mjs`, then its REST API V2
// (/plan/job, /plan/job/{id}/predecessors|successors, /plan/job/run/{id}/joblog, /plan/jobstream,
// /plan/workstation, /__control/clock) with curl. The engine's clock stands 10 h 30 min after the production day's
// start, on a half hour that depends on the real time of the run (22:30 UTC when this was written), so no clock time
// is asserted except through the framework's `periods` (relative to the engine's now). Plan facts relied on:
// - failed now: RECON_MATCH (BANK_RECON, ABEND RC 1; log of 54 lines, line 49 "ORA-00060: deadlock detected while
//   waiting for resource"), GL_POST_JOURNALS (GL_POSTING, RC 8; "ABAP runtime error TIME_OUT in program
//   ZGL_POST_JOURNALS"), HR_EXPORT_AD (HR_SYNC, on AGT_WIN01, RC 12; line 50 "The system cannot find the path
//   specified."), CHECK_DISK_SPACE of the HOURLY_HEALTH instance under way (RC 127; "input file
//   /data/in/check_disk_space_….dat not found");
// - failed, then rerun successfully: STAGE_LOAD (RC 2), LOAD_SALES_FACT (RC 2) of ETL_DWH; AGG_SALES_MONTHLY (RC 1,
//   DWH_AGGREGATES); PAYROLL_CALC (RC 12, RC 8, then SUCC: 3 runs); CARDS_FETCH_AUTH_ACQ_01/03/05 (RC 2, 1, 127);
//   SAP_FI_OPEN_CHECK; the CHECK_AGENTS of an earlier HOURLY_HEALTH instance (the instance under way ran it once);
// - held by an operator (HOLD, priority 0): ORDERS_SFTP_PARTNER (ORDERS_EXPORT), SEND_EMAIL_BLAST (CRM_CAMPAIGNS);
//   cancelled: RPT_MARGIN (BI_REPORTS);
// - running (17): ETL_INTRADAY 9, BI_REPORTS 6 (RPT_REGION_02, RPT_REGION_05 among them), CARDS_AUTH_SETTLE 1
//   (CARDS_SETTLE, log of 36 lines), BACKUP_FILES 1 (BACKUP_NAS_FULL, log of 1,054 lines); none past its estimate
//   by 10% and a minute; LOAD_STORE_SALES_04 (ETL_INTRADAY) ended SUCC;
// - READY on the unlinked agent AGT_AIX01 (active states INSTALLED only): INV_EXTRACT_STORE_001…012 of
//   INVENTORY_SYNC, on which INV_MERGE (12 predecessors) → INV_LOAD → INV_REPORT wait; the 6 other workstations
//   (MASTER, AGT_LNX01, AGT_LNX02, AGT_WIN01, POOL_ETL, FTA_SAP01) have LINKED among their active states: 7 in all;
// - streams (HWA's counts: total, successful, running, abended, not running): BANK_RECON STUCK 5/2/0/1/2, GL_POSTING
//   STUCK, HR_SYNC STUCK 4/2/0/1/1, BI_REPORTS EXEC 13/4/6/0/2, ETL_INTRADAY EXEC 16/6/9/0/1, CARDS_AUTH_SETTLE EXEC
//   8/6/1/0/1, ORDERS_EXPORT EXEC, INVENTORY_SYNC READY 15/0/0/0/15, PAYROLL SUCC 19/19/0/0/0;
// - dependencies: LOAD_STATEMENTS → RECON_MATCH → RECON_EXCEPTIONS → RECON_REPORT; GL_POST_JOURNALS →
//   GL_TRIAL_BALANCE; HR_EXPORT_AD, HR_EXPORT_BADGES → HR_SYNC_REPORT; PAYROLL_CALC → PAYROLL_TAX, PAYROLL_BENEFITS;
//   ORDERS_SFTP_PARTNER → ORDERS_ARCHIVE; BACKUP_NAS_FULL → VERIFY_BACKUP; CARDS_SETTLE → CARDS_AUTH_REPORT;
//   HR_EXPORT_AD → HR_SYNC_REPORT only; CHECK_AGENTS (SUCC), CHECK_DISK_SPACE (ABEND) → CHECK_QUEUE_DEPTH of the
//   instance under way; the 11 BI_REPORTS reports → RPT_EXEC_DASHBOARD; the 14 loads of ETL_INTRADAY →
//   INTRADAY_PUBLISH;
// - names in several streams: LOAD (ETL_DWH done; DWH_NIGHTLY not started), SAP_FX_REVALUATION (SAP_FI_OPEN done;
//   SAP_FI_CLOSE not started), SFTP_SEND_BANK (PAYROLL done; SUPPLIER_PAYMENTS, CARDS_CLEARING not started): none
//   under way, so listed back; INTRADAY_EXTRACT and INTRADAY_PUBLISH (ETL_INTRADAY under way, ETL_INTRADAY_PM not
//   started) and CHECK_AGENTS / CHECK_QUEUE_DEPTH (12 HOURLY_HEALTH instances, one under way): the one under way.
//
// What `data` holds was read in src/chat/answers/ (job-status, job-log, failed-jobs, job-stream, workstation,
// dependencies, running-now, actions, names, help): the facts below are partial matches on those shapes.
//
// Shared simulator: other test files force jobs outside the story's streams into other statuses for a while
// (test/helpers/borrowed-jobs.ts), so statuses are asserted only for jobs of the story's streams; elsewhere only
// names and streams. Running counts are asserted per story stream, the total only as more than 16.
// Confirmed actions: two holds, each on a job no file of test/ names (grep of test/ before choosing):
// LOAD_REGION_AGG_03 (DWH_NIGHTLY, waiting) and INVOICE_RENDER_BATCH_07 (INVOICE_PRINT, waiting), each released by a
// later case of this set (a release of a waiting job is accepted by the simulator whether or not the hold happened).
// Other actions are proposed and not confirmed (they expire), declined, refused by the job's status when proposed
// (a cancel of a running job, a kill of an ended one: README, nothing pending), or asked by a viewer; none changes
// the plan.
//
// Where the README leaves a reading open, the decision is noted at the case and less is asserted:
// - "de madrugada" without "essa" is taken as "essa madrugada" (00:00–06:00, or last night's when not begun);
// - "da semana" is "esta semana"; "a tarde" without "hoje" is today's afternoon (12:00–18:00);
// - a follow-up that only changes the period ("e ontem?") keeps the failed-jobs question;
// - a bare "yes" with nothing pending is a job action (the answers have `nothing_pending`); only the intent is
//   asserted;
// - "which box does X run on" is X's status (it names a job, not a workstation), asserting its workstation;
// - "o segundo"/ordinal picks are not used: the order of the listed candidates is not documented;
// - a job log's `data` has no stream: after a pick, only the job's name is asserted.

import {
  after,
  en,
  failedAbout,
  lastWeek,
  operator,
  priority,
  pt,
  returnCode,
  says,
  text,
  unlinked,
  linked,
  noneLate,
} from "./held-out-facts";
import { type Fact, failedIn, m, periods, type ThirdCase } from "./held-out-third";

// ---------------------------------------------------------------------------------------------------------------
// Facts used by several cases.

const errorLinesFound: Fact = {
  say: "error_lines_found > 0",
  test: (d) =>
    typeof (d as { error_lines_found?: unknown })?.error_lines_found === "number" &&
    (d as { error_lines_found: number }).error_lines_found > 0,
};
const invExtract = /^INV_EXTRACT_STORE_0(0[1-9]|1[0-2])$/;
const rootCause = (name: string | RegExp, kind: string, extra: Record<string, unknown> = {}) => ({
  root_cause: { root: { name, kind, ...extra } },
});
const blockedBy = (name: string | RegExp, kind: string, extra: Record<string, unknown> = {}) => ({
  blocked_by: { root: { name, kind, ...extra } },
});
const pending = (action: string, job: string, stream?: string) => ({
  pending: { action, job_name: job, ...(stream ? { job_stream: stream } : {}) },
});
const outcome = (kind: string, action: string, job: string, more: Record<string, unknown> = {}) => ({
  outcome: kind,
  action,
  job_name: job,
  ...more,
});
const forbidden = { outcome: "forbidden", role: "viewer" };
const runningStreams = m.has({ job_stream: "ETL_INTRADAY", count: 9 }, { job_stream: "BI_REPORTS", count: 6 });
const agentWaits = m.has({ workstation: "AGT_AIX01", count: 12 });
const earlier = (...codes: number[]) => codes.map((rc) => ({ return_code: rc }));

// ---------------------------------------------------------------------------------------------------------------
// Portuguese: 62 messages.

const portuguese: ThirdCase[] = [
  // Status.
  pt("job_status", "status", "RECON_MATCH ta de pe ou caiu?", [returnCode(1)], {
    data: { name: "RECON_MATCH", job_stream: "BANK_RECON", status: "ABEND", return_code: 1 },
  }),
  pt("job_status", "status", "blz, e o PAYROLL_TAX, ja terminou?", [], {
    data: { name: "PAYROLL_TAX", job_stream: "PAYROLL", status: "SUCC" },
  }),
  pt("job_status", "status", "situacao do GL_POST_JOURNALS pfv", [], {
    data: { name: "GL_POST_JOURNALS", status: "ABEND", return_code: 8 },
  }),
  pt("job_status", "status", "o ORDERS_SFTP_PARTNER ta em hold por alguem?", [priority(0)], {
    data: { name: "ORDERS_SFTP_PARTNER", status: "HOLD", held_by_operator: true, priority: 0 },
  }),
  pt("job_status", "status", "LOAD_STORE_SALES_04 ja acabou?", [], {
    data: { name: "LOAD_STORE_SALES_04", job_stream: "ETL_INTRADAY", status: "SUCC" },
  }),
  pt("job_status", "status", "stauts do PAYROL_CALC", [], { data: { name: "PAYROLL_CALC", status: "SUCC" } }),
  pt("job_status", "status", "como esta o recon match agora", [], {
    data: { name: "RECON_MATCH", status: "ABEND" },
  }),
  pt("job_status", "status", "o RPT_REGION_05 ainda ta rodando?", [], {
    data: { name: "RPT_REGION_05", job_stream: "BI_REPORTS", status: "EXEC" },
  }),
  pt("job_status", "status", "e o CARDS_AUTH_REPORT, ja rodou?", [], {
    data: { name: "CARDS_AUTH_REPORT", job_stream: "CARDS_AUTH_SETTLE", status: "HOLD", held_by_operator: false },
  }),
  // Run history: an action word of the past, and how many times.
  pt("job_status", "history", "teve q dar rerun no STAGE_LOAD hj?", [], {
    data: { name: "STAGE_LOAD", status: "SUCC", runs: 2, earlier_failures: earlier(2), recovered: true },
  }),
  pt("job_status", "history", "PAYROLL_CALC caiu quantas vezes hj?", [], {
    data: { name: "PAYROLL_CALC", runs: 3, earlier_failures: earlier(12, 8), recovered: true },
  }),
  pt("job_status", "history", "o CARDS_FETCH_AUTH_ACQ_03 foi reprocessado?", [], {
    data: { name: "CARDS_FETCH_AUTH_ACQ_03", runs: 2, earlier_failures: earlier(1), recovered: true },
  }),
  // Names in several streams.
  pt("job_status", "disambiguation", "como ta o SAP_FX_REVALUATION?", says("SAP_FI_OPEN", "SAP_FI_CLOSE"), {
    data: { candidates: m.length(2) },
  }),
  pt("job_status", "disambiguation", "o do DWH_NIGHTLY", [], {
    ...after("status do LOAD"),
    data: { name: "LOAD", job_stream: "DWH_NIGHTLY" },
  }),
  // The HOURLY_HEALTH instance under way ran CHECK_AGENTS once, successfully (an earlier instance needed a rerun).
  pt("job_status", "disambiguation", "CHECK_AGENTS rodou blz?", [], {
    data: { name: "CHECK_AGENTS", job_stream: "HOURLY_HEALTH", status: "SUCC", runs: 1 },
  }),
  // Logs.
  pt("job_log", "log", "cade o log do HR_EXPORT_AD", [text(/cannot find the path/)], {
    data: { job_name: "HR_EXPORT_AD" },
  }),
  pt("job_log", "log", "pq o GL_POST_JOURNALS deu pau?", [text(/TIME_OUT/), errorLinesFound], {
    data: { job_name: "GL_POST_JOURNALS" },
  }),
  pt("job_log", "log", "qual foi o erro do CHECK_DISK_SPACE", [text(/check_disk_space_\d*\.dat not found/)], {
    data: { job_name: "CHECK_DISK_SPACE" },
  }),
  pt("job_log", "log", "joga o log do CARDS_SETTLE aqui", [], {
    data: { job_name: "CARDS_SETTLE", lines_total: 36 },
  }),
  pt("job_log", "follow-up", "e o log dele?", [], {
    ...after("status do RECON_MATCH"),
    data: { job_name: "RECON_MATCH", error_lines: m.has({ line: 49, text: /ORA-00060/ }) },
  }),
  // Failures in a window.
  pt("failed_jobs", "failed", "oq abendou nas ultimas 4 hrs?", [], { data: failedAbout(periods.lastHours(4)) }),
  pt("failed_jobs", "failed", "teve falha hj?", [], { data: failedIn(periods.today()) }),
  pt("failed_jobs", "failed", "jobs com erro desde as 18h", [], { data: failedIn(periods.since(18)) }),
  pt("failed_jobs", "failed", "quais deram erro ontem a noite?", [], {
    data: failedIn(periods.yesterdayEvening(), { checkUntil: true }),
  }),
  // "a tarde" without "hoje": today's afternoon (a part not begun yet is the last one).
  pt("failed_jobs", "failed", "alguma falha a tarde?", [], {
    data: failedIn(periods.partOfToday(12, 18), { checkUntil: true }),
  }),
  pt("failed_jobs", "failed", "falhou algo no PAYROLL hj?", [], {
    data: failedIn(periods.today(), { stream: "PAYROLL" }),
  }),
  // "da semana": this week.
  pt("failed_jobs", "failed", "lista os abends da semana", [], { data: failedIn(periods.thisWeek()) }),
  // A follow-up that changes only the period keeps the question.
  pt("failed_jobs", "follow-up", "e ontem?", [], {
    ...after("quais jobs falharam hoje?"),
    data: failedIn(periods.yesterday(), { checkUntil: true }),
  }),
  // "de madrugada": "essa madrugada" (00:00–06:00).
  pt("failed_jobs", "failed", "teve abend de madrugada?", [], {
    data: failedIn(periods.partOfToday(0, 6), { checkUntil: true }),
  }),
  // Streams.
  pt("jobstream_status", "stream", "como ta o BANK_RECON?", [], {
    data: {
      name: "BANK_RECON",
      status: "STUCK",
      jobs: { total: 5, successful: 2, abended: 1 },
      abended: m.has({ name: "RECON_MATCH" }),
    },
  }),
  pt("jobstream_status", "stream", "o HR_SYNC ta travado pq?", [], {
    data: { name: "HR_SYNC", ...blockedBy("HR_EXPORT_AD", "failed") },
  }),
  pt("jobstream_status", "stream", "ORDERS_EXPORT ta parado?", [], {
    data: { name: "ORDERS_EXPORT", ...blockedBy("ORDERS_SFTP_PARTNER", "held") },
  }),
  pt("jobstream_status", "stream", "stream PAYROLL ja fechou?", [], {
    data: { name: "PAYROLL", status: "SUCC", jobs: { total: 19, successful: 19 } },
  }),
  pt("jobstream_status", "stream", "como anda o ETL_INTRADAY?", [], {
    data: { name: "ETL_INTRADAY", status: "EXEC", jobs: { running: 9 }, running: m.length(9) },
  }),
  pt("jobstream_status", "follow-up", "e o BANK_RECON?", [], {
    ...after("como ta o stream GL_POSTING?"),
    data: { name: "BANK_RECON", status: "STUCK" },
  }),
  // Workstations.
  pt("workstation_status", "workstation", "a AGT_WIN01 ta online?", [linked("AGT_WIN01")], {
    data: { workstation: { name: "AGT_WIN01", linked: true } },
  }),
  pt("workstation_status", "workstation", "quais agentes tao fora do ar?", [unlinked("AGT_AIX01")], {
    data: { total: 7, not_linked: m.has({ name: "AGT_AIX01" }) },
  }),
  pt("workstation_status", "workstation", "POOL_ETL ta linkado?", [linked("POOL_ETL")], {
    data: { workstation: { name: "POOL_ETL", linked: true } },
  }),
  // Predecessors, successors, why not running.
  pt("job_dependencies", "dependencies", "o q o RECON_REPORT ta esperando?", [], {
    data: {
      job: { name: "RECON_REPORT" },
      predecessors: [{ name: "RECON_EXCEPTIONS" }],
      ...rootCause("RECON_MATCH", "failed"),
    },
  }),
  pt("job_dependencies", "dependencies", "pq o HR_SYNC_REPORT nao comecou ainda", [], {
    data: {
      job: { name: "HR_SYNC_REPORT" },
      predecessors: m.has({ name: "HR_EXPORT_AD" }, { name: "HR_EXPORT_BADGES" }),
      ...rootCause("HR_EXPORT_AD", "failed"),
    },
  }),
  pt("job_dependencies", "dependencies", "quem depende do PAYROLL_CALC?", [], {
    data: {
      job: { name: "PAYROLL_CALC" },
      successors: m.has({ name: "PAYROLL_TAX" }, { name: "PAYROLL_BENEFITS" }),
    },
  }),
  pt("job_dependencies", "markup", "o <code>ORDERS_ARCHIVE</code> n saiu do lugar, pq?", [], {
    data: { job: { name: "ORDERS_ARCHIVE" }, ...rootCause("ORDERS_SFTP_PARTNER", "held") },
  }),
  pt("job_dependencies", "disambiguation", "INTRADAY_PUBLISH ta aguardando quem?", [], {
    data: {
      job: { name: "INTRADAY_PUBLISH", job_stream: "ETL_INTRADAY" },
      predecessors: m.length(14),
      root_cause: m.oneOf(null, { root: { kind: "running" } }),
    },
  }),
  pt("job_dependencies", "follow-up", "e quem espera por ele?", [], {
    ...after("log do RECON_MATCH"),
    data: { job: { name: "RECON_MATCH" }, successors: [{ name: "RECON_EXCEPTIONS" }] },
  }),
  pt("job_dependencies", "dependencies", "o INV_MERGE ta preso, oq ta segurando?", [], {
    data: {
      job: { name: "INV_MERGE" },
      predecessors: m.length(12),
      ...rootCause(invExtract, "agent", { workstation: "AGT_AIX01" }),
    },
  }),
  // Running now, late, ready without an agent.
  pt("running_now", "running", "oq ta em execucao agora?", [], {
    data: { running: m.above(16), streams: runningStreams },
  }),
  pt("running_now", "running", "algum job estourou o tempo estimado?", [noneLate], {
    data: { running: m.above(16) },
  }),
  pt("running_now", "running", "tem job parado em READY pq o agente ta fora?", [], {
    data: { waiting_for_agent: agentWaits },
  }),
  // Actions: proposed, confirmed, declined, refused, by a viewer; the two holds undone below.
  pt("job_action", "action", "roda de novo o HR_EXPORT_AD", [], {
    ...operator(),
    data: pending("rerun", "HR_EXPORT_AD", "HR_SYNC"),
  }),
  pt("job_action", "action", "sim pode", [], {
    ...operator(["segura o LOAD_REGION_AGG_03 pfv"]),
    data: outcome("done", "hold", "LOAD_REGION_AGG_03", { job_stream: "DWH_NIGHTLY" }),
  }),
  pt("job_action", "action", "nao, deixa quieto", [], {
    ...operator(["mata o RPT_REGION_02"]),
    data: outcome("declined", "kill", "RPT_REGION_02"),
  }),
  pt("job_action", "action", "da um hold no AML_EXTRACT_TXN_03", [], { data: forbidden }),
  pt("job_action", "action", "cancela o LOAD_STORE_SALES_10", [], {
    ...operator(),
    data: outcome("refused", "cancel", "LOAD_STORE_SALES_10", { status: "EXEC" }),
  }),
  pt("job_action", "follow-up", "manda um rerun nele", [], {
    ...operator(["status do RECON_MATCH"]),
    data: pending("rerun", "RECON_MATCH", "BANK_RECON"),
  }),
  pt("job_action", "disambiguation", "o do CARDS_CLEARING", [], {
    ...operator(["hold no SFTP_SEND_BANK"]),
    data: pending("hold", "SFTP_SEND_BANK", "CARDS_CLEARING"),
  }),
  pt("job_action", "action", "sim", [], {
    ...operator(["libera o LOAD_REGION_AGG_03"]),
    data: outcome("done", "release", "LOAD_REGION_AGG_03"),
  }),
  // Help and out of scope.
  pt("help", "help", "me ajuda, oq eu posso te perguntar aqui?"),
  pt("help", "help", "vc faz oq exatamente?"),
  pt("unknown", "out-of-scope", "qual foi o placar do jogo do mengao ontem?"),
  pt("unknown", "out-of-scope", "vc sabe se vai chover hj a noite?", [], after("status do GL_POST_JOURNALS")),
  // Markup.
  pt("job_status", "markup", "status do <i>HR_EXPORT_AD</i>&nbsp;pfv", [], {
    data: { name: "HR_EXPORT_AD", status: "ABEND", return_code: 12 },
  }),
  pt("job_log", "markup", "<b>GL_POST_JOURNALS</b> falhou pq??", [text(/TIME_OUT/)], {
    data: { job_name: "GL_POST_JOURNALS" },
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// English: 62 messages.

const english: ThirdCase[] = [
  // Status.
  en("job_status", "status", "hey whats up with GL_POST_JOURNALS", [], {
    data: { name: "GL_POST_JOURNALS", job_stream: "GL_POSTING", status: "ABEND", return_code: 8 },
  }),
  en("job_status", "status", "did PAYROLL_ARCHIVE finish ok?", [], {
    data: { name: "PAYROLL_ARCHIVE", status: "SUCC" },
  }),
  en("job_status", "status", "is RPT_MARGIN cancelled or what", [], {
    data: { name: "RPT_MARGIN", job_stream: "BI_REPORTS", status: "CANCL" },
  }),
  en("job_status", "status", "which box does HR_EXPORT_AD run on", [], {
    data: { name: "HR_EXPORT_AD", workstation: "AGT_WIN01" },
  }),
  en("job_status", "status", "status SEND_EMAIL_BLAST pls", [priority(0)], {
    data: { name: "SEND_EMAIL_BLAST", held_by_operator: true },
  }),
  en("job_status", "status", "hr export ad status?", [], { data: { name: "HR_EXPORT_AD", status: "ABEND" } }),
  en("job_status", "status", "BACKUP_NAS_FULL still going?", [], {
    data: { name: "BACKUP_NAS_FULL", job_stream: "BACKUP_FILES", status: "EXEC" },
  }),
  en("job_status", "status", "is LOAD_SALES_FACT done now", [], {
    data: { name: "LOAD_SALES_FACT", status: "SUCC", recovered: true },
  }),
  // Run history.
  en("job_status", "history", "did somebody have to rerun AGG_SALES_MONTHLY?", [], {
    data: { name: "AGG_SALES_MONTHLY", runs: 2, earlier_failures: earlier(1), recovered: true },
  }),
  en("job_status", "history", "how often did CARDS_FETCH_AUTH_ACQ_05 fail today", [], {
    data: { name: "CARDS_FETCH_AUTH_ACQ_05", runs: 2, earlier_failures: earlier(127) },
  }),
  en("job_status", "follow-up", "how many times did it crash?", [], {
    ...after("what's the status of PAYROLL_CALC"),
    data: { name: "PAYROLL_CALC", runs: 3, earlier_failures: earlier(12, 8) },
  }),
  // Names in several streams.
  en("job_status", "disambiguation", "status of INTRADAY_EXTRACT", [], {
    data: { name: "INTRADAY_EXTRACT", job_stream: "ETL_INTRADAY", status: "SUCC" },
  }),
  en("job_status", "disambiguation", "check LOAD for me", says("ETL_DWH", "DWH_NIGHTLY"), {
    data: { candidates: m.length(2) },
  }),
  en("job_status", "disambiguation", "the one in SAP_FI_OPEN", [], {
    ...after("where is SAP_FX_REVALUATION at?"),
    data: { name: "SAP_FX_REVALUATION", job_stream: "SAP_FI_OPEN", status: "SUCC" },
  }),
  en("job_dependencies", "disambiguation", "CHECK_QUEUE_DEPTH is sitting there doing nothing, why", [], {
    data: { job: { name: "CHECK_QUEUE_DEPTH" }, ...rootCause("CHECK_DISK_SPACE", "failed") },
  }),
  // Logs.
  en("job_log", "log", "whats in the RECON_MATCH joblog", [], {
    data: { job_name: "RECON_MATCH", lines_total: 54, error_lines: m.has({ line: 49, text: /ORA-00060/ }) },
  }),
  en("job_log", "log", "why did HR_EXPORT_AD bomb out", [text(/cannot find the path/)], {
    data: { job_name: "HR_EXPORT_AD" },
  }),
  en("job_log", "log", "pull up the output of BACKUP_NAS_FULL", [], {
    data: { job_name: "BACKUP_NAS_FULL", lines_total: 1054, tail: m.length(15) },
  }),
  en("job_log", "log", "CHECK_DISK_SPACE log, last lines", [text(/not found/)], {
    data: { job_name: "CHECK_DISK_SPACE" },
  }),
  en("job_log", "follow-up", "show me its log", [], {
    ...after("how's CARDS_SETTLE doing"),
    data: { job_name: "CARDS_SETTLE", lines_total: 36 },
  }),
  en("job_log", "log", "gl post journals what was the error", [text(/TIME_OUT/)], {
    data: { job_name: "GL_POST_JOURNALS" },
  }),
  // Failures in a window.
  en("failed_jobs", "failed", "anything abend in the last 2 hours?", [], {
    data: failedAbout(periods.lastHours(2)),
  }),
  en("failed_jobs", "failed", "failures since 6pm", [], { data: failedIn(periods.since(18)) }),
  en("failed_jobs", "failed", "what failed this afternoon?", [], {
    data: failedIn(periods.partOfToday(12, 18), { checkUntil: true }),
  }),
  en("failed_jobs", "failed", "list yesterday's failed jobs", [], {
    data: failedIn(periods.yesterday(), { checkUntil: true }),
  }),
  en("failed_jobs", "failed", "any failures last night?", [], {
    data: failedIn(periods.lastNight(), { checkUntil: true }),
  }),
  en("failed_jobs", "failed", "did anything in CARDS_AUTH_SETTLE fail today", [], {
    data: failedIn(periods.today(), { stream: "CARDS_AUTH_SETTLE" }),
  }),
  en("failed_jobs", "failed", "failed jobs last week", [], { data: failedIn(lastWeek(), { checkUntil: true }) }),
  en("failed_jobs", "failed", "what broke today so far", [], { data: failedIn(periods.today()) }),
  // Streams.
  en("jobstream_status", "stream", "what's holding up GL_POSTING", [], {
    data: { name: "GL_POSTING", ...blockedBy("GL_POST_JOURNALS", "failed") },
  }),
  en("jobstream_status", "stream", "is INVENTORY_SYNC stuck?", [], {
    data: { name: "INVENTORY_SYNC", ...blockedBy(invExtract, "agent", { workstation: "AGT_AIX01" }) },
  }),
  // A stream whose waiting job waits on a running one is on its way, not blocked (README).
  en("jobstream_status", "stream", "CARDS_AUTH_SETTLE - is it stuck or just slow?", [], {
    data: { name: "CARDS_AUTH_SETTLE", status: "EXEC", blocked_by: null },
  }),
  en("jobstream_status", "stream", "how's BI_REPORTS looking", [], {
    data: { name: "BI_REPORTS", status: "EXEC", jobs: { running: 6 }, abended: m.length(0) },
  }),
  en("jobstream_status", "stream", "HR_SYNC stream status", [], {
    data: { name: "HR_SYNC", status: "STUCK", abended: [{ name: "HR_EXPORT_AD", return_code: 12 }] },
  }),
  en("jobstream_status", "follow-up", "and PAYROLL?", [], {
    ...after("is BANK_RECON stuck?"),
    data: { name: "PAYROLL", status: "SUCC" },
  }),
  // Workstations.
  en("workstation_status", "workstation", "is FTA_SAP01 up?", [linked("FTA_SAP01")], {
    data: { workstation: { name: "FTA_SAP01", linked: true } },
  }),
  en("workstation_status", "workstation", "which agents are disconnected right now?", [unlinked("AGT_AIX01")], {
    data: { total: 7, not_linked: m.has({ name: "AGT_AIX01" }) },
  }),
  en("workstation_status", "workstation", "agt aix01 status", [unlinked("AGT_AIX01")], {
    data: { workstation: { name: "AGT_AIX01", linked: false } },
  }),
  // Predecessors, successors, why not running.
  en("job_dependencies", "dependencies", "what runs after LOAD_STATEMENTS", [], {
    data: { job: { name: "LOAD_STATEMENTS" }, successors: [{ name: "RECON_MATCH" }] },
  }),
  en("job_dependencies", "dependencies", "list the predecessors of RPT_EXEC_DASHBOARD", [], {
    data: { job: { name: "RPT_EXEC_DASHBOARD" }, predecessors: m.length(11) },
  }),
  en("job_dependencies", "dependencies", "why is INV_REPORT still waiting", [], {
    data: { job: { name: "INV_REPORT" }, ...rootCause(invExtract, "agent", { workstation: "AGT_AIX01" }) },
  }),
  en("job_dependencies", "dependencies", "VERIFY_BACKUP is waiting on what?", [], {
    data: {
      job: { name: "VERIFY_BACKUP" },
      predecessors: [{ name: "BACKUP_NAS_FULL" }],
      root_cause: m.oneOf(null, { root: { name: "BACKUP_NAS_FULL", kind: "running" } }),
    },
  }),
  en("job_dependencies", "dependencies", "GL_TRIAL_BALANCE wont start, what's blocking it", [], {
    data: { job: { name: "GL_TRIAL_BALANCE" }, ...rootCause("GL_POST_JOURNALS", "failed") },
  }),
  en("job_dependencies", "follow-up", "ok and what comes after it?", [], {
    ...after("how's HR_EXPORT_AD doing"),
    data: { job: { name: "HR_EXPORT_AD" }, successors: [{ name: "HR_SYNC_REPORT" }] },
  }),
  en("job_dependencies", "dependencies", "what does CARDS_AUTH_REPORT depend on", [], {
    data: { job: { name: "CARDS_AUTH_REPORT" }, predecessors: [{ name: "CARDS_SETTLE" }] },
  }),
  // Running now, late, ready without an agent.
  en("running_now", "running", "whats executing rn", [], {
    data: { running: m.above(16), streams: runningStreams },
  }),
  en("running_now", "running", "anything overrunning?", [noneLate]),
  en("running_now", "running", "any jobs queued up on a dead agent?", [], {
    data: { waiting_for_agent: agentWaits },
  }),
  // Actions: proposed, confirmed, declined, refused, by a viewer; the hold undone below.
  en("job_action", "action", "can you put RISK_VAR_CALC_DESK_05 on hold", [], {
    ...operator(),
    data: pending("hold", "RISK_VAR_CALC_DESK_05", "RISK_VAR"),
  }),
  en("job_action", "action", "yes go ahead", [], {
    ...operator(["hold INVOICE_RENDER_BATCH_07 pls"]),
    data: outcome("done", "hold", "INVOICE_RENDER_BATCH_07", { job_stream: "INVOICE_PRINT" }),
  }),
  en("job_action", "action", "nah, forget it", [], {
    ...operator(["rerun GL_POST_JOURNALS"]),
    data: outcome("declined", "rerun", "GL_POST_JOURNALS"),
  }),
  en("job_action", "action", "please rerun HR_EXPORT_AD", [], { data: forbidden }),
  en("job_action", "action", "kill PAYROLL_ARCHIVE", [], {
    ...operator(),
    data: outcome("refused", "kill", "PAYROLL_ARCHIVE", { status: "SUCC" }),
  }),
  // Nothing pending: the README does not say what a bare "yes" is; the answers have `nothing_pending`.
  en("job_action", "action", "yep, do it", [], operator()),
  en("job_action", "disambiguation", "hold SAP_FX_REVALUATION", says("SAP_FI_OPEN", "SAP_FI_CLOSE"), {
    ...operator(),
    data: { candidates: m.length(2) },
  }),
  en("job_action", "action", "yes", [], {
    ...operator(["release INVOICE_RENDER_BATCH_07"]),
    data: outcome("done", "release", "INVOICE_RENDER_BATCH_07"),
  }),
  // Help and out of scope.
  en("help", "help", "what kind of stuff can I ask you?"),
  en("help", "help", "help me out, what are you able to do?"),
  en("unknown", "out-of-scope", "can you order pizza for the night shift"),
  en("unknown", "out-of-scope", "btw who won the game last night?", [], after("status of RECON_MATCH")),
  // Markup.
  en("job_status", "markup", "<p>status of&nbsp;CARDS_SETTLE</p>", [], {
    data: { name: "CARDS_SETTLE", job_stream: "CARDS_AUTH_SETTLE", status: "EXEC" },
  }),
  en("job_dependencies", "markup", "<b>RECON_REPORT</b> why isnt it running??", [], {
    data: { job: { name: "RECON_REPORT" }, ...rootCause("RECON_MATCH", "failed") },
  }),
];

export const heldOutSixth: readonly ThirdCase[] = [...portuguese, ...english];
