/** GET /whoami: the role (and subject) of the bearer token, so the staff UI offers only that role's screens. */
import { z } from 'zod';
import { principalOf, ROLES } from '../auth.ts';
import { route } from '../route.ts';

const whoamiSchema = z
  .object({
    role: z.enum(ROLES),
    subject: z.string().meta({ description: 'Who the token names: the demo name, or the physician’s NPI' }),
  })
  .meta({ id: 'Whoami' });

export const whoamiRoutes = [
  route(
    {
      method: 'get',
      path: '/whoami',
      summary: 'The role of the bearer token (every role; 401 for an unknown token)',
      roles: ROLES,
      usesDependencies: false,
      responses: { 200: { description: 'The caller', body: whoamiSchema } },
    },
    ({ res }) => {
      const { role, subject } = principalOf(res);
      res.json({ role, subject });
    },
  ),
];
