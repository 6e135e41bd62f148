/**
 * Reading patient questions where other billing work needs them. The statement cycle (dunning)
 * pauses while `hasOpenQuestion` is true for its statement: a question of any category, a
 * dispute included, that no biller has answered yet.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { OPEN_QUESTION_STATUSES } from '../domain/patient-questions.ts';

export async function hasOpenQuestion(prisma: Pick<PrismaClient, 'patientQuestion'>, statementId: string): Promise<boolean> {
  const open = await prisma.patientQuestion.count({ where: { statementId, status: { in: [...OPEN_QUESTION_STATUSES] } } });
  return open > 0;
}
