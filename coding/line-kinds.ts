/**
 * Diagnosis lines that name no condition. A diagnosis list sometimes carries an order ("MRI brain"),
 * a procedure done at the visit ("R knee injection") or a drug ("Metformin therapy", "On apixaban"):
 * a coder codes the conditions the record states
 * (guideline I.A.19, IV.C), and a drug taken long-term as its Z79 code (I.C.21.c.3), never a disease
 * found by one of the line's words ("brain" is not G93.9, "therapy" not N46.021 "azoospermia due to
 * drug therapy", "anticoagulant" not D68.62 "lupus anticoagulant").
 */
import { CLASS_PATTERNS } from './drug-classes.ts';

/** Imaging and tests as an order names them. */
const STUDY = String.raw`mri|mra|ct|cta|pet(?:[\s/-]ct)?|x-?rays?|xr|radiographs?|ultrasound|us|echo(?:cardiogram)?|ekg|ecg|eeg|emg|ncs|dexa|dxa|mammogram|labs?|cbc|cmp|bmp|ua|urinalysis`;
/** What an order adds to its study: the part of the body, the side, contrast, views. */
const ORDER_WORDS = String.raw`of|the|and|with|without|w\/o|w\/|contrast|views?|\d+|left|right|bilateral|l|r|lt|rt|brain|head|neck|chest|abdomen|abdominal|pelvis|pelvic|spine|cervical|thoracic|lumbar|lumbosacral|sacrum|knee|hip|shoulder|elbow|wrist|hand|foot|ankle|leg|arm|thyroid|renal|kidneys?|liver|carotids?|heart|breasts?|orbits?|sinus(?:es)?|bone density|venous|arterial|lower|upper|extremity|extremities|ordered|scheduled|today|pending`;
/** A line that is an order for a study: the study, and only what an order adds to it. */
const STUDY_ORDER = new RegExp(
  String.raw`^\s*(?:(?:${ORDER_WORDS})\b[\s,.;:/-]*)*(?:${STUDY})\b(?:[\s,.;:/-]*(?:${ORDER_WORDS}|${STUDY})\b)*[\s.]*$`,
  'i',
);

/** Procedures a clinic does, as a diagnosis list names them (the procedure is coded from the procedure list). */
const PROCEDURE = String.raw`injections?|inj|injected|aspirations?|aspirated|arthrocentesis|joint tap|nerve block|biops(?:y|ies)|excision|debridement|cryotherapy|i\s?&\s?d|incision and drainage`;
/** What a procedure's line adds to it: the site, the side, the route, the drug injected, that it was done. */
const PROCEDURE_WORDS = String.raw`${ORDER_WORDS}|intra-?articular|intramuscular|im|subacromial|trochanteric|bursa|joint|trigger point|epidural|(?:cortico)?steroid|cortisone|triamcinolone|kenalog|methylprednisolone|depo-?medrol|lidocaine|hyaluronic acid|mg|ml|units?|sites?|x\d+|ultrasound[\s-]guided|guided|given|done|performed|in office|in clinic`;
/** A line that is a procedure done: the procedure, and only what a procedure's line adds to it. */
const PROCEDURE_DONE = new RegExp(
  String.raw`^\s*(?:(?:${PROCEDURE_WORDS})\b[\s,.;:/-]*)*(?:${PROCEDURE})(?![\w&])(?:[\s,.;:/-]*(?:${PROCEDURE_WORDS}|${PROCEDURE})\b)*[\s.]*$`,
  'i',
);

/** Each drug class's names, matched everywhere in a line (built once: drugOnlyLine reads every diagnosis line). */
const CLASS_NAMES_EVERYWHERE = CLASS_PATTERNS.map(([, pattern]) => new RegExp(pattern.source, 'gi'));

/** What a drug line says besides the drug: that it is taken, how long, and that it is monitored or refilled ("Lithium monitoring"). */
const DRUG_LINE_WORDS =
  /\b(on|taking|takes|uses?|use of|current(?:ly)?|long[\s-]?term|chronic|daily|therapy|treatment|medication|drug|maintenance|continue[sd]?|monitor(?:ing|ed)?|levels?|refills?|mg|\d+)\b/gi;

/** How an injury happened: the event an external-cause code would name (chapter 20, not reported). */
const EVENT =
  /^\s*(?:(?:an?|accidental|mechanical|ground[\s-]level|witnessed|unwitnessed)\s+)*(?:falls?|fell|slip(?:ped)?|trip(?:ped)?|mvc|mva|motor vehicle (?:collision|accident|crash)|(?:bicycle|bike|car|ski|sports?) (?:accident|crash|collision)|struck by|hit by|assault(?:ed)?)\b/i;
/** What an injury or another condition is called: a line naming one is coded as that. */
const CONDITION_NOUN =
  /\b(fractur\w*|fx|sprain\w*|strain\w*|lacerat\w*|contusion\w*|bruis\w*|abrasion\w*|wound\w*|injur\w*|concussion|dislocat\w*|burn\w*|pain|syncope|dizz\w*|weakness|hematoma|tear|bite)\b/i;

/** The line states only how an injury happened ("Fall at sports practice", "MVC"): not a diagnosis (I.C.20). */
export function eventOnlyLine(line: string): boolean {
  return EVENT.test(line) && !CONDITION_NOUN.test(line);
}

/** The line is an order for a study ("MRI brain", "CT head w/o contrast"): not a diagnosis. */
export function studyOrderLine(line: string): boolean {
  return STUDY_ORDER.test(line);
}

/**
 * The line names a procedure done ("R knee injection", "L knee steroid injection"): not a diagnosis,
 * whatever its site's or drug's words match (a knee is no neuropathy of the limb, a steroid no
 * steroid-responder glaucoma). A line naming the condition treated ("Injection for trigger finger")
 * is coded as that condition.
 */
export function procedureLine(line: string): boolean {
  return PROCEDURE_DONE.test(line);
}

/**
 * The Z79 codes of the drug classes a line names ("Long-term prednisone": Z79.52). A drug line is coded
 * as these only: a code the search found by the line's other words ("long term" matching another
 * class's title, Z79.01) is not the drug the line names.
 */
export function drugLineCodes(line: string): Set<string> {
  return new Set(CLASS_PATTERNS.filter(([, pattern]) => pattern.test(line)).map(([c]) => c.code));
}

/** The line names only a drug taken long-term ("Metformin therapy", "On apixaban"): its code is the drug's Z79. */
export function drugOnlyLine(line: string): boolean {
  let rest = line;
  let named = false;
  for (const names of CLASS_NAMES_EVERYWHERE) {
    if (rest.search(names) >= 0) {
      named = true;
      rest = rest.replace(names, ' ');
    }
  }
  return named && rest.replace(DRUG_LINE_WORDS, ' ').replace(/[^a-z]+/gi, '').length === 0;
}
