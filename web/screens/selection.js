/** The encounter open in the encounter view, shared by its panels (step in, code override, audit). */
export const selection = {
  /** Id of the open encounter, or null. */
  id: null,
  /** The GET /encounters/:id answer drawn last. */
  view: null,
};
