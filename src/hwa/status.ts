// Internal → common status (HWA.md, from the DWC user's guide) and the words an operator reads.

export const commonStatuses = [
  "WAITING",
  "READY",
  "RUNNING",
  "SUCCESSFUL",
  "ERROR",
  "CANCELED",
  "HELD",
  "UNDECIDED",
  "BLOCKED",
  "SUPPRESS",
] as const;
export type CommonStatus = (typeof commonStatuses)[number];

const byInternal: Record<string, CommonStatus> = {
  ADD: "WAITING",
  PEND: "WAITING",
  WAIT: "WAITING",
  WAITD: "WAITING",
  INTRO: "WAITING",
  HOLD: "WAITING",
  READY: "READY",
  EXEC: "RUNNING",
  SUCCP: "RUNNING",
  ABENP: "RUNNING",
  BOUND: "RUNNING",
  SUCC: "SUCCESSFUL",
  ABEND: "ERROR",
  FAIL: "ERROR",
  CANCL: "CANCELED",
  ERROR: "UNDECIDED",
  EXTRN: "UNDECIDED",
  SUSP: "BLOCKED",
  STUCK: "BLOCKED",
  SUPPR: "SUPPRESS",
};

/**
 * The common status of a job: HWA's own `lastRunCommonStatus` when it sent one, else derived from the
 * internal status; the canceled flag wins, and a job held by the user reads HELD.
 */
export function commonStatusOf(
  internal: string | undefined,
  flags: { canceled?: boolean; heldByUser?: boolean; reported?: string } = {},
): CommonStatus | undefined {
  if (flags.reported && (commonStatuses as readonly string[]).includes(flags.reported))
    return flags.reported as CommonStatus;
  if (flags.canceled) return "CANCELED";
  if (flags.heldByUser) return "HELD";
  return internal ? byInternal[internal] : undefined;
}

const words: Record<"en" | "pt", Record<string, string>> = {
  en: {
    HOLD: "on hold (waiting)",
    READY: "ready to start",
    EXEC: "running",
    SUCC: "ended successfully",
    ABEND: "ended in error (ABEND)",
    FAIL: "failed to start",
    CANCL: "canceled",
    WAIT: "waiting",
    INTRO: "being introduced",
    PEND: "pending confirmation",
    SUCCP: "finishing successfully",
    ABENP: "finishing in error",
    SUSP: "suspended",
    STUCK: "stuck",
    EXTRN: "external, status unknown",
    ERROR: "status undecided (error)",
    SUPPR: "suppressed",
    FENCE: "below the workstation fence",
  },
  pt: {
    HOLD: "em espera",
    READY: "pronto para iniciar",
    EXEC: "em execução",
    SUCC: "terminou com sucesso",
    ABEND: "terminou com erro (ABEND)",
    FAIL: "falhou ao iniciar",
    CANCL: "cancelado",
    WAIT: "aguardando",
    INTRO: "sendo introduzido",
    PEND: "aguardando confirmação",
    SUCCP: "terminando com sucesso",
    ABENP: "terminando com erro",
    SUSP: "suspenso",
    STUCK: "travado",
    EXTRN: "externo, status desconhecido",
    ERROR: "status indefinido (erro)",
    SUPPR: "suprimido",
    FENCE: "abaixo do fence da estação",
  },
};

const substatusWords: Record<"en" | "pt", Record<string, string>> = {
  en: {
    HOLD_WAITING_FOR_PREDECESSOR: "waiting for a predecessor",
    HOLD_WAITING_FOR_TIME: "waiting for its start time",
    READY_WAITING_FOR_RESOURCES: "waiting for resources",
  },
  pt: {
    HOLD_WAITING_FOR_PREDECESSOR: "aguardando um predecessor",
    HOLD_WAITING_FOR_TIME: "aguardando o horário de início",
    READY_WAITING_FOR_RESOURCES: "aguardando recursos",
  },
};

/** "ended in error (ABEND)" / "terminou com erro (ABEND)", with the substatus when HWA gives one. */
export function describeStatus(
  internal: string | undefined,
  substatus: string | undefined,
  language: "en" | "pt",
): string {
  if (!internal) return language === "pt" ? "status desconhecido" : "unknown status";
  const base = words[language][internal] ?? internal;
  const detail = substatus ? substatusWords[language][substatus] : undefined;
  return detail ? `${base}, ${detail}` : base;
}
