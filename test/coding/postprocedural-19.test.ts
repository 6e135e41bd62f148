// A gland's hypofunction after the procedure that removed or ablated it is postprocedural (E89;
// Index: Hypothyroidism, postsurgical E89.0), read from the whole record (issue 10 item 4, session 19).
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 61, sex: 'F' }, { sorted: true });

describe('hypofunction after removal or ablation of its gland (E89)', () => {
  it('hypothyroidism on the list of a patient the note says had a thyroidectomy is E89.0', () => {
    expect(codes(['Hypothyroidism'], 'Surgical history: total thyroidectomy 2015 for multinodular goiter.')).toEqual(['E89.0']);
    expect(codes(['Hypothyroid'], 'Hypothyroid since hemithyroidectomy 2009; on levothyroxine 88 mcg.')).toEqual(['E89.0']);
  });

  it('hypothyroidism after radioactive iodine ablation is postprocedural too (postirradiation)', () => {
    expect(codes(['Hypothyroidism'], 'Graves disease treated with RAI ablation in 2012; now on levothyroxine.')).toEqual(['E89.0']);
  });

  it('hypoparathyroidism after a thyroidectomy is E89.2', () => {
    expect(codes(['Hypoparathyroidism'], 'PSH: total thyroidectomy 2019 for papillary carcinoma.')).toEqual(['E89.2']);
  });

  it("a relative's thyroidectomy, or none, leaves the hypothyroidism unspecified; a named cause keeps its code", () => {
    expect(codes(['Hypothyroidism'], 'Family history: mother had a thyroidectomy for goiter.')).toEqual(['E03.9']);
    expect(codes(['Hypothyroidism'], 'On levothyroxine 50 mcg.')).toEqual(['E03.9']);
    expect(codes(['Hashimoto thyroiditis'], 'PSH: thyroidectomy 2015.')).toEqual(['E06.3']);
  });
});
