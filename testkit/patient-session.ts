/**
 * A patient's session on the patient page, as an e2e test opens it: a fresh access link for the
 * statement, verified with the test patient's date of birth and the statement number.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createAccessLink } from '../api/patient-access.ts';
import { call } from './http.ts';

/** The date of birth of the patient every test submission carries (testkit/http.ts validSubmission). */
const TEST_PATIENT_BIRTH_DATE = '1980-02-29';

/** Opens the session; returns the API's status and the session cookie (`name=value`) to send back. */
export async function openPatientSession(apiUrl: string, prisma: PrismaClient, statementId: string) {
  const statement = await prisma.patientStatement.findUniqueOrThrow({ where: { id: statementId } });
  const link = await createAccessLink(prisma, statementId, 'biller-demo', { linkTtl: '1d' });
  const session = await call(apiUrl, 'POST', '/patient-api/session', {
    body: {
      token: link.token,
      dateOfBirth: TEST_PATIENT_BIRTH_DATE,
      statementNumber: (statement.breakdown as { statementNumber: string }).statementNumber,
    },
  });
  return { status: session.status, cookie: (session.headers.get('set-cookie') ?? '').split(';')[0]! };
}
