/**
 * Evidence spans: the words of the record a code rests on, with where they are, so a coder can
 * see them highlighted in the note. Offsets are UTF-16 indexes (JavaScript string indexes) into
 * the text of one part of the documentation: the notes, or one documented diagnosis, procedure
 * or test result (`entry`, 0-based). A quote that is not found verbatim (e.g. a physician's
 * answer to a query) keeps its text without offsets.
 */
import type { Evidence, RecordSection } from './coding.ts';
import type { EncounterDocumentation } from './encounter.ts';

export interface EvidenceSpan {
  section: RecordSection;
  text: string;
  /** Which documented diagnosis / procedure / test result (not for notes). */
  entry?: number;
  start?: number;
  end?: number;
}

/** The texts of one section, in order (the notes are one text). */
export function sectionTexts(documentation: EncounterDocumentation, section: RecordSection): string[] {
  switch (section) {
    case 'notes':
      return [documentation.notes ?? ''];
    case 'diagnoses':
      return (documentation.diagnoses ?? []).map((d) => d.description);
    case 'procedures':
      return (documentation.procedures ?? []).map((p) => p.description);
    case 'testResults':
      return (documentation.testResults ?? []).map((t) => `${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''}`);
  }
}

/** The engine's span (field `notes` or `diagnoses[2].description`...) as a section entry with offsets. */
function fromEngineSpan(quote: Evidence): EvidenceSpan | undefined {
  if (!quote.span) return undefined;
  const entry = /^\w+\[(\d+)\]/.exec(quote.span.field);
  const span: EvidenceSpan = { section: quote.section, text: quote.text, start: quote.span.start, end: quote.span.end };
  if (entry) span.entry = Number(entry[1]);
  return span;
}

/** The engine's spans where it gives them; otherwise each quote is found in its section (exact first, then ignoring case). */
export function locateEvidence(documentation: EncounterDocumentation, evidence: readonly Evidence[]): EvidenceSpan[] {
  return evidence.map((quote) => {
    const given = fromEngineSpan(quote);
    if (given) return given;
    const texts = sectionTexts(documentation, quote.section);
    const needle = quote.text.trim();
    if (needle === '') return { section: quote.section, text: quote.text };
    for (const [index, text] of texts.entries()) {
      let start = text.indexOf(needle);
      if (start < 0) start = text.toLowerCase().indexOf(needle.toLowerCase());
      if (start < 0) continue;
      const span: EvidenceSpan = {
        section: quote.section,
        text: text.slice(start, start + needle.length),
        start,
        end: start + needle.length,
      };
      if (quote.section !== 'notes') span.entry = index;
      return span;
    }
    return { section: quote.section, text: quote.text };
  });
}
