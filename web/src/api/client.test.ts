import { afterEach, describe, expect, it, vi } from "vitest";
import { call, setCsrfToken } from "./client";

// The console's calls to the API, with the browser's fetch replaced by one the test answers by hand.

interface Sent {
  path: string;
  method: string;
  csrf: string | undefined;
  answer: (headers?: Record<string, string>) => void;
}

function fetchAnsweredByHand() {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", (path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    return new Promise<Response>((resolve) => {
      sent.push({
        path,
        method: String(init.method),
        csrf: headers["X-CSRF-Token"],
        answer: (extra = {}) =>
          resolve(new Response("{}", { status: 200, headers: { "Content-Type": "application/json", ...extra } })),
      });
    });
  });
  return sent;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the console's calls", () => {
  it("sends a change only once the one before has answered, with the CSRF token that answer rotated", async () => {
    const sent = fetchAnsweredByHand();
    setCsrfToken("first-token");
    const role = call("/api/v1/users/ana", { method: "PATCH", body: { role: "viewer" } });
    const disable = call("/api/v1/users/ana", { method: "PATCH", body: { disabled: true } });
    await turn();
    expect(sent.map((request) => request.method)).toEqual(["PATCH"]);

    sent[0]!.answer({ "X-CSRF-Token": "rotated-token" });
    await role;
    await turn();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.csrf).toBe("rotated-token");
    sent[1]!.answer();
    await disable;
  });

  it("does not hold reads behind a change", async () => {
    const sent = fetchAnsweredByHand();
    const change = call("/api/v1/settings", { method: "PUT", body: {} });
    const read = call("/api/v1/users");
    await turn();
    const [put, get] = ["PUT", "GET"].map((method) => sent.find((request) => request.method === method));
    expect(put).toBeDefined();
    get!.answer();
    await read;
    put!.answer();
    await change;
  });

  it("sends the next change after one that failed", async () => {
    let calls = 0;
    vi.stubGlobal("fetch", () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new TypeError("offline"))
        : Promise.resolve(new Response(null, { status: 204 }));
    });
    const failed = call("/api/v1/users/ana", { method: "DELETE" });
    const next = call("/api/v1/users/bob", { method: "DELETE" });
    await expect(failed).rejects.toMatchObject({ status: 0 });
    await expect(next).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
