import { describe, expect, it } from "vitest";
import { answerWorkstation, answerWorkstations } from "../../../src/chat/answers";
import { options, workstation } from "./fixtures";

const aix = workstation({
  name: "AGT_AIX01",
  os: "AIX",
  linked: false,
  active_states: ["INSTALLED"],
  node_name: "aixinv01.prod.local",
  limit: 15,
});
const lnx = workstation({ name: "AGT_LNX01" });
const master = workstation({ name: "MASTER", type: "MANAGER", node_name: "twsmdm01.prod.local", limit: 20 });

describe("workstation status", () => {
  it("says a workstation is linked, with its states, type, OS and node", () => {
    const pt = answerWorkstation(lnx, options("pt"));
    expect(pt.intent).toBe("workstation_status");
    expect(pt.response).toBe(
      "Estação AGT_LNX01 (AGENT, LINUX, nó lnxbatch01.prod.local): linkada.\nEstados ativos: LINKED, FULLY_LINKED, RUNNING, JOBMAN_UP; limite 40, fence 0.",
    );
    expect(pt.data.workstation).toMatchObject({ name: "AGT_LNX01", linked: true, type: "AGENT", os: "LINUX" });
    const en = answerWorkstation(lnx, options("en"));
    expect(en.response).toBe(
      "Workstation AGT_LNX01 (AGENT, LINUX, node lnxbatch01.prod.local): linked.\nActive states: LINKED, FULLY_LINKED, RUNNING, JOBMAN_UP; limit 40, fence 0.",
    );
  });

  it("says plainly that a workstation is not linked and what that does to its jobs", () => {
    const pt = answerWorkstation(aix, options("pt"));
    expect(pt.response).toContain("Estação AGT_AIX01 (AGENT, AIX, nó aixinv01.prod.local): NÃO linkada.");
    expect(pt.response).toContain("Estados ativos: INSTALLED; limite 15, fence 0.");
    expect(pt.response).toContain("ficam em READY");
    expect(pt.data.workstation.linked).toBe(false);
    expect(answerWorkstation(aix, options("en")).response).toContain(
      "Workstation AGT_AIX01 (AGENT, AIX, node aixinv01.prod.local): NOT linked.",
    );
  });

  it("counts the linked workstations of a list and names the others", () => {
    const pt = answerWorkstations([master, lnx, aix], options("pt"));
    expect(pt.response).toBe(
      "3 estações: 2 linkadas, 1 não linkada.\nNão linkadas: AGT_AIX01 (AGENT, AIX, nó aixinv01.prod.local).",
    );
    expect(pt.data).toEqual({
      total: 3,
      linked: 2,
      // Each item says what the text says of it: not linked.
      not_linked: [{ name: "AGT_AIX01", linked: false, type: "AGENT", os: "AIX", node_name: "aixinv01.prod.local" }],
    });
    expect(pt.suggestions?.[0]).toBe("a estação AGT_AIX01 está linkada?");
    const en = answerWorkstations([master, lnx, aix], options("en"));
    expect(en.response).toBe(
      "3 workstations: 2 linked, 1 not linked.\nNot linked: AGT_AIX01 (AGENT, AIX, node aixinv01.prod.local).",
    );
    expect(answerWorkstations([master, lnx], options("en")).response).toBe("2 workstations: 2 linked, 0 not linked.");
  });
});
