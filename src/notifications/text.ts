import type { JobFacts, NotificationEvent } from "./events";

// What a notification says, in the subscription's language: a title, one sentence, and the facts beside it.

export type Language = "en" | "pt";

export interface Wording {
  title: string;
  text: string;
  facts: { name: string; value: string }[];
  /** Bad news (a failure, a late job, an outage) or good news (a recovery, a success, a link back). */
  tone: "bad" | "good";
}

const minutes = (ms: number, language: Language) => {
  const value = ms / 60_000;
  const text = value < 10 ? value.toFixed(1) : value.toFixed(0);
  return `${language === "pt" ? text.replace(".", ",") : text} min`;
};

function jobSubject(job: JobFacts, language: Language): string {
  const where = [
    job.job_stream ? `stream ${job.job_stream}` : undefined,
    job.workstation ? `${language === "pt" ? "estação" : "workstation"} ${job.workstation}` : undefined,
  ].filter(Boolean);
  const place = where.length > 0 ? ` (${where.join(", ")})` : "";
  return language === "pt" ? `O job ${job.name}${place}` : `Job ${job.name}${place}`;
}

function lateText(job: JobFacts, language: Language): string {
  const { elapsed_ms: elapsed, estimated_ms: estimate } = job;
  if (job.status === "EXEC" && elapsed && estimate && elapsed > estimate) {
    const times = (elapsed / estimate).toFixed(1);
    return language === "pt"
      ? `está atrasado: em execução há ${times.replace(".", ",")}× a estimativa (${minutes(elapsed, language)} de ${minutes(estimate, language)})`
      : `is late: running ${times}× its estimate (${minutes(elapsed, language)} of ${minutes(estimate, language)})`;
  }
  return language === "pt" ? "está atrasado: o prazo (deadline) passou" : "is late: its deadline passed";
}

function jobSentence(event: NotificationEvent, job: JobFacts, language: Language): string {
  const pt = language === "pt";
  const subject = jobSubject(job, language);
  const code =
    job.return_code === null
      ? ""
      : pt
        ? ` (código de retorno ${job.return_code})`
        : ` (return code ${job.return_code})`;
  switch (event.kind) {
    case "job.abend":
      return pt ? `${subject} terminou em ABEND${code}.` : `${subject} ended in ABEND${code}.`;
    case "job.failed":
      if (job.status === "CANCL")
        return pt
          ? `${subject} foi cancelado pelo engine: o horário limite (until) passou.`
          : `${subject} was cancelled by the engine: its until time passed.`;
      return pt
        ? `${subject} falhou: o engine não conseguiu iniciá-lo (FAIL).`
        : `${subject} failed: the engine could not launch it (FAIL).`;
    case "job.late":
      return `${subject} ${lateText(job, language)}.`;
    case "job.recovered":
      return pt
        ? `${subject} se recuperou: o rerun terminou com sucesso.`
        : `${subject} recovered: its rerun ended successfully.`;
    default:
      return pt ? `${subject} terminou com sucesso.` : `${subject} finished successfully.`;
  }
}

function otherSentence(event: NotificationEvent, language: Language): string {
  const pt = language === "pt";
  const workstation = event.workstation?.name ?? "";
  switch (event.kind) {
    case "workstation.unlinked":
      return pt ? `A estação ${workstation} está desconectada (unlinked).` : `Workstation ${workstation} is unlinked.`;
    case "workstation.linked":
      return pt
        ? `A estação ${workstation} está conectada (linked) de novo.`
        : `Workstation ${workstation} is linked again.`;
    case "engine.unreachable":
      return pt
        ? `O engine HWA ${event.engine} não responde; o Resync continua tentando.`
        : `HWA engine ${event.engine} is unreachable (${event.reason ?? "no answer"}); Resync keeps trying.`;
    default:
      return pt ? `O engine HWA ${event.engine} voltou a responder.` : `HWA engine ${event.engine} answers again.`;
  }
}

const good = new Set(["job.recovered", "job.succeeded", "workstation.linked", "engine.back"]);

export function wordingOf(event: NotificationEvent, language: Language): Wording {
  const pt = language === "pt";
  const job = event.job;
  const subject = job?.name ?? event.workstation?.name ?? event.engine;
  const facts: Wording["facts"] = [];
  const fact = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") facts.push({ name, value: String(value) });
  };
  if (job) {
    fact("Job", job.name);
    fact("Stream", job.job_stream);
    fact(pt ? "Estação" : "Workstation", job.workstation);
    fact("Status", job.status);
    fact(pt ? "Código de retorno" : "Return code", job.return_code);
    fact(pt ? "Início" : "Started", job.started_at);
    fact(pt ? "Fim" : "Ended", job.ended_at);
  }
  if (event.workstation) {
    fact(pt ? "Estação" : "Workstation", event.workstation.name);
    fact(pt ? "Estados" : "States", event.workstation.states.join(", ") || "-");
  }
  fact("Engine", event.engine);
  return {
    title: `Resync: ${event.kind} ${subject}`,
    text: job ? jobSentence(event, job, language) : otherSentence(event, language),
    facts,
    tone: good.has(event.kind) ? "good" : "bad",
  };
}
