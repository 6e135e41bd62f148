/**
 * New or established patient, as the CPT E/M guidelines define it: new when the patient has had no
 * professional service from the physician or another of the same group and specialty within the past
 * three years. A written office visit (99202-99205 new, 99211-99215 established) or preventive visit
 * (99381-99387 new, 99391-99397 established) of the other status than the one the note states is kept
 * and sent to a coder with the code of the stated status offered (never rewritten).
 */
import type { EditFinding } from '../domain/coding.ts';
import { codeForStatus } from './age-bands.ts';

type Status = 'new' | 'established';

const SAYS_NEW =
  /\bnew (?:patient|pt)\b|\bnew to (?:the |this |our )?(?:clinic|practice|office|group)\b|\bestablish(?:ing|es)? care\b|\bnever (?:been )?seen (?:here|in (?:our|this) (?:group|practice|clinic)|by (?:me|us|our group))\b/i;
const SAYS_ESTABLISHED =
  /\best(?:ablished)?\.? (?:patient|pt)\b|\breturning (?:patient|pt)\b|\b(?:last )?seen (?:by me|here|in (?:our|this) (?:clinic|office|practice))\b[^.;\n]{0,30}?\b(\d+) (months?|mos?|years?|yrs?) ago\b/i;
/** The guideline's window: seen within three years is established. */
const ESTABLISHED_YEARS = 3;

/** The status the note states, when it states exactly one. */
export function statedStatus(notes: string): Status | undefined {
  const established = SAYS_ESTABLISHED.exec(notes);
  let est = established !== null;
  if (established?.[1] !== undefined) {
    const years = /^y/i.test(established[2] ?? '') ? Number(established[1]) : Number(established[1]) / 12;
    est = years < ESTABLISHED_YEARS;
  }
  const isNew = SAYS_NEW.test(notes) || (established !== null && !est);
  if (isNew === est) return undefined;
  return isNew ? 'new' : 'established';
}

/** The status a visit code is for, and the same service's code for the other status. */
function statusOf(code: string): { status: Status; other: (s: Status) => string | undefined } | undefined {
  if (/^9920[2-5]$/.test(code)) return { status: 'new', other: () => `9921${code[4]}` };
  if (/^9921[2-5]$/.test(code)) return { status: 'established', other: () => `9920${code[4]}` };
  const preventive = codeForStatus(code, 'new');
  if (preventive === undefined) return undefined;
  return { status: preventive === code ? 'new' : 'established', other: (s) => codeForStatus(code, s) };
}

/** A finding (and the code offered) when a written visit code is for the other status than the note states. */
export function statusConflict(notes: string, written: string, source: string): { finding: EditFinding; offered: string } | undefined {
  const visit = statusOf(written);
  const stated = visit ? statedStatus(notes) : undefined;
  if (!visit || !stated || stated === visit.status) return undefined;
  const offered = visit.other(stated);
  if (!offered) return undefined;
  return {
    offered,
    finding: {
      rule: 'DOCUMENTED_CODE_DIFFERS',
      severity: 'warning',
      codes: [written, offered],
      needsDocumentation: false,
      source,
      message: `The physician wrote ${written}, a code for ${visit.status === 'new' ? 'a new' : 'an established'} patient; the note states the patient is ${stated === 'new' ? 'new' : 'established'} (${offered}). ${written} is kept; a coder must confirm.`,
    },
  };
}
