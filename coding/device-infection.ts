/**
 * An infection the record ties to a urinary catheter ("catheter-associated UTI", "CAUTI", "UTI due
 * to the Foley") is two codes: the device's complication (T83.51-, index: Complication, catheter,
 * urethral, indwelling, infection), sequenced first, and the infection itself, which the T83.5
 * note "use additional code to identify infection" asks for (N39.0, with its organism when stated).
 * A word search on the whole phrase finds one of the two.
 */
import type { Mention } from './context.ts';

const CATHETER = String.raw`(?:(?:an?|the|his|her|chronic|long[\s-]term|indwelling|foley|urinary|urethral)\s+)*catheter`;
const UTI = String.raw`(?:urinary tract infection|uti)`;
const CATHETER_UTI = new RegExp(
  String.raw`\b${CATHETER}[\s-]+(?:associated|related)\s+${UTI}\b|\bcauti\b|\b${UTI}\s+(?:due to|from|secondary to|associated with|related to|caused by)\s+${CATHETER}\b|\bfoley[\s-]+(?:associated|related)\s+${UTI}\b`,
  'i',
);

/** The statement as the catheter's complication and the infection; the statement itself otherwise. */
export function deviceInfectionMentions(m: Mention): Mention[] {
  const hit = CATHETER_UTI.exec(m.text);
  if (!hit) return [m];
  const rest = `${m.text.slice(0, hit.index)} ${m.text.slice(hit.index + hit[0].length)}`.replace(/^[\s,;]+|[\s,;]+$/g, '');
  const { documentedCode: _code, ...plain } = m;
  return [
    { ...m, text: 'infection and inflammatory reaction due to indwelling urethral catheter' },
    { ...plain, text: `urinary tract infection ${rest}`.trim() },
  ];
}
