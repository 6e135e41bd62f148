-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "frequencyCode" TEXT NOT NULL DEFAULT '1',
ADD COLUMN     "payerClaimNumber" TEXT,
ADD COLUMN     "replacesClaimId" TEXT;

-- AlterTable
ALTER TABLE "PatientStatement" ADD COLUMN     "basis" TEXT NOT NULL DEFAULT 'fee-schedule';

-- CreateTable
CREATE TABLE "ClaimStatusEvent" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "ClaimStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Remittance" (
    "id" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "traceNumber" TEXT NOT NULL,
    "rawSha256" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "parsed" JSONB,
    "paymentMethod" TEXT,
    "paymentCents" INTEGER NOT NULL DEFAULT 0,
    "paymentDate" DATE,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "problem" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Remittance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimPayment" (
    "id" TEXT NOT NULL,
    "remittanceId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "claimId" TEXT,
    "encounterId" TEXT,
    "claimNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "payerClaimNumber" TEXT NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "patientResponsibilityCents" INTEGER NOT NULL,
    "reconciled" BOOLEAN NOT NULL,
    "reconciliationNote" TEXT,

    CONSTRAINT "ClaimPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceLinePayment" (
    "id" TEXT NOT NULL,
    "claimPaymentId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "modifiers" TEXT[],
    "units" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "allowedCents" INTEGER,
    "remarkCodes" TEXT[],

    CONSTRAINT "ServiceLinePayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAdjustment" (
    "id" TEXT NOT NULL,
    "claimPaymentId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "lineNumber" INTEGER,
    "group" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "PaymentAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Denial" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "claimPaymentId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "appealDueAt" TIMESTAMP(3),
    "appealReference" TEXT,
    "resolution" JSONB,
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Denial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimStatusEvent_key_key" ON "ClaimStatusEvent"("key");

-- CreateIndex
CREATE INDEX "ClaimStatusEvent_claimId_at_idx" ON "ClaimStatusEvent"("claimId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Remittance_rawSha256_key" ON "Remittance"("rawSha256");

-- CreateIndex
CREATE UNIQUE INDEX "Remittance_payerId_traceNumber_key" ON "Remittance"("payerId", "traceNumber");

-- CreateIndex
CREATE INDEX "ClaimPayment_claimNumber_idx" ON "ClaimPayment"("claimNumber");

-- CreateIndex
CREATE INDEX "ClaimPayment_encounterId_idx" ON "ClaimPayment"("encounterId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimPayment_remittanceId_sequence_key" ON "ClaimPayment"("remittanceId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceLinePayment_claimPaymentId_lineNumber_key" ON "ServiceLinePayment"("claimPaymentId", "lineNumber");

-- CreateIndex
CREATE INDEX "PaymentAdjustment_group_reasonCode_idx" ON "PaymentAdjustment"("group", "reasonCode");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentAdjustment_claimPaymentId_sequence_key" ON "PaymentAdjustment"("claimPaymentId", "sequence");

-- CreateIndex
CREATE INDEX "Denial_encounterId_idx" ON "Denial"("encounterId");

-- CreateIndex
CREATE INDEX "Denial_status_appealDueAt_idx" ON "Denial"("status", "appealDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Denial_claimPaymentId_lineNumber_key" ON "Denial"("claimPaymentId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_idempotencyKey_key" ON "Attachment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Attachment_encounterId_idx" ON "Attachment"("encounterId");

-- AddForeignKey
ALTER TABLE "ClaimStatusEvent" ADD CONSTRAINT "ClaimStatusEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPayment" ADD CONSTRAINT "ClaimPayment_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimPayment" ADD CONSTRAINT "ClaimPayment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLinePayment" ADD CONSTRAINT "ServiceLinePayment_claimPaymentId_fkey" FOREIGN KEY ("claimPaymentId") REFERENCES "ClaimPayment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAdjustment" ADD CONSTRAINT "PaymentAdjustment_claimPaymentId_fkey" FOREIGN KEY ("claimPaymentId") REFERENCES "ClaimPayment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Denial" ADD CONSTRAINT "Denial_claimPaymentId_fkey" FOREIGN KEY ("claimPaymentId") REFERENCES "ClaimPayment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


