// Hrana 3 over HTTP, in Protobuf and in JSON, driven through @libsql/hrana-client and through
// @libsql/client's own transaction code at version 3 (the code it runs when a server speaks v3).
import { createClient } from "@libsql/client/web";
import { HttpTransaction } from "@libsql/client/http";
import { BatchCond, type HttpClient } from "@libsql/hrana-client";
import { describe, expect, inject, it } from "vitest";
import { jsonV3Client, libsqlFailure, protobufV3Client, uniqueTable } from "./helpers";

const url = inject("libsqlServerUrl");
const limitedUrl = inject("libsqlLimitedServerUrl");
const limitedMaxCursorBytes = inject("libsqlLimitedMaxCursorBytes");
const v2OnlyUrl = inject("libsqlV2OnlyServerUrl");

async function createTable(client: HttpClient, purpose: string, columns = "a"): Promise<string> {
  const table = uniqueTable(purpose);
  const stream = client.openStream();
  await stream.run(`CREATE TABLE ${table} (${columns})`);
  stream.close();
  return table;
}

async function rowCount(table: string): Promise<unknown> {
  const { rows } = await createClient({ url }).execute(`SELECT count(*) AS total FROM ${table}`);
  return rows[0]?.total;
}

/** A step's error, caught as soon as the batch reports it. */
const caught = (error: unknown) => error;

/** @libsql/client's interactive transaction, on the version the client settled on, as `client.transaction` makes it. */
async function transaction(client: HttpClient): Promise<HttpTransaction> {
  return new HttpTransaction(client.openStream(), "write", await client.getVersion());
}

describe("version checks", () => {
  it("offers v3 to a client that asks, and 404 where v3 is switched off so that it falls back to v2", async () => {
    expect(await (await protobufV3Client(url)).getVersion()).toBe(3);
    for (const path of ["v2", "v3", "v3-protobuf"]) expect((await fetch(`${url}/${path}`)).status).toBe(200);

    expect(await (await protobufV3Client(v2OnlyUrl)).getVersion()).toBe(2);
    for (const path of ["v3", "v3-protobuf", "v3/pipeline", "v3/cursor", "v3-protobuf/pipeline"]) {
      expect((await fetch(`${v2OnlyUrl}/${path}`, { method: path.includes("/") ? "POST" : "GET" })).status).toBe(404);
    }
    const { rows } = await createClient({ url: v2OnlyUrl }).execute("SELECT 1 AS one");
    expect(rows[0]?.one).toBe(1);
  });

  it("serves v2 and v3 side by side on one database", async () => {
    const v3 = await protobufV3Client(url);
    expect(await v3.getVersion()).toBe(3);
    const table = await createTable(v3, "v2_beside_v3");
    const writer = await transaction(v3);
    await writer.execute(`INSERT INTO ${table} VALUES ('over v3')`);
    const v2 = createClient({ url });
    expect(await rowCount(table)).toBe(0);
    await writer.commit();
    const { rows } = await v2.execute(`SELECT a FROM ${table}`);
    expect(rows.map((row) => row.a)).toEqual(["over v3"]);
  });
});

describe.each([
  ["Protobuf", protobufV3Client],
  ["JSON", jsonV3Client],
])("Hrana 3 in %s", (_, client) => {
  const connect = async (serverUrl: string) => {
    const connected = await client(serverUrl);
    expect(await connected.getVersion()).toBe(3);
    return connected;
  };

  it("stops a batch at a ROLLBACK: the later statements and the COMMIT are skipped", async () => {
    const client = await connect(url);
    const table = await createTable(client, "v3_batch_rollback");
    const stream = client.openStream();
    // The batch @libsql/client sends for client.batch at v3: every step also needs to be in the transaction.
    const batch = stream.batch(true);
    const inTransaction = () => BatchCond.not(BatchCond.isAutocommit(batch));
    const begin = batch.step();
    const began = begin.run("BEGIN IMMEDIATE");
    const insert = batch.step().condition(BatchCond.ok(begin)).condition(inTransaction());
    const inserted = insert.run(`INSERT INTO ${table} VALUES (1), (2), (3)`);
    const rollback = batch.step().condition(BatchCond.ok(insert)).condition(inTransaction());
    const rolledBack = rollback.run("ROLLBACK");
    const later = batch.step().condition(BatchCond.ok(rollback)).condition(inTransaction());
    const laterInsert = later.run(`INSERT INTO ${table} VALUES (4), (5)`);
    const commit = batch.step().condition(BatchCond.ok(later)).condition(inTransaction());
    const committed = commit.run("COMMIT");
    const cleanup = batch
      .step()
      .condition(BatchCond.not(BatchCond.ok(commit)))
      .run("ROLLBACK")
      .catch(caught);
    await batch.execute();

    await began;
    expect((await inserted)?.affectedRowCount).toBe(3);
    await rolledBack;
    expect(await laterInsert).toBeUndefined();
    expect(await committed).toBeUndefined();
    expect(await cleanup).toMatchObject({ code: "SQLITE_ERROR" }); // no transaction is left to roll back
    expect(await rowCount(table)).toBe(0);
    stream.close();
  });

  it("stops an interactive transaction at a ROLLBACK: later statements fail with TRANSACTION_CLOSED", async () => {
    const client = await connect(url);
    const table = await createTable(client, "v3_tx_rollback");
    const writer = await transaction(client);
    const first = writer.execute(`INSERT INTO ${table} VALUES (1), (2), (3)`);
    const rollback = writer.execute("ROLLBACK");
    const after = writer.execute(`INSERT INTO ${table} VALUES (4), (5)`);
    expect((await first).rowsAffected).toBe(3);
    await rollback;
    expect((await libsqlFailure(after)).code).toBe("TRANSACTION_CLOSED");
    await libsqlFailure(writer.commit());
    writer.close();
    expect(await rowCount(table)).toBe(0);
  });

  it("stops an interactive transaction at a failing INSERT OR ROLLBACK", async () => {
    const client = await connect(url);
    const table = await createTable(client, "v3_or_rollback", "a UNIQUE");
    const seed = client.openStream();
    await seed.run(`INSERT INTO ${table} VALUES (1)`);
    seed.close();

    const writer = await transaction(client);
    const clash = writer.execute(`INSERT OR ROLLBACK INTO ${table} VALUES (1)`);
    const after = writer.execute(`INSERT INTO ${table} VALUES (4), (5)`);
    expect((await libsqlFailure(clash)).code).toBe("SQLITE_CONSTRAINT");
    expect((await libsqlFailure(after)).code).toBe("TRANSACTION_CLOSED");
    writer.close();
    expect(await rowCount(table)).toBe(1);
  });

  it("answers get_autocommit and evaluates is_autocommit conditions", async () => {
    const client = await connect(url);
    const stream = client.openStream();
    expect(await stream.getAutocommit()).toBe(true);
    await stream.run("BEGIN");
    expect(await stream.getAutocommit()).toBe(false);

    const batch = stream.batch(false);
    const inside = batch
      .step()
      .condition(BatchCond.not(BatchCond.isAutocommit(batch)))
      .queryValue("SELECT 'in'");
    const outside = batch.step().condition(BatchCond.isAutocommit(batch)).queryValue("SELECT 'out'");
    await batch.execute();
    expect((await inside)?.value).toBe("in");
    expect(await outside).toBeUndefined();

    await stream.run("COMMIT");
    expect(await stream.getAutocommit()).toBe(true);
    stream.close();
  });

  it("streams a batch through a cursor: rows in order, step errors, skipped steps", async () => {
    const client = await connect(url);
    const stream = client.openStream();
    const batch = stream.batch(true);
    const many = batch
      .step()
      .query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) SELECT i, 'row ' || i AS label FROM n",
      );
    const failingStep = batch.step();
    const failing = failingStep.run("SELECT * FROM no_such_table").catch(caught);
    const skipped = batch.step().condition(BatchCond.ok(failingStep)).query("SELECT 1");
    const recovered = batch.step().condition(BatchCond.error(failingStep)).queryValue("SELECT 'recovered'");
    await batch.execute();

    const { rows, columnNames } = (await many)!;
    expect(columnNames).toEqual(["i", "label"]);
    expect(rows).toHaveLength(3000);
    expect([rows[0]?.label, rows[2999]?.label]).toEqual(["row 1", "row 3000"]);
    expect(await failing).toMatchObject({ code: "SQLITE_ERROR", message: expect.stringMatching(/no such table/) });
    expect(await skipped).toBeUndefined();
    expect((await recovered)?.value).toBe("recovered");
    stream.close();
  });

  it("ends a cursor past its size limit with RESPONSE_TOO_LARGE, and keeps the stream", async () => {
    const client = await connect(limitedUrl);
    const stream = client.openStream();
    const batch = stream.batch(true);
    const rowsNeeded = Math.ceil(limitedMaxCursorBytes / 100) * 2;
    batch
      .step()
      .query(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rowsNeeded}) SELECT printf('%0100d', i) FROM n`,
      )
      .catch(() => undefined); // the step never completes: the cursor ends first
    await expect(batch.execute()).rejects.toMatchObject({ code: "RESPONSE_TOO_LARGE" });
    expect((await stream.queryValue("SELECT 'still here'"))?.value).toBe("still here");
    stream.close();
  });

  it("runs execute, describe, sequence, store_sql and close_sql", async () => {
    const client = await connect(url);
    client.intMode = "bigint";
    const table = uniqueTable("v3_requests");
    const stream = client.openStream();
    await stream.sequence(
      `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT, data BLOB); INSERT INTO ${table} (name) VALUES ('a');`,
    );
    const insert = stream.storeSql(`INSERT INTO ${table} (id, name, data) VALUES (:id, :name, :data)`);
    const far = 2n ** 62n;
    const inserted = await stream.run([insert, { id: far, name: "日本 🌍", data: new Uint8Array([0, 255]) }]);
    expect(inserted.lastInsertRowid).toBe(far);
    insert.close();

    const described = await stream.describe(`SELECT name FROM ${table} WHERE id = :id OR id = ?3`);
    expect(described.paramNames).toEqual([":id", undefined, "?3"]);
    expect(described.columns).toEqual([{ name: "name", decltype: "TEXT" }]);
    expect(described.isReadonly).toBe(true);

    const { rows } = await stream.query([
      `SELECT id, name, data, ? AS smallest, ? AS half, ? AS absent FROM ${table} ORDER BY id`,
      [-(2n ** 63n), 0.5, null],
    ]);
    expect(rows.map((row) => [row.id, row.name])).toEqual([
      [1n, "a"],
      [far, "日本 🌍"],
    ]);
    expect([...new Uint8Array(rows[1]?.data as ArrayBuffer)]).toEqual([0, 255]);
    expect(rows[0]).toMatchObject({ smallest: -(2n ** 63n), half: 0.5, absent: null });
    stream.close();
  });
});
