/**
 * Status codes the record states as current (guideline I.C.21.c.3, "Status"): the presence of a
 * device, graft or artificial opening left by past treatment, and dependence on a machine
 * (supplemental oxygen, a ventilator), coded beside the diagnoses when the record says the status
 * holds now and it bears on a condition coded at the visit (guideline IV.J: conditions that affect
 * the care). Not a device removed, an opening reversed, oxygen weaned or only planned, nor one named
 * in a relative's history; a status the claim already carries (or whose complication is coded, the
 * complication code saying more) is not added again.
 *
 * Status a "use additional code" note asks for (Z99.2 with ESRD, additional.ts) is not repeated here.
 */
import { newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';
import { HEADING_PREFIX, type NotePart } from './sections.ts';

interface Status {
  code: string;
  /** The status as the record states it. */
  stated: RegExp;
  /** Code patterns of the conditions it bears on; any coded condition when absent. */
  bearsOn?: readonly string[];
}

const CIRCULATORY = ['I00..I99', 'Z86.7'];
const CORONARY = ['I20..I25', 'Z86.79'];
const RESPIRATORY = ['J00..J99', 'I27', 'I50', 'E84', 'C34', 'G12.2', 'G71', 'R06', 'R09.0'];

const STATUSES: readonly Status[] = [
  {
    code: 'Z99.81',
    stated:
      /\b(?:home|supplemental|continuous|nocturnal|long[\s-]?term|chronic|ambulatory)\s+(?:o2|oxygen)\b|\b(?:o2|oxygen)[\s-]dependen\w*|\bon\s+(?:\d+(?:\.\d+)?\s*(?:l|lpm|liters?)(?:\s*\/\s*min)?\s+(?:of\s+)?)?(?:o2|oxygen)\b|\b\d+(?:\.\d+)?\s*(?:l|lpm|liters?)\s+(?:by\s+|via\s+)?(?:nc|nasal cannula)\b/i,
    bearsOn: RESPIRATORY,
  },
  {
    code: 'Z99.11',
    stated:
      /\bventilator[\s-]dependen\w*|\bdependen\w* on (?:a |the )?ventilator|\bon (?:a |the |home |chronic )?(?:mechanical )?ventilat(?:or|ion)\b/i,
  },
  {
    code: 'Z95.1',
    // Coronary words only: a bypass graft of a limb (atherosclerosis of a leg's vein graft) is no Z95.1.
    stated: /\bcabg\b|\b(?:aorto)?coronary (?:artery )?bypass\b|\bbypass (?:graft(?:ing|s)?|surgery) (?:of the heart|x\s*\d)/i,
    bearsOn: CIRCULATORY,
  },
  {
    code: 'Z95.5',
    // A coronary stent by its site, its kind, or the chart's "DES" (drug-eluting stent) or "s/p PCI"
    // (a percutaneous coronary intervention leaves a stent unless the record says balloon only).
    stated: new RegExp(
      [
        String.raw`\b(?:coronary|cardiac|lad|rca|lcx|circumflex|drug[\s-]eluting|bare[\s-]metal)\s+(?:artery\s+)?stents?\b`,
        String.raw`\bstents?\s+(?:to|in)\s+(?:the\s+)?(?:lad|rca|lcx|circumflex|coronary|left anterior descending|right coronary)\b`,
        String.raw`\b(?:pci|angioplasty)\s*(?:with|w\/|\/|\+|and)\s*(?:des|stent\w*)`,
        String.raw`\b(?:s\/p|status post)\s+(?:des|stents?|stenting|pci(?!\s+(?:with|w\/)\s+balloon))\b`,
        String.raw`\bdes\s*(?:x\s*\d|to\b|in\b|placed|\))`,
      ].join('|'),
      'i',
    ),
    // A coronary stent bears on the coronary disease it treats (a heart failure or hypertension visit
    // with the stent only listed is not its care).
    bearsOn: CORONARY,
  },
  { code: 'Z95.0', stated: /\b(?:cardiac |permanent )?pacemaker\b|\bppm (?:in place|in situ)\b/i, bearsOn: CIRCULATORY },
  {
    code: 'Z95.810',
    stated: /\baicd\b|\bimplant(?:ed|able) (?:cardioverter[\s-])?defibrillator\b|\bcrt-d\b|\bicd (?:in place|in situ)\b/i,
    bearsOn: CIRCULATORY,
  },
  {
    code: 'Z95.2',
    stated:
      /\b(?:mechanical|prosthetic|metal)\s+(?:aortic\s+|mitral\s+)?(?:heart\s+)?valve\b|\b(?:aortic|mitral) valve replacement\b|\b(?:s\/p|status post)\s+(?:avr|mvr|tavr)\b/i,
    bearsOn: CIRCULATORY,
  },
  { code: 'Z93.0', stated: /\btracheostomy\b|\btrach in place\b/i },
  { code: 'Z93.1', stated: /\bgastrostomy\b|\bpeg tube\b|\bg[\s-]?tube\b/i },
  { code: 'Z93.2', stated: /\bileostomy\b/i },
  { code: 'Z93.3', stated: /\bcolostomy\b/i },
  { code: 'Z93.6', stated: /\b(?:nephrostomy|ureterostomy|urostomy|urethrostomy)\b/i },
];

const DEVICE_ENCOUNTER = 'Z45';
/** Other postprocedural states (Z98): a word match on a status statement lands here. */
const MISREAD_STATE = 'Z98';

const CLAUSE_BREAK = /[,;]|\s[-–—]\s/;
/** Said of a status that no longer holds, or does not yet (a device only discussed or referred for: "will discuss CRT-D referral"). */
const NOT_CURRENT =
  /\b(?:no|not|never|without|denies|removed|explanted|reversed|closed|taken down|takedown|weaned|off|discontinued|stopped|no longer|declined|declines|refused|candidate for|evaluat\w* for|consider\w*|plan(?:ned|s)? (?:for|to)|scheduled|referr\w*|refer|discuss\w*|eligib\w*|pending|awaiting|would benefit|needs?|may need|will need|qualif\w* for|trial of|during|in the ed|in clinic|given)\b/i;
/** A place, a result or a device's own problem: "SpO2 94% on room air", "stent stenosis" is a complication, coded as one. */
const COMPLICATION =
  /\b(?:(?:re)?stenos\w*|occlu\w*|thrombos\w*|infect\w*|malfunction\w*|failure|dislodg\w*|displac\w*|leak\w*|complication\w*|erosion|revision)\b/i;
/** Parts of a note that never state the patient's own current status. */
const NOT_STATUS_PARTS: ReadonlySet<NotePart> = new Set(['family-history', 'allergies', 'review-of-systems', 'results', 'social-history']);

/** The status a statement states as current, for one status kind; undefined when it does not. */
export function statedStatus(s: Status, statement: string): string | undefined {
  const text = statement.replace(HEADING_PREFIX, '');
  const m = s.stated.exec(text);
  if (!m) return undefined;
  // A cue's scope is the clause around the status (up to a comma, a semicolon or a spaced dash that
  // sets a comment apart: "ICD in place - no shocks" says nothing against the device).
  const before = text.slice(0, m.index).split(CLAUSE_BREAK).pop() ?? '';
  const after = text.slice(m.index + m[0].length).split(CLAUSE_BREAK)[0] ?? '';
  if (NOT_CURRENT.test(before) || NOT_CURRENT.test(after) || COMPLICATION.test(`${before} ${after}`)) return undefined;
  return m[0];
}

/** Step: the status codes the record states as current, beside a coded condition they bear on. */
export function currentStatus(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const conditions = drafts.filter((d) => !d.code.startsWith('Z9'));
  if (conditions.length === 0) return drafts;
  const statements = [
    ...run.input.documentation.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...[...new Map(run.notes.map((m) => [m.original, m])).values()]
      .filter((m) => m.assertion !== 'family-history' && (m.part === undefined || !NOT_STATUS_PARTS.has(m.part)))
      .map((m) => ({ section: 'notes' as const, text: m.original })),
  ];
  const out = [...drafts];
  for (const s of STATUSES) {
    // The status itself, or a code of its category (a complication of the device says more), already there.
    if (out.some((d) => d.code.slice(0, 5) === s.code.slice(0, 5)) || !run.allowed(s.code)) continue;
    // Nor beside a code its Excludes1 notes name (a pacemaker's check, Z45.0, is not its presence),
    // unless that code was a word match on the status's own statement ("coronary stent status" read
    // as angioplasty without an implant): then the status takes its place.
    const excluded = notesFor(run.codeSets.icd, s.code, 'ex1').flatMap(([, patterns]) => patterns);
    // A postprocedural state found by words in the status's own statement (Z98: "s/p DES" read as an
    // implant removed) is that statement misread, and the status takes its place too.
    const clash = out.findIndex(
      (d) =>
        excluded.some((p) => matchesPattern(d.code, p)) ||
        (d.code.startsWith(MISREAD_STATE) && d.evidence.some((e) => statedStatus(s, e.text) !== undefined)),
    );
    const clashing = out[clash];
    if (clashing) {
      const own = clashing.evidence.find((e) => statedStatus(s, e.text) !== undefined);
      // An encounter for the device's checking or management (Z45) is the visit's reason, and says the
      // device is there: it stays, and the presence is not added.
      if (own && !clashing.code.startsWith(DEVICE_ENCOUNTER))
        out[clash] = statusDraft(
          run,
          s,
          clashing,
          { section: own.section === 'diagnoses' ? 'diagnoses' : 'notes', text: own.text },
          clashing.order,
        );
      continue;
    }
    const on = s.bearsOn ? conditions.find((d) => s.bearsOn?.some((p) => matchesPattern(d.code, p))) : conditions[0];
    if (!on) continue;
    for (const st of statements) {
      if (!statedStatus(s, st.text)) continue;
      out.push(statusDraft(run, s, on, st, Math.max(0, ...out.map((d) => d.order)) + 1));
      break;
    }
  }
  return out;
}

function statusDraft(
  run: CodingRun,
  s: Status,
  on: DiagnosisDraft,
  st: { section: 'diagnoses' | 'notes'; text: string },
  order: number,
): DiagnosisDraft {
  const bears = on.code.startsWith('Z') ? '' : ` that bears on ${on.code}`;
  return newDraft(run.codeSets, s.code, {
    confidence: on.confidence * SECTION_WEIGHT[st.section],
    order,
    evidence: [{ section: st.section, text: st.text }],
    rationale: `The record states a current status ("${st.text}")${bears}: ${s.code} (guideline I.C.21.c.3, status codes).`,
  });
}
