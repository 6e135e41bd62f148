/**
 * The blood count rows of the clinical-validation table (result-contradicts.ts asks each): an
 * anemia documented as current beside a hemoglobin of the same record that is normal for an adult of
 * either sex. A normal hemoglobin does not rule the diagnosis out (a treated anemia, a reading taken
 * elsewhere), which is why it is asked rather than dropped: the physician says whether the anemia is
 * current or resolved. A value the record places in the past (a prior, a baseline, a year) is not
 * today's, and a low value or a result called low supports the diagnosis.
 */
import type { Validation } from './clinical-validations.ts';

/** Nutritional and unspecified anemias (D50-D53, D64.9), not the anemia of a named chronic disease (D63). */
const ANEMIA = /^(?:D5[0-3]\.|D64\.9$)/;
const HEMOGLOBIN = /\b(?:hgb|hemoglobin|haemoglobin|hb)\b/i;
/** The lowest hemoglobin (g/dL) normal for adult men and women alike. */
const NORMAL_FOR_EITHER_SEX = 13.5;
/** The hemoglobin (g/dL) below which the value supports an anemia in an adult of either sex. */
const LOW_FOR_EITHER_SEX = 12;
/** A value of another time than the visit's. */
const EARLIER = /\b(?:prior|previous(?:ly)?|baseline|last (?:year|month|visit)|ago|at diagnosis|in (?:19|20)\d\d|(?:19|20)\d\d)\b/i;

/** The hemoglobin value a result gives, read right after the test's name ("Hgb 13.9", "hemoglobin of 14.2 g/dL"). */
function hemoglobin(result: string): number | undefined {
  const m = /^(?:hgb|hemoglobin|haemoglobin|hb)\b\s*(?:level\s*)?(?:of|was|is|=|:)?\s*(\d{1,2}(?:\.\d{1,2})?)\b(?!\s*%)/i.exec(
    result.trim(),
  );
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export const BLOOD_COUNT_VALIDATIONS: readonly Validation[] = [
  {
    // An anemia beside today's hemoglobin normal for either sex.
    codedAs: ANEMIA,
    test: HEMOGLOBIN,
    negative: (s) => {
      const value = hemoglobin(s);
      return value !== undefined && value >= NORMAL_FOR_EITHER_SEX && value < 25 && !EARLIER.test(s);
    },
    positive: (s) => {
      const value = hemoglobin(s);
      return (value !== undefined && value < LOW_FOR_EITHER_SEX) || /\b(?:low|decreased|dropp\w*|fell|falling)\b/i.test(s);
    },
  },
];
