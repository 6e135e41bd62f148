/**
 * Clinical validation against a filed report that another reader interpreted: a sleep study or an
 * imaging study whose own conclusion describes something other than the assessment's diagnosis.
 *
 * - Obstructive sleep apnea (G47.33) beside a polysomnogram or home sleep test that reads the apneas
 *   as predominantly central, or as Cheyne-Stokes breathing: the classification codes central sleep
 *   apnea apart (G47.31, G47.37 in conditions classified elsewhere; R06.3 periodic breathing), and
 *   the treatment differs. The record states both; a coder may code neither reading over the other.
 * - A personal history of malignancy (Z85.-) beside an imaging report of new lesions suspicious for,
 *   or consistent with, metastasis or recurrence: a history code says the cancer is gone, the report
 *   says it may be back. Until the physician says which, a coder neither codes a secondary neoplasm
 *   from the report nor passes the history code unseen.
 *
 * The query and its answer are result-contradicts.ts's (the documented code stands until answered).
 * Same row shape as clinical-validations.ts and finding-validations.ts; kept apart because these
 * rows read another clinician's interpretation of a study, not a laboratory value or an examination.
 */
import { found, type Validation } from './clinical-validations.ts';

/** A sleep study, as the record names it. */
const SLEEP_STUDY =
  /\b(?:psg|polysomnogra\w*|sleep study|sleep studies|hsat|home sleep (?:apnea )?test(?:ing)?|split[- ]night(?: study)?|titration study)\b/i;
/** The study's reading of the apneas as central, not denied ("predominantly central", "Cheyne-Stokes"). */
const CENTRAL_APNEA = found(
  '(?:predominantly|primarily|mostly|mainly|largely)\\s+central|central[- ]predominant|central apneas? predominat\\w*|cheyne[- ]stokes|periodic breathing|central sleep apnea',
);
/** The study's reading of the apneas as obstructive. */
const OBSTRUCTIVE_READING =
  /\b(?:predominantly|primarily|mostly|mainly|largely)\s+obstructive\b|\bobstructive (?:events|apneas?) predominat\w*|\bconsistent with (?:severe |moderate |mild )?(?:obstructive sleep apnea|osa)\b/i;

/** Imaging, as the record names it. */
const IMAGING = /\b(?:ct|cta|pet(?:[-/]ct)?|mri|mr|imaging|scan|x-?ray|xr|cxr|radiograph\w*|ultrasound|us|bone scan|mammo\w*)\b/i;
/** The report's reading of new disease: suspicious for, concerning for or consistent with metastasis, malignancy or recurrence. */
const SUSPICIOUS_FOR_CANCER = found(
  '(?:suspicious|concerning|worrisome|worrying|highly suggestive|suggestive|consistent|compatible)\\s+(?:for|of|with)\\s+(?:\\w+\\s+){0,2}?(?:metasta\\w*|mets|malignan\\w*|recurren\\w*|neoplas\\w*|carcinoma|cancer|tumou?r)|(?:new|enlarging|growing)\\s+(?:[\\w-]+\\s+){0,3}?(?:metasta\\w*|mets)',
);
/** The report's own reading of the finding as benign or unchanged. */
const BENIGN_READING = /\b(?:benign|unchanged|stable|no (?:evidence of )?(?:recurren\w*|metasta\w*|malignan\w*))\b/i;

export const REPORT_VALIDATIONS: readonly Validation[] = [
  {
    // Obstructive sleep apnea beside a sleep study reading the apneas as central.
    codedAs: /^G47\.33$/,
    test: SLEEP_STUDY,
    negative: CENTRAL_APNEA,
    positive: OBSTRUCTIVE_READING,
  },
  {
    // A personal history of malignancy beside imaging reading new disease as suspicious for cancer.
    codedAs: /^Z85\./,
    test: IMAGING,
    negative: SUSPICIOUS_FOR_CANCER,
    positive: BENIGN_READING,
    // A malignancy coded as current already says the cancer is there.
    unless: { accountedBy: /^C/ },
  },
];
