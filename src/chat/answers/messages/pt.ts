import type { JobChatAction, Messages, NamedKind, SuggestedJob } from "./messages";

// Português do Brasil, como um operador de HWA escreve.

const two = (n: number) => String(n).padStart(2, "0");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const inStream = (job: SuggestedJob) => (job.job_stream ? ` no stream ${job.job_stream}` : "");
const ordinals = (runs: readonly number[]) => {
  const named = runs.map((run) => `a ${run}ª`);
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(", ")} e ${named.at(-1)}`;
};

const actionVerbs: Record<JobChatAction, string> = {
  rerun: "fazer rerun do",
  hold: "colocar em hold o",
  release: "liberar o",
  cancel: "cancelar o",
  kill: "fazer kill do",
};

const kinds: Record<NamedKind, readonly [string, string]> = {
  job: ["job", "jobs"],
  job_stream: ["stream", "streams"],
  workstation: ["estação", "estações"],
};

export const pt: Messages = {
  language: "pt",
  time: {
    ago: (duration) => `há ${duration}`,
    elapsed: (duration) => `há ${duration}`,
    yesterday: (hhmm) => `ontem ${hhmm}`,
    tomorrow: (hhmm) => `amanhã ${hhmm}`,
    otherDay: (date, hhmm) => `${two(date.day)}/${two(date.month)}${date.year ? `/${date.year}` : ""} ${hhmm}`,
    today: (hhmm) => `${hhmm} (hoje)`,
    at: (clock) => (/^\d/.test(clock) ? `às ${clock}` : clock),
  },
  list: { and: " e ", or: " ou ", more: (n) => `e mais ${n}` },
  status: {
    substatus: {
      READY_WAITING_FOR_AGENT: "aguardando o agente da estação",
      READY_WAITING_FOR_USER_INTERVENTION: "aguardando intervenção do operador",
      HOLD_PRIORITY_ZERO: "retido com prioridade 0",
    },
    heldByOperator: "retido por um operador (HOLD, prioridade 0)",
    dependencyTypes: {
      INTERNAL: ["job do mesmo stream", "jobs do mesmo stream"],
      EXTERNAL_JOB: ["job de outro stream", "jobs de outros streams"],
      EXTERNAL_JOBSTREAM: ["job stream", "job streams"],
      JOIN: ["condição de junção", "condições de junção"],
      FILE: ["arquivo", "arquivos"],
      RESOURCE: ["recurso", "recursos"],
      INTERNETWORK: ["dependência de outra rede", "dependências de outra rede"],
      PROMPT: ["prompt (resposta do operador)", "prompts (resposta do operador)"],
    },
    workstation: "estação",
  },
  suggest: {
    action: (action, job) => `${actionVerbs[action]} job ${job.name}${inStream(job)}`,
    jobStatus: (job) => `qual o status do job ${job.name}${inStream(job)}?`,
    jobLog: (job) => `mostre o log do job ${job.name}${inStream(job)}`,
    dependencies: (job) => `o que está segurando o job ${job.name}${inStream(job)}?`,
    failedToday: "quais jobs abendaram hoje?",
    runningNow: "o que está rodando agora?",
    lateJobs: "tem algum job atrasado?",
    jobStream: (name) => `qual o status do stream ${name}?`,
    workstation: (name) => `a estação ${name} está linkada?`,
    workstations: "quais estações não estão linkadas?",
    help: "ajuda",
  },
  upstream: {
    retrySoon: "tente de novo em instantes",
    retryIn: (wait) => `tente de novo em ${wait}`,
    reason(failure, retry) {
      switch (failure) {
        case "timeout":
          return `não respondeu a tempo; ${retry}`;
        case "circuit-open":
          return `vem falhando, e as chamadas a ele estão pausadas para não sobrecarregá-lo; ${retry}`;
        case "rate-limited":
          return `está limitando as requisições; ${retry}`;
        case "bulkhead-full":
          return `já tem muitas consultas em andamento; ${retry}`;
        case "credentials-rejected":
          return "recusou as credenciais do Resync; avise o administrador";
        case "not-configured":
          return "o endereço dele não está configurado no Resync; avise o administrador";
        case "not-found":
          return "não encontrou o que foi pedido";
        case "conflict":
          return "recusou o pedido no estado atual";
        case "bad-request":
        case "invalid-response":
        case "upstream-error":
          return `respondeu com erro; ${retry}, e se persistir avise o administrador`;
        default:
          return `está indisponível; ${retry}`;
      }
    },
    couldNotAsk: (reason) => `Não consegui consultar o HWA: ${reason}.`,
    staleNote: (age) => `(dados de há ${age}: o HWA não respondeu)`,
  },
  names: {
    which: (count, kind, written) =>
      `Encontrei ${count} ${kinds[kind][1]} para ${written}; qual ${kind === "workstation" ? "delas" : "deles"}?`,
    notFound: (kind, written) =>
      `Não encontrei ${kind === "workstation" ? "a" : "o"} ${kinds[kind][0]} ${written} no plano atual.`,
    closeNames: (list) => `Nomes parecidos: ${list}.`,
    howToFind: (kind, written, workstationsQuestion) =>
      ({
        job: `A lista de jobs aceita parte do nome com * (ex.: ${written.slice(0, 4)}*); ou pergunte pelo stream do job.`,
        job_stream: "A lista de job streams aceita parte do nome com *.",
        workstation: `Pergunte "${workstationsQuestion}" para ver as estações.`,
      })[kind],
    askFor: (kind, example) =>
      `${{ job: "De qual job?", job_stream: "De qual job stream?", workstation: "De qual estação?" }[kind]} Diga o nome, por exemplo: "${example}"`,
  },
  help: {
    examples: [
      { intent: "job_status", example: "qual o status do job PAYROLL_CALC?" },
      { intent: "job_log", example: "mostre o log do job PAYROLL_CALC" },
      { intent: "failed_jobs", example: "quais jobs abendaram desde as 6h?" },
      { intent: "running_now", example: "o que está rodando agora? tem algo atrasado?" },
      { intent: "jobstream_status", example: "o que está travando o stream BANK_RECON?" },
      { intent: "workstation_status", example: "a estação AGT_LNX01 está linkada?" },
      { intent: "job_dependencies", example: "por que o job RECON_REPORT não roda?" },
      {
        intent: "job_action",
        example: "fazer rerun do job LOAD_SALES_FACT",
        note: "também hold, release, cancel e kill; peço confirmação antes",
      },
    ],
    suggested: [
      "quais jobs abendaram hoje?",
      "o que está rodando agora?",
      "qual o status do stream PAYROLL?",
      "quais estações não estão linkadas?",
    ],
    head: "Posso consultar o plano do HWA e agir em jobs. Por exemplo:",
    notUnderstood: "Não entendi. Posso responder perguntas sobre o plano do HWA, como:",
  },
  workstation: {
    label: "Estação",
    node: "nó",
    linked: "linkada",
    notLinked: "NÃO linkada",
    activeStates: "Estados ativos",
    none: "nenhum",
    limit: "limite",
    unlinkedNote: "Os jobs dela ficam em READY até o link voltar (link/start da estação no HWA).",
    summary: (total, linked, notLinked) =>
      `${plural(total, "estação", "estações")}: ${linked} ${linked === 1 ? "linkada" : "linkadas"}, ${notLinked} não ${notLinked === 1 ? "linkada" : "linkadas"}.`,
    notLinkedList: "Não linkadas",
  },
  jobStatus: {
    started: (at) => `Início ${at}`,
    ended: (at) => `fim ${at}`,
    running: (duration) => `em execução há ${duration}`,
    overEstimate: (estimate, deviation) => `, acima da estimativa de ${estimate} (${deviation})`,
    ofEstimate: (estimate) => ` de ~${estimate} estimados`,
    ran: (duration) => `levou ${duration}`,
    againstEstimate: (estimate, deviation) => `, estimativa ${estimate} (${deviation})`,
    scheduled: (at) => `Início previsto ${at}`,
    estimated: (estimate) => `estimativa ${estimate}`,
    waitingOn: (count, detail) =>
      `Aguarda ${count} ${count === 1 ? "dependência não resolvida" : "dependências não resolvidas"}${detail ? `: ${detail}` : ""}.`,
    runs: (runs, reruns) => `${runs} execuções (${plural(reruns, "rerun", "reruns")})`,
    earlierFailures: (runs, outcomes) =>
      `${ordinals(runs)} ${runs.length === 1 ? "terminou" : "terminaram"} com erro: ${outcomes}`,
    recovered: (at) => `o rerun terminou com sucesso${at ? ` ${at}` : ""}`,
    heldNote: "Um operador o reteve: só inicia depois de liberado (release).",
  },
  dependencies: {
    predecessors: (count) => `Predecessores (${count}):`,
    waitingOn: (pending, total) => `Está esperando ${pending} de ${plural(total, "predecessor", "predecessores")}:`,
    noPredecessors: "Não tem predecessores.",
    allDone: (total) =>
      total === 1
        ? "O único predecessor terminou com sucesso."
        : `Todos os ${total} predecessores terminaram com sucesso.`,
    alsoWaitingOn: (what) => `Também aguarda: ${what}.`,
    notWaitingRunning: "Não está esperando: já está em execução.",
    notWaitingEnded: "Não está esperando: já terminou.",
    notWaiting: "Não está esperando predecessores.",
    rootCause: "Causa: ",
    successors: (count, list) => `Esperam por ele (${count}): ${list}.`,
    noSuccessors: "Nenhum job espera por ele.",
    heldNote: (job) => `Um operador reteve o ${job}: ele só inicia depois de liberado (release).`,
  },
  rootCause: {
    waits: "aguarda",
    which: "que",
    skipped: (count) => `(e mais ${plural(count, "job", "jobs")} na cadeia)`,
    failed: (status, returnCode, at) =>
      `terminou com erro (${status}${returnCode !== null ? `, RC ${returnCode}` : ""})${at ? ` ${at}` : ""}`,
    held: "está retido por um operador (HOLD, prioridade 0)",
    agent: (workstation) => `está pronto (READY), mas a estação ${workstation} não está linkada`,
    time: (at) => `aguarda o horário de início${at ? ` (${at})` : ""}`,
    running: (elapsed, estimate) =>
      `está em execução${elapsed ? ` ${elapsed}` : ""}${estimate ? ` (estimativa ${estimate})` : ""}`,
    other: (what) => `aguarda ${what}`,
    unknown: (status) => `está em ${status}`,
    tooDeep: (hops) => `(parei após ${hops} consultas; a cadeia continua)`,
    errorLine: (job, line, text) => `Erro no log do ${job} (linha ${line}): ${text}`,
    unblockFailed: (job) => `Para destravar: rerun do ${job} (ou confirme-o como SUCC, se o erro pode ser ignorado).`,
    unblockHeld: (job) => `Para destravar: libere (release) o ${job}.`,
    unblockAgent: (workstation) => `Para destravar: link/start da estação ${workstation} no HWA.`,
    blocked: "Travado: ",
    onceStarted: "Quando começar, vai parar em: ",
    notBlocked: "Nada o está travando.",
    notStartedYet: "Ainda não começou.",
  },
  jobStream: {
    started: (at) => `Início ${at}`,
    ended: (at) => `fim ${at}`,
    scheduled: (at) => `Início previsto ${at}`,
    counts: (c) =>
      `${c.total} jobs: ${c.successful} com sucesso, ${c.running} em execução, ${c.abended} com erro, ${c.notRunning} não iniciados.`,
    inError: "Com erro",
    running: "Em execução",
  },
  failed: {
    betweenToday: (since, until) => ` entre ${since} e ${until} de hoje`,
    between: (since, until) => ` entre ${since} e ${until}`,
    since: (since) => ` desde ${since}`,
    ofStream: (stream) => ` do stream ${stream}`,
    none: (ofStream, period) => `Nenhum job${ofStream} falhou${period}.`,
    head: (count, ofStream, period, streams, recovered) =>
      `${plural(count, "job", "jobs")}${ofStream} ${count === 1 ? "falhou" : "falharam"}${period}` +
      `${streams === undefined ? "" : `, em ${plural(streams, "stream", "streams")}`}` +
      `${recovered > 0 ? ` (${plural(recovered, "recuperado", "recuperados")} com rerun)` : ""}:`,
    noStream: "(sem stream)",
    moreJobs: (n) => `e mais ${plural(n, "job", "jobs")}.`,
    recovered: (at) => `recuperado: rerun SUCC${at ? ` ${at}` : ""}`,
    times: (n) => `${n} vezes`,
  },
  running: {
    none: "Nenhum job em execução agora.",
    head: (count, streams) =>
      `${plural(count, "job em execução", "jobs em execução")} agora, em ${plural(streams, "stream", "streams")}:`,
    late: (count) => `${plural(count, "job atrasado", "jobs atrasados")} (em execução além da estimativa):`,
    noneLate: (running) =>
      running === 0 ? "Nenhum job atrasado." : "Nenhum job atrasado: todos em execução estão dentro da estimativa.",
    lateEntry: (name, stream, ran, estimate, deviation) =>
      `${name}${stream ? ` (stream ${stream})` : ""}: ${ran} de ~${estimate} estimados (${deviation})`,
    noneWaiting: "Nenhum job pronto está esperando um agente (nenhum job READY numa estação não linkada).",
    readyWaiting: (count, workstations) =>
      `${plural(count, "job pronto espera", "jobs prontos esperam")} o agente de ${workstations}, que não está linkado.`,
  },
  log: {
    errorHeading: (shown, omitted) =>
      omitted > 0
        ? `Linhas de erro (as ${shown} primeiras e últimas; ${omitted} omitidas no meio):`
        : `Linhas de erro (${shown}):`,
    noLogYet: (heading, status) => `${heading} ainda não tem log: ${status}.`,
    lines: (n) => plural(n, "linha", "linhas"),
    heading: (job, size, status, growing) =>
      `Log do ${job}: ${size}; ${status}${growing ? " (o log ainda cresce)" : ""}.`,
    noErrorLines: "Nenhuma linha de erro reconhecida.",
    tail: (count, first, total) => `Últimas ${count} linhas (${first}–${total}):`,
  },
  actions: {
    actionOf: (action, job) => `${action} do job ${job}`,
    within: (seconds) => (seconds < 60 ? `${seconds} segundos` : plural(Math.ceil(seconds / 60), "minuto", "minutos")),
    confirm: (what, within) => `Vou ${what} — confirma? Responda "sim" em até ${within}.`,
    yesNo: ["sim", "não"],
    newRun: (id) => `; nova execução ${id}`,
    hwaAnswer: (id) => ` (resposta do HWA: ${id})`,
    done: (actionOf, detail) => `Feito: ${actionOf} aceito pelo HWA${detail}.`,
    declined: (doing) => `Ok, não vou ${doing}.`,
    expired: (actionOf) => `A confirmação do ${actionOf} expirou; nada foi feito. Peça de novo se ainda quiser.`,
    nothingPending: "Não há ação esperando confirmação.",
    nothingAwaitsConfirmation: "Nenhuma ação ficou esperando confirmação.",
    cannot: (doing) => `Não dá para ${doing}`,
    unknownStatus: "o status atual dele é desconhecido; a ação não foi tentada",
    inStatusNothingDone: (status) => `ele está em ${status}; nada foi feito`,
    killBeforeCancel: (status) => `ele está em ${status}; faça kill antes de cancelar`,
    alreadyEnded: (status) => `ele já está em ${status}; cancel só vale para jobs que não terminaram`,
    needsStatus: (status, action, accepted) => `ele está em ${status}; ${action} só vale para jobs em ${accepted}`,
    roleCannotAct: (role) => `Seu perfil (${role}) não pode executar ações; peça a um operador.`,
    maintenance: (doing, message, until) =>
      `O Resync está em manutenção: não vou ${doing} agora; nada foi feito. ` +
      `Aviso do administrador: "${message}". ` +
      (until ? `Previsão de término: ${until}. ` : "Sem hora prevista para terminar. ") +
      "Peça de novo depois da manutenção.",
    notCarriedOut: (actionOf) => `O HWA não executou o ${actionOf}`,
    refusedInState: "recusou no estado atual do job",
    timedOut: "não respondeu a tempo; confira o status do job antes de pedir de novo",
  },
  notify: {
    maintenance: "O Resync está em manutenção: não vou criar o aviso agora; nada foi feito.",
    alreadyEnded: (job, status) =>
      `O job ${job} já terminou (${status}): não há o que esperar. Pergunte o status ou o log se quiser.`,
    propose: (job) =>
      `Vou avisar você no console quando o job ${job} terminar, com sucesso ou com erro (um aviso só) — confirma? Responda "sim" em até 2 minutos.`,
    expired: (job) => `A confirmação do aviso do job ${job} expirou; nada foi criado. Peça de novo se ainda quiser.`,
    subscribed: (job) => `Combinado: vou avisar no console quando o job ${job} terminar.`,
    failed: (job, why) => `Não consegui criar o aviso do job ${job}: ${why}`,
    declined: (job) => `Certo, não vou criar o aviso do job ${job}.`,
  },
  engine: {
    mind: (engine) => ` Atenção: engine ${engine}.`,
  },
};
