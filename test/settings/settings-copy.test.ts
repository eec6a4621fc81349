import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type SettingsDocument } from "../../durable-objects/settings-rules";
import { COPY_MAX_AGE_MS, SettingsCopy } from "../../src/settings/settings-copy";

const on = (message: string): SettingsDocument => ({ maintenance: { enabled: true, message } });

/** A copy over a fake object whose answer the test sets, with a clock the test moves. */
function copyWithClock() {
  let now = 1_000_000;
  let stored: SettingsDocument = DEFAULT_SETTINGS;
  let reads = 0;
  const failures: unknown[] = [];
  const copy = new SettingsCopy(() => now);
  const read = async () => {
    reads += 1;
    return stored;
  };
  return {
    copy,
    get: () => copy.get(read, (error) => failures.push(error)),
    getWith: (other: () => Promise<SettingsDocument>) => copy.get(other, (error) => failures.push(error)),
    store: (settings: SettingsDocument) => {
      stored = settings;
    },
    advance: (ms: number) => {
      now += ms;
    },
    get reads() {
      return reads;
    },
    get failures() {
      return failures;
    },
  };
}

describe("an isolate's copy of the settings", () => {
  it("is at most 5 s stale: kept for 4.999 s after its read started, read again at 5 s", async () => {
    const object = copyWithClock();
    expect(await object.get()).toEqual(DEFAULT_SETTINGS);
    object.store(on("upgrade")); // changed through another isolate
    object.advance(COPY_MAX_AGE_MS - 1);
    expect(await object.get()).toEqual(DEFAULT_SETTINGS);
    expect(object.reads).toBe(1);
    object.advance(1);
    expect(await object.get()).toEqual(on("upgrade"));
    expect(object.reads).toBe(2);
  });

  it("counts the age from when the read started, not when it answered", async () => {
    const object = copyWithClock();
    await object.getWith(async () => {
      object.advance(3_000); // a slow answer
      return DEFAULT_SETTINGS;
    });
    object.advance(2_000);
    await object.get();
    expect(object.reads).toBe(1); // read again 5 s after the slow read started, only 2 s after it answered
  });

  it("makes one read for concurrent first callers", async () => {
    const object = copyWithClock();
    const answers = await Promise.all(Array.from({ length: 20 }, () => object.get()));
    expect(object.reads).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it("shows this isolate's own change at once, and a read started before it never overwrites it", async () => {
    const object = copyWithClock();
    let answer: (settings: SettingsDocument) => void = () => {};
    const slow = object.getWith(() => new Promise((resolve) => (answer = resolve)));
    object.copy.remember(on("upgrade"));
    answer(DEFAULT_SETTINGS); // what the object said before the change
    expect(await slow).toEqual(on("upgrade"));
    expect(await object.get()).toEqual(on("upgrade"));
    expect(object.reads).toBe(0);
  });

  it("keeps what it knew when the object does not answer, and asks again after 5 s", async () => {
    const object = copyWithClock();
    object.copy.remember(on("upgrade"));
    object.advance(COPY_MAX_AGE_MS);
    const down = async (): Promise<SettingsDocument> => {
      throw new Error("object unreachable");
    };
    expect(await object.getWith(down)).toEqual(on("upgrade"));
    expect(object.failures).toHaveLength(1);
    object.advance(COPY_MAX_AGE_MS - 1);
    expect(await object.getWith(down)).toEqual(on("upgrade"));
    expect(object.failures).toHaveLength(1);
    object.advance(1);
    expect(await object.get()).toEqual(DEFAULT_SETTINGS);
  });

  it("reads as off when the object has never answered", async () => {
    const object = copyWithClock();
    expect(
      await object.getWith(async () => {
        throw new Error("object unreachable");
      }),
    ).toEqual(DEFAULT_SETTINGS);
  });
});
