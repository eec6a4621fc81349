// Batches, interactive transactions across HTTP requests, locking between streams and idle expiry.
import { createClient, LibsqlBatchError, type Client } from "@libsql/client/web";
import { describe, expect, inject, it, vi } from "vitest";
import { libsqlFailure, uniqueTable } from "./helpers";

const url = inject("libsqlServerUrl");
const limitedUrl = inject("libsqlLimitedServerUrl");
const limitedIdleMs = inject("libsqlLimitedIdleMs");
const limitedBusyMs = inject("libsqlLimitedBusyMs");
const limitedMaxStreams = inject("libsqlLimitedMaxStreams");

async function namesIn(client: Pick<Client, "execute">, table: string): Promise<unknown[]> {
  const { rows } = await client.execute(`SELECT name FROM ${table} ORDER BY rowid`);
  return rows.map((row) => row.name);
}

async function createNamesTable(client: Client, purpose: string): Promise<string> {
  const table = uniqueTable(purpose);
  await client.execute(`CREATE TABLE ${table} (name TEXT UNIQUE NOT NULL)`);
  return table;
}

describe("batch", () => {
  it("commits every statement and returns their results in order", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "batch_ok");
    const results = await client.batch(
      [
        { sql: `INSERT INTO ${table} VALUES (?)`, args: ["a"] },
        { sql: `INSERT INTO ${table} VALUES (?)`, args: ["b"] },
        `SELECT count(*) AS total FROM ${table}`,
      ],
      "write",
    );
    expect(results.map((result) => result.rowsAffected)).toEqual([1, 1, 0]);
    expect(results[2]?.rows[0]?.total).toBe(2);
  });

  it("rolls back as a whole when one statement fails", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "batch_fail");
    await client.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["existing"] });

    const error = await libsqlFailure(
      client.batch(
        [
          { sql: `INSERT INTO ${table} VALUES (?)`, args: ["new"] },
          { sql: `INSERT INTO ${table} VALUES (?)`, args: ["existing"] },
          { sql: `INSERT INTO ${table} VALUES (?)`, args: ["never"] },
        ],
        "write",
      ),
    );
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect((error as LibsqlBatchError).statementIndex).toBe(1);
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(await namesIn(client, table)).toEqual(["existing"]);
  });
});

describe("interactive transactions", () => {
  it("commits writes made over several requests", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "tx_commit");
    const transaction = await client.transaction("write");
    await transaction.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["first"] });
    await transaction.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["second"] });
    const inside = await transaction.execute(`SELECT count(*) AS total FROM ${table}`);
    expect(inside.rows[0]?.total).toBe(2);
    expect(await namesIn(client, table)).toEqual([]);
    await transaction.commit();
    expect(transaction.closed).toBe(true);
    expect(await namesIn(client, table)).toEqual(["first", "second"]);
  });

  it("rolls back", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "tx_rollback");
    const transaction = await client.transaction("write");
    await transaction.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["discarded"] });
    await transaction.rollback();
    expect(await namesIn(client, table)).toEqual([]);
  });

  it("keeps a transaction's uncommitted writes from other streams", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "tx_isolation");
    await client.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["committed"] });

    const writer = await client.transaction("write");
    await writer.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["uncommitted"] });
    const reader = await client.transaction("read");
    expect(await namesIn(reader, table)).toEqual(["committed"]);
    expect(await namesIn(client, table)).toEqual(["committed"]);

    await writer.commit();
    // The reader keeps the snapshot its first read took; new readers see the commit.
    expect(await namesIn(reader, table)).toEqual(["committed"]);
    await reader.commit();
    expect(await namesIn(client, table)).toEqual(["committed", "uncommitted"]);
  });

  it("makes a second writer wait for the first, without blocking the server", async () => {
    const client = createClient({ url });
    const table = await createNamesTable(client, "tx_wait");
    const first = await client.transaction("write");
    await first.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["first"] });

    // The second writer is a client of its own, so the test sees its write leave.
    let secondWrites = 0;
    const secondClient = createClient({
      url,
      fetch: (request: Request) => {
        if (request.method === "POST") secondWrites += 1;
        return fetch(request);
      },
    });
    const second = (async () => {
      const transaction = await secondClient.transaction("write");
      await transaction.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["second"] });
      await transaction.commit();
    })();
    await vi.waitFor(() => expect(secondWrites).toBeGreaterThan(0));
    await first.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["first again"] });
    await first.commit();
    await second;
    expect(await namesIn(client, table)).toEqual(["first", "first again", "second"]);
  });
});

describe("limits", () => {
  it("fails a writer with SQLITE_BUSY once the busy timeout passes", async () => {
    const client = createClient({ url: limitedUrl });
    const table = await createNamesTable(client, "tx_busy");
    const holder = await client.transaction("write");
    await holder.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["holding"] });

    const startedAt = Date.now();
    const waiter = await client.transaction("write");
    const error = await libsqlFailure(waiter.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["waiting"] }));
    expect(error.code).toBe("SQLITE_BUSY");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(limitedBusyMs - 50);
    await holder.commit();
    expect(await namesIn(client, table)).toEqual(["holding"]);
  });

  it("expires an idle transaction, rolling it back and releasing its lock", async () => {
    const client = createClient({ url: limitedUrl });
    const table = await createNamesTable(client, "tx_expiry");
    const idle = await client.transaction("write");
    await idle.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["abandoned"] });

    // Only the expiry releases the idle transaction's lock: wait until another writer gets it.
    await vi.waitFor(() => client.batch(["SELECT 1"], "write"), { timeout: limitedIdleMs * 4, interval: 100 });
    const error = await libsqlFailure(idle.execute(`SELECT count(*) FROM ${table}`));
    expect(error.code).toBe("STREAM_EXPIRED");
    expect(await namesIn(client, table)).toEqual([]);

    const next = await client.transaction("write");
    await next.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["after expiry"] });
    await next.commit();
    expect(await namesIn(client, table)).toEqual(["after expiry"]);
  }, 10_000);

  it("refuses a stream beyond the open-stream limit, and serves again once streams close", async () => {
    const client = createClient({ url: limitedUrl });
    const open = [];
    for (let index = 0; index < limitedMaxStreams; index++) {
      const transaction = await client.transaction("deferred");
      await transaction.execute("SELECT 1");
      open.push(transaction);
    }
    const error = await libsqlFailure(client.execute("SELECT 1"));
    expect(error.code).toBe("STREAM_LIMIT_REACHED");
    await Promise.all(open.map((transaction) => transaction.rollback()));
    const { rows } = await client.execute("SELECT 1 AS one");
    expect(rows[0]?.one).toBe(1);
  });
});
