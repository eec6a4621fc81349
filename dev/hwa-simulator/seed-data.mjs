// The vocabulary of the simulated production day: workstations, job streams with their jobs, and what
// each kind of job runs. Names are what an operator of a bank or retailer would see in a real plan.

/**
 * @typedef {{ name: string, type: "MANAGER" | "AGENT" | "POOL" | "FTA", os: "LINUX" | "WINDOWS" | "AIX" | "UNIX",
 *   linked: boolean, activeStates: string[], limit: number, fence: number, nodeName: string, description: string,
 *   members?: string[] }} WorkstationSeed
 */

/** @type {WorkstationSeed[]} */
export const workstations = [
  {
    name: "MASTER",
    type: "MANAGER",
    os: "LINUX",
    linked: true,
    limit: 20,
    fence: 0,
    nodeName: "twsmdm01.prod.local",
    description: "Master domain manager",
    activeStates: [
      "LINKED",
      "FULLY_LINKED",
      "RUNNING",
      "WRITER_RUNNING",
      "JOBMAN_UP",
      "MONMAN",
      "EVT_PROC_RUNNING",
      "SERVER_STARTED",
    ],
  },
  {
    name: "AGT_LNX01",
    type: "AGENT",
    os: "LINUX",
    linked: true,
    limit: 40,
    fence: 0,
    nodeName: "lnxbatch01.prod.local",
    description: "Batch agent, Linux (payroll, billing, backups)",
    activeStates: ["LINKED", "FULLY_LINKED", "RUNNING", "JOBMAN_UP"],
  },
  {
    name: "AGT_LNX02",
    type: "AGENT",
    os: "LINUX",
    linked: true,
    limit: 40,
    fence: 0,
    nodeName: "lnxbatch02.prod.local",
    description: "Batch agent, Linux (cards, risk, housekeeping)",
    activeStates: ["LINKED", "FULLY_LINKED", "RUNNING", "JOBMAN_UP"],
  },
  {
    name: "AGT_WIN01",
    type: "AGENT",
    os: "WINDOWS",
    linked: true,
    limit: 10,
    fence: 0,
    nodeName: "winbatch01.corp.local",
    description: "Batch agent, Windows (reports, printing, HR)",
    activeStates: ["LINKED", "RUNNING", "JOBMAN_UP"],
  },
  {
    // Unlinked since the night: its jobs become READY and wait for the agent, as on a real bad day.
    name: "AGT_AIX01",
    type: "AGENT",
    os: "AIX",
    linked: false,
    limit: 15,
    fence: 0,
    nodeName: "aixinv01.prod.local",
    description: "Batch agent, AIX (inventory) - unlinked",
    activeStates: ["INSTALLED"],
  },
  {
    name: "POOL_ETL",
    type: "POOL",
    os: "LINUX",
    linked: true,
    limit: 60,
    fence: 0,
    nodeName: "pool_etl",
    description: "Pool of the data warehouse agents",
    members: ["AGT_LNX01", "AGT_LNX02"],
    activeStates: ["LINKED", "RUNNING"],
  },
  {
    name: "FTA_SAP01",
    type: "FTA",
    os: "UNIX",
    linked: true,
    limit: 25,
    fence: 10,
    nodeName: "sapbatch01.prod.local",
    description: "Fault-tolerant agent on the SAP batch server",
    activeStates: ["LINKED", "FULLY_LINKED", "RUNNING", "WRITER_RUNNING", "JOBMAN_UP", "TCP_IP_LINKED"],
  },
];

/**
 * stages: jobs of one stage run in parallel; every job of a stage follows every job of the stage before.
 * A name with `{01..12}` stands for that many parallel jobs (zero padding as written).
 * follows: job streams whose last jobs must end before this stream's first jobs start (EXTERNAL_JOB).
 * everyMinutes: one instance of the stream every so many minutes from `at` to the end of the day.
 * @typedef {{ name: string, folder: string, workstation: string, at: string, stages: (string | string[])[],
 *   follows?: string[], critical?: boolean, everyMinutes?: number }} JobStreamSeed
 */

/** @type {JobStreamSeed[]} */
export const jobStreams = [
  {
    name: "HOURLY_HEALTH",
    folder: "/OPS/",
    workstation: "MASTER",
    at: "00:15",
    everyMinutes: 120,
    stages: [["CHECK_AGENTS", "CHECK_DISK_SPACE"], "CHECK_QUEUE_DEPTH"],
  },
  {
    name: "DAILY",
    folder: "/",
    workstation: "MASTER",
    at: "00:05",
    stages: [
      "START_OF_DAY",
      ["CHECK_FILESYSTEMS", "CHECK_DB_LISTENERS"],
      "PURGE_TEMP",
      "ROTATE_LOGS",
      "REPORT_PLAN_STATUS",
    ],
  },
  {
    name: "BACKUP_DB",
    folder: "/OPS/",
    workstation: "AGT_LNX01",
    at: "01:00",
    stages: [
      "RMAN_CROSSCHECK",
      "RMAN_LEVEL0_CORE",
      ["RMAN_LEVEL0_DWH", "RMAN_ARCHIVELOG"],
      "RMAN_DELETE_OBSOLETE",
      "BACKUP_REPORT",
    ],
  },
  {
    name: "HOUSEKEEPING",
    folder: "/OPS/",
    workstation: "AGT_LNX02",
    at: "02:00",
    stages: [
      ["PURGE_ARCHIVE_LOGS", "PURGE_TMP_FILES"],
      "COMPRESS_OLD_LOGS",
      "CLEAN_SPOOL",
      "DB_STATS_GATHER",
      "HOUSEKEEPING_REPORT",
    ],
  },
  {
    name: "ETL_CRM_EXTRACT",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "02:30",
    stages: [
      "CRM_SNAPSHOT",
      ["EXTRACT_CUSTOMERS", "EXTRACT_CONTACTS", "EXTRACT_OPPORTUNITIES", "EXTRACT_CASES_REGION_{01..06}"],
      "CRM_CHECKSUM",
      "CRM_EXTRACT_DONE",
    ],
  },
  {
    name: "ETL_ERP_EXTRACT",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "03:00",
    stages: [
      "ERP_SNAPSHOT",
      ["EXTRACT_ORDERS", "EXTRACT_INVOICES", "EXTRACT_PRODUCTS", "EXTRACT_STOCK", "EXTRACT_GL_CO{100..107}"],
      "ERP_CHECKSUM",
      "ERP_EXTRACT_DONE",
    ],
  },
  {
    name: "ETL_DWH",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "04:00",
    follows: ["ETL_CRM_EXTRACT", "ETL_ERP_EXTRACT"],
    stages: [
      "STAGE_LOAD",
      ["LOAD_CUSTOMER_DIM", "LOAD_PRODUCT_DIM", "LOAD_DATE_DIM"],
      ["LOAD_SALES_FACT", "LOAD_STOCK_FACT"],
      "LOAD",
      "VALIDATE_COUNTS",
      "REFRESH_MVIEWS",
      "ETL_DWH_DONE",
    ],
  },
  {
    name: "DWH_AGGREGATES",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "05:30",
    follows: ["ETL_DWH"],
    stages: [["AGG_SALES_DAILY", "AGG_SALES_MONTHLY", "AGG_STOCK_DAILY"], "AGG_MARGIN", "PUBLISH_CUBES"],
  },
  {
    name: "BI_REPORTS",
    folder: "/DWH/",
    workstation: "AGT_WIN01",
    at: "06:30",
    follows: ["DWH_AGGREGATES"],
    stages: [
      ["RPT_SALES_DAILY", "RPT_STOCK_LEVELS", "RPT_MARGIN", "RPT_REGION_{01..08}"],
      "RPT_EXEC_DASHBOARD",
      "RPT_DISTRIBUTE_EMAIL",
    ],
  },
  {
    name: "TREASURY_RATES",
    folder: "/FINANCE/",
    workstation: "AGT_LNX02",
    at: "06:00",
    stages: ["FETCH_FX_RATES", "FETCH_INTEREST_RATES", "VALIDATE_RATES", "LOAD_RATES"],
  },
  {
    name: "SAP_FI_OPEN",
    folder: "/FINANCE/",
    workstation: "FTA_SAP01",
    at: "06:45",
    stages: ["SAP_OPEN_PERIOD", "SAP_FX_REVALUATION", "SAP_FI_OPEN_CHECK"],
  },
  {
    name: "GL_POSTING",
    folder: "/FINANCE/",
    workstation: "FTA_SAP01",
    at: "07:00",
    follows: ["SAP_FI_OPEN"],
    stages: ["GL_IMPORT_JOURNALS", "GL_VALIDATE", "GL_POST_JOURNALS", "GL_TRIAL_BALANCE", "GL_POSTING_REPORT"],
  },
  {
    name: "HR_SYNC",
    folder: "/HR/",
    workstation: "AGT_WIN01",
    at: "07:30",
    stages: ["HR_EXPORT_EMPLOYEES", ["HR_EXPORT_AD", "HR_EXPORT_BADGES"], "HR_SYNC_REPORT"],
  },
  {
    name: "PAYROLL",
    folder: "/HR/",
    workstation: "AGT_LNX01",
    at: "08:00",
    critical: true,
    stages: [
      "PAYROLL_EXTRACT",
      "PAYROLL_VALIDATE",
      "PAYROLL_CALC",
      ["PAYROLL_TAX", "PAYROLL_BENEFITS"],
      "PAYROLL_PAYSLIP_PDF_{01..10}",
      "PAYROLL_REPORT",
      "PAYROLL_BANK_FILE",
      "SFTP_SEND_BANK",
      "PAYROLL_ARCHIVE",
    ],
  },
  {
    name: "CARDS_AUTH_SETTLE",
    folder: "/CARDS/",
    workstation: "AGT_LNX02",
    at: "08:30",
    stages: ["CARDS_FETCH_AUTH_ACQ_{01..05}", "CARDS_MATCH_AUTH", "CARDS_SETTLE", "CARDS_AUTH_REPORT"],
  },
  {
    name: "BANK_RECON",
    folder: "/FINANCE/",
    workstation: "AGT_LNX01",
    at: "09:00",
    follows: ["TREASURY_RATES"],
    stages: ["SFTP_GET_STATEMENTS", "LOAD_STATEMENTS", "RECON_MATCH", "RECON_EXCEPTIONS", "RECON_REPORT"],
  },
  {
    name: "BACKUP_FILES",
    folder: "/OPS/",
    workstation: "AGT_LNX02",
    at: "09:30",
    stages: ["SNAPSHOT_NAS", "BACKUP_NAS_FULL", "VERIFY_BACKUP"],
  },
  {
    name: "INVENTORY_SYNC",
    folder: "/SUPPLY/",
    workstation: "AGT_AIX01",
    at: "10:00",
    stages: ["INV_EXTRACT_STORE_{001..012}", "INV_MERGE", "INV_LOAD", "INV_REPORT"],
  },
  {
    name: "ETL_INTRADAY",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "10:00",
    stages: [
      "INTRADAY_EXTRACT",
      ["LOAD_SALES_INTRADAY", "LOAD_STOCK_INTRADAY", "LOAD_STORE_SALES_{01..12}"],
      "INTRADAY_PUBLISH",
    ],
  },
  {
    name: "ORDERS_EXPORT",
    folder: "/SUPPLY/",
    workstation: "AGT_LNX01",
    at: "10:15",
    stages: ["ORDERS_SELECT", "ORDERS_FORMAT_EDI", "ORDERS_SFTP_PARTNER", "ORDERS_ARCHIVE"],
  },
  {
    name: "CRM_CAMPAIGNS",
    folder: "/MARKETING/",
    workstation: "AGT_WIN01",
    at: "11:00",
    stages: ["SEGMENT_CUSTOMERS_{01..04}", "BUILD_CAMPAIGN_LIST", "SEND_EMAIL_BLAST", "CAMPAIGN_REPORT"],
  },
  {
    name: "INVOICE_PRINT",
    folder: "/BILLING/",
    workstation: "AGT_WIN01",
    at: "12:00",
    stages: ["INVOICE_SELECT", "INVOICE_RENDER_BATCH_{01..10}", "INVOICE_PRINT_SPOOL", "INVOICE_ARCHIVE"],
  },
  {
    name: "CUSTOMER_NOTIFY",
    folder: "/MARKETING/",
    workstation: "AGT_LNX02",
    at: "13:00",
    stages: ["NOTIFY_SELECT", ["NOTIFY_SMS", "NOTIFY_EMAIL", "NOTIFY_PUSH"], "NOTIFY_REPORT"],
  },
  {
    name: "SUPPLIER_PAYMENTS",
    folder: "/FINANCE/",
    workstation: "FTA_SAP01",
    at: "14:00",
    stages: ["SAP_PAYMENT_PROPOSAL", "SAP_PAYMENT_RUN", "PAYMENT_FILE_BANK", "SFTP_SEND_BANK", "PAYMENT_REPORT"],
  },
  {
    name: "ETL_INTRADAY_PM",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "15:00",
    stages: ["INTRADAY_EXTRACT", ["LOAD_SALES_INTRADAY", "LOAD_STOCK_INTRADAY"], "INTRADAY_PUBLISH"],
  },
  {
    name: "RISK_VAR",
    folder: "/RISK/",
    workstation: "AGT_LNX01",
    at: "16:00",
    follows: ["TREASURY_RATES"],
    stages: [
      "RISK_LOAD_POSITIONS",
      "RISK_MARKET_DATA",
      "RISK_VAR_CALC_DESK_{01..06}",
      "RISK_STRESS_TEST",
      "RISK_REPORT",
    ],
  },
  {
    name: "COMPLIANCE_AML",
    folder: "/RISK/",
    workstation: "AGT_LNX02",
    at: "17:00",
    stages: ["AML_EXTRACT_TXN_{01..04}", "AML_SCORE", "AML_ALERTS", "AML_REPORT_REGULATOR"],
  },
  {
    name: "BILLING_EOD",
    folder: "/BILLING/",
    workstation: "AGT_LNX01",
    at: "18:00",
    critical: true,
    stages: [
      "BILLING_CUTOFF",
      "BILLING_RATE_EVENTS_P{01..08}",
      ["BILLING_APPLY_DISCOUNTS", "BILLING_TAXES"],
      "BILLING_INVOICES",
      "BILLING_GL_EXPORT",
      "BILLING_CLOSE",
    ],
  },
  {
    name: "CARDS_CLEARING",
    folder: "/CARDS/",
    workstation: "AGT_LNX02",
    at: "19:00",
    stages: [
      "CLEARING_FETCH_VISA",
      "CLEARING_FETCH_MASTERCARD",
      "CLEARING_MATCH",
      "CLEARING_POST_BRANCH_{01..08}",
      "SFTP_SEND_BANK",
    ],
  },
  {
    name: "SAP_FI_CLOSE",
    folder: "/FINANCE/",
    workstation: "FTA_SAP01",
    at: "20:00",
    follows: ["BILLING_EOD"],
    stages: ["SAP_ACCRUALS", "SAP_FX_REVALUATION", "SAP_FI_CLOSE_PERIOD", "SAP_FI_REPORTS"],
  },
  {
    name: "GL_CLOSE",
    folder: "/FINANCE/",
    workstation: "FTA_SAP01",
    at: "21:00",
    follows: ["SAP_FI_CLOSE"],
    stages: ["GL_CLOSE_SUBLEDGERS", "GL_CONSOLIDATE", "GL_CLOSE_REPORT"],
  },
  {
    name: "DWH_NIGHTLY",
    folder: "/DWH/",
    workstation: "POOL_ETL",
    at: "22:00",
    follows: ["BILLING_EOD"],
    stages: [
      "NIGHTLY_EXTRACT_BILLING",
      "LOAD_BILLING_FACT",
      "LOAD",
      "LOAD_REGION_AGG_{01..08}",
      "NIGHTLY_VALIDATE",
      "NIGHTLY_DONE",
    ],
  },
  {
    name: "BACKUP_APP",
    folder: "/OPS/",
    workstation: "AGT_LNX01",
    at: "23:00",
    stages: [["BACKUP_APP_CONFIG", "BACKUP_APP_DATA", "BACKUP_APP_DB_{01..04}"], "BACKUP_APP_VERIFY"],
  },
  {
    name: "END_OF_DAY",
    folder: "/",
    workstation: "MASTER",
    at: "23:30",
    follows: ["BACKUP_APP"],
    stages: ["EOD_CHECK_PLAN", "EOD_REPORT", "EOD_ARCHIVE_JOBLOGS"],
  },
];

/**
 * What a job runs, by its name; the first matching rule wins. `seconds` is the range of the estimated duration;
 * `longLog` jobs write a few thousand lines.
 * @typedef {"shell" | "sql" | "java" | "sftp" | "sap" | "backup" | "windows" | "report"} TaskKind
 * @type {{ match: RegExp, kind: TaskKind, seconds: [number, number], longLog?: boolean }[]}
 */
export const taskRules = [
  { match: /^(RMAN_LEVEL0|BACKUP_NAS_FULL)/, kind: "backup", seconds: [5400, 9000], longLog: true },
  { match: /^(RMAN_|BACKUP_|SNAPSHOT_|VERIFY_BACKUP)/, kind: "backup", seconds: [300, 1800] },
  { match: /^SFTP_|_SFTP_|^CLEARING_FETCH/, kind: "sftp", seconds: [30, 240] },
  { match: /^SAP_|^GL_|^SAP_PAYMENT/, kind: "sap", seconds: [120, 1500] },
  {
    match: /^(LOAD_SALES_FACT|LOAD_BILLING_FACT|LOAD_SALES_INTRADAY|AGG_SALES_MONTHLY)$/,
    kind: "sql",
    seconds: [1800, 4800],
    longLog: true,
  },
  {
    match: /^(LOAD|STAGE_|AGG_|REFRESH_|DB_STATS|EXTRACT_|INTRADAY_|NIGHTLY_|RECON_|LOAD_|CRM_|ERP_|VALIDATE_)/,
    kind: "sql",
    seconds: [120, 1800],
  },
  {
    match: /^(BILLING_|PAYROLL_CALC|PAYROLL_TAX|PAYROLL_BENEFITS|RISK_|AML_|CARDS_|CLEARING_)/,
    kind: "java",
    seconds: [180, 2400],
  },
  { match: /^(RPT_|INVOICE_|HR_|SEGMENT_|BUILD_CAMPAIGN|SEND_EMAIL|CAMPAIGN_)/, kind: "windows", seconds: [60, 900] },
  { match: /_REPORT$|^REPORT_|^EOD_REPORT/, kind: "report", seconds: [30, 300] },
  { match: /.*/, kind: "shell", seconds: [20, 600] },
];

/** Operating-system users that run each folder's jobs. */
export const userByFolder = {
  "/": "twsuser",
  "/OPS/": "oracle",
  "/DWH/": "etl",
  "/FINANCE/": "fin",
  "/HR/": "payroll",
  "/CARDS/": "cards",
  "/SUPPLY/": "supply",
  "/MARKETING/": "mkt",
  "/BILLING/": "billing",
  "/RISK/": "risk",
};

/**
 * The morning's story, applied while the plan is simulated from the start of the day to "now":
 * outcomes forced for some runs (an operator reruns an ABEND 10 minutes later while more outcomes remain),
 * jobs an operator cancelled or held before they started.
 */
export const story = {
  outcomes: [
    { jobStream: "PAYROLL", job: "PAYROLL_CALC", runs: ["ABEND", "ABEND", "SUCC"] },
    { jobStream: "ETL_DWH", job: "LOAD_SALES_FACT", runs: ["ABEND", "SUCC"] },
    { jobStream: "BANK_RECON", job: "RECON_MATCH", runs: ["ABEND"] },
    { jobStream: "GL_POSTING", job: "GL_POST_JOURNALS", runs: ["ABEND"] },
    { jobStream: "HR_SYNC", job: "HR_EXPORT_AD", runs: ["ABEND"] },
    { jobStream: "CARDS_AUTH_SETTLE", job: "CARDS_SETTLE", runs: ["SUCC"] },
  ],
  operatorActions: [
    { at: "01:55", action: "cancel", jobStream: "HOUSEKEEPING", job: "PURGE_ARCHIVE_LOGS" },
    { at: "06:40", action: "cancel", jobStream: "BI_REPORTS", job: "RPT_MARGIN" },
    { at: "09:05", action: "hold", jobStream: "CRM_CAMPAIGNS", job: "SEND_EMAIL_BLAST" },
    { at: "10:05", action: "hold", jobStream: "ORDERS_EXPORT", job: "ORDERS_SFTP_PARTNER" },
  ],
};

/** Where the plan clock starts, in hours after the start of the production day. */
export const startHour = 10.5;
/** How often a job of the morning's history ends in ABEND, whatever the configured failure rate. */
export const historyFailureRate = 0.06;
