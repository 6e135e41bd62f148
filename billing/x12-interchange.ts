/**
 * Reading any X12 interchange into segments: the separators come from the fixed-width ISA
 * header (element separator at position 4, component separator ISA16, segment terminator after
 * it), so documents from other senders with other separators read the same. Errors name
 * positions and segment ids, never element values (they may be patient data).
 */

export class X12ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'X12ParseError';
  }
}

export interface X12Segment {
  id: string;
  /** elements[0] is the segment id, elements[1] the first element (X12 numbering). */
  elements: string[];
  /** 1-based position in the interchange. */
  position: number;
}

export interface X12Interchange {
  elementSeparator: string;
  componentSeparator: string;
  segments: X12Segment[];
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

export function readInterchange(text: string): X12Interchange {
  const input = text.replace(/^\s+/, '');
  if (!input.startsWith('ISA') || input.length < 106)
    throw new X12ParseError('interchange must start with a complete 106-character ISA segment');
  const elementSeparator = input[3]!;
  const componentSeparator = input[104]!;
  const terminator = input[105]!;
  if (/[A-Za-z0-9 ]/.test(elementSeparator) || /[A-Za-z0-9 ]/.test(terminator) || terminator === elementSeparator) {
    throw new X12ParseError('ISA separators are invalid');
  }
  const segments = input
    .split(terminator)
    .map((s) => s.replace(/^[\r\n]+|[\r\n]+$/g, ''))
    .filter((s) => s !== '')
    .map((s, i) => {
      const elements = s.split(elementSeparator);
      const id = elements[0] ?? '';
      if (!SEGMENT_ID.test(id)) throw new X12ParseError(`segment ${i + 1} has no valid segment id`);
      return { id, elements, position: i + 1 };
    });
  const last = segments[segments.length - 1];
  if (last?.id !== 'IEA') throw new X12ParseError('interchange must end with an IEA segment');
  if (last.elements[2] !== segments[0]?.elements[13]) throw new X12ParseError('IEA02 does not match ISA13');
  return { elementSeparator, componentSeparator, segments };
}

/** The transaction sets (ST ... SE) of an interchange, with SE01 counts and SE02 controls checked. */
export function transactionSets(interchange: X12Interchange, expectedType: string): X12Segment[][] {
  const sets: X12Segment[][] = [];
  let open: X12Segment[] | undefined;
  for (const segment of interchange.segments) {
    if (segment.id === 'ST') {
      if (open) throw new X12ParseError(`ST at segment ${segment.position} before the previous SE`);
      if (segment.elements[1] !== expectedType) throw new X12ParseError(`ST01 must be ${expectedType}`);
      open = [segment];
    } else if (segment.id === 'SE') {
      if (!open) throw new X12ParseError(`SE at segment ${segment.position} without an ST`);
      open.push(segment);
      if (segment.elements[1] !== String(open.length))
        throw new X12ParseError(`SE01 does not match the ${open.length} segments of the transaction set`);
      if (segment.elements[2] !== open[0]!.elements[2]) throw new X12ParseError('SE02 does not match ST02');
      sets.push(open);
      open = undefined;
    } else if (open) {
      open.push(segment);
    }
  }
  if (open) throw new X12ParseError('transaction set is not closed by an SE segment');
  if (sets.length === 0) throw new X12ParseError(`interchange holds no ${expectedType} transaction set`);
  return sets;
}

/** CCYYMMDD -> YYYY-MM-DD. */
export function isoDate(ccyymmdd: string | undefined, what: string): string {
  if (!ccyymmdd || !/^\d{8}$/.test(ccyymmdd)) throw new X12ParseError(`${what} must be a date CCYYMMDD`);
  return `${ccyymmdd.slice(0, 4)}-${ccyymmdd.slice(4, 6)}-${ccyymmdd.slice(6, 8)}`;
}
