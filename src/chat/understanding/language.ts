// Portuguese or English, from the words used: accents and words only one language has. Names, cue words shared by
// both ("status", "job", "log", "rerun") and numbers say nothing.

import type { Token } from "./normalize";
import type { Language } from "./types";

const portuguese = new Set([
  "o", "os", "as", "do", "da", "dos", "das", "de", "no", "na", "nos", "nas", "em", "um", "uma", "e", "ou", "que", "qual",
  "quais", "quem", "onde", "quando", "como", "porque", "pq", "por", "pra", "para", "pro", "com", "sem", "esta", "estao",
  "ta", "tao", "to", "tava", "foi", "sao", "eh", "ja", "ainda", "hoje", "hj", "ontem", "anteontem", "desde", "ultimas",
  "ultimos", "ultima", "ultimo", "horas", "hora", "minutos", "atras", "ha", "faz", "fazer", "sim", "nao", "s", "n",
  "voce", "vc", "vcs", "me", "mim", "meu", "minha", "seu", "sua", "ele", "ela", "dele", "dela", "nele", "esse", "essa",
  "isso", "este", "aqui", "ai", "la", "agora", "mostra", "mostrar", "mostre", "ver", "veja", "quero", "queria", "preciso",
  "pode", "poderia", "consegue", "sabe", "ajuda", "falhou", "falharam", "falha", "falhas", "abendou", "abendaram",
  "erro", "erros", "deu", "segura", "segurar", "segure", "segurando", "libera", "liberar", "libere", "cancela",
  "cancelar", "mata", "matar", "reroda", "rerodar", "roda", "rodar", "rodou", "rodando", "executa", "executar", "novo",
  "novamente", "estacao", "estacoes", "agente", "agentes", "linkada", "linkado", "dependencias", "dependencia",
  "esperando", "aguardando", "travado", "preso", "confirmo", "confirma", "esquece", "deixa", "bom", "boa", "dia",
  "tarde", "noite", "obrigado", "obrigada", "valeu", "oi", "ola", "tudo", "bem", "quantos", "algum", "alguma", "algo",
  "tem", "teve", "situacao", "estado", "terminou", "acabou", "log", "saida", "fluxo", "cadeia", "cade", "kd",
  "mano", "cara", "entao", "tambem", "quanto", "sobre", "aconteceu", "motivo", "comecou", "parado", "manda", "ver",
  "partir", "depois", "apos", "meia", "noite", "manha", "linkadas", "fora", "ar", "servidor", "maquina", "tarefa",
  "processo", "jobs", "rerun", "liberado", "cancelado", "quebrou", "caiu", "problema", "problemas",
]);

const english = new Set([
  "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "about", "is", "are", "was", "were", "be",
  "been", "what", "which", "who", "where", "when", "why", "how", "hows", "whats", "did", "does", "do", "done", "has",
  "have", "had", "can", "could", "would", "should", "will", "it", "its", "this", "that", "these", "those", "me", "my",
  "i", "you", "your", "we", "our", "they", "them", "and", "or", "but", "not", "no", "yes", "y", "yep", "yeah", "nope",
  "since", "today", "yesterday", "last", "past", "hours", "hour", "minutes", "ago", "show", "tell", "give", "get",
  "please", "thanks", "hi", "hello", "hey", "good", "morning", "failed", "fail", "fails", "failures", "failure",
  "failing", "error", "errors", "hold", "release", "cancel", "kill", "stop", "restart", "again", "running", "ran",
  "finished", "still", "yet", "up", "down", "waiting", "blocked", "stuck", "dependencies", "agent", "agents",
  "linked", "unlinked", "help", "any", "anything", "all", "go", "ahead", "confirm", "abort", "never", "mind", "about",
  "weather", "there", "doing", "going", "waiting", "holding", "started", "start", "happened", "wrong", "went", "too",
  "also", "state", "status", "check", "logs", "output", "reason", "many", "much", "days", "day", "night", "am", "pm",
  "noon", "midnight", "after", "now", "right", "list", "see", "look", "want", "need", "rerun", "sure", "ok", "okay",
  "dont", "doesnt", "didnt", "isnt", "hasnt", "wont", "cant", "thing", "stuff", "caused", "out", "into", "anyone",
]);

// Words both languages use in the same spelling count for neither ("status", "log", "job", "rerun", "ok").
const shared = new Set(["status", "log", "logs", "job", "jobs", "rerun", "ok", "okay", "stream", "abend", "abends", "hold", "a", "as", "no", "do"]);

const PT_BIAS_WORDS = new Set(["do", "no", "as"]);

/**
 * Counts Portuguese and English words outside names; an accent counts for Portuguese twice. A tie (no evidence)
 * falls back to the conversation's language, else English.
 */
export function detectLanguage(tokens: readonly Token[], isName: (index: number) => boolean, fallback: Language | undefined): Language {
  let pt = 0;
  let en = 0;
  tokens.forEach((token, i) => {
    if (isName(i) || /\d/.test(token.word)) return;
    if (token.accented) pt += 2;
    const word = token.word;
    // "do" and "no" before a word lean Portuguese ("status do job", "no stream"); alone they are English ("no").
    if (PT_BIAS_WORDS.has(word)) {
      if (i + 1 < tokens.length) pt += 0.5;
      else if (word !== "as") en += 1;
      return;
    }
    if (shared.has(word)) return;
    if (portuguese.has(word)) pt += 1;
    if (english.has(word)) en += 1;
  });
  if (pt > en) return "pt";
  if (en > pt) return "en";
  return fallback ?? "en";
}
