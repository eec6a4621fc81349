import type { Workstation } from "../../workstations/reads";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { suggest } from "./suggest";

// "A estação AGT_AIX01 está linkada?": one workstation, or how many of the plan's are linked.

/** A workstation as GET /api/v1/workstations gives it. */
export type WorkstationFacts = Workstation;

function describedAs(workstation: WorkstationFacts, language: Language): string {
  const about = [
    workstation.type,
    workstation.os,
    workstation.node_name && `${messagesFor(language).workstation.node} ${workstation.node_name}`,
  ].filter(Boolean);
  return about.length > 0 ? ` (${about.join(", ")})` : "";
}

/** One workstation: linked or not, its active states, type, OS, node, limit and fence. */
export function answerWorkstation(
  workstation: WorkstationFacts,
  options: AnswerOptions,
): ReplyWith<{ workstation: WorkstationFacts }> {
  const { language } = options;
  const say = messagesFor(language).workstation;
  const name = `${say.label} ${workstation.name}${describedAs(workstation, language)}`;
  const states = workstation.active_states.length > 0 ? workstation.active_states.join(", ") : say.none;
  const limits = [
    workstation.limit !== null && `${say.limit} ${workstation.limit}`,
    workstation.fence !== null && `fence ${workstation.fence}`,
  ].filter(Boolean);
  const lines = [
    `${name}: ${workstation.linked ? say.linked : say.notLinked}.`,
    `${say.activeStates}: ${states}${limits.length > 0 ? `; ${limits.join(", ")}` : ""}.`,
    !workstation.linked && say.unlinkedNote,
  ];
  const next = [suggest.workstations(language), suggest.failedToday(language)];
  return composeReply(
    "workstation_status",
    options,
    lines,
    { workstation: { ...workstation, active_states: [...workstation.active_states] } },
    next,
  );
}

export type WorkstationsData = {
  total: number;
  linked: number;
  not_linked: { name: string; linked: false; type: string | null; os: string | null; node_name: string | null }[];
};

const MAX_NAMED = 20;

/** The plan's workstations: how many are linked and which are not. */
export function answerWorkstations(
  workstations: readonly WorkstationFacts[],
  options: AnswerOptions,
): ReplyWith<WorkstationsData> {
  const { language } = options;
  const say = messagesFor(language).workstation;
  const down = workstations.filter((w) => !w.linked);
  const linked = workstations.length - down.length;
  const lines = [
    say.summary(workstations.length, linked, down.length),
    down.length > 0 &&
      `${say.notLinkedList}: ${cappedList(
        down.map((w) => `${w.name}${describedAs(w, language)}`),
        MAX_NAMED,
        language,
      )}.`,
  ];
  const data: WorkstationsData = {
    total: workstations.length,
    linked,
    not_linked: down.map((w) => ({ name: w.name, linked: false, type: w.type, os: w.os, node_name: w.node_name })),
  };
  const next = down.slice(0, 2).map((w) => suggest.workstation(w.name, language));
  next.push(suggest.failedToday(language));
  return composeReply("workstation_status", options, lines, data, next);
}
