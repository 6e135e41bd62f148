/**
 * Care after a joint replacement (guideline I.C.21.c.7, aftercare; index: Replacement by artificial
 * or mechanical device, joint Z96.6-):
 *
 * - A fracture treated by replacing its joint ("femoral neck fracture s/p hemiarthroplasty") is still
 *   coded as the fracture during recovery (7th character D, guideline I.C.21.c.7: "the aftercare Z
 *   codes should not be used for aftercare for injuries"), with the presence of the artificial
 *   joint (Z96.6-) beside it.
 * - An elective replacement (for arthritis) in its recovery ("POD 9 s/p R TKA", "4 wk s/p total knee
 *   arthroplasty", "6 mo f/u R TKA") is the aftercare following joint replacement surgery, Z47.1,
 *   with the joint (Z47.1's "use additional code to identify the joint (Z96.6-)"). The arthritis of
 *   the joint replaced is gone with it: an arthritis code of that joint and side is not kept.
 *
 * Only a replacement stated as done (not planned, discussed or a candidate's), whose side the record
 * states, and for aftercare only in a statement of its recovery (post-op day, weeks since, follow-up,
 * rehabilitation, the incision); one dated to a past year is history, not aftercare.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

type Joint = 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle';
/** The Z96.6- 5th character of each joint. */
const JOINT_CHARACTER: Readonly<Record<Joint, string>> = { shoulder: '1', elbow: '2', wrist: '3', hip: '4', knee: '5', ankle: '6' };

/** A joint replaced, by its name or the chart's initials (TKA total knee, THA total hip, TSA total shoulder). */
const REPLACED =
  /\b(?:(?:total|partial|hemi|reverse|primary|revision)\s+)*(knee|hip|shoulder|elbow|ankle|wrist)\s+(?:joint\s+)?(?:replacement|arthroplasty|hemiarthroplasty)\b|\b(knee|hip|shoulder)\s+hemi\b|\b(?:r|rev|reverse)?(tka|tkr|tha|thr|tsa)\b/i;
const INITIALS: Readonly<Record<string, Joint>> = { tka: 'knee', tkr: 'knee', tha: 'hip', thr: 'hip', tsa: 'shoulder' };
/** A replacement spoken of, not done. */
const NOT_DONE =
  /\b(?:plan\w*|schedul\w*|candidate|consider\w*|discuss\w*|refer\w*|will|would|may|needs?|eval\w* for|declin\w*|refus\w*|awaiting|pending|if|future|possible|no|not)\b/i;
/** The recovery of a replacement: days since surgery, weeks or months after, follow-up, rehabilitation, the incision. */
const RECOVERY =
  /\bpod\s*#?\s*\d+|\bpost-?op\w*|\b\d+\s*(?:d|days?|wks?|weeks?|mos?|months?)\s+(?:s\/p|status post|post|after|since|out from|f\/u|follow[- ]?up)\b|\b(?:f\/u|follow[- ]?up)\s+(?:of\s+|after\s+)?(?:r|l|rt|lt|right|left)?\s*(?:tka|tha|tsa|total)|\brehab\w*|\baftercare\b|\bincision\b|\bstaples?\b|\bsutures?\b|\b(?:in|cont\w*|outpatient|outpt|home)\s+(?:pt|physical therapy)\b/i;
const PAST_YEAR = /\b((?:19|20)\d\d)\b/g;
const FRACTURE = /\b(?:fractures?|fx)\b/i;

/** Fracture codes of the part of a bone each joint's replacement treats. */
const FRACTURE_OF: Readonly<Record<Joint, RegExp>> = {
  hip: /^(?:S72\.[01]|M80\.05|M84\.45)/,
  shoulder: /^(?:S42\.2|M80\.0[12]|M80\.8[12])/,
  knee: /^(?:S72\.4|S82\.[01])/,
  elbow: /^(?:S42\.4|S52\.[01])/,
  wrist: /^S52\.5/,
  ankle: /^S82\.[3-8]/,
};
/** Arthritis of each joint (the side is the code's own: 1 right, 2 left in the 5th or 6th character). */
const ARTHRITIS_OF: Readonly<Record<Joint, RegExp>> = {
  hip: /^M16\.[1-7]\d?$/,
  knee: /^M17\.[1-5]\d?$/,
  shoulder: /^M19\.[0-2]1\d$/,
  elbow: /^M19\.[0-2]2\d$/,
  wrist: /^M19\.[0-2]3\d$/,
  ankle: /^M19\.[0-2]7\d$/,
};

interface Replacement {
  joint: Joint;
  side: 'right' | 'left';
  statement: string;
  recovery: boolean;
}

function sideOf(text: string): 'right' | 'left' | undefined {
  const right = /\b(?:right|rt|r)\b/i.test(text);
  const left = /\b(?:left|lt|l)\b/i.test(text);
  return right === left ? undefined : right ? 'right' : 'left';
}

/** The replacements the record states as done, each with its side and whether the statement tells its recovery. */
function replacements(run: CodingRun): Replacement[] {
  const doc = run.input.documentation;
  const year = Number(run.input.dateOfService.slice(0, 4));
  const out: Replacement[] = [];
  for (const statement of [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]) {
    const m = REPLACED.exec(statement);
    if (!m) continue;
    const joint = (m[1] ?? m[2])?.toLowerCase() as Joint | undefined;
    const named = joint ?? INITIALS[(m[3] ?? '').toLowerCase()];
    const side = sideOf(statement);
    if (!named || !side || NOT_DONE.test(statement.slice(0, m.index))) continue;
    const past = [...statement.matchAll(PAST_YEAR)].some((y) => Number(y[1]) < year - 1);
    out.push({ joint: named, side, statement, recovery: RECOVERY.test(statement) && !past });
  }
  return out;
}

const presenceCode = (r: Replacement) => `Z96.6${JOINT_CHARACTER[r.joint]}${r.side === 'right' ? '1' : '2'}`;
const AFTERCARE = 'Z47.1';

const FOLLOW_UP = 'Z09';
const MUSCULOSKELETAL_HISTORY = 'Z87.39';
const arthritisOfJoint = (text: string, joint: Joint) =>
  /\b(?:oa|osteoarthritis|arthritis|djd|degenerative joint disease)\b/i.test(text) && new RegExp(`\\b${joint}\\b`, 'i').test(text);

/** The arthritis code's side: 1 right, 2 left at the end of its site characters. */
function arthritisSide(code: string): 'right' | 'left' | undefined {
  const last = code.replace('.', '').slice(-1);
  return last === '1' ? 'right' : last === '2' ? 'left' : undefined;
}

/** Step: a fracture treated by joint replacement gets the joint's presence; an elective replacement in recovery, Z47.1 with it. */
export function jointReplacementAftercare(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('Z47') || d.code.startsWith('T84'))) return drafts;
  let out = [...drafts];
  const next = () => Math.max(0, ...out.map((d) => d.order)) + 1;
  for (const r of replacements(run)) {
    const presence = presenceCode(r);
    if (out.some((d) => d.code === presence) || !run.allowed(presence)) continue;
    const fracture = out.find((d) => FRACTURE_OF[r.joint].test(d.code) && d.code.endsWith('D'));
    if (fracture) {
      out.push(
        newDraft(run.codeSets, presence, {
          confidence: fracture.confidence,
          order: fracture.order + 0.2,
          evidence: [{ section: 'notes', text: r.statement }],
          rationale: `The fracture was treated by replacing the joint ("${r.statement}"): the fracture code with 7th character D during recovery and the presence of the artificial joint ${presence} (guideline I.C.21.c.7).`,
        }),
      );
      continue;
    }
    // A replacement for a fracture is never Z47.1, whatever its fracture was coded.
    if (!r.recovery || FRACTURE.test(r.statement) || !run.allowed(AFTERCARE) || out.some((d) => d.code === AFTERCARE)) continue;
    const order = next();
    const evidence = [{ section: 'notes' as const, text: r.statement }];
    // The arthritis of the joint replaced (or its history), and a follow-up after completed treatment
    // (Z09 excludes aftercare, Z43-Z49), give way to the aftercare.
    out = out.filter(
      (d) =>
        !(ARTHRITIS_OF[r.joint].test(d.code) && arthritisSide(d.code) === r.side) &&
        d.code !== FOLLOW_UP &&
        !(d.code.startsWith(MUSCULOSKELETAL_HISTORY) && arthritisOfJoint(run.mentions.get(d.order)?.text ?? '', r.joint)),
    );
    out.push(
      newDraft(run.codeSets, AFTERCARE, {
        confidence: 0.8,
        order,
        evidence,
        rationale: `The record states the recovery after a ${r.side} ${r.joint} replacement ("${r.statement}"): aftercare following joint replacement surgery ${AFTERCARE} (guideline I.C.21.c.7); the arthritis of the joint replaced is not coded.`,
      }),
      newDraft(run.codeSets, presence, {
        confidence: 0.8,
        order: order + 0.1,
        evidence,
        rationale: `Z47.1's "use additional code to identify the joint": ${presence}.`,
      }),
    );
  }
  return out;
}
