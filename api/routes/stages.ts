/** The stages an encounter moves through, for clients (the staff UI) that show or filter by them. */
import { FINAL_STAGES, STAGES } from '../../workflows/stages.ts';
import { stageListSchema } from '../responses.ts';
import { route } from '../route.ts';
import { CODE_OVERRIDE_STAGES } from './actions.ts';

export const stageRoutes = [
  route(
    {
      method: 'get',
      path: '/stages',
      summary: 'The encounter stages in workflow order, with what each allows',
      roles: [],
      usesDependencies: false,
      responses: { 200: { description: 'Every stage', body: stageListSchema } },
    },
    ({ res }) => {
      res.json({
        items: STAGES.map((name) => ({ name, final: FINAL_STAGES.includes(name), takesCodeOverride: CODE_OVERRIDE_STAGES.includes(name) })),
      });
    },
  ),
];
