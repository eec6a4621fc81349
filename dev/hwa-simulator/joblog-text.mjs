// What each kind of job writes to its log: ordinary progress lines, and the error lines of a failed run
// (the ones operators search for: ORA-01017, "Exception in thread", "exit code 8"...).
import { between, pick } from "./random.mjs";

/**
 * @typedef {{ random: () => number, name: string, lower: string, date: string, time: () => string, index: number }} LineContext
 *   date: the plan date (YYYYMMDD); time: the timestamp of the line being written; index: its number in the body.
 */

/** @type {{ shell: (context: LineContext) => string } & Record<string, (context: LineContext) => string>} */
const progress = {
  shell: ({ random, lower, date, time, index }) =>
    pick(random, [
      `[INFO] ${time()} ${lower}: reading /data/in/${lower}_${date}.dat (${between(random, 1_000, 90_000)} records)`,
      `[INFO] ${time()} ${lower}: ${between(random, 100, 9_000)} records written to /data/out/${lower}_${date}.dat`,
      `[INFO] ${time()} step ${index} completed`,
      `+ gzip -9 /data/work/${lower}_${date}_${index}.tmp`,
    ]),
  sql: ({ random, time }) =>
    pick(random, [
      `${between(random, 10, 250_000)} rows created.`,
      `${between(random, 10, 90_000)} rows merged.`,
      "Commit complete.",
      "PL/SQL procedure successfully completed.",
      `Elapsed: 00:0${between(random, 0, 9)}:${String(between(random, 0, 59)).padStart(2, "0")}.${between(random, 10, 99)}`,
      `-- ${time()} checkpoint`,
    ]),
  java: ({ random, name, time }) =>
    pick(random, [
      `${time()} INFO  [main] com.acme.batch.${camel(name)}Step - processed ${between(random, 1_000, 500_000)} events (${between(random, 800, 9_000)}/s)`,
      `${time()} INFO  [pool-1-thread-${between(random, 1, 8)}] com.acme.batch.Partition - partition ${between(random, 1, 64)} done`,
      `${time()} DEBUG [main] com.acme.batch.Checkpoint - committed offset ${between(random, 10_000, 9_000_000)}`,
      `${time()} WARN  [main] com.zaxxer.hikari.pool.HikariPool - connection is not available, retrying`,
    ]),
  sftp: ({ random, lower, date }) =>
    pick(random, [
      `sftp> put /data/out/${lower}_${date}.txt`,
      `Uploading /data/out/${lower}_${date}.txt to /inbound/${lower}_${date}.txt`,
      `${lower}_${date}.txt                      100% ${between(random, 10, 9_000)}KB   ${between(random, 1, 40)}.${between(random, 0, 9)}MB/s   00:0${between(random, 0, 9)}`,
      "sftp> ls -l /inbound",
    ]),
  sap: ({ random, name, time }) =>
    pick(random, [
      `${time()} R3BATCH Step ${String(between(random, 1, 20)).padStart(3, "0")} started (program Z${name.slice(0, 20)}, variant DAILY)`,
      `${time()} R3BATCH Step ${String(between(random, 1, 20)).padStart(3, "0")} ended`,
      `${time()} R3BATCH Spool request ${between(random, 10_000, 99_999)} created`,
      `${time()} R3BATCH ${between(random, 100, 90_000)} documents posted`,
    ]),
  backup: ({ random, time, index }) =>
    pick(random, [
      `channel ORA_DISK_${between(random, 1, 4)}: starting piece ${index} at ${time()}`,
      `input datafile file number=${String(between(random, 1, 400)).padStart(5, "0")} name=+DATA/PRD/DATAFILE/users.${between(random, 200, 999)}.${between(random, 1_000_000, 9_999_999)}`,
      `channel ORA_DISK_${between(random, 1, 4)}: finished piece ${index} at ${time()}`,
      `piece handle=/backup/rman/PRD_${index}_${between(random, 1, 9)}.bkp tag=TAG${index} comment=NONE`,
      `channel ORA_DISK_${between(random, 1, 4)}: backup set complete, elapsed time: 00:0${between(random, 0, 9)}:${String(between(random, 0, 59)).padStart(2, "0")}`,
    ]),
  windows: ({ random, name, time }) =>
    pick(random, [
      `[${time()}] ${name}: exporting ${between(random, 100, 50_000)} rows`,
      "        1 file(s) copied.",
      `[${time()}] ${name}: batch ${between(random, 1, 40)} written`,
      `C:\\Batch> echo %ERRORLEVEL%`,
    ]),
  report: ({ random, lower, date, time }) =>
    pick(random, [
      `${time()} rendering page ${between(random, 1, 300)}`,
      `${time()} report written to /reports/${lower}_${date}.pdf (${between(random, 40, 9_000)} KB)`,
      `${time()} query returned ${between(random, 10, 90_000)} rows`,
    ]),
};

/**
 * @type {{ shell: (context: LineContext, returnCode: number) => string[] }
 *   & Record<string, (context: LineContext, returnCode: number) => string[]>}
 */
const failure = {
  shell: ({ lower, date, time }, returnCode) => [
    `[ERROR] ${time()} input file /data/in/${lower}_${date}.dat not found`,
    `[ERROR] ${time()} ${lower} failed, exit code ${returnCode}`,
  ],
  sql: ({ random }) =>
    pick(random, [
      [
        "ERROR:",
        "ORA-01017: invalid username/password; logon denied",
        "",
        "SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus",
      ],
      ["ERROR at line 1:", "ORA-00942: table or view does not exist"],
      [
        "ERROR at line 3:",
        'ORA-01555: snapshot too old: rollback segment number 12 with name "_SYSSMU12_1849$" too small',
      ],
      ["ERROR at line 1:", "ORA-00060: deadlock detected while waiting for resource"],
    ]),
  java: ({ random, name }) => {
    const [exception, detail] = pick(random, [
      ["java.lang.OutOfMemoryError", "Java heap space"],
      ["java.sql.SQLRecoverableException", "IO Error: Connection reset"],
      ["java.lang.IllegalStateException", `${camel(name)} input is empty`],
    ]);
    return [
      `Exception in thread "main" ${exception}: ${detail}`,
      `\tat com.acme.batch.${camel(name)}Step.execute(${camel(name)}Step.java:${between(random, 40, 400)})`,
      "\tat com.acme.batch.Runner.run(Runner.java:87)",
      "\tat com.acme.batch.Runner.main(Runner.java:31)",
    ];
  },
  sftp: ({ random }) =>
    pick(random, [
      ["ssh: connect to host sftp.bank.example.com port 22: Connection timed out", "Connection closed"],
      ["Couldn't read packet: Connection reset by peer"],
      ["Permission denied (publickey).", "Connection closed"],
    ]),
  sap: ({ name, time }) => [
    `${time()} R3BATCH Job Z${name.slice(0, 20)} cancelled in SAP`,
    `${time()} R3BATCH ABAP runtime error TIME_OUT in program Z${name.slice(0, 20)}`,
  ],
  backup: ({ time }) => [
    `RMAN-03009: failure of backup command on ORA_DISK_1 channel at ${time()}`,
    'ORA-19502: write error on file "/backup/rman/PRD_full.bkp", block number 1048576 (block size=8192)',
    "ORA-27072: File I/O error",
  ],
  windows: ({ random }, returnCode) => [
    pick(random, [
      "The system cannot find the path specified.",
      "Access is denied.",
      "The network path was not found.",
    ]),
    `ERRORLEVEL ${returnCode}`,
  ],
  report: ({ time }) => [`${time()} ERROR report data source unavailable`],
};

/** @param {string} kind @param {LineContext} context */
export function progressLine(kind, context) {
  return (progress[kind] ?? progress.shell)(context);
}

/** @param {string} kind @param {LineContext} context @param {number} returnCode */
export function failureLines(kind, context, returnCode) {
  return (failure[kind] ?? failure.shell)(context, returnCode);
}

/** The first lines a kind of job writes, before its progress. @param {string} kind @param {string} command */
export function openingLines(kind, command) {
  if (kind === "sql") {
    return [
      "",
      "SQL*Plus: Release 19.0.0.0.0 - Production",
      "",
      "Connected to:",
      "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production",
      "",
    ];
  }
  if (kind === "sftp") return ["Connected to sftp.partner.example.com.", "sftp> cd /inbound"];
  if (kind === "backup" && command.startsWith("rman")) {
    return [
      "Recovery Manager: Release 19.0.0.0.0 - Production",
      "connected to target database: PRD (DBID=3914521378)",
      "using target database control file instead of recovery catalog",
    ];
  }
  return [`+ ${command}`];
}

/** PAYROLL_CALC → PayrollCalc. @param {string} name */
function camel(name) {
  return name
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
