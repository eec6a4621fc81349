import type { Intent, Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import type { AnswerOptions } from "./format";

// What the chat can be asked, with one example per intent; the same examples when a message was not understood.

type Example = { intent: Intent; example: string; note?: string };

const examples: Record<Language, Example[]> = {
  pt: [
    { intent: "job_status", example: "qual o status do job PAYROLL_CALC?" },
    { intent: "job_log", example: "mostre o log do job PAYROLL_CALC" },
    { intent: "failed_jobs", example: "quais jobs abendaram desde as 6h?" },
    { intent: "jobstream_status", example: "qual o status do stream ETL_DWH?" },
    { intent: "workstation_status", example: "a estação AGT_LNX01 está linkada?" },
    { intent: "job_dependencies", example: "o que está segurando o job REPORT_PLAN_STATUS?" },
    {
      intent: "job_action",
      example: "fazer rerun do job LOAD_SALES_FACT",
      note: "também hold, release, cancel e kill; peço confirmação antes",
    },
  ],
  en: [
    { intent: "job_status", example: "what is the status of job PAYROLL_CALC?" },
    { intent: "job_log", example: "show the log of job PAYROLL_CALC" },
    { intent: "failed_jobs", example: "which jobs abended since 6am?" },
    { intent: "jobstream_status", example: "what is the status of job stream ETL_DWH?" },
    { intent: "workstation_status", example: "is workstation AGT_LNX01 linked?" },
    { intent: "job_dependencies", example: "what is job REPORT_PLAN_STATUS waiting on?" },
    {
      intent: "job_action",
      example: "rerun job LOAD_SALES_FACT",
      note: "also hold, release, cancel and kill; I ask you to confirm first",
    },
  ],
};

/** Questions that work as they are, as suggestions (the action is left out: it changes the plan). */
const suggested: Record<Language, string[]> = {
  pt: [
    "quais jobs abendaram hoje?",
    "qual o status do stream PAYROLL?",
    "quais estações não estão linkadas?",
    "qual o status do job PAYROLL_CALC?",
  ],
  en: [
    "which jobs abended today?",
    "what is the status of job stream PAYROLL?",
    "which workstations are not linked?",
    "what is the status of job PAYROLL_CALC?",
  ],
};

const exampleLines = (language: Language) =>
  examples[language].map((entry) => `- ${entry.example}${entry.note ? ` (${entry.note})` : ""}`);

export type HelpData = { examples: { intent: Intent; example: string }[] };
const exampleData = (language: Language) => examples[language].map(({ intent, example }) => ({ intent, example }));

/** What the operator can ask, with examples. */
export function answerHelp(options: AnswerOptions): ReplyWith<HelpData> {
  const { language } = options;
  const head =
    language === "pt"
      ? "Posso consultar o plano do HWA e agir em jobs. Por exemplo:"
      : "I can read HWA's plan and act on jobs. For example:";
  return composeReply(
    "help",
    options,
    [head, ...exampleLines(language)],
    { examples: exampleData(language) },
    suggested[language],
  );
}

/** A message that was not understood: say so and show what works; never guess. */
export function answerUnknown(options: AnswerOptions): ReplyWith<HelpData> {
  const { language } = options;
  const head =
    language === "pt"
      ? "Não entendi. Posso responder perguntas como:"
      : "I did not understand. I can answer questions like:";
  return composeReply(
    "unknown",
    options,
    [head, ...exampleLines(language)],
    { examples: exampleData(language) },
    suggested[language],
  );
}
