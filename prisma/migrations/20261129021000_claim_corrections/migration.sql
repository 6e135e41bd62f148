-- A biller's request to send a billed encounter's claim back to the payer (a corrected replacement
-- claim or an appeal), worked by its own workflow until the statement is reissued.
CREATE TABLE "ClaimCorrection" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "questionId" TEXT,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "corrections" JSONB NOT NULL DEFAULT '[]',
    "attachmentIds" TEXT[],
    "requestedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "claimNumber" TEXT,
    "replacementClaimNumber" TEXT,
    "previousOwesCents" INTEGER,
    "patientOwesCents" INTEGER,
    "refundCents" INTEGER,
    "note" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ClaimCorrection_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ClaimCorrection_idempotencyKey_key" ON "ClaimCorrection"("idempotencyKey");
CREATE INDEX "ClaimCorrection_encounterId_status_idx" ON "ClaimCorrection"("encounterId", "status");

ALTER TABLE "ClaimCorrection" ADD CONSTRAINT "ClaimCorrection_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimCorrection" ADD CONSTRAINT "ClaimCorrection_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
