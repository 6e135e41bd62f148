/**
 * Gravidity and parity ("G3P3", "G2P1011", "G1P0"): the obstetric formula counts every pregnancy
 * (G, current one included) and the pregnancies carried to an outcome (P: one count, or the four of
 * TPAL, term, preterm, abortions, living). When the outcomes account for every pregnancy the formula
 * is an obstetric history, not a pregnancy now; only a formula with more pregnancies than outcomes
 * can say she is pregnant (a pregnancy's context, chapter 15).
 */

/** A gravidity and parity formula: G, then P as one count or as the four TPAL digits. */
const FORMULA = /\bg(\d{1,2})\s*p(\d{4}|\d{1,2})\b/gi;

/** The pregnancies a parity accounts for: its count, or term + preterm + abortions of a TPAL. */
function outcomes(para: string): number {
  if (para.length !== 4) return Number(para);
  const [t = 0, p = 0, a = 0] = [...para].map(Number);
  return t + p + a;
}

/**
 * The text with each gravidity/parity formula that accounts for every pregnancy ("G3P3", "G2P1011")
 * blanked out: such a formula is her obstetric history and does not place a pregnancy now.
 */
export function withoutCompletedGravidity(text: string): string {
  return text.replace(FORMULA, (formula: string, gravida: string, para: string) => (Number(gravida) > outcomes(para) ? formula : ' '));
}
