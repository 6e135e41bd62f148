/** The base of the API's problem type URIs (the sandboxes have their own): the error handler's and a status link's refusal. */
export const API_PROBLEM_BASE = 'https://encounterflow.dev/problems';
