// A fourth held-out set for the chat, written from the simulator's live plan (seed 7, clock stopped, as
// test/helpers/stack-setup.ts starts it) and the README's Chat section and docs/api.md only. Its author did not read
// src/chat/, the understanding corpus, held-out-live.ts or the third set's messages (held-out-third.ts from line 292);
// from held-out-third.ts only its framework (lines 1–291: types, matchers, periods, failedIn) is imported. Every
// expectation was decided before the first run, which nobody has made yet. See held-out-fourth.test.ts for how it is
// asked and scored.
//
// How the facts were read: `HWA_SEED=7 HWA_TIME_SCALE=0 node dev/hwa-simulator/cli.mjs`, then its REST API V2
// (/plan/job, /plan/job/{id}/predecessors|successors, /plan/job/run/{id}/joblog, /plan/jobstream, /plan/workstation).
// The engine's clock starts at 10:30 of the production day, the day starting 10 h 30 min earlier, on a round hour
// of the real time: absolute times change from run to run, so no answer's clock time is asserted except through the
// framework's `periods` (relative to the engine's now). Plan facts relied on ("+m" = minutes after the day's start):
// - failed now: RECON_MATCH (BANK_RECON, ABEND RC 1, log "ORA-00060: deadlock detected"), GL_POST_JOURNALS
//   (GL_POSTING, RC 8, log "ABAP runtime error TIME_OUT"), HR_EXPORT_AD (HR_SYNC, RC 12, log "The system cannot find
//   the path specified."), CHECK_DISK_SPACE (HOURLY_HEALTH's instance under way, RC 127, log "input file … not found");
// - failed, then rerun successfully: STAGE_LOAD (RC 2), LOAD_SALES_FACT (RC 2) of ETL_DWH; SAP_FI_OPEN_CHECK (RC 8);
//   PAYROLL_CALC (RC 12, then RC 8, then SUCC: 3 runs); CARDS_FETCH_AUTH_ACQ_01/03/05 (RC 2, 1, 127);
//   AGG_SALES_MONTHLY; CHECK_AGENTS of an earlier HOURLY_HEALTH instance (failedRuns of the framework agree);
// - held by an operator (HOLD, priority 0): ORDERS_SFTP_PARTNER (ORDERS_EXPORT, whose ORDERS_ARCHIVE waits on it),
//   SEND_EMAIL_BLAST (CRM_CAMPAIGNS); cancelled: RPT_MARGIN (BI_REPORTS), PURGE_ARCHIVE_LOGS;
// - running (17): BI_REPORTS 6, ETL_INTRADAY 9, CARDS_AUTH_SETTLE 1 (CARDS_SETTLE), BACKUP_FILES 1 (BACKUP_NAS_FULL);
//   none past its estimate by 10% and a minute;
// - READY on the unlinked agent AGT_AIX01 (activeStates INSTALLED only): INV_EXTRACT_STORE_001…012 (INVENTORY_SYNC),
//   on which INV_MERGE → INV_LOAD → INV_REPORT wait; the other 6 workstations (MASTER, AGT_LNX01, AGT_LNX02,
//   AGT_WIN01, POOL_ETL, FTA_SAP01) are linked;
// - streams: BANK_RECON, GL_POSTING, HR_SYNC and the 10:15 HOURLY_HEALTH are STUCK; BI_REPORTS, CARDS_AUTH_SETTLE,
//   BACKUP_FILES, ETL_INTRADAY, ORDERS_EXPORT are EXEC; INVENTORY_SYNC READY; PAYROLL, ETL_DWH, SAP_FI_OPEN SUCC;
// - dependencies: LOAD_STATEMENTS → RECON_MATCH → RECON_EXCEPTIONS → RECON_REPORT; GL_POST_JOURNALS →
//   GL_TRIAL_BALANCE → GL_POSTING_REPORT; HR_EXPORT_AD and HR_EXPORT_BADGES → HR_SYNC_REPORT; PAYROLL_CALC →
//   PAYROLL_TAX and PAYROLL_BENEFITS; PAYROLL_PAYSLIP_PDF_01…10 → PAYROLL_REPORT; ETL_DWH_DONE → AGG_SALES_DAILY,
//   AGG_SALES_MONTHLY, AGG_STOCK_DAILY; BACKUP_NAS_FULL (EXEC) → VERIFY_BACKUP; CARDS_SETTLE (EXEC) →
//   CARDS_AUTH_REPORT; CHECK_AGENTS and CHECK_DISK_SPACE → CHECK_QUEUE_DEPTH (same HOURLY_HEALTH instance);
//   SAP_FI_OPEN_CHECK (SAP_FI_OPEN) → GL_IMPORT_JOURNALS (GL_POSTING);
// - names in several streams: LOAD (ETL_DWH done, DWH_NIGHTLY not started: neither under way → listed back),
//   SFTP_SEND_BANK (PAYROLL done, SUPPLIER_PAYMENTS and CARDS_CLEARING not started → listed back),
//   SAP_FX_REVALUATION (SAP_FI_OPEN done, SAP_FI_CLOSE not started → listed back), LOAD_SALES_INTRADAY and
//   INTRADAY_EXTRACT (ETL_INTRADAY under way, ETL_INTRADAY_PM not started → the ETL_INTRADAY one), the HOURLY_HEALTH
//   jobs (12 instances, only the 10:15 one under way → that one).
//
// Shared simulator: other test files force jobs outside the story's streams into other statuses for a while
// (test/helpers/borrowed-jobs.ts), so statuses are asserted only for jobs of those streams (BANK_RECON, ORDERS_EXPORT,
// CRM_CAMPAIGNS, ETL_DWH, INVENTORY_SYNC, GL_POSTING, HR_SYNC, PAYROLL, BACKUP_FILES, CARDS_AUTH_SETTLE,
// HOURLY_HEALTH, ETL_INTRADAY, BI_REPORTS, SAP_FI_OPEN); elsewhere only names and dependencies. No confirmed action
// changes a story job: the one confirmed hold (EOD_REPORT of END_OF_DAY, not started) is released by a later case.
//
// What `data` holds is not written in the README beyond `language` and "the facts stated", so most facts are
// shape-agnostic: a name or status is "mentioned" when some string anywhere in `data` holds it as a whole token; a
// return code or priority is a key named as docs/api.md's Job names it (`return_code`, `priority`); failures in a
// period use the framework's `failedIn` (its `since`, `until`, `groups[].jobs[]` with `recovered`); a window of the
// last N hours accepts `since` within a minute of now − N h, the README's "One clock" (HWA's now plus the cached
// page's age) allowing those seconds.

import { failedIn, periods, type ThirdCase } from "./held-out-third";
import {
  says,
  saysNot,
  text,
  returnCode,
  priority,
  together,
  earlierFailed,
  unlinked,
  linked,
  noneLate,
  running,
  lastWeek,
  failedAbout,
  pt,
  en,
  operator,
  after,
} from "./held-out-facts";

const CURRENTLY_FAILED = ["RECON_MATCH", "GL_POST_JOURNALS", "HR_EXPORT_AD", "CHECK_DISK_SPACE"];

// ---------------------------------------------------------------------------------------------------------------
// The set: 62 messages in Portuguese as operators type them, 62 in English. Order matters only for the confirmed
// hold of EOD_REPORT, released by a later case.

export const heldOutFourth: ThirdCase[] = [
  // --- job status and run history -----------------------------------------------------------------------------
  pt("job_status", "status", "e ai, como ta o RECON_MATCH?", [
    ...says("RECON_MATCH", "ABEND", "BANK_RECON"),
    returnCode(1),
  ]),
  pt("job_status", "status", "o GL_POST_JOURNALS terminou ou nao?", [
    ...says("GL_POST_JOURNALS", "ABEND"),
    returnCode(8),
  ]),
  pt("job_status", "status", "qual o rc do HR_EXPORT_AD?", [...says("HR_EXPORT_AD", "ABEND"), returnCode(12)]),
  pt("job_status", "status", "ORDERS_SFTP_PARTNER ta como?", [
    ...says("ORDERS_SFTP_PARTNER", "HOLD", "ORDERS_EXPORT"),
    priority(0),
  ]),
  pt("job_status", "status", "o BACKUP_NAS_FULL ainda ta executando?", [
    ...says("BACKUP_NAS_FULL", "BACKUP_FILES"),
    running,
  ]),
  pt("job_status", "status", "situacao do CHECK_DISK_SPACE", [
    ...says("CHECK_DISK_SPACE", "ABEND", "HOURLY_HEALTH"),
    returnCode(127),
  ]),
  pt("job_status", "history", "o PAYROLL_CALC deu abend qts vezes hj?", [
    ...says("PAYROLL_CALC", "SUCC"),
    earlierFailed(12, 8),
  ]),
  pt("job_status", "history", "o STAGE_LOAD teve q ser reprocessado?", [
    ...says("STAGE_LOAD", "SUCC", "ETL_DWH"),
    earlierFailed(2),
  ]),
  pt("job_status", "history", "o SAP_FI_OPEN_CHECK tinha dado erro mais cedo ne, ja normalizou?", [
    ...says("SAP_FI_OPEN_CHECK", "SUCC"),
    earlierFailed(8),
  ]),
  pt("job_status", "disambiguation", "status LOAD_SALES_INTRADAY pfv", [
    ...says("LOAD_SALES_INTRADAY", "ETL_INTRADAY"),
    running,
  ]),
  pt(
    "job_status",
    "disambiguation",
    "o SFTP_SEND_BANK ja rodou?",
    says("PAYROLL", "SUPPLIER_PAYMENTS", "CARDS_CLEARING"),
  ),
  pt(
    "job_status",
    "disambiguation",
    "aquele do SUPPLIER_PAYMENTS",
    says("SFTP_SEND_BANK", "SUPPLIER_PAYMENTS", "HOLD"),
    after("o SFTP_SEND_BANK ja rodou?"),
  ),
  pt("job_status", "markup", "<b>como ta o</b> <i>CARDS_SETTLE</i>&nbsp;?", [
    ...says("CARDS_SETTLE", "CARDS_AUTH_SETTLE"),
    running,
  ]),

  en("job_status", "status", "hey what's the state of HR_EXPORT_AD", [
    ...says("HR_EXPORT_AD", "ABEND", "HR_SYNC"),
    returnCode(12),
  ]),
  en("job_status", "status", "is INTRADAY_EXTRACT done yet?", says("INTRADAY_EXTRACT", "ETL_INTRADAY", "SUCC")),
  en("job_status", "status", "what's up with SEND_EMAIL_BLAST?", [
    ...says("SEND_EMAIL_BLAST", "HOLD", "CRM_CAMPAIGNS"),
    priority(0),
  ]),
  en("job_status", "status", "is RPT_MARGIN ok?", says("RPT_MARGIN", "CANCL", "BI_REPORTS")),
  en("job_status", "status", "how long has BACKUP_NAS_FULL been running?", [...says("BACKUP_NAS_FULL"), running]),
  en("job_status", "history", "did CARDS_FETCH_AUTH_ACQ_05 recover after it failed?", [
    ...says("CARDS_FETCH_AUTH_ACQ_05", "SUCC"),
    earlierFailed(127),
  ]),
  en("job_status", "history", "LOAD_SALES_FACT - how many runs did it take today?", [
    ...says("LOAD_SALES_FACT", "SUCC", "ETL_DWH"),
    earlierFailed(2),
  ]),
  en("job_status", "history", "did PAYROLL_CALC end up succeeding after those abends?", [
    ...says("PAYROLL_CALC", "SUCC"),
    earlierFailed(12, 8),
  ]),
  en("job_status", "status", "quick one: RECON_EXCEPTIONS status?", says("RECON_EXCEPTIONS", "HOLD", "BANK_RECON")),
  en("job_status", "disambiguation", "where's SAP_FX_REVALUATION at?", says("SAP_FI_OPEN", "SAP_FI_CLOSE")),
  en("job_status", "disambiguation", "check LOAD status for me", says("ETL_DWH", "DWH_NIGHTLY")),
  en(
    "job_status",
    "disambiguation",
    "the ETL_DWH one",
    says("LOAD", "ETL_DWH", "SUCC"),
    after("check LOAD status for me"),
  ),
  en("job_status", "markup", "status of <code>RECON_MATCH</code>&nbsp;pls", [
    ...says("RECON_MATCH", "ABEND"),
    returnCode(1),
  ]),

  // --- job log ------------------------------------------------------------------------------------------------
  pt("job_log", "log", "manda o log do RECON_MATCH", [...says("RECON_MATCH"), text(/ORA-00060/)]),
  pt("job_log", "log", "pq o HR_EXPORT_AD deu pau?", [...says("HR_EXPORT_AD"), text(/cannot find the path/)]),
  pt("job_log", "log", "da uma olhada no joblog do GL_POST_JOURNALS", [...says("GL_POST_JOURNALS"), text(/TIME_OUT/)]),
  pt("job_log", "log", "qual foi o erro do CHECK_DISK_SPACE?", [...says("CHECK_DISK_SPACE"), text(/not found/)]),
  pt(
    "job_log",
    "follow-up",
    "me manda o log entao",
    [...says("CHECK_DISK_SPACE"), text(/not found/)],
    after("como ta o CHECK_DISK_SPACE?"),
  ),
  pt("job_log", "markup", "<p>o <b>RECON_MATCH</b> abendou pq?</p>", [...says("RECON_MATCH"), text(/ORA-00060/)]),

  en("job_log", "log", "show me the RECON_MATCH output", [...says("RECON_MATCH"), text(/ORA-00060/)]),
  en("job_log", "log", "what caused GL_POST_JOURNALS to abend?", [...says("GL_POST_JOURNALS"), text(/TIME_OUT/)]),
  en("job_log", "log", "pull the joblog for HR_EXPORT_AD", [...says("HR_EXPORT_AD"), text(/cannot find the path/)]),
  en("job_log", "log", "CHECK_DISK_SPACE error msg?", [...says("CHECK_DISK_SPACE"), text(/not found/)]),
  en(
    "job_log",
    "follow-up",
    "can I see its log?",
    [...says("GL_POST_JOURNALS"), text(/TIME_OUT/)],
    after("what's the status of GL_POST_JOURNALS?"),
  ),
  en("job_log", "markup", "<pre>why did HR_EXPORT_AD crash</pre>", [
    ...says("HR_EXPORT_AD"),
    text(/cannot find the path/),
  ]),

  // --- failed jobs in a window --------------------------------------------------------------------------------
  pt("failed_jobs", "failed", "o q abendou hj?", [], { data: failedIn(periods.today()) }),
  pt("failed_jobs", "failed", "teve falha essa madrugada?", [], {
    data: failedIn(periods.partOfToday(0, 6), { checkUntil: true }),
  }),
  pt("failed_jobs", "failed", "quais jobs cairam desde as 19h?", [], { data: failedIn(periods.since(19)) }),
  pt("failed_jobs", "failed", "falhas nas ultimas 2h", [], { data: failedAbout(periods.lastHours(2)) }),
  pt("failed_jobs", "failed", "deu erro em algum job ontem a noite?", [], {
    data: failedIn(periods.yesterdayEvening(), { checkUntil: true }),
  }),
  pt("failed_jobs", "failed", "lista os jobs q falharam essa semana", [], { data: failedIn(periods.thisWeek()) }),
  pt("failed_jobs", "failed", "o que quebrou hoje de manha?", [], {
    data: failedIn(periods.partOfToday(6, 12), { checkUntil: true }),
  }),
  pt("failed_jobs", "failed", "quais jobs deram erro a tarde?", [], {
    data: failedIn(periods.partOfToday(12, 18), { checkUntil: true }),
  }),
  pt("failed_jobs", "failed", "tem algum job em abend agora?", says(...CURRENTLY_FAILED)),
  pt("failed_jobs", "failed", "teve abend no PAYROLL hj?", [], {
    data: failedIn(periods.today(), { stream: "PAYROLL" }),
  }),

  en("failed_jobs", "failed", "any abends today?", [], { data: failedIn(periods.today()) }),
  en("failed_jobs", "failed", "failures in the last 4 hours", [], { data: failedAbout(periods.lastHours(4)) }),
  en("failed_jobs", "failed", "which jobs failed since 6pm?", [], { data: failedIn(periods.since(18)) }),
  en("failed_jobs", "failed", "did anything blow up last night?", [], {
    data: failedIn(periods.lastNight(), { checkUntil: true }),
  }),
  en("failed_jobs", "failed", "show me this week's failed jobs", [], { data: failedIn(periods.thisWeek()) }),
  en("failed_jobs", "failed", "what abended yesterday?", [], {
    data: failedIn(periods.yesterday(), { checkUntil: true }),
  }),
  en("failed_jobs", "failed", "which jobs are currently in error?", says(...CURRENTLY_FAILED)),
  en("failed_jobs", "failed", "list the jobs that failed in ETL_DWH today", [], {
    data: failedIn(periods.today(), { stream: "ETL_DWH" }),
  }),
  en("failed_jobs", "failed", "did anything fail last week?", [], { data: failedIn(lastWeek(), { checkUntil: true }) }),
  en("failed_jobs", "failed", "failures since 7:30pm", [], { data: failedIn(periods.since(19.5)) }),

  // --- job streams and what blocks them -----------------------------------------------------------------------
  pt("jobstream_status", "stream", "o GL_POSTING ta travado?", says("GL_POSTING", "GL_POST_JOURNALS")),
  pt("jobstream_status", "stream", "como ta a cadeia do PAYROLL?", says("PAYROLL", "SUCC")),
  pt("jobstream_status", "stream", "pq o INVENTORY_SYNC nao anda?", says("INVENTORY_SYNC", "AGT_AIX01")),
  pt("jobstream_status", "stream", "HR_SYNC parado pq?", says("HR_SYNC", "HR_EXPORT_AD")),
  pt("jobstream_status", "stream", "o ORDERS_EXPORT ta preso em que?", says("ORDERS_EXPORT", "ORDERS_SFTP_PARTNER")),
  pt("jobstream_status", "markup", "como anda o <i>ETL_INTRADAY</i>&nbsp;?", [
    ...says("ETL_INTRADAY"),
    running,
    saysNot("ABEND"),
  ]),

  en("jobstream_status", "stream", "is HR_SYNC hung?", says("HR_SYNC", "HR_EXPORT_AD")),
  en("jobstream_status", "stream", "what's jamming BANK_RECON", says("BANK_RECON", "RECON_MATCH")),
  en("jobstream_status", "stream", "how is CARDS_AUTH_SETTLE doing?", [...says("CARDS_AUTH_SETTLE"), running]),
  en("jobstream_status", "stream", "INVENTORY_SYNC stuck?", says("INVENTORY_SYNC", "AGT_AIX01")),
  en("jobstream_status", "stream", "did the PAYROLL stream complete?", says("PAYROLL", "SUCC")),
  en("jobstream_status", "stream", "status of job stream BI_REPORTS", [...says("BI_REPORTS"), running]),

  // --- workstations -------------------------------------------------------------------------------------------
  pt("workstation_status", "workstation", "o AGT_AIX01 ta fora?", [unlinked("AGT_AIX01")]),
  pt("workstation_status", "workstation", "como estao os agentes?", [unlinked("AGT_AIX01")]),
  pt("workstation_status", "workstation", "o FTA_SAP01 ta linkado?", [linked("FTA_SAP01")]),
  pt("workstation_status", "workstation", "tem agente offline?", [unlinked("AGT_AIX01")]),

  en("workstation_status", "workstation", "is AGT_AIX01 linked?", [unlinked("AGT_AIX01")]),
  en("workstation_status", "workstation", "which agents are unlinked?", [unlinked("AGT_AIX01")]),
  en("workstation_status", "workstation", "workstation status please", [unlinked("AGT_AIX01")]),
  en("workstation_status", "workstation", "is POOL_ETL up?", [linked("POOL_ETL")]),

  // --- dependencies and root cause ----------------------------------------------------------------------------
  pt("job_dependencies", "dependencies", "o RECON_REPORT ta esperando o que?", [
    ...says("RECON_EXCEPTIONS", "RECON_MATCH"),
    text(/ORA-00060/),
  ]),
  pt("job_dependencies", "dependencies", "quais jobs dependem do GL_POST_JOURNALS?", says("GL_TRIAL_BALANCE")),
  pt(
    "job_dependencies",
    "dependencies",
    "predecessores do PAYROLL_REPORT",
    says("PAYROLL_PAYSLIP_PDF_01", "PAYROLL_PAYSLIP_PDF_10"),
  ),
  pt("job_dependencies", "dependencies", "pq o INV_LOAD nao rodou?", says("INV_MERGE", "AGT_AIX01")),
  pt("job_dependencies", "dependencies", "o VERIFY_BACKUP ta esperando quem?", [
    ...says("BACKUP_NAS_FULL"),
    saysNot("ABEND"),
  ]),
  pt("job_dependencies", "dependencies", "o q precisa terminar pro CHECK_QUEUE_DEPTH rodar?", says("CHECK_DISK_SPACE")),
  pt("job_dependencies", "follow-up", "e quem depende dele?", says("RECON_MATCH"), after("status do LOAD_STATEMENTS")),
  pt("job_dependencies", "dependencies", "de quem o GL_IMPORT_JOURNALS depende?", says("SAP_FI_OPEN_CHECK")),

  en("job_dependencies", "dependencies", "what does RECON_EXCEPTIONS depend on?", says("RECON_MATCH")),
  en("job_dependencies", "dependencies", "why hasn't ORDERS_ARCHIVE started yet?", says("ORDERS_SFTP_PARTNER")),
  en(
    "job_dependencies",
    "dependencies",
    "successors of ETL_DWH_DONE",
    says("AGG_SALES_DAILY", "AGG_SALES_MONTHLY", "AGG_STOCK_DAILY"),
  ),
  en("job_dependencies", "dependencies", "HR_SYNC_REPORT hasn't kicked off, why?", says("HR_EXPORT_AD")),
  en(
    "job_dependencies",
    "dependencies",
    "what is GL_POSTING_REPORT waiting on?",
    says("GL_TRIAL_BALANCE", "GL_POST_JOURNALS"),
  ),
  en(
    "job_dependencies",
    "dependencies",
    "list INV_MERGE's predecessors",
    says("INV_EXTRACT_STORE_001", "INV_EXTRACT_STORE_012"),
  ),
  en(
    "job_dependencies",
    "follow-up",
    "and what runs after it?",
    says("PAYROLL_TAX", "PAYROLL_BENEFITS"),
    after("how's PAYROLL_CALC?"),
  ),
  en("job_dependencies", "dependencies", "what's keeping CARDS_AUTH_REPORT from starting?", [
    ...says("CARDS_SETTLE"),
    saysNot("ABEND"),
  ]),

  // --- running now, late, waiting for an agent ----------------------------------------------------------------
  pt("running_now", "running", "oq ta executando nesse momento?", [
    together("BI_REPORTS", 6),
    together("ETL_INTRADAY", 9),
    together("CARDS_AUTH_SETTLE", 1),
    together("BACKUP_FILES", 1),
  ]),
  pt("running_now", "running", "algum job estourou o tempo estimado?", [noneLate]),
  pt("running_now", "running", "quantos jobs em execucao agora?", [
    together("BI_REPORTS", 6),
    together("ETL_INTRADAY", 9),
  ]),
  pt("running_now", "running", "tem algum job pronto sem agente pra rodar?", says("AGT_AIX01")),

  en("running_now", "running", "what's executing right now?", [
    together("BI_REPORTS", 6),
    together("ETL_INTRADAY", 9),
    together("CARDS_AUTH_SETTLE", 1),
    together("BACKUP_FILES", 1),
  ]),
  en("running_now", "running", "is anything taking longer than it should?", [noneLate]),
  en("running_now", "running", "how many jobs are running at the moment?", [
    together("BI_REPORTS", 6),
    together("ETL_INTRADAY", 9),
  ]),
  en("running_now", "running", "anything ready to go but no agent to run it?", says("AGT_AIX01")),

  // --- actions: proposed, confirmed, declined; operator and viewer --------------------------------------------
  pt("job_action", "action", "reroda o GL_POST_JOURNALS", says("rerun", "GL_POST_JOURNALS", "GL_POSTING"), operator()),
  pt("job_action", "action", "mata o CARDS_SETTLE", says("kill", "CARDS_SETTLE", "CARDS_AUTH_SETTLE"), operator()),
  pt("job_action", "action", "cancela o NOTIFY_SMS"),
  pt("job_action", "action", "nao, esquece", [], operator(["faz rerun do HR_EXPORT_AD"])),
  pt("job_action", "action", "sim", says("hold", "EOD_REPORT"), operator(["coloca o EOD_REPORT em hold"])),
  pt(
    "job_action",
    "disambiguation",
    "quero o q ta no SAP_FI_OPEN",
    says("rerun", "SAP_FX_REVALUATION", "SAP_FI_OPEN"),
    operator(["da um rerun no SAP_FX_REVALUATION"]),
  ),
  pt(
    "job_action",
    "follow-up",
    "manda rerun nele",
    says("rerun", "RECON_MATCH", "BANK_RECON"),
    operator(["como ta o RECON_MATCH?"]),
  ),

  en(
    "job_action",
    "action",
    "please kill BACKUP_NAS_FULL",
    says("kill", "BACKUP_NAS_FULL", "BACKUP_FILES"),
    operator(),
  ),
  en(
    "job_action",
    "action",
    "release ORDERS_SFTP_PARTNER",
    says("release", "ORDERS_SFTP_PARTNER", "ORDERS_EXPORT"),
    operator(),
  ),
  en("job_action", "action", "put RISK_REPORT on hold"),
  en("job_action", "action", "no, leave it running", [], operator(["kill LOAD_STORE_SALES_09"])),
  en("job_action", "action", "yes", says("release", "EOD_REPORT"), operator(["release EOD_REPORT"])),
  en(
    "job_action",
    "disambiguation",
    "I mean the PAYROLL one",
    says("rerun", "SFTP_SEND_BANK", "PAYROLL"),
    operator(["rerun SFTP_SEND_BANK"]),
  ),
  en(
    "job_action",
    "follow-up",
    "ok go ahead and rerun that one",
    says("rerun", "RECON_MATCH", "BANK_RECON"),
    operator(["status of RECON_MATCH"]),
  ),

  // --- help and out of scope ----------------------------------------------------------------------------------
  pt("help", "help", "o que da pra perguntar aqui?"),
  pt("help", "help", "me ajuda, como uso esse chat?"),
  pt("unknown", "out-of-scope", "qual a cotacao do dolar hj?"),
  pt("unknown", "out-of-scope", "alguem sabe se o refeitorio abre amanha?", [], after("como ta o HR_EXPORT_AD?")),

  en("help", "help", "what kind of questions can you answer?"),
  en("help", "help", "how do I use this chat?"),
  en("unknown", "out-of-scope", "who won the Champions League final?"),
  en("unknown", "out-of-scope", "btw what's the weather like in Campinas?", [], after("what's up with HR_EXPORT_AD?")),
];
