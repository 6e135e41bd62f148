/**
 * New or established patient, as the CPT E/M guidelines define it: new when the patient has had no
 * professional service from the physician or another of the same group and the same specialty within
 * the past three years. The record states it in words ("new patient", "est pt", "first visit to our
 * practice", "never seen in Family Medicine") or by the date of the last visit here ("last seen in this
 * practice 03/2023", read against the date of service). A written office visit (99202-99205 new,
 * 99212-99215 established) or preventive visit (99381-99387 new, 99391-99397 established) of the other
 * status is corrected by procedure-corrections.ts.
 */
import { codeForStatus, preventiveStatus } from './age-bands.ts';

export type Status = 'new' | 'established';

const SAYS_NEW = new RegExp(
  [
    String.raw`\bnew (?:patient|pt)\b`,
    String.raw`\bnew to (?:the |this |our )?(?:[a-z]+ )?(?:clinic|practice|office|group|medicine)\b`,
    // "Re-establish care" says the patient was here before: it states no status (the last visit's date may).
    String.raw`(?<!\bre-?)\bestablish(?:ing|es)? care\b`,
    String.raw`\bfirst (?:visit|time|appointment) (?:to|at|in|with) (?:our|this|the) (?:practice|clinic|office|group)\b`,
    String.raw`\bnever (?:been )?seen (?:here|in (?:our|this) (?:group|practice|clinic)|by (?:me|us|our group)|in (?:[a-z]+ )?medicine)\b`,
  ].join('|'),
  'i',
);
const SAYS_ESTABLISHED =
  /\best(?:ablished)?\.? (?:patient|pt)\b|\breturning (?:patient|pt)\b|\b(?:last )?seen (?:by me|here|in (?:our|this) (?:clinic|office|practice))\b[^.;\n]{0,30}?\b(\d+) (months?|mos?|years?|yrs?) ago\b/i;
/**
 * A prior visit here told by the patient's age or a recent date ("seen here at 4 days and 2 wks",
 * "seen here on 10/02") or placed in the same group ("seen at 2 wks by Dr. B; same group"): established.
 */
const PRIOR_VISIT_HERE =
  /(?<!\bnever (?:been )?)\bseen (?:here|in (?:our|this) (?:clinic|office|practice|group))\s+(?:at|on)\s+(?:\d{1,2}\s*(?:days?|d|wks?|weeks?|mos?|months?)\b|\d{1,2}\/\d{1,2}\b)|(?<!\bnever (?:been )?)\bseen\b[^.\n]{0,80}?\bby (?:Dr\.?|Doctor) [^.\n]{0,40}?[;,(]\s*(?:same|our|this) (?:group|practice)\b/i;
/** "Last seen ... here 02/2025": the month of the last visit in this practice. */
const LAST_SEEN_DATE = /\blast seen\b([^.;\n]{0,60}?)\b(\d{1,2})\/(?:\d{1,2}\/)?(\d{4})\b/i;
const HERE = /\b(?:here|(?:this|our|same) (?:practice|clinic|office|group|provider))\b/i;
/** The date of service the note states ("DOS 11/16/2026", "DOS: 11/16/2026"). */
const NOTE_DATE_OF_SERVICE = /\bDOS:?\s*(\d{1,2})\/\d{1,2}\/(\d{4})\b/i;
/** The guideline's window: seen within three years is established. */
const ESTABLISHED_YEARS = 3;

/** Years since a last visit here stated by its month, or undefined when the note states none. */
function yearsSinceLastVisit(notes: string, dateOfService?: string): number | undefined {
  const last = LAST_SEEN_DATE.exec(notes);
  if (!last) return undefined;
  // The words around the date must place the visit in this practice ("here", "in this practice").
  const clause = notes.slice(last.index, notes.indexOf('\n', last.index) < 0 ? undefined : notes.indexOf('\n', last.index));
  if (!HERE.test(clause)) return undefined;
  const dos = NOTE_DATE_OF_SERVICE.exec(notes);
  const iso = dateOfService ? /^(\d{4})-(\d{2})/.exec(dateOfService) : null;
  const [year, month] = dos ? [Number(dos[2]), Number(dos[1])] : iso ? [Number(iso[1]), Number(iso[2])] : [NaN, NaN];
  if (Number.isNaN(year)) return undefined;
  return (year * 12 + month - (Number(last[3]) * 12 + Number(last[2]))) / 12;
}

/** A status the note denies ("not a new patient", "no longer an established patient") states nothing. */
const DENIED_STATUS = /\b(?:not|no longer)\s+(?:an?\s+)?(?:new|est(?:ablished)?\.?)\s+(?:patient|pt)\b/gi;

/** The status the note states, when it states exactly one. */
export function statedStatus(text: string, dateOfService?: string): Status | undefined {
  const notes = text.replace(DENIED_STATUS, ' ');
  const established = SAYS_ESTABLISHED.exec(notes);
  let est = established !== null || PRIOR_VISIT_HERE.test(notes);
  if (established?.[1] !== undefined && !PRIOR_VISIT_HERE.test(notes)) {
    const years = /^y/i.test(established[2] ?? '') ? Number(established[1]) : Number(established[1]) / 12;
    est = years < ESTABLISHED_YEARS;
  }
  let isNew = SAYS_NEW.test(notes) || (established !== null && !est);
  const since = yearsSinceLastVisit(notes, dateOfService);
  if (since !== undefined && since >= 0) {
    if (since < ESTABLISHED_YEARS) est = true;
    else isNew = true;
  }
  if (isNew === est) return undefined;
  return isNew ? 'new' : 'established';
}

/** The status a visit code is for, and the same service's code for another status. */
export function visitCodeStatus(code: string): { status: Status; forStatus: (s: Status) => string | undefined } | undefined {
  if (/^9920[2-5]$/.test(code)) return { status: 'new', forStatus: (s) => `992${s === 'new' ? 0 : 1}${code[4]}` };
  if (/^9921[2-5]$/.test(code)) return { status: 'established', forStatus: (s) => `992${s === 'new' ? 0 : 1}${code[4]}` };
  const status = preventiveStatus(code);
  return status ? { status, forStatus: (s) => codeForStatus(code, s) } : undefined;
}
