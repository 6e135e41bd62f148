-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "npi" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "taxonomy" TEXT NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Payer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coverage" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "copayCents" INTEGER NOT NULL,
    "coinsuranceBps" INTEGER NOT NULL,
    "deductibleCents" INTEGER NOT NULL,
    "deductibleMetCents" INTEGER NOT NULL,

    CONSTRAINT "Coverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Encounter" (
    "id" TEXT NOT NULL,
    "clinicEncounterId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "dateOfService" DATE NOT NULL,
    "placeOfService" TEXT NOT NULL,
    "documentation" JSONB NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'received',
    "workflowId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Encounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EncounterTransition" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EncounterTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeAssignment" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "units" INTEGER,
    "modifiers" TEXT[],
    "diagnosisPointers" INTEGER[],
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClarificationQuery" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "physicianNpi" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "clinicalIndicators" TEXT[],
    "options" TEXT[],
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "answerOption" TEXT,
    "answerText" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClarificationQuery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorAuthorization" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "payerReference" TEXT,
    "authNumber" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "requestedUnits" JSONB NOT NULL,
    "authorizedUnits" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriorAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "claimNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "totalChargeCents" INTEGER NOT NULL,
    "priorAuthNumber" TEXT,
    "payload" JSONB NOT NULL,
    "x12" TEXT NOT NULL,
    "ackStatus" TEXT,
    "ackReasons" JSONB,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "modifiers" TEXT[],
    "units" INTEGER NOT NULL,
    "diagnosisPointers" INTEGER[],
    "unitPriceCents" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,

    CONSTRAINT "ClaimLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientStatement" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "billedCents" INTEGER NOT NULL,
    "insuranceExpectedCents" INTEGER NOT NULL,
    "patientOwesCents" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "breakdown" JSONB NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT,
    "actor" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" JSONB,
    "idempotencyKey" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Patient_externalId_key" ON "Patient"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_npi_key" ON "Provider"("npi");

-- CreateIndex
CREATE INDEX "Coverage_payerId_idx" ON "Coverage"("payerId");

-- CreateIndex
CREATE UNIQUE INDEX "Coverage_patientId_payerId_key" ON "Coverage"("patientId", "payerId");

-- CreateIndex
CREATE UNIQUE INDEX "Encounter_clinicEncounterId_key" ON "Encounter"("clinicEncounterId");

-- CreateIndex
CREATE UNIQUE INDEX "Encounter_workflowId_key" ON "Encounter"("workflowId");

-- CreateIndex
CREATE INDEX "Encounter_patientId_idx" ON "Encounter"("patientId");

-- CreateIndex
CREATE INDEX "Encounter_providerId_idx" ON "Encounter"("providerId");

-- CreateIndex
CREATE INDEX "Encounter_payerId_idx" ON "Encounter"("payerId");

-- CreateIndex
CREATE INDEX "Encounter_stage_idx" ON "Encounter"("stage");

-- CreateIndex
CREATE INDEX "Encounter_dateOfService_idx" ON "Encounter"("dateOfService");

-- CreateIndex
CREATE UNIQUE INDEX "EncounterTransition_encounterId_sequence_key" ON "EncounterTransition"("encounterId", "sequence");

-- CreateIndex
CREATE INDEX "CodeAssignment_code_idx" ON "CodeAssignment"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CodeAssignment_encounterId_revision_kind_sequence_key" ON "CodeAssignment"("encounterId", "revision", "kind", "sequence");

-- CreateIndex
CREATE INDEX "ClarificationQuery_encounterId_idx" ON "ClarificationQuery"("encounterId");

-- CreateIndex
CREATE INDEX "ClarificationQuery_status_dueAt_idx" ON "ClarificationQuery"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ClarificationQuery_physicianNpi_status_idx" ON "ClarificationQuery"("physicianNpi", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PriorAuthorization_idempotencyKey_key" ON "PriorAuthorization"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PriorAuthorization_encounterId_idx" ON "PriorAuthorization"("encounterId");

-- CreateIndex
CREATE INDEX "PriorAuthorization_status_idx" ON "PriorAuthorization"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_claimNumber_key" ON "Claim"("claimNumber");

-- CreateIndex
CREATE INDEX "Claim_encounterId_idx" ON "Claim"("encounterId");

-- CreateIndex
CREATE INDEX "Claim_status_idx" ON "Claim"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLine_claimId_lineNumber_key" ON "ClaimLine"("claimId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PatientStatement_encounterId_key" ON "PatientStatement"("encounterId");

-- CreateIndex
CREATE INDEX "PatientStatement_patientId_idx" ON "PatientStatement"("patientId");

-- CreateIndex
CREATE INDEX "PatientStatement_claimId_idx" ON "PatientStatement"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_idempotencyKey_key" ON "AuditEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AuditEvent_encounterId_at_idx" ON "AuditEvent"("encounterId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EncounterTransition" ADD CONSTRAINT "EncounterTransition_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeAssignment" ADD CONSTRAINT "CodeAssignment_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClarificationQuery" ADD CONSTRAINT "ClarificationQuery_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorAuthorization" ADD CONSTRAINT "PriorAuthorization_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientStatement" ADD CONSTRAINT "PatientStatement_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientStatement" ADD CONSTRAINT "PatientStatement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientStatement" ADD CONSTRAINT "PatientStatement_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE SET NULL ON UPDATE CASCADE;


