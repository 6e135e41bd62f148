/** The physician's clarification queries as stored rows: the physician's inbox reads them. */
import type { ClarificationQueryDraft } from '../domain/coding.ts';
import type { ActivityDeps } from './deps.ts';

export type QueryStatus = 'open' | 'answered' | 'escalated' | 'withdrawn';

export interface OpenQueryInput {
  encounterId: string;
  queryId: string;
  physicianNpi: string;
  draft: ClarificationQueryDraft;
  dueAt: string;
}

export interface QueryAnswerInput {
  queryId: string;
  answeredBy: string;
  option?: string;
  freeText?: string;
  answeredAt: string;
}

export function createClarificationActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return {
    async openClarificationQuery(q: OpenQueryInput): Promise<void> {
      await prisma.clarificationQuery.upsert({
        where: { id: q.queryId },
        create: {
          id: q.queryId,
          encounterId: q.encounterId,
          physicianNpi: q.physicianNpi,
          question: q.draft.question,
          clinicalIndicators: q.draft.clinicalIndicators,
          options: q.draft.options,
          reason: q.draft.reason,
          status: 'open',
          dueAt: new Date(q.dueAt),
        },
        update: {},
      });
    },

    async recordClarificationAnswer(a: QueryAnswerInput): Promise<void> {
      await prisma.clarificationQuery.update({
        where: { id: a.queryId },
        data: {
          status: 'answered',
          answerOption: a.option ?? null,
          answerText: a.freeText ?? null,
          answeredBy: a.answeredBy,
          answeredAt: new Date(a.answeredAt),
        },
      });
    },

    async closeClarificationQuery({ queryId, status }: { queryId: string; status: QueryStatus }): Promise<void> {
      await prisma.clarificationQuery.update({ where: { id: queryId }, data: { status } });
    },

    async reopenClarificationQuery({ queryId, dueAt }: { queryId: string; dueAt: string }): Promise<void> {
      await prisma.clarificationQuery.update({ where: { id: queryId }, data: { status: 'open', dueAt: new Date(dueAt) } });
    },
  };
}
