/**
 * Where a statement's own words end and what the note says about them begins: the plan, a status,
 * values or an aside ("Hyperlipidemia - continue atorvastatin", "CKD 3a: stable", "Cellulitis (improving)").
 * One module, so every reader of a statement stops at the same marks.
 */

/** A plan or comment after a condition's name: a spaced dash, or a colon before a space ("Vaginal candidiasis - clotrimazole 7 days"). */
export const PLAN_OR_COMMENT = /\s+[-\u2013\u2014]+\s+|:\s+/;

/**
 * Any mark of commentary on a line: a spaced dash, a colon, a semicolon, a bracket. For the words a
 * line states of the condition before anything is said about it.
 */
export const COMMENTARY_MARK = /\s+[-\u2013\u2014]\s+|[:;(]|\)/;

/** A statement's condition before the plan or comment that follows it ("Vaginal candidiasis - clotrimazole 7 days"). */
export const conditionHead = (text: string): string => text.split(PLAN_OR_COMMENT)[0]?.trim() || text;
