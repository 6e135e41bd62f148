/**
 * The coder's view of an encounter in coder_review: why it waits (the workflow's reasons), each
 * code's rationale with its evidence highlighted in the record, and the coder's accept and
 * physician query (edits go through the code form, whose field errors show the 422's codes).
 * DOM building takes the page's `el` and `section` helpers, so this module stays small; the
 * splitting of a text into highlighted segments is plain data (tested without a browser).
 */

/** Words for the workflow's reason kinds (workflows/messages.ts CoderReviewReasonKind). */
const REASON_LABELS = {
  low_confidence: 'Not confident enough to bill',
  edit_failed: 'A pre-claim edit fails',
  documented_code_changed: 'A physician-documented code was changed or dropped',
  payer_rule: 'The payer asks for coder review',
  coding_failed: 'The engine could not code the record',
  coder_confirms: 'A coder confirms every encounter (straight-through billing is off)',
};

export function reasonLabel(kind) {
  return REASON_LABELS[kind] ?? String(kind);
}

/**
 * Splits `text` into [{ text, codes }] segments: `codes` lists the codes whose evidence covers
 * that stretch (empty: plain text). Spans out of range or without offsets are ignored.
 */
export function highlightSegments(text, spans) {
  const cuts = new Set([0, text.length]);
  const valid = spans.filter(
    (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end,
  );
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const codes = [...new Set(valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.code))];
    segments.push({ text: text.slice(from, to), codes });
  }
  return segments;
}

/** Every evidence span of the codes, tagged with its code, for one part of the documentation. */
export function spansFor(codes, section, entry) {
  const all = [...(codes?.diagnoses ?? []), ...(codes?.procedures ?? [])];
  return all.flatMap((c) =>
    (c.evidence ?? [])
      .filter((e) => e.section === section && (section === 'notes' || e.entry === entry))
      .map((e) => ({ ...e, code: c.code })),
  );
}

function highlighted(el, text, spans) {
  return highlightSegments(text, spans).map((s) =>
    s.codes.length === 0 ? s.text : el('mark', { title: `evidence for ${s.codes.join(', ')}`, 'data-codes': s.codes.join(' ') }, s.text),
  );
}

/** The record with each code's evidence marked, and each code's rationale (coders, supervisors, the physician). */
export function renderRationale({ el, section }, view) {
  const codes = view.codes;
  const documentation = view.documentation;
  const all = [...(codes?.diagnoses ?? []), ...(codes?.procedures ?? [])];
  if (all.every((c) => c.rationale === undefined)) return null;
  const parts = [
    el(
      'ul',
      { className: 'rationale' },
      all.map((c) =>
        el(
          'li',
          {},
          el('code', {}, c.code),
          ' ',
          c.description,
          el('p', { className: 'muted' }, c.rationale || 'No rationale recorded.'),
          (c.evidence ?? []).length > 0
            ? el(
                'p',
                {},
                'Evidence: ',
                (c.evidence ?? []).map((e) => el('q', {}, e.text)).flatMap((q, i) => (i === 0 ? [q] : ['; ', q])),
              )
            : null,
        ),
      ),
    ),
  ];
  if (documentation) {
    parts.push(
      el('h4', {}, 'Note, with the evidence highlighted'),
      el('p', { className: 'note' }, highlighted(el, documentation.notes ?? '', spansFor(codes, 'notes'))),
      el('h4', {}, 'Documented diagnoses'),
      el(
        'ul',
        {},
        (documentation.diagnoses ?? []).map((d, i) =>
          el('li', {}, highlighted(el, d.description, spansFor(codes, 'diagnoses', i)), d.code ? [' ', el('code', {}, d.code)] : null),
        ),
      ),
      el('h4', {}, 'Documented procedures'),
      el(
        'ul',
        {},
        (documentation.procedures ?? []).map((p, i) =>
          el('li', {}, highlighted(el, p.description, spansFor(codes, 'procedures', i)), p.code ? [' ', el('code', {}, p.code)] : null),
        ),
      ),
    );
  }
  return section('Why these codes', ...parts);
}

/**
 * The coder_review panel: the reasons, then Accept and "Ask the physician" (coders only; a
 * supervisor sees the reasons). `actions.accept(note)` / `actions.query(question)` send them.
 */
export function renderCoderReview({ el, section }, review, { canAct, actions }) {
  const question = el('textarea', { id: 'coder-query-question', rows: '2', maxlength: '1000' });
  return section(
    'Waiting for a coder',
    el(
      'ul',
      {},
      review.reasons.map((r) => el('li', {}, el('strong', {}, reasonLabel(r.kind)), ': ', r.detail)),
    ),
    canAct
      ? [
          el(
            'p',
            { className: 'hint' },
            'Accept bills the codes below as they stand; to change them, use "Change codes" (an invalid code is refused with its field marked).',
          ),
          el('button', { type: 'button', className: 'primary', id: 'coder-accept', onclick: () => actions.accept() }, 'Accept codes'),
          el('label', { for: 'coder-query-question' }, 'Ask the physician'),
          question,
          el('button', { type: 'button', id: 'coder-query', onclick: () => actions.query(question.value.trim()) }, 'Send query'),
        ]
      : el('p', { className: 'muted' }, 'A coder accepts, changes or queries these codes.'),
  );
}
