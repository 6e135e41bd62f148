/**
 * codeEncounter: from the documentation to ranked ICD-10-CM diagnoses, catalog procedures, edits and,
 * when the record is ambiguous, one compliant clarification for the physician. Pure and
 * deterministic. It reads as a coder's steps: find and code the mentions, refine the list in a fixed
 * order, code the procedures, run the edits, ask what only the physician can answer.
 *
 * Over 300 lines because it is the one place that lists every step (DIAGNOSIS_STEPS) and every
 * reason for a coder (the straight-through inputs), each one line: the list is the point of the
 * file, and each step and reason lives in its own module.
 */
import type { CodedDiagnosis, CodingInput, CodingResult, EditFinding } from '../domain/coding.ts';
import { toDraft } from './clarification.ts';
import { editClarifications } from './clarification-issues.ts';
import { addedCodeAxes } from './added-code-axis.ts';
import { assessedChronicConditions } from './assessed-conditions.ts';
import type { CodeSets } from './code-sets.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { carriedForwardValue } from './carried-forward-value.ts';
import { causeUnderWorkup } from './cause-under-workup.ts';
import { writtenAxisValue } from './written-axis-value.ts';
import { contraceptiveManagement } from './contraception.ts';
import { writtenContraceptivePhase } from './written-contraceptive-phase.ts';
import {
  copdWithEmphysema,
  copdWithLowerRespiratoryInfection,
  endStageOverStage,
  kidneyDiseaseOnDialysis,
  hypertensiveDisease,
} from './combinations.ts';
import { drugInducedMembers } from './drug-induced.ts';
import { postproceduralHypofunction } from './postprocedural.ts';
import { secondaryToCodedCondition } from './secondary-to.ts';
import { pulmonaryHypertensionByCause } from './pulmonary-hypertension.ts';
import { associatedSymptoms } from './associated-symptoms.ts';
import { currentCancerUnderTreatment } from './active-cancer.ts';
import { afterCancerTreatment } from './cancer-history.ts';
import { lymphomaInRemission } from './lymphoma-remission.ts';
import { diabetesWith } from './diabetes.ts';
import { ulcerCauseQuery } from './ulcer-cause-query.ts';
import { typeAgainstTherapy } from './diabetes-therapy.ts';
import { drugEffects } from './drug-effects.ts';
import { adverseEffectNotUse } from './adverse-effect-not-use.ts';
import { writtenDrugRelation } from './written-drug-relation.ts';
import { uncertainDrugCause } from './uncertain-drug-cause.ts';
import { chapterFilter, sexFilter } from './chapters.ts';
import { clinicalIndicatorQueries } from './clinical-indicators.ts';
import { clinicalPictureQueries, imagingDisagreement } from './clinical-picture.ts';
import { weightSignificance } from './weight-significance.ts';
import { menopausalStatusOfBleeding } from './menopausal-bleeding.ts';
import { noteMentions, type Mention } from './context.ts';
import { documentedCodeOutcomes } from './documented-codes.ts';
import { runEdits } from './edits.ts';
import { withEvidenceSpans } from './evidence-spans.ts';
import { codeMentions } from './mentions.ts';
import { dominantSide } from './dominance.ts';
import { withoutIntegralSymptoms } from './integral-symptoms.ts';
import { longTermDrugTherapy } from './long-term-drugs.ts';
import { monitoringFindingInDrugStatement } from './drug-monitoring-finding.ts';
import { statedDrugResistance } from './drug-resistance.ts';
import { currentStatus } from './status-codes.ts';
import { counsellingWithStatedUse } from './counselling.ts';
import { counsellingOnUnclassifiedTopic } from './counselling-topic.ts';
import { substanceHierarchy, substanceUseWithRelatedCondition } from './substance-use.ts';
import { writtenRemission } from './written-remission.ts';
import { rheumatoidFactorAndSite } from './rheumatoid.ts';
import { injurySequela } from './sequela.ts';
import { stumpCellulitis } from './stump-cellulitis.ts';
import { jointReplacementAftercare } from './joint-replacement-aftercare.ts';
import { strokeSequelae } from './stroke-sequela.ts';
import { dementiaDetail } from './dementia-detail.ts';
import { pediatricBmi } from './pediatric-bmi.ts';
import { dementiaEtiology } from './dementia-etiology.ts';
import { incontinenceType } from './incontinence-type.ts';
import { mutuallyExclusiveStatements } from './exclusive-conflicts.ts';
import { skinCarcinomaTypeConflict } from './morphology-conflict.ts';
import { includedInCodedCondition } from './included-elsewhere.ts';
import { writtenPairCombination } from './written-pair-combination.ts';
import { followUpAfterCompletedTreatment, primaryBeforeMetastases } from './first-listed.ts';
import { receptorStatusFromSigns } from './receptor-status.ts';
import { breastQuadrant } from './breast-site.ts';
import { gestationWeeksConflict, gestationWeeksUnstated } from './gestation-conflict.ts';
import { withGravidity, withPregnancyDetails } from './pregnancy.ts';
import { elderlyGravida } from './elderly-gravida.ts';
import { smokingAsDependence } from './tobacco-use.ts';
import { incidentalPregnancy } from './incidental-pregnancy.ts';
import { pregnancyHypertensionKind } from './pregnancy-hypertension.ts';
import { hypertensionTypeInPregnancy } from './pregnancy-hypertension-type.ts';
import { untypedDiabetesInPregnancy } from './pregnancy-diabetes.ts';
import { diabetesTypeConflictInPregnancy } from './pregnancy-diabetes-type.ts';
import { gestationalDiabetesControl, withoutLongTermDrugBesideGestational } from './gestational-diabetes-control.ts';
import { pregnancyChapterFirst } from './pregnancy-chapter.ts';
import { symptomsInPregnancy } from './pregnancy-symptoms.ts';
import { urinaryInfectionSiteInPregnancy } from './pregnancy-uti-site.ts';
import { codeProcedures } from './procedure-coding.ts';
import {
  dedupe,
  dementiaInOtherDisease,
  preventiveVisitFirst,
  sequence,
  withAbnormalFindings,
  withoutRedundantUnspecified,
} from './refinements.ts';
import {
  historyContext,
  injuryDetailUnused,
  listedNotAddressed,
  longTermDrugUndecided,
  longTermDrugUnsupported,
  mentalDisorderUnspecified,
  bmiWithoutWeightDiagnosis,
  fractureTypeUnstated,
  injuryPartUnstated,
  nontraumaticAfterInjury,
  preventiveWithFindings,
  abnormalFindingsUncoded,
  recordStatements,
  symptomBesideDiagnosis,
} from './review-signals.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import {
  calibrated,
  COMPETING_FAMILY_MARGIN,
  rawEncounterScore,
  straightThroughConfig,
  straightThroughDecision,
  type StraightThroughConfig,
} from './straight-through.ts';
import { addUseAdditional } from './use-additional.ts';
import { ulcerSeverityOfSite } from './ulcer-severity.ts';
import { infectiousAgent } from './infectious-agent.ts';
import { influenzaVirusIdentified, influenzaVirusNotIdentified, influenzaWithPneumonia } from './influenza.ts';
import { valuesAssertedUnstated } from './asserted-values.ts';
import { defaultAgainstRecord, organismUncoded, qualifierUnused, statementWordUnused, unspecifiedAxisMember } from './fragile-choices.ts';
import { conditionStatedOtherwise } from './stated-otherwise.ts';
import { statedMoreFully } from './fuller-statement.ts';
import { statementReadsOtherwise } from './statement-reading.ts';
import { withImmunization } from './immunization-encounter.ts';
import { atrialFibrillationCourse } from './atrial-fibrillation-course.ts';
import { atrialFibrillationTypeConflict } from './atrial-fibrillation-type.ts';
import { venousThrombosisAcuity } from './venous-thrombosis-acuity.ts';
import { resultContradicts } from './result-contradicts.ts';
import { procedureSideConflict } from './procedure-side-conflict.ts';
import { typeStatedOtherwise } from './type-stated-otherwise.ts';
import { hematuriaKind } from './hematuria-kind.ts';
import { hivDisease } from './hiv-disease.ts';
import { drainageWithoutAbscess } from './drained-abscess.ts';
import { burnDegreeDescribed } from './burn-degree.ts';
import { burnDegreeUnstated } from './burn-degree-unstated.ts';
import { exposureConfirmed } from './exposure-confirmed.ts';
import { urinaryInfectionSite } from './urinary-infection-site.ts';
import { lateImagingResult } from './late-imaging-result.ts';
import { tobaccoStatusHeld, tobaccoStatusStatedTwoWays } from './tobacco-status-conflict.ts';
import { procedureSiteInfection } from './procedure-site-infection.ts';
import { burnHandSite } from './burn-hand-site.ts';
import { fractureHealingStatedOtherwise } from './fracture-healing.ts';
import { consciousnessStatedTwoWays } from './consciousness-conflict.ts';
import { consciousnessNoneStated } from './consciousness-none.ts';
import { moodEpisodeStatedTwoWays } from './mood-episode-conflict.ts';
import { injurySideStatedTwoWays } from './injury-side-conflict.ts';
import { bilateralWithOneSideNormal } from './bilateral-side-normal.ts';
import { screeningWithinExamination } from './screening-within-examination.ts';
import { hyperemesisWithMetabolicDisturbance } from './hyperemesis-disturbance.ts';
import { drugLinkInNotes } from './notes-drug-link.ts';
import { cancerRemissionStatedTwoWays } from './cancer-remission-conflict.ts';
import { unreadLineWord } from './unread-words.ts';
import { assessmentStatements, otherCategoryNamed, siblingTitledElsewhere } from './other-statements.ts';
import { osteoporoticFracture } from './osteoporotic-fracture.ts';
import { osteoporoticFractureSite } from './osteoporotic-fracture-site.ts';
import { healedOsteoporoticFracture } from './healed-osteoporotic-fracture.ts';
import { preventiveExamForAge } from './preventive-exam-age.ts';
import { writtenTrimesterAgainstWeeks } from './written-trimester.ts';
import { hypertensiveHeartDisease } from './hypertensive-heart.ts';
import { recentInfarction } from './recent-infarction.ts';
import { currentNotHistory } from './current-not-history.ts';
import { hypertensiveHeartUnsupported } from './hypertensive-heart-unsupported.ts';
import { openBesideResults } from './reported-results.ts';
import { absenceAffirmed } from './absence-affirmed.ts';
import { sideStatedOtherwise } from './side-agreement.ts';
import { assessedConditionUncoded } from './assessed-uncoded.ts';
import { unassessedWrittenLine } from './unassessed-written-line.ts';
import { additionalCodeNotAskedFor, diagnosticExaminationAsScreening } from './tabular-asks.ts';

export interface DiagnosisStep {
  name: string;
  apply: (run: CodingRun, drafts: DiagnosisDraft[]) => DiagnosisDraft[];
}

/** What happens to the coded mentions, top to bottom. The order matters (each step sees the previous one's list). */
export const DIAGNOSIS_STEPS: readonly DiagnosisStep[] = [
  { name: 'merge duplicate codes', apply: dedupe },
  { name: 'a condition the assessment manages (a status, a plan) that no diagnosis line names', apply: assessedChronicConditions },
  { name: 'a written exposure code (Z20) beside an assessment stating the disease: the disease', apply: exposureConfirmed },
  { name: 'asymptomatic HIV status beside an HIV-related illness: HIV disease (B20, I.C.1.a.2)', apply: hivDisease },
  { name: 'contraceptive management by method and phase, only when contraception is the purpose', apply: contraceptiveManagement },
  { name: 'a written implant or IUD code of another service than the record documents', apply: writtenContraceptivePhase },
  { name: 'counselling on a topic no counselling code names (advance care planning): Z71.89', apply: counsellingOnUnclassifiedTopic },
  { name: 'a treated abnormal result no diagnosis accounts for', apply: clinicalIndicatorQueries },
  { name: 'the signs of a more specific diagnosis than the documented one (asked)', apply: clinicalPictureQueries },
  { name: 'an imaging impression naming another condition than the documented one (asked)', apply: imagingDisagreement },
  { name: "a diagnosis the record's own result or statement contradicts (asked)", apply: resultContradicts },
  { name: 'an imaging read received after the visit naming another condition than the diagnosed one (asked)', apply: lateImagingResult },
  {
    name: "a written severity or stage the notes state only in a list carried forward (asked, the assessment's open value until answered)",
    apply: carriedForwardValue,
  },
  { name: 'a written cause the assessment is still working up (asked, the condition without it until answered)', apply: causeUnderWorkup },
  {
    name: "a written code's value of an axis its family names that no statement states (asked, the open member until answered)",
    apply: writtenAxisValue,
  },
  { name: 'an incision and drainage beside no diagnosis it drains (asked)', apply: drainageWithoutAbscess },
  {
    name: "a skin infection at a recent procedure's site, no link stated (asked; T81.41XA first if linked)",
    apply: procedureSiteInfection,
  },
  { name: 'a burn coded shallower than the examination describes it (asked)', apply: burnDegreeDescribed },
  { name: 'a burn coded with a degree no statement names (asked, unspecified degree until answered)', apply: burnDegreeUnstated },
  { name: 'a hand burn of unspecified site on the one part of the hand the examination names', apply: burnHandSite },
  { name: "a fracture's healing stated two ways (asked), or named beside a routine-healing code", apply: fractureHealingStatedOtherwise },
  {
    name: "an intracranial injury's loss of consciousness stated two ways (asked, status unknown until answered)",
    apply: consciousnessStatedTwoWays,
  },
  {
    name: 'an intracranial injury of unknown consciousness status the assessment states without a loss (S06.xx0)',
    apply: consciousnessNoneStated,
  },
  {
    name: "a mood disorder's episode, severity or current pole stated two ways (asked, the less specific code until answered)",
    apply: moodEpisodeStatedTwoWays,
  },
  {
    name: 'an injury coded to one side while the record states the other of it (asked, unspecified side until answered)',
    apply: injurySideStatedTwoWays,
  },
  {
    name: 'a condition coded bilateral while the record describes one side of its site as normal (asked, unspecified side until answered)',
    apply: bilateralWithOneSideNormal,
  },
  {
    name: 'a leukemia or plasma cell neoplasm stated in remission and in relapse (asked, not having achieved remission until answered)',
    apply: cancerRemissionStatedTwoWays,
  },
  { name: 'a severe BMI the plan acts on with no weight diagnosis (asked)', apply: weightSignificance },
  {
    name: 'menstrual bleeding a year or more after the last period, menopausal status unstated (asked)',
    apply: menopausalStatusOfBleeding,
  },
  { name: 'a routine examination coded for the other age group (Z00.0-/Z00.12-)', apply: preventiveExamForAge },
  {
    name: 'tobacco use stated current and former, no relapse told (asked; no status code until answered)',
    apply: tobaccoStatusStatedTwoWays,
  },
  { name: 'examination with abnormal findings', apply: withAbnormalFindings },
  { name: 'preventive examination first-listed', apply: preventiveVisitFirst },
  { name: 'chapter 15 first in pregnancy', apply: pregnancyChapterFirst },
  {
    name: 'hyperemesis gravidarum beside a stated dehydration, ketosis or electrolyte imbalance: O21.1, not the disturbance codes',
    apply: hyperemesisWithMetabolicDisturbance,
  },
  { name: 'a pregnancy stated incidental: Z33.1, no Z3A without an obstetric code (I.C.15.a.1)', apply: incidentalPregnancy },
  { name: 'gravidity on supervision of pregnancy', apply: withGravidity },
  { name: 'trimester and phase of pregnancy', apply: withPregnancyDetails },
  { name: 'a written pregnancy code whose trimester the documented weeks contradict', apply: writtenTrimesterAgainstWeeks },
  { name: 'supervision of a pregnancy stated of advanced maternal age (O09.5-, not Z34)', apply: elderlyGravida },
  {
    name: 'a urinary infection of unspecified site (N39.0) whose site the assessment names (N30.-, N10, N34.-)',
    apply: urinaryInfectionSite,
  },
  {
    name: 'a urinary infection in pregnancy by the site the record names (O23.0-O23.2, not O23.4)',
    apply: urinaryInfectionSiteInPregnancy,
  },
  { name: 'hypertension in pregnancy by the type stated (O10, O13, O14; O16 and asked when none)', apply: hypertensionTypeInPregnancy },
  {
    name: 'hypertension in pregnancy stated as two kinds (asked; O16, or the assessment against a history, until answered)',
    apply: pregnancyHypertensionKind,
  },
  { name: 'diabetes in pregnancy of no stated type (asked, O24.91- until answered)', apply: untypedDiabetesInPregnancy },
  {
    name: 'diabetes in pregnancy stated gestational and pre-existing (asked, O24.91- until answered)',
    apply: diabetesTypeConflictInPregnancy,
  },
  {
    name: 'gestational diabetes coded diet controlled beside a drug taken now (asked, O24.4x9 until answered)',
    apply: gestationalDiabetesControl,
  },
  { name: 'a "without" code whose statement names a listed associated symptom', apply: associatedSymptoms },
  { name: 'a malignancy under treatment is current, not history', apply: currentCancerUnderTreatment },
  {
    name: 'a personal history code whose condition the assessment states current and treated: the condition (I.C.21.c.4)',
    apply: currentNotHistory,
  },
  { name: 'a lymphoma stated in remission: its in-remission code (C81-C88 ...A), not a history', apply: lymphomaInRemission },
  { name: 'chronic kidney disease on dialysis (N18.6)', apply: kidneyDiseaseOnDialysis },
  { name: 'the ulcer a leg vessel code names, by its side, site and stated depth (L97.-)', apply: ulcerSeverityOfSite },
  { name: 'use additional code', apply: addUseAdditional },
  { name: 'the infectious agent an infection is stated to be due to (B95-B97)', apply: infectiousAgent },
  { name: 'the drug resistance the physician states of a coded infection (Z16, I.C.1.c)', apply: statedDrugResistance },
  { name: 'influenza of an identified virus (J10, not J11)', apply: influenzaVirusIdentified },
  { name: 'influenza of no identified virus beside a negative test (J11, not J10)', apply: influenzaVirusNotIdentified },
  { name: 'influenza with pneumonia: one code (J10.0-, J11.0-)', apply: influenzaWithPneumonia },
  { name: 'each deficit a past stroke left, stated in an addressed statement (I69.3-, no Z86.73)', apply: strokeSequelae },
  { name: 'an adult BMI code under age 20: the percentile code the record gives (Z68.5-), or none', apply: pediatricBmi },
  { name: 'long-term drug therapy the notes state', apply: longTermDrugTherapy },
  {
    name: 'no long-term insulin or oral hypoglycemic code beside gestational diabetes (I.C.15.g)',
    apply: withoutLongTermDrugBesideGestational,
  },
  { name: "a drug's condition to the family's drug-induced code", apply: drugInducedMembers },
  { name: 'a hypofunction of a gland the record says was removed: postprocedural (E89)', apply: postproceduralHypofunction },
  { name: 'status the record states as current (device, graft, opening, oxygen)', apply: currentStatus },
  { name: 'substance counselling only beside a stated use', apply: counsellingWithStatedUse },
  { name: 'tobacco use NOS beside current cigarette smoking: nicotine dependence, cigarettes (F17.210)', apply: smokingAsDependence },
  { name: 'use, abuse and dependence of one substance: the highest only (I.C.5.b.1)', apply: substanceHierarchy },
  { name: 'no tobacco status code while the status is asked (added back by a step above)', apply: tobaccoStatusHeld },
  { name: 'an uncomplicated substance use only where the record relates it to a condition', apply: substanceUseWithRelatedCondition },
  { name: 'a current substance use disorder the record states in remission: the remission code (I.C.5.b.1)', apply: writtenRemission },
  { name: 'a written condition a current drug is known to cause, unrelated by the record (asked)', apply: writtenDrugRelation },
  {
    name: 'a coded condition the notes relate to a drug only as likely or possible (asked, outside the hospital)',
    apply: uncertainDrugCause,
  },
  { name: 'adverse effect or poisoning of a named drug', apply: drugEffects },
  { name: 'a drug the notes name as the cause of a coded condition, in so many words: its adverse effect', apply: drugLinkInNotes },
  { name: "no substance use code from a statement coded as a drug's adverse effect (I.C.19.e.5.a)", apply: adverseEffectNotUse },
  {
    name: 'an abnormal monitoring result acted on in a long-term drug statement (R79.1 beside Z79.01)',
    apply: monitoringFindingInDrugStatement,
  },
  { name: 'what completed cancer treatment left (absence, therapy history)', apply: afterCancerTreatment },
  { name: 'end-stage renal disease over a CKD stage', apply: endStageOverStage },
  {
    name: 'a non-pressure ulcer at a pressure site in a patient confined to bed or chair, its kind unstated (asked)',
    apply: ulcerCauseQuery,
  },
  { name: 'diabetes with its complications ("with" convention)', apply: diabetesWith },
  { name: 'type 1 diabetes with only non-insulin therapy named (asked)', apply: typeAgainstTherapy },
  {
    name: 'atrial fibrillation coded paroxysmal or unspecified beside a course that does not stop (asked)',
    apply: atrialFibrillationCourse,
  },
  {
    name: 'atrial fibrillation coded persistent or permanent beside a fibrillation that stops by itself (asked, I48.91 until answered)',
    apply: atrialFibrillationTypeConflict,
  },
  {
    name: 'a venous thrombosis coded chronic that the notes never call chronic (asked, the acute code until answered)',
    apply: venousThrombosisAcuity,
  },
  { name: 'an old myocardial infarction the record dates within four weeks: the acute one (I21.-, I.C.9.e.1)', apply: recentInfarction },
  { name: 'pulmonary hypertension by the cause the record links it to (I27.22, I27.23)', apply: pulmonaryHypertensionByCause },
  { name: 'a condition the tabular includes as secondary to a condition coded', apply: secondaryToCodedCondition },
  {
    name: 'a hypertensive heart code beside only heart disease of its own kind (CAD), none I11 includes: the hypertension alone (I10, I12.-)',
    apply: hypertensiveHeartUnsupported,
  },
  { name: 'hypertension with heart failure and/or chronic kidney disease', apply: hypertensiveDisease },
  { name: 'hypertension with LVH, cardiomegaly or heart disease NOS: hypertensive heart disease (I11.9)', apply: hypertensiveHeartDisease },
  { name: 'COPD with an acute lower respiratory infection', apply: copdWithLowerRespiratoryInfection },
  { name: 'COPD with emphysema: the emphysema code', apply: copdWithEmphysema },
  { name: "the disease a dementia is stated to be of, in one phrase (Alzheimer's dementia: G30.-, then F02)", apply: dementiaEtiology },
  { name: 'dementia in other diseases', apply: dementiaInOtherDisease },
  { name: "Alzheimer's onset, agitation as the dementia's disturbance, wandering (G30.0/G30.1, F0x.x11, Z91.83)", apply: dementiaDetail },
  { name: 'rheumatoid arthritis by rheumatoid factor and site', apply: rheumatoidFactorAndSite },
  { name: 'dominant or nondominant side affected', apply: dominantSide },
  { name: 'a fracture with known osteoporosis: the pathological fracture (M80)', apply: osteoporoticFracture },
  {
    name: "an osteoporotic fracture of unspecified or other site whose statement names one (M80's 5th character)",
    apply: osteoporoticFractureSite,
  },
  { name: 'osteoporosis whose fracture healed: M81 with the healed fracture history (Z87.310)', apply: healedOsteoporoticFracture },
  { name: 'signs and symptoms integral to a stated diagnosis', apply: withoutIntegralSymptoms },
  { name: 'a symptom in pregnancy: chapter 15 first', apply: symptomsInPregnancy },
  { name: 'a breast malignancy of unspecified site placed in a quadrant elsewhere', apply: breastQuadrant },
  { name: 'combined receptor status from its signs', apply: receptorStatusFromSigns },
  { name: 'an old injury beside the condition it left: its sequela, after that condition', apply: injurySequela },
  {
    name: 'a joint replaced: beside its fracture healing, the artificial joint (Z96.6-); in the recovery of an elective one, Z47.1 with it',
    apply: jointReplacementAftercare,
  },
  { name: 'cellulitis of an amputation stump: of the limb, beside the infection of the stump (L03.11-)', apply: stumpCellulitis },
  { name: 'merge duplicate codes again', apply: dedupe },
  {
    name: 'a screening the tabular places inside an examination coded beside it (Z12.4 at a Z01.41- visit)',
    apply: screeningWithinExamination,
  },
  { name: 'two written codes the tabular combines into one (an Excludes1 note naming the combination)', apply: writtenPairCombination },
  { name: 'a code whose Excludes1 note sends it to a code already coded', apply: includedInCodedCondition },
  { name: 'mutually exclusive conditions stated in two statements', apply: mutuallyExclusiveStatements },
  { name: 'a skin carcinoma stated as basal cell and as squamous cell (asked)', apply: skinCarcinomaTypeConflict },
  { name: 'primary malignancy before its metastases', apply: primaryBeforeMetastases },
  { name: 'follow-up after completed treatment (Z09) first-listed', apply: followUpAfterCompletedTreatment },
  { name: 'code-first sequencing', apply: sequence },
  { name: 'no unspecified code beside a specific one', apply: withoutRedundantUnspecified },
  { name: 'weeks of gestation stated two ways', apply: gestationWeeksConflict },
  { name: 'weeks of gestation not stated (Z3A.00, asked)', apply: gestationWeeksUnstated },
  { name: 'an axis a step-added code leaves open by name (asked)', apply: addedCodeAxes },
  { name: 'a hematuria stated as gross and as microscopic (asked, R31.9 until answered)', apply: hematuriaKind },
  {
    name: 'stress or urge incontinence beside a described leakage of the other type (asked, as written until answered)',
    apply: incontinenceType,
  },
  {
    name: "a condition's type stated two ways, each a code of its own (asked, the code as written until answered)",
    apply: typeStatedOtherwise,
  },
  { name: 'a procedure stated on the other side than the condition it treats (asked)', apply: procedureSideConflict },
];

export interface CodingOptions {
  /**
   * The calibration and threshold of the encounter confidence: the deployment's calibration record
   * when straight-through billing is enabled with one (worker/dependencies.ts); else the shipped
   * data/coding/straight-through.json.
   */
  straightThrough?: StraightThroughConfig;
}

export function codeEncounter(input: CodingInput, codeSets: CodeSets, options: CodingOptions = {}): CodingResult {
  const notes = noteMentions(input.documentation.notes);
  const run: CodingRun = {
    input,
    codeSets,
    notes,
    issues: [],
    allowed: allowedCodes(input, codeSets, notes),
    mentions: new Map(),
    memo: new Map(),
    statedMore: new Map(),
  };
  const found = codeMentions(run);
  // Diagnosis lines the search found nothing for (before any step merges or drops a code).
  const unfound = [...run.mentions].filter(([order, m]) => m.section === 'diagnoses' && !found.some((d) => d.order === order));
  let drafts = DIAGNOSIS_STEPS.reduce((list, step) => step.apply(run, list), found);

  // Edits on the diagnoses alone first: a conflict the physician already settled drops its code.
  drafts = editClarifications(run, drafts, runEdits(drafts, [], input.patient, codeSets)).diagnoses;
  const unmatched: EditFinding[] = [];
  const coded = drafts.map(withoutOrder);
  // A vaccine given adds the encounter for immunization (Z23) its lines point at.
  const { diagnoses, procedures } = withImmunization(codeSets, run.allowed, coded, codeProcedures(run, coded, unmatched));
  const edits = [...runEdits(diagnoses, procedures, input.patient, codeSets), ...unmatched];
  const open = [...run.issues, ...editClarifications(run, drafts, edits).issues];

  const first = open[0];
  const clarification = first ? toDraft(first) : undefined;

  // What a coder needs to decide whether anyone must look: confidence, the fate of the physician's
  // own codes, and the straight-through decision.
  const config = options.straightThrough ?? straightThroughConfig();
  const confidence = calibrated(rawEncounterScore(diagnoses, procedures), config);
  const documentedCodes = documentedCodeOutcomes(input.documentation, diagnoses, procedures, codeSets.catalog, run.procedureCorrections);
  const statements = recordStatements(input.documentation);
  const flaggedResults = input.documentation.testResults.filter((t) => t.flag && t.flag !== 'N').length;
  const besideResults = openBesideResults(input.documentation, diagnoses);
  const straightThrough = straightThroughDecision(
    {
      confidence,
      diagnoses,
      edits,
      documentedCodes,
      clarificationOpen: first !== undefined,
      uncertain: run.uncertain === true,
      statedMoreFully: statedMoreFully(run.statedMore ?? new Map(), diagnoses),
      mentalDisorderUnspecified: mentalDisorderUnspecified(diagnoses),
      bmiWithoutWeightDiagnosis: bmiWithoutWeightDiagnosis(statements, input.patient.ageYears, diagnoses),
      wordMatch: drafts.some((d) => d.titleShare !== undefined && d.titleShare < WORD_MATCH_SHARE),
      presumed: drafts.some((d) => d.presumed !== undefined),
      inferred: drafts.some((d) => (d.inferred?.length ?? 0) > 0),
      noAssessment:
        input.documentation.diagnoses.length === 0 && !run.notes.some((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part)),
      competingFamilies: drafts.some((d) =>
        d.alternatives.some((a) => a.code.slice(0, 3) !== d.code.slice(0, 3) && d.confidence - a.confidence < COMPETING_FAMILY_MARGIN),
      ),
      longTermDrugUndecided: longTermDrugUndecided(statements, diagnoses),
      historyContext: historyContext(statements, diagnoses),
      preventiveWithFindings: preventiveWithFindings(statements, flaggedResults, diagnoses),
      abnormalFindingsUncoded: abnormalFindingsUncoded(diagnoses),
      longTermDrugUnsupported: longTermDrugUnsupported(statements, diagnoses),
      symptomBesideDiagnosis: symptomBesideDiagnosis(diagnoses),
      injuryDetailUnused: injuryDetailUnused(codeSets.icd, diagnoses),
      organismUncoded: organismUncoded(statements, diagnoses),
      unstatedAxisValue: unspecifiedAxisMember(codeSets.icd, diagnoses),
      assertedValueUnstated: valuesAssertedUnstated(codeSets.icd, statements, diagnoses).length > 0,
      defaultAgainstRecord: defaultAgainstRecord(statements, diagnoses),
      qualifierUnused: qualifierUnused(codeSets.icd, diagnoses),
      statementWordUnused: statementWordUnused(codeSets.icd, diagnoses),
      listedNotAddressed: listedNotAddressed(input.documentation.notes, diagnoses),
      // ...and no step coded either (a BMI, a status post).
      diagnosisLineUncoded: unfound.some(([, m]) => !diagnoses.some((d) => d.evidence.some((e) => e.text === m.original))),
      conditionStatedOtherwise: conditionStatedOtherwise(codeSets.icd, statements, diagnoses) !== undefined,
      siblingTitledElsewhere: siblingTitledElsewhere(codeSets.icd, statements, diagnoses) !== undefined,
      writtenCodeElsewhere: (run.writtenElsewhere ?? []).some((code) => diagnoses.some((d) => d.code === code)),
      statementReadsOtherwise: statementReadsOtherwise(run, diagnoses) !== undefined,
      otherCategoryNamed:
        otherCategoryNamed(codeSets.icd, assessmentStatements(input.documentation.diagnoses, run.notes), diagnoses) !== undefined,
      nontraumaticAfterInjury: nontraumaticAfterInjury(statements, diagnoses),
      fractureTypeUnstated: fractureTypeUnstated(diagnoses),
      injuryPartUnstated: injuryPartUnstated(codeSets.icd, statements, diagnoses),
      unreadLineWord: unreadLineWord(codeSets.icd, input.documentation.diagnoses, diagnoses) !== undefined,
      unspecifiedBesideResults: besideResults.unspecified,
      symptomBesideResults: besideResults.symptom,
      absenceAffirmed: absenceAffirmed(statements, diagnoses) !== undefined,
      sideStatedOtherwise: sideStatedOtherwise(statements, diagnoses) !== undefined,
      additionalCodeNotAskedFor: additionalCodeNotAskedFor(codeSets.icd, diagnoses),
      diagnosticExaminationAsScreening: diagnosticExaminationAsScreening(codeSets.icd, statements, diagnoses),
      assessedConditionUncoded: assessedConditionUncoded(run, diagnoses) !== undefined,
      writtenLineUnassessed: unassessedWrittenLine(run, diagnoses) !== undefined,
    },
    config,
  );
  const result: CodingResult = {
    diagnoses,
    procedures,
    edits,
    codeSetVersions: codeSets.versions,
    confidence,
    straightThrough,
    documentedCodes,
    ...(clarification ? { clarification } : {}),
  };
  return withEvidenceSpans(input.documentation, result);
}

/** The chapters the record's context allows, and no code titled for the other sex. */
function allowedCodes(input: CodingInput, codeSets: CodeSets, notes: readonly Mention[]): (code: string) => boolean {
  const chapters = chapterFilter(input, notes);
  const sex = sexFilter(codeSets.icd, input.patient.sex);
  return (code) => chapters(code) && sex(code);
}

function withoutOrder(d: DiagnosisDraft): CodedDiagnosis {
  const { order: _order, titleShare: _share, presumed: _presumed, inferred: _inferred, ...rest } = d;
  return rest;
}

/** A code found by a word search whose matched title the record names less than half of. */
const WORD_MATCH_SHARE = 0.5;
