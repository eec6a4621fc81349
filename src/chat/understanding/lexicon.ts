// The words operators use, folded (lower case, no accents), by what they signal. Portuguese and English together:
// the words rarely collide, and a message often mixes both ("faz rerun do LOAD").

import type { ChatAction } from "./types";

export type Cue =
  | "status"
  | "log"
  | "failure"
  /** "qual o erro", "error message": the error text of one job, which its log holds. */
  | "error_text"
  | "why"
  | "dependencies"
  /** "não", "not", "hasn't": with "why" and a start word, a job that has not started ("why hasn't LOAD started"). */
  | "negation"
  /** "rodou", "started", "começou". */
  | "start"
  | "stream"
  | "workstation"
  /** "linkada", "unlinked", "offline": a state only workstations have. */
  | "workstation_state"
  | "job"
  | "jobs"
  /** "quais", "which", "any", "algum": many jobs, not one. */
  | "many"
  | "help"
  /** "como faço", "how do I": a question about using the assistant. */
  | "how_to"
  /** "em hold", "on hold": a state ("o LOAD está em hold?"), or with "put" an action ("coloca o LOAD em hold"). */
  | "on_hold"
  /** "coloca", "put": with "on hold", a hold. */
  | "put"
  /** "de novo", "again": with a run verb, a rerun ("run LOAD again", "roda o LOAD de novo"). */
  | "again"
  | "hold"
  | "release"
  | "rerun"
  | "cancel"
  | "kill"
  | "confirm"
  | "decline"
  /** "e", "and", "what about", "e quanto ao": the message goes on from the previous one. */
  | "follow_up"
  /** "it", "ele", "dele": the job spoken of before. */
  | "pronoun"
  /** "no", "na", "in", "on": a name after it is where to look ("falhou algo no PAYROLL?"). */
  | "preposition"
  /** Words skipped between an introducing word and the name ("job o LOAD", "the job called LOAD"). */
  | "article"
  /** Words that carry no meaning here but are never names. */
  | "filler";

export const actionCues: Partial<Record<Cue, ChatAction>> = {
  hold: "hold",
  release: "release",
  rerun: "rerun",
  cancel: "cancel",
  kill: "kill",
  confirm: "confirm",
  decline: "decline",
};

/** Words that introduce a name after them, or follow one ("job LOAD", "the LOAD job", "stream DAILY"). */
export const introducerRoles: Partial<Record<Cue, "job" | "job_stream" | "workstation">> = {
  job: "job",
  stream: "job_stream",
  workstation: "workstation",
};

const words: Record<Cue, string[]> = {
  status: [
    "status", "stauts", "estado", "situacao", "state", "andamento", "progresso", "progress",
    "rodou", "rodando", "executou", "executando", "terminou", "acabou", "finalizou", "concluiu", "completou",
    "finished", "completed", "done", "running", "ran", "executed", "ok", "certo", "parado", "termina", "terminar", "acaba",
    "finish", "complete", "eta", "previsao", "atrasado", "atrasada", "atrasados", "late", "delayed", "demorando", "demorado",
    "lento", "slow",
    "cancelado", "cancelled", "canceled", "killed", "held", "released", "liberado", "segurado", "rerodado",
    "check", "checa", "checar", "verifica", "verificar", "consulta", "consultar", "ver",
  ],
  log: ["log", "logs", "joblog", "stdout", "stderr", "output", "saida", "motivo", "reason", "spool", "trace"],
  failure: [
    "falhou", "falharam", "falhando", "falha", "falhas", "falhado", "falhados", "failed", "fail", "fails", "failure",
    "failures", "failing", "abend", "abends", "abendou", "abendaram", "abendado", "abendados", "abended", "abending",
    "erro", "erros", "error", "errors", "errored", "quebrou", "quebraram", "caiu", "cairam", "crashed", "broke", "broken",
    "problema", "problemas", "problem", "problems", "vermelho", "red",
  ],
  error_text: [],
  on_hold: [],
  put: ["coloca", "colocar", "coloque", "poe", "bota", "botar", "bote", "put", "place", "puts"],
  again: ["again", "novamente", "denovo", "de-novo"],
  why: ["why", "pq", "porque", "porq", "motivo", "razao", "caused", "cause", "causou", "causa"],
  dependencies: [
    "dependencia", "dependencias", "dependency", "dependencies", "deps", "depende", "dependem", "depends", "predecessor",
    "predecessors", "predecessores", "antecessor", "antecessores", "esperando", "aguardando", "waiting", "segurando",
    "travando", "travado", "preso", "presa", "stuck", "blocked", "blocking", "bloqueado", "bloqueando", "holding",
    "pendente", "pendencia", "pendencias", "pending", "follows", "prereqs", "prerequisites", "depend", "falta", "faltam", "faltando", "missing",
  ],
  negation: ["nao", "not", "hasnt", "havent", "isnt", "didnt", "doesnt", "wasnt", "aint", "never", "nunca"],
  start: [
    "rodou", "rodar", "roda", "rodando", "started", "start", "starts", "starting", "comecou", "comecar", "iniciou",
    "iniciar", "running", "run", "ran", "executou", "executar", "began", "begin", "subiu", "entrou", "disparou",
  ],
  stream: ["stream", "streams", "jobstream", "jobstreams", "job-stream", "js", "cadeia", "fluxo", "schedule", "sched"],
  workstation: [
    "workstation", "workstations", "estacao", "estacoes", "ws", "agente", "agentes", "agent", "agents",
    "servidor", "servidores", "server", "servers", "maquina", "maquinas", "machine", "machines", "host", "hosts",
    "cpu", "cpus", "fta", "pool",
  ],
  workstation_state: [
    "linkada", "linkado", "linkadas", "linkados", "linked", "unlinked", "deslinkada", "deslinkado", "link", "unlink",
    "online", "offline", "conectada", "conectado", "connected", "disconnected", "desconectada", "desconectado",
    "fora",
  ],
  job: ["job", "tarefa", "processo"],
  jobs: ["jobs", "tarefas", "processos"],
  many: [
    "quais", "qual", "which", "what", "any", "anything", "algum", "alguma", "algo", "alguns", "algumas", "quantos",
    "quantas", "many", "tem", "teve", "tiveram", "houve", "list", "lista", "listar", "lista", "todos", "todas", "all",
    "mostra", "mostrar", "show", "tudo", "everything", "something", "oq", "que",
  ],
  help: [
    "help", "ajuda", "ajudar", "socorro", "comandos", "commands", "menu", "opcoes", "options", "capabilities", "manual",
    "instrucoes", "instructions", "tutorial",
  ],
  how_to: [],
  hold: ["hold", "holda", "holdar", "holde", "segura", "segurar", "segure", "pausa", "pausar", "pause", "suspende", "suspender", "suspend"],
  release: ["release", "libera", "liberar", "libere", "solta", "soltar", "solte", "unhold", "resume", "retoma", "retomar", "desholda"],
  rerun: [
    "rerun", "re-run", "reroda", "rerodar", "rerode", "rerunar", "reruna", "reexecuta", "reexecutar", "reexecute",
    "restart", "restarta", "restartar", "retry", "resubmit", "resubmete", "ressubmete", "reprocessa", "reprocessar",
  ],
  cancel: ["cancel", "cancela", "cancelar", "cancele", "cancelem"],
  kill: ["kill", "mata", "matar", "mate", "derruba", "derrubar", "interrompe", "interromper", "stop", "terminate"],
  confirm: [
    "sim", "s", "confirmo", "confirma", "confirmar", "confirmado", "yes", "y", "yep", "yeah", "yup", "sure",
    "confirm", "confirmed", "positivo", "afirmativo", "claro", "bora", "fechou", "isso", "okay", "okey", "blz",
    "beleza", "pode", "go", "proceed", "prossiga", "prosseguir", "ok", "certo",
  ],
  decline: [
    "nao", "n", "nope", "nah", "negativo", "esquece", "esqueca", "abort", "aborta", "abortar", "nevermind",
  ],
  follow_up: ["e", "and", "tambem", "too", "also", "agora"],
  pronoun: ["it", "ele", "ela", "dele", "dela", "nele", "nela", "esse", "essa", "este", "this", "that", "isso", "him"],
  preposition: ["no", "na", "nos", "nas", "em", "in", "on", "at", "from", "inside", "dentro"],
  article: ["o", "a", "the", "chamado", "chamada", "called", "named", "um", "uma", "num", "numa"],
  filler: [
    // Portuguese
    "de", "do", "da", "dos", "das", "os", "as", "por", "favor", "pf", "pfv", "pls", "please", "plz", "me", "mim",
    "voce", "vc", "vcs", "voces", "eu", "nos", "se", "ja", "ainda", "hoje", "agr", "aqui", "ai", "la", "so", "pra",
    "para", "pro", "com", "sem", "sobre", "ao", "aos", "como", "esta", "estao", "ta", "tao", "to", "tava", "foi", "era",
    "ser", "estar", "sao", "eh", "e", "ou", "mas", "entao", "tipo", "mano", "cara", "pessoal", "galera", "urgente",
    "rapido", "favor", "obrigado", "obrigada", "valeu", "vlw", "oi", "ola", "bom", "boa", "dia", "tarde", "noite",
    "tudo", "bem", "certo", "logo", "segue", "sei", "saber", "sabe", "quero", "queria", "preciso", "precisa", "pode",
    "poderia", "consegue", "dar", "da", "faz", "fazer", "faca", "manda", "mande",
    "um", "uma", "meu", "minha", "seu", "sua", "nosso", "qualquer", "quem", "onde", "quando", "porfa", "kd", "cade",
    "aconteceu", "acontecendo", "rolou", "rolando", "novo", "nova", "outra", "vez", "ultimo",
    "ultima", "ultimos", "ultimas", "hj", "amanha", "semana", "mes", "plano", "producao", "prod", "data", "dados",
    "desde", "ontem", "hora", "horas", "minuto", "minutos", "dias", "atras", "ha", "meia-noite", "meio-dia", "depois",
    "apos", "partir", "entre", "folha", "pagamento",
    // English
    "is", "are", "was", "were", "be", "been", "being", "the", "a", "an", "of", "for", "to", "with", "by", "about", "my",
    "our", "your", "you", "i", "me", "we", "us", "can", "could", "would", "should", "will", "shall", "do", "does", "did",
    "has", "have", "had", "get", "got", "give", "tell", "please", "thanks", "thank", "thx", "hi", "hello", "hey", "good",
    "morning", "afternoon", "evening", "night", "how", "hows", "whats", "wheres", "where", "when", "who", "whos",
    "there", "here", "now", "right", "just", "still", "yet", "again", "already", "currently", "current", "today", "so",
    "then", "if", "or", "but", "its", "im", "ive", "id", "ill", "dont", "wanna", "gonna", "need", "want", "like", "some",
    "last", "latest", "asap", "urgent", "quick", "quickly", "hwa", "tws", "wa", "hcl", "plan", "prod", "production",
    "weather", "long", "lol", "ok", "okay", "ah", "oh", "hmm", "um", "uh", "yo", "sla", "sure", "well", "going", "doing",
    "went", "wrong", "happened", "happen", "see", "look", "check", "let", "make", "know", "think", "take",
    "since", "yesterday", "yesterdays", "hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "ago",
    "past", "am", "pm", "h", "midnight", "noon", "after", "until", "between", "week", "month", "time", "times", "this", "these", "those", "one", "ones", "up", "down",
  ],
};

/** Several words that together signal one cue; matched before single words, longest first. */
const phrases: [Cue, string][] = [
  ["stream", "job stream"],
  ["stream", "job streams"],
  ["stream", "fluxo de jobs"],
  ["status", "como esta"],
  ["status", "como ta"],
  ["status", "como anda"],
  ["status", "quanto tempo falta"],
  ["status", "quanto falta"],
  ["status", "how long"],
  ["status", "como estao"],
  ["status", "como vai"],
  ["status", "how is"],
  ["status", "how are"],
  ["status", "how is it going"],
  ["status", "deu certo"],
  ["on_hold", "em hold"],
  ["on_hold", "on hold"],
  ["on_hold", "in hold"],
  ["on_hold", "no hold"],
  ["again", "de novo"],
  ["again", "outra vez"],
  ["again", "mais uma vez"],
  ["again", "one more time"],
  ["status", "em execucao"],
  ["status", "return code"],
  ["status", "rc"],
  ["error_text", "qual o erro"],
  ["error_text", "qual foi o erro"],
  ["error_text", "qual erro"],
  ["error_text", "que erro"],
  ["error_text", "erro do"],
  ["error_text", "erro da"],
  ["error_text", "erro de"],
  ["error_text", "mensagem de erro"],
  ["error_text", "msg de erro"],
  ["error_text", "what error"],
  ["error_text", "whats the error"],
  ["error_text", "what was the error"],
  ["error_text", "what is the error"],
  ["error_text", "error message"],
  ["error_text", "error of"],
  ["error_text", "error for"],
  ["error_text", "error on"],
  ["error_text", "what went wrong"],
  ["error_text", "o que deu errado"],
  ["error_text", "oq deu errado"],
  ["error_text", "deu errado"],
  ["why", "por que"],
  ["why", "por q"],
  ["why", "how come"],
  ["failure", "deu erro"],
  ["failure", "deu pau"],
  ["failure", "deu ruim"],
  ["failure", "com erro"],
  ["failure", "com falha"],
  ["failure", "em erro"],
  ["failure", "em abend"],
  ["failure", "went wrong"],
  ["dependencies", "holding up"],
  ["dependencies", "waiting for"],
  ["dependencies", "waiting on"],
  ["dependencies", "esperando o que"],
  ["dependencies", "na frente"],
  ["dependencies", "depends on"],
  ["dependencies", "depende de"],
  ["workstation_state", "fora do ar"],
  ["workstation_state", "no ar"],
  ["workstation_state", "de pe"],
  ["help", "o que voce sabe fazer"],
  ["help", "o que vc sabe fazer"],
  ["help", "oq vc sabe fazer"],
  ["help", "o que voce faz"],
  ["help", "o que vc faz"],
  ["help", "o que voce pode fazer"],
  ["help", "o que vc pode fazer"],
  ["help", "o que da pra fazer"],
  ["help", "como funciona"],
  ["help", "como te uso"],
  ["help", "como usar"],
  ["help", "what can you do"],
  ["help", "what do you do"],
  ["help", "what can i ask"],
  ["help", "what can i do"],
  ["help", "how does this work"],
  ["help", "how does this thing work"],
  ["help", "how does it work"],
  ["help", "how do you work"],
  ["help", "how to use"],
  ["help", "what are you"],
  ["help", "quem e voce"],
  ["help", "quem e vc"],
  ["how_to", "como faco"],
  ["how_to", "como eu faco"],
  ["how_to", "como se faz"],
  ["how_to", "como fazer"],
  ["how_to", "how do i"],
  ["how_to", "how can i"],
  ["how_to", "how to"],
  ["release", "tira do hold"],
  ["release", "tirar do hold"],
  ["release", "tira o hold"],
  ["release", "remove o hold"],
  ["release", "take off hold"],
  ["release", "remove the hold"],
  ["release", "remove hold"],
  ["release", "let it go"],
  ["rerun", "re run"],
  ["rerun", "roda de novo"],
  ["rerun", "roda novamente"],
  ["rerun", "roda outra vez"],
  ["rerun", "rodar de novo"],
  ["rerun", "rodar novamente"],
  ["rerun", "roda ele de novo"],
  ["rerun", "roda denovo"],
  ["rerun", "executa de novo"],
  ["rerun", "executa novamente"],
  ["rerun", "executar de novo"],
  ["rerun", "executar novamente"],
  ["rerun", "run again"],
  ["rerun", "run it again"],
  ["rerun", "submit again"],
  ["confirm", "pode fazer"],
  ["confirm", "pode ir"],
  ["confirm", "pode seguir"],
  ["confirm", "pode mandar"],
  ["confirm", "pode sim"],
  ["confirm", "manda ver"],
  ["confirm", "manda bala"],
  ["confirm", "isso mesmo"],
  ["confirm", "go ahead"],
  ["confirm", "do it"],
  ["confirm", "of course"],
  ["decline", "cancela isso"],
  ["decline", "cancela essa"],
  ["decline", "cancela tudo"],
  ["decline", "cancel that"],
  ["decline", "cancel this"],
  ["decline", "deixa pra la"],
  ["decline", "deixa para la"],
  ["decline", "deixa quieto"],
  ["decline", "nao faz"],
  ["decline", "nao faca"],
  ["decline", "never mind"],
  ["decline", "dont do it"],
  ["decline", "no thanks"],
  ["decline", "forget it"],
  ["follow_up", "what about"],
  ["follow_up", "how about"],
  ["follow_up", "and what about"],
  ["follow_up", "e quanto ao"],
  ["follow_up", "e quanto a"],
  ["follow_up", "e sobre"],
  ["follow_up", "e com"],
  ["pronoun", "this one"],
  ["pronoun", "that one"],
  ["pronoun", "the same"],
  ["pronoun", "o mesmo"],
];

export interface Lexicon {
  /** A single folded word → its cue; a word listed under several cues keeps the first of `cueOrder`. */
  byWord: ReadonlyMap<string, Cue>;
  /** The word lists themselves, for words that signal two things ("rodou": status and start). */
  cuesOf: ReadonlyMap<string, readonly Cue[]>;
  /** Phrases by their first word, longest first. */
  phrasesByFirstWord: ReadonlyMap<string, readonly { cue: Cue; words: readonly string[] }[]>;
  /** Single words worth correcting a typo into, by length; never fillers, articles or very short words. */
  correctableByLength: ReadonlyMap<number, readonly { word: string; cue: Cue }[]>;
}

// Which cue a word keeps when listed under several: meaning first, fillers last.
const cueOrder: Cue[] = [
  "hold", "release", "rerun", "cancel", "kill", "status", "log", "failure", "why", "dependencies", "stream",
  "workstation", "workstation_state", "on_hold", "put", "again", "job", "jobs", "help", "confirm", "decline", "negation", "start", "many",
  "pronoun", "preposition", "follow_up", "article", "error_text", "how_to", "filler",
];
const uncorrectable = new Set<Cue>(["filler", "article", "preposition", "many", "follow_up", "pronoun", "negation", "confirm", "decline"]);

let built: Lexicon | undefined;

/** Built on first use, once per isolate. */
export function lexicon(): Lexicon {
  if (built) return built;
  const cuesOf = new Map<string, Cue[]>();
  for (const cue of cueOrder) {
    for (const word of words[cue]) {
      const cues = cuesOf.get(word) ?? [];
      if (!cues.includes(cue)) cues.push(cue);
      cuesOf.set(word, cues);
    }
  }
  const byWord = new Map<string, Cue>();
  for (const [word, cues] of cuesOf) byWord.set(word, cues[0]!);
  const phrasesByFirstWord = new Map<string, { cue: Cue; words: string[] }[]>();
  for (const [cue, text] of phrases) {
    const phraseWords = text.split(" ");
    const list = phrasesByFirstWord.get(phraseWords[0]!) ?? [];
    list.push({ cue, words: phraseWords });
    phrasesByFirstWord.set(phraseWords[0]!, list);
  }
  for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const correctableByLength = new Map<number, { word: string; cue: Cue }[]>();
  for (const [word, cue] of byWord) {
    if (word.length < 3 || uncorrectable.has(cue) || !/^[a-z]+$/.test(word)) continue;
    const list = correctableByLength.get(word.length) ?? [];
    list.push({ word, cue });
    correctableByLength.set(word.length, list);
  }
  built = { byWord, cuesOf, phrasesByFirstWord, correctableByLength };
  return built;
}
