/**
 * The ASC X12 005010X222A1 (837P, professional claim) rendering of a ClaimDocument, and a
 * structural validator for such text. Only the loops this clinic needs are written:
 *
 *   ISA/GS/ST/BHT envelope and header
 *   1000A submitter (NM1*41, PER)      1000B receiver (NM1*40)
 *   2000A billing provider HL (PRV)    2010AA billing provider (NM1*85, N3, N4, REF*EI)
 *   2000B subscriber HL (SBR)          2010BA subscriber (NM1*IL, N3/N4, DMG)   2010BB payer (NM1*PR)
 *   2300 claim (CLM with frequency code, REF*G1 prior authorization, REF*F8 original reference
 *        of a replacement, HI ABK/ABF)   2310B rendering provider (NM1*82, PRV)
 *   2400 service lines (LX, SV1, DTP*472)
 *   SE/GE/IEA trailers with segment counts and matching control numbers.
 *
 * Separators: element `*`, component `:`, repetition `^`, segment terminator `~` (one per line).
 *
 * Over 300 lines because the 837P's loops are written in transaction-set order, next to the
 * structural check that reads them back.
 */
import type { ClaimDocument } from './types.ts';
import { formatDollars, parseDollars } from './money.ts';

export interface X12Envelope {
  /** Interchange sender id (ISA06/GS02), up to 15 characters. */
  senderId: string;
  /** Interchange receiver id (ISA08/GS03), up to 15 characters. */
  receiverId: string;
  /** Interchange and group control number, 1 to 999999999. */
  controlNumber: number;
  /** Creation time of the interchange. */
  date: Date;
  /** Production (P) or test (T) interchange; default T. */
  usage?: 'P' | 'T';
}

const ELEMENT = '*';
const COMPONENT = ':';
const REPETITION = '^';
const TERMINATOR = '~';
const IMPLEMENTATION = '005010X222A1';

/** Removes characters that would break the X12 syntax from free text (names, addresses). */
function text(value: string): string {
  return value
    .replace(/[*~:^\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

function ccyymmdd(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

function splitName(name: string): { last: string; first: string } {
  const parts = text(name).split(' ');
  if (parts.length === 1) return { last: parts[0] ?? '', first: '' };
  return { last: parts[parts.length - 1] ?? '', first: parts.slice(0, -1).join(' ') };
}

const POINTER_LETTERS = 'ABCDEFGHIJKL';

export function renderX12_837P(claim: ClaimDocument, envelope: X12Envelope): string {
  const { senderId, receiverId, controlNumber, date } = envelope;
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999) {
    throw new RangeError('controlNumber must be 1 to 999999999');
  }
  const iso = date.toISOString();
  const yymmdd = iso.slice(2, 10).replaceAll('-', '');
  const fullDate = iso.slice(0, 10).replaceAll('-', '');
  const hhmm = iso.slice(11, 16).replace(':', '');
  const interchangeControl = String(controlNumber).padStart(9, '0');
  const transactionControl = '0001';

  const seg = (...elements: string[]): string => {
    let last = elements.length;
    while (last > 1 && elements[last - 1] === '') last--; // no trailing empty elements
    return elements.slice(0, last).join(ELEMENT);
  };

  const header = [
    seg(
      'ISA',
      '00',
      ''.padEnd(10),
      '00',
      ''.padEnd(10),
      'ZZ',
      text(senderId).padEnd(15).slice(0, 15),
      'ZZ',
      text(receiverId).padEnd(15).slice(0, 15),
      yymmdd,
      hhmm,
      REPETITION,
      '00501',
      interchangeControl,
      '0',
      envelope.usage ?? 'T',
      COMPONENT,
    ),
    seg('GS', 'HC', text(senderId), text(receiverId), fullDate, hhmm, String(controlNumber), 'X', IMPLEMENTATION),
  ];

  const body: string[] = [];
  body.push(seg('ST', '837', transactionControl, IMPLEMENTATION));
  body.push(seg('BHT', '0019', '00', text(claim.claimNumber), fullDate, hhmm, 'CH'));
  // 1000A submitter, 1000B receiver
  body.push(seg('NM1', '41', '2', text(claim.billingProvider.name), '', '', '', '', '46', text(senderId)));
  body.push(seg('PER', 'IC', 'BILLING OFFICE', 'TE', '5555550100'));
  body.push(seg('NM1', '40', '2', text(receiverId), '', '', '', '', '46', text(receiverId)));
  // 2000A / 2010AA billing provider
  body.push(seg('HL', '1', '', '20', '1'));
  body.push(seg('PRV', 'BI', 'PXC', text(claim.billingProvider.taxonomy)));
  body.push(seg('NM1', '85', '2', text(claim.billingProvider.name), '', '', '', '', 'XX', claim.billingProvider.npi));
  body.push(seg('N3', text(claim.billingProvider.address.line1)));
  body.push(
    seg(
      'N4',
      text(claim.billingProvider.address.city),
      text(claim.billingProvider.address.state),
      text(claim.billingProvider.address.postalCode),
    ),
  );
  body.push(seg('REF', 'EI', claim.billingProvider.taxId));
  // 2000B subscriber (the patient is the subscriber), 2010BA, 2010BB
  body.push(seg('HL', '2', '1', '22', '0'));
  body.push(seg('SBR', 'P', '18', '', '', '', '', '', '', 'CI'));
  const subscriber = claim.subscriber;
  body.push(seg('NM1', 'IL', '1', text(subscriber.lastName), text(subscriber.firstName), '', '', '', 'MI', text(subscriber.memberId)));
  if (subscriber.address) {
    body.push(seg('N3', text(subscriber.address.line1)));
    body.push(seg('N4', text(subscriber.address.city), text(subscriber.address.state), text(subscriber.address.postalCode)));
  }
  body.push(seg('DMG', 'D8', ccyymmdd(subscriber.dateOfBirth), subscriber.sex));
  body.push(seg('NM1', 'PR', '2', text(claim.payerName), '', '', '', '', 'PI', text(claim.payerId)));
  // 2300 claim
  body.push(
    seg(
      'CLM',
      text(claim.claimNumber),
      formatDollars(claim.totalChargeCents),
      '',
      '',
      [claim.placeOfService, 'B', claim.frequencyCode ?? '1'].join(COMPONENT),
      'Y',
      'A',
      'Y',
      'Y',
    ),
  );
  if (claim.priorAuthorizationNumber) body.push(seg('REF', 'G1', text(claim.priorAuthorizationNumber)));
  if (claim.originalReference) body.push(seg('REF', 'F8', text(claim.originalReference)));
  body.push(seg('HI', ...claim.diagnosisCodes.map((code, i) => [i === 0 ? 'ABK' : 'ABF', code.replace('.', '')].join(COMPONENT))));
  // 2310B rendering provider
  const rendering = splitName(claim.renderingProvider.name);
  body.push(seg('NM1', '82', '1', rendering.last, rendering.first, '', '', '', 'XX', claim.renderingProvider.npi));
  body.push(seg('PRV', 'PE', 'PXC', text(claim.renderingProvider.taxonomy)));
  // 2400 service lines
  for (const line of claim.lines) {
    body.push(seg('LX', String(line.lineNumber)));
    body.push(
      seg(
        'SV1',
        ['HC', line.code, ...line.modifiers].join(COMPONENT),
        formatDollars(line.chargeCents),
        'UN',
        String(line.units),
        '',
        '',
        line.diagnosisPointers.map(String).join(COMPONENT),
      ),
    );
    body.push(seg('DTP', '472', 'D8', ccyymmdd(line.dateOfService)));
  }
  body.push(seg('SE', String(body.length + 1), transactionControl));

  const trailer = [seg('GE', '1', String(controlNumber)), seg('IEA', '1', interchangeControl)];
  return [...header, ...body, ...trailer].map((segment) => segment + TERMINATOR).join('\n') + '\n';
}

/** Letter of a 1-based diagnosis pointer as printed on the CMS-1500 (1 -> A ... 12 -> L). */
export function pointerLetter(pointer: number): string {
  const letter = POINTER_LETTERS[pointer - 1];
  if (letter === undefined) throw new RangeError('diagnosis pointer must be 1 to 12');
  return letter;
}

export interface X12ValidationResult {
  ok: boolean;
  errors: string[];
}

/** The segments each transaction must carry, in this order (loops 1000A ... 2400). */
const REQUIRED_ORDER: Array<{ label: string; matches: (elements: string[]) => boolean }> = [
  { label: 'BHT', matches: (e) => e[0] === 'BHT' },
  { label: 'NM1*41 (1000A submitter)', matches: (e) => e[0] === 'NM1' && e[1] === '41' },
  { label: 'NM1*40 (1000B receiver)', matches: (e) => e[0] === 'NM1' && e[1] === '40' },
  { label: 'HL*20 (2000A billing provider)', matches: (e) => e[0] === 'HL' && e[3] === '20' },
  { label: 'NM1*85 (2010AA billing provider)', matches: (e) => e[0] === 'NM1' && e[1] === '85' },
  { label: 'HL*22 (2000B subscriber)', matches: (e) => e[0] === 'HL' && e[3] === '22' },
  { label: 'SBR (2000B)', matches: (e) => e[0] === 'SBR' },
  { label: 'NM1*IL (2010BA subscriber)', matches: (e) => e[0] === 'NM1' && e[1] === 'IL' },
  { label: 'NM1*PR (2010BB payer)', matches: (e) => e[0] === 'NM1' && e[1] === 'PR' },
  { label: 'CLM (2300 claim)', matches: (e) => e[0] === 'CLM' },
  { label: 'HI (2300 diagnoses)', matches: (e) => e[0] === 'HI' },
  { label: 'LX (2400 service line)', matches: (e) => e[0] === 'LX' },
];

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * Checks the structure of an 837P interchange: the ISA header's fixed layout and separators,
 * ISA/IEA, GS/GE and ST/SE pairing, control numbers and counts, the required loops in order,
 * every service line complete (LX, SV1, DTP*472), and CLM02 equal to the sum of the lines.
 */
export function validateX12Structure(x12: string): X12ValidationResult {
  const errors: string[] = [];
  const input = x12.replace(/^\s+/, '');
  if (!input.startsWith('ISA')) return { ok: false, errors: ['interchange must start with an ISA segment'] };
  if (input.length < 106) return { ok: false, errors: ['ISA segment is shorter than its fixed 106 characters'] };
  const element = input[3] ?? '';
  const component = input[104] ?? '';
  const terminator = input[105] ?? '';
  if (/[A-Za-z0-9 ]/.test(element)) errors.push('ISA element separator (4th character) must be a special character');
  const isaElements = input.slice(0, 105).split(element);
  if (isaElements.length !== 17) {
    return { ok: false, errors: [...errors, `ISA must have 16 elements separated by "${element}", found ${isaElements.length - 1}`] };
  }
  if (isaElements[16] !== component) errors.push('ISA16 component separator is misplaced');
  if (/[A-Za-z0-9 ]/.test(terminator) || terminator === element) errors.push('segment terminator after ISA16 is missing or invalid');
  if (errors.length > 0) return { ok: false, errors };

  const segments = input
    .split(terminator)
    .map((s) => s.replace(/^[\r\n]+|[\r\n]+$/g, ''))
    .filter((s) => s !== '');
  const parsed = segments.map((s) => s.split(element));
  parsed.forEach((elements, i) => {
    const id = elements[0] ?? '';
    if (!SEGMENT_ID.test(id)) errors.push(`segment ${i + 1} has no valid segment id before the element separator ("${id.slice(0, 8)}")`);
  });
  if (errors.length > 0) return { ok: false, errors };

  const isa = parsed[0] ?? [];
  const iea = parsed[parsed.length - 1] ?? [];
  const isaControl = isa[13] ?? '';
  if (!/^\d{9}$/.test(isaControl)) errors.push('ISA13 interchange control number must be 9 digits');
  if (iea[0] !== 'IEA') {
    errors.push('interchange must end with an IEA segment');
    return { ok: false, errors };
  }
  if (iea[2] !== isaControl) errors.push(`IEA02 (${iea[2] ?? ''}) does not match ISA13 (${isaControl})`);

  let groups = 0;
  let openGroup: { control: string; transactions: number } | undefined;
  let openTransaction: { control: string; start: number; segments: string[][] } | undefined;
  for (let i = 1; i < parsed.length - 1; i++) {
    const elements = parsed[i] ?? [];
    const id = elements[0];
    if (id === 'ISA' || id === 'IEA') {
      errors.push(`unexpected ${id} at segment ${i + 1}: one interchange per document`);
    } else if (id === 'GS') {
      if (openGroup) errors.push(`GS at segment ${i + 1} opens a group before the previous GE`);
      if (elements[1] !== 'HC') errors.push('GS01 must be HC (health care claim)');
      openGroup = { control: elements[6] ?? '', transactions: 0 };
      groups++;
    } else if (id === 'GE') {
      if (!openGroup) {
        errors.push(`GE at segment ${i + 1} without a GS`);
        continue;
      }
      if (openTransaction) errors.push(`GE at segment ${i + 1} closes the group before the transaction's SE`);
      if (elements[1] !== String(openGroup.transactions))
        errors.push(`GE01 (${elements[1] ?? ''}) does not match the ${openGroup.transactions} transaction(s) in the group`);
      if (elements[2] !== openGroup.control) errors.push(`GE02 (${elements[2] ?? ''}) does not match GS06 (${openGroup.control})`);
      openGroup = undefined;
    } else if (id === 'ST') {
      if (!openGroup) errors.push(`ST at segment ${i + 1} outside a GS/GE group`);
      if (openTransaction) errors.push(`ST at segment ${i + 1} opens a transaction before the previous SE`);
      if (elements[1] !== '837') errors.push('ST01 must be 837');
      openTransaction = { control: elements[2] ?? '', start: i, segments: [elements] };
      if (openGroup) openGroup.transactions++;
    } else if (id === 'SE') {
      if (!openTransaction) {
        errors.push(`SE at segment ${i + 1} without an ST`);
        continue;
      }
      const count = i - openTransaction.start + 1;
      if (elements[1] !== String(count)) errors.push(`SE01 (${elements[1] ?? ''}) does not match the ${count} segments from ST to SE`);
      if (elements[2] !== openTransaction.control)
        errors.push(`SE02 (${elements[2] ?? ''}) does not match ST02 (${openTransaction.control})`);
      openTransaction.segments.push(elements);
      errors.push(...checkTransactionBody(openTransaction.segments));
      openTransaction = undefined;
    } else if (openTransaction) {
      openTransaction.segments.push(elements);
    } else {
      errors.push(`segment ${id ?? ''} at ${i + 1} is outside any ST/SE transaction`);
    }
  }
  if (openTransaction) errors.push('transaction set is not closed by an SE segment');
  if (openGroup) errors.push('functional group is not closed by a GE segment');
  if (groups === 0) errors.push('interchange has no GS functional group');
  if (iea[1] !== String(groups)) errors.push(`IEA01 (${iea[1] ?? ''}) does not match the ${groups} functional group(s)`);
  return { ok: errors.length === 0, errors };
}

function checkTransactionBody(segments: string[][]): string[] {
  const errors: string[] = [];
  let position = 0;
  for (const required of REQUIRED_ORDER) {
    const found = segments.findIndex((elements, index) => index >= position && required.matches(elements));
    if (found === -1) {
      const anywhere = segments.some((elements) => required.matches(elements));
      errors.push(anywhere ? `${required.label} is out of loop order` : `required segment ${required.label} is missing`);
    } else {
      position = found + 1;
    }
  }

  // Every 2400 loop: LX then SV1 then DTP*472, numbered 1, 2, 3 ...; CLM02 = sum of SV102.
  let expectedLine = 1;
  let lineTotalCents = 0;
  segments.forEach((elements, index) => {
    if (elements[0] !== 'LX') return;
    if (elements[1] !== String(expectedLine)) errors.push(`LX01 (${elements[1] ?? ''}) should be ${expectedLine}`);
    const sv1 = segments[index + 1];
    const dtp = segments[index + 2];
    if (sv1?.[0] !== 'SV1') errors.push(`service line ${expectedLine} has no SV1 after LX`);
    else lineTotalCents += dollarsToCents(sv1[2]);
    if (dtp?.[0] !== 'DTP' || dtp[1] !== '472') errors.push(`service line ${expectedLine} has no DTP*472 service date`);
    expectedLine++;
  });
  const clm = segments.find((elements) => elements[0] === 'CLM');
  if (clm && Number.isFinite(lineTotalCents) && dollarsToCents(clm[2]) !== lineTotalCents) {
    errors.push(`CLM02 (${clm[2] ?? ''}) does not equal the sum of the service line charges`);
  }
  return errors;
}

function dollarsToCents(amount: string | undefined): number {
  try {
    return parseDollars(amount ?? '');
  } catch {
    return Number.NaN;
  }
}
