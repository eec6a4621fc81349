// Job logs as HWA returns them for the runs in the fixtures (the shape of dev/hwa-simulator/joblog.mjs).

const rule = "===============================================================";

const header = (job: string, stream: string, workstation: string, command: string) => [
  rule,
  `= JOB       : ${workstation}#${stream}[(0800 11/28/25),(0AAAAAAAAAAAAPAY)].${job}`,
  "= USER      : batchusr",
  `= JCLFILE   : ${command}`,
  "= Job Number: 482913",
  "= RUN       : 2 (rerun)",
  "= Fri 11/28/2025 08:12:00 UTC",
  rule,
];

const footer = (exitStatus: number, elapsed: string, end: string) => [
  rule,
  `= Exit Status           : ${exitStatus}`,
  `= Elapsed Time (hh:mm:ss) : ${elapsed}`,
  `= Fri 11/28/2025 ${end} UTC`,
  rule,
];

/** PAYROLL_CALC: a Java batch that reaches Oracle, runs out of heap, and exits 12. */
export function payrollCalcLog(progressLines = 40): string {
  const body: string[] = [];
  for (let i = 1; i <= progressLines; i++) {
    const time = `2025-11-28 08:${String(12 + Math.floor(i / 4)).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`;
    body.push(
      i % 9 === 0
        ? `${time} WARN  [main] com.zaxxer.hikari.pool.HikariPool - connection is not available, retrying`
        : `${time} INFO  [main] com.acme.batch.PayrollCalcStep - processed ${1000 * i} events (4210/s)`,
    );
  }
  return [
    ...header("PAYROLL_CALC", "PAYROLL", "AGT_LNX01", "/opt/batch/bin/payroll_calc.sh -Xmx2g"),
    "+ /opt/batch/bin/payroll_calc.sh -Xmx2g",
    ...body,
    "2025-11-28 08:23:40 ERROR [main] com.acme.batch.db.Repository - ORA-00060: deadlock detected while waiting for resource",
    "2025-11-28 08:23:41 ERROR [main] com.acme.batch.db.Repository - ORA-00060: deadlock detected while waiting for resource",
    'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
    "\tat com.acme.batch.PayrollCalcStep.execute(PayrollCalcStep.java:212)",
    "\tat com.acme.batch.Runner.run(Runner.java:87)",
    "\tat com.acme.batch.Runner.main(Runner.java:31)",
    "[ERROR] 2025-11-28 08:24:00 payroll_calc failed, exit code 12",
    ...footer(12, "00:12:00", "08:24:00"),
  ].join("\n");
}

/** LOAD_SALES_FACT: SQL*Plus loading the fact table; `ok` ends well, else ORA-01555 and SP2. */
export function loadSalesFactLog(rows: number, ok: boolean): string {
  const body: string[] = [];
  for (let i = 1; i <= rows; i++) {
    body.push(
      i % 3 === 0
        ? "Commit complete."
        : i % 3 === 1
          ? `${1000 + ((i * 7919) % 250_000)} rows merged.`
          : `-- 2025-11-28 04:${String(i % 60).padStart(2, "0")}:00 checkpoint`,
    );
  }
  const end = ok
    ? [
        "PL/SQL procedure successfully completed.",
        "",
        "Disconnected from Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production",
      ]
    : [
        "ERROR at line 3:",
        'ORA-01555: snapshot too old: rollback segment number 12 with name "_SYSSMU12_1849$" too small',
        "SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus",
      ];
  return [
    ...header("LOAD_SALES_FACT", "ETL_DWH", "POOL_ETL", "sqlplus -s /@DWH @/opt/dwh/sql/load_sales_fact.sql"),
    "",
    "SQL*Plus: Release 19.0.0.0.0 - Production",
    "",
    "Connected to:",
    "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production",
    "",
    ...body,
    ...end,
    ...footer(ok ? 0 : 8, "01:02:13", "05:14:13"),
  ].join("\n");
}
