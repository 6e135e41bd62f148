-- CreateTable
CREATE TABLE "PatientAccessLink" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientAccessLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientSession" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientQuestion" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "lineNumber" INTEGER,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "channel" TEXT NOT NULL,
    "askedBy" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "answeredBy" TEXT,
    "workflowId" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PatientQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientQuestionMessage" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientQuestionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementAdjustment" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "questionId" TEXT,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatientAccessLink_tokenHash_key" ON "PatientAccessLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PatientAccessLink_statementId_idx" ON "PatientAccessLink"("statementId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientSession_tokenHash_key" ON "PatientSession"("tokenHash");

-- CreateIndex
CREATE INDEX "PatientSession_linkId_idx" ON "PatientSession"("linkId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientQuestion_workflowId_key" ON "PatientQuestion"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientQuestion_idempotencyKey_key" ON "PatientQuestion"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PatientQuestion_status_createdAt_idx" ON "PatientQuestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PatientQuestion_statementId_status_idx" ON "PatientQuestion"("statementId", "status");

-- CreateIndex
CREATE INDEX "PatientQuestionMessage_questionId_createdAt_idx" ON "PatientQuestionMessage"("questionId", "createdAt");

-- CreateIndex
CREATE INDEX "StatementAdjustment_statementId_idx" ON "StatementAdjustment"("statementId");

-- CreateIndex
CREATE INDEX "StatementAdjustment_status_idx" ON "StatementAdjustment"("status");

-- AddForeignKey
ALTER TABLE "PatientAccessLink" ADD CONSTRAINT "PatientAccessLink_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientSession" ADD CONSTRAINT "PatientSession_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PatientAccessLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientQuestion" ADD CONSTRAINT "PatientQuestion_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientQuestionMessage" ADD CONSTRAINT "PatientQuestionMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "PatientQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementAdjustment" ADD CONSTRAINT "StatementAdjustment_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;


