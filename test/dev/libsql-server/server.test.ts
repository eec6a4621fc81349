// The local libSQL server, driven through @libsql/client/web over http:// as the Worker drives it.
import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import { libsqlFailure, uniqueTable } from "./helpers";

const url = inject("libsqlServerUrl");
const maxInteger = 9223372036854775807n;
const minInteger = -9223372036854775808n;

describe("values", () => {
  it("round-trips null, 64-bit integers, floats, unicode text and blobs", async () => {
    const client = createClient({ url, intMode: "bigint" });
    const table = uniqueTable("kinds");
    await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, n, i INTEGER, f REAL, s TEXT, b BLOB)`);
    const insert = `INSERT INTO ${table} (id, n, i, f, s, b) VALUES (?, ?, ?, ?, ?, ?)`;
    await client.execute({
      sql: insert,
      args: [1n, null, maxInteger, 1.5, "olá — 日本 🌍", new Uint8Array([0, 1, 254, 255])],
    });
    await client.execute({ sql: insert, args: [2n, null, minInteger, -0.25, "", new Uint8Array([7, 8]).buffer] });

    const { rows, columns, columnTypes } = await client.execute(
      `SELECT n, i, f, s, b, typeof(i) AS ti, typeof(f) AS tf, typeof(b) AS tb FROM ${table} ORDER BY id`,
    );
    expect(columns).toEqual(["n", "i", "f", "s", "b", "ti", "tf", "tb"]);
    expect(columnTypes.slice(0, 5)).toEqual(["", "INTEGER", "REAL", "TEXT", "BLOB"]);
    const [first, second] = rows;
    expect(first?.n).toBeNull();
    expect(first?.i).toBe(maxInteger);
    expect(second?.i).toBe(minInteger);
    expect(first?.f).toBe(1.5);
    expect(second?.f).toBe(-0.25);
    expect(first?.s).toBe("olá — 日本 🌍");
    expect(second?.s).toBe("");
    expect(first?.b).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(first?.b as ArrayBuffer)]).toEqual([0, 1, 254, 255]);
    expect([...new Uint8Array(second?.b as ArrayBuffer)]).toEqual([7, 8]);
    expect([first?.ti, first?.tf, first?.tb]).toEqual(["integer", "real", "blob"]);
  });

  it("returns extreme integers exactly as strings, and refuses to squeeze them into numbers", async () => {
    const asStrings = createClient({ url, intMode: "string" });
    const { rows } = await asStrings.execute({
      sql: "SELECT ? AS max, ? AS min, 42 AS small",
      args: [maxInteger, minInteger],
    });
    expect(rows[0]).toMatchObject({ max: "9223372036854775807", min: "-9223372036854775808", small: "42" });

    const asNumbers = createClient({ url });
    await expect(asNumbers.execute({ sql: "SELECT ? AS max", args: [maxInteger] })).rejects.toThrow(RangeError);
    const small = await asNumbers.execute("SELECT 42 AS small");
    expect(small.rows[0]?.small).toBe(42);
  });

  it("binds JavaScript numbers as floats and bigints as integers, as sqld does", async () => {
    const client = createClient({ url });
    const { rows } = await client.execute({ sql: "SELECT typeof(?) AS number, typeof(?) AS bigint", args: [3, 3n] });
    expect(rows[0]).toMatchObject({ number: "real", bigint: "integer" });
  });
});

describe("arguments", () => {
  it("binds positional arguments, numbered ones included", async () => {
    const client = createClient({ url });
    const { rows } = await client.execute({ sql: "SELECT ? AS a, ? AS b", args: ["x", 2n] });
    expect(rows[0]).toMatchObject({ a: "x", b: 2 });
    const numbered = await client.execute({ sql: "SELECT ?2 AS second, ?1 AS first", args: ["one", "two"] });
    expect(numbered.rows[0]).toMatchObject({ second: "two", first: "one" });
  });

  it("binds named arguments written with :, @ and $, with or without the prefix", async () => {
    const client = createClient({ url });
    const sql = "SELECT :a AS a, @b AS b, $c AS c, :a AS again";
    const bare = await client.execute({ sql, args: { a: "one", b: "two", c: "three" } });
    expect(bare.rows[0]).toMatchObject({ a: "one", b: "two", c: "three", again: "one" });
    const prefixed = await client.execute({ sql, args: { ":a": 1, "@b": 2, $c: 3 } });
    expect(prefixed.rows[0]).toMatchObject({ a: 1, b: 2, c: 3, again: 1 });
  });

  it.each([":", "@", "$"])("keeps a slot's first name when ?N refers to it again (%s names)", async (sign) => {
    const client = createClient({ url });
    // SQLite names slot 1 after its first parameter, so ?1 is the same slot as the first named one.
    const { rows } = await client.execute({
      sql: `SELECT ${sign}b AS b, ${sign}a AS a, ?1 AS first`,
      args: { a: "one", [`${sign}b`]: "two" },
    });
    expect(rows[0]).toMatchObject({ b: "two", a: "one", first: "two" });
    const later = await client.execute({
      sql: `SELECT ${sign}x AS x, ?1 AS again, ${sign}y AS y`,
      args: { x: 1, y: 2 },
    });
    expect(later.rows[0]).toMatchObject({ x: 1, again: 1, y: 2 });
  });

  it("rejects arguments that match no parameter", async () => {
    const client = createClient({ url });
    const unknownName = await libsqlFailure(client.execute({ sql: "SELECT :a", args: { b: 1 } }));
    expect(unknownName.code).toBe("ARGS_INVALID");
    const tooMany = await libsqlFailure(client.execute({ sql: "SELECT ?", args: [1, 2] }));
    expect(tooMany.code).toBe("ARGS_INVALID");
  });
});

describe("statement results", () => {
  it("reports affected rows and the last inserted row id", async () => {
    const client = createClient({ url, intMode: "bigint" });
    const table = uniqueTable("counts");
    await client.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT)`);

    const inserted = await client.execute(`INSERT INTO ${table} (name) VALUES ('a'), ('b'), ('c')`);
    expect(inserted.rowsAffected).toBe(3);
    expect(inserted.lastInsertRowid).toBe(3n);

    const far = await client.execute({ sql: `INSERT INTO ${table} (id, name) VALUES (?, 'far')`, args: [2n ** 62n] });
    expect(far.lastInsertRowid).toBe(2n ** 62n);

    const updated = await client.execute(`UPDATE ${table} SET name = upper(name) WHERE id <= 2`);
    expect(updated.rowsAffected).toBe(2);
    expect(updated.lastInsertRowid).toBeUndefined();

    const deleted = await client.execute(`DELETE FROM ${table} WHERE name = 'c'`);
    expect(deleted.rowsAffected).toBe(1);

    const selected = await client.execute(`SELECT * FROM ${table}`);
    expect(selected.rows).toHaveLength(3);
    expect(selected.rowsAffected).toBe(0);
    expect(selected.lastInsertRowid).toBeUndefined();

    const returning = await client.execute(`INSERT INTO ${table} (name) VALUES ('d') RETURNING id, name`);
    expect(returning.rows[0]).toMatchObject({ name: "d" });
    expect(returning.rowsAffected).toBe(1);
    expect(returning.lastInsertRowid).toBe(returning.rows[0]?.id);
  });
});

describe("errors", () => {
  it("reports a syntax error as SQLITE_ERROR", async () => {
    const client = createClient({ url });
    const error = await libsqlFailure(client.execute("SELEC 1"));
    expect(error.code).toBe("SQLITE_ERROR");
    expect(error.message).toMatch(/syntax error/);
  });

  it("reports a unique violation with sqld's primary code, SQLITE_CONSTRAINT", async () => {
    const client = createClient({ url });
    const table = uniqueTable("unique");
    await client.execute(`CREATE TABLE ${table} (email TEXT UNIQUE)`);
    await client.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["a@example.com"] });
    const error = await libsqlFailure(
      client.execute({ sql: `INSERT INTO ${table} VALUES (?)`, args: ["a@example.com"] }),
    );
    expect(error.code).toBe("SQLITE_CONSTRAINT");
    expect(error.message).toMatch(/UNIQUE constraint failed/);
  });

  it("refuses more than one statement in execute, as sqld does", async () => {
    const client = createClient({ url });
    const error = await libsqlFailure(client.execute("SELECT 1; SELECT 2"));
    expect(error.code).toBe("SQL_MANY_STATEMENTS");
  });
});

describe("scripts", () => {
  it("applies migrations with client.migrate", async () => {
    const client = createClient({ url });
    const table = uniqueTable("migrated");
    await client.migrate([
      `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`,
      `CREATE INDEX ${table}_name ON ${table} (name)`,
      `INSERT INTO ${table} (name) VALUES ('seed')`,
    ]);
    const { rows } = await client.execute(`SELECT name FROM ${table}`);
    expect(rows.map((row) => row.name)).toEqual(["seed"]);
    const indexes = await client.execute({
      sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
      args: [table],
    });
    expect(indexes.rows.map((row) => row.name)).toEqual([`${table}_name`]);
  });

  it("runs several statements, triggers included, with client.executeMultiple", async () => {
    const client = createClient({ url });
    const table = uniqueTable("multi");
    await client.executeMultiple(`
      CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT, note TEXT); -- a comment; with a semicolon
      CREATE TRIGGER ${table}_note AFTER INSERT ON ${table} BEGIN
        UPDATE ${table} SET note = CASE WHEN NEW.name = 'a;b' THEN 'semi' ELSE 'plain' END WHERE id = NEW.id;
      END;
      INSERT INTO ${table} (name) VALUES ('a;b');
      INSERT INTO ${table} (name) VALUES ('c');
    `);
    const { rows } = await client.execute(`SELECT name, note FROM ${table} ORDER BY id`);
    expect(rows.map((row) => [row.name, row.note])).toEqual([
      ["a;b", "semi"],
      ["c", "plain"],
    ]);
  });

  it("stops executeMultiple at the first failing statement", async () => {
    const client = createClient({ url });
    const table = uniqueTable("halted");
    const error = await libsqlFailure(
      client.executeMultiple(`
        CREATE TABLE ${table} (id INTEGER PRIMARY KEY);
        INSERT INTO ${table} VALUES (1);
        INSERT INTO no_such_table VALUES (2);
        INSERT INTO ${table} VALUES (3);
      `),
    );
    expect(error.code).toBe("SQLITE_ERROR");
    const { rows } = await client.execute(`SELECT id FROM ${table}`);
    expect(rows.map((row) => row.id)).toEqual([1]);
  });

  it("refuses a request body over 10 MiB with REQUEST_TOO_LARGE", async () => {
    const client = createClient({ url });
    const error = await libsqlFailure(
      client.execute({ sql: "SELECT length(?)", args: ["x".repeat(11 * 1024 * 1024)] }),
    );
    expect(error.code).toBe("REQUEST_TOO_LARGE");
    const { rows } = await client.execute({ sql: "SELECT length(?) AS size", args: ["x".repeat(1024 * 1024)] });
    expect(rows[0]?.size).toBe(1024 * 1024);
  });

  it("serves many concurrent requests", async () => {
    const client = createClient({ url, concurrency: 50 });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        client.execute({ sql: "SELECT ? * 2 AS doubled", args: [BigInt(index)] }),
      ),
    );
    expect(results.map((result) => result.rows[0]?.doubled)).toEqual(
      Array.from({ length: 100 }, (_, index) => index * 2),
    );
  });
});
