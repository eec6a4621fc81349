// Portuguese words for a job or stream that stopped moving: "o HR_SYNC empacou?", "travou?", "tá engasgado?". They
// ask what blocks it (a dependencies cue), and they say Portuguese even when nothing else in the message does.

export const stuckWordsPt = [
  "empacou",
  "empacaram",
  "empacado",
  "empacada",
  "empacados",
  "empacadas",
  "travou",
  "travaram",
  "engasgou",
  "engasgado",
  "engasgada",
  "emperrou",
  "emperrado",
  "emperrada",
];
