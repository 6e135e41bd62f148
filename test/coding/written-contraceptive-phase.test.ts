// A written implant or IUD code of another service than the record documents is the code of the
// service done, reported as changed for a coder (coding/written-contraceptive-phase.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 24, sex: 'F' });
const changed = (r: ReturnType<typeof coded>) => r.documentedCodes.filter((d) => d.outcome === 'changed').map((d) => d.code);

describe('a written contraceptive device code against the service documented', () => {
  it('implant surveillance written for a first insertion is the initial insertion', () => {
    const r = coded('Desires Nexplanon, first implant. Consent signed. Nexplanon inserted L inner arm under lidocaine, palpable.', [
      { description: 'Surveillance of implantable subdermal contraceptive', code: 'Z30.46' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z30.017']);
    expect(changed(r)).toEqual(['Z30.46']);
  });

  it('IUD checking written for a removal is the removal', () => {
    const r = coded('Wants pregnancy. Mirena strings visualized, IUD removed with ring forceps intact.', [
      { description: 'Encounter for routine checking of IUD', code: 'Z30.431' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z30.432']);
    expect(changed(r)).toEqual(['Z30.431']);
  });

  it('a removal with reinsertion written as surveillance, or no service stated: kept', () => {
    const a = coded('Nexplanon due. Old Nexplanon removed, new Nexplanon inserted same site.', [
      { description: 'Surveillance of implantable subdermal contraceptive', code: 'Z30.46' },
    ]);
    expect(diagnosisCodes(a)).toEqual(['Z30.46']);
    const b = coded('Nexplanon in place since 2023, no bleeding concerns.', [
      { description: 'Surveillance of implantable subdermal contraceptive', code: 'Z30.46' },
    ]);
    expect(diagnosisCodes(b)).toEqual(['Z30.46']);
    expect(changed(b)).toEqual([]);
  });
});
