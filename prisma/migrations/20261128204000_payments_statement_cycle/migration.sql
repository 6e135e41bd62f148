-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "providerChargeId" TEXT,
    "failureReason" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundItem" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefundItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementCycle" (
    "statementId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "nextNoticeAt" TIMESTAMP(3),
    "holds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decision" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatementCycle_pkey" PRIMARY KEY ("statementId")
);

-- CreateTable
CREATE TABLE "StatementNotice" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "totalCents" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlanInstallment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'due',
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentPlanInstallment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_statementId_status_idx" ON "Payment"("statementId", "status");

-- CreateIndex
CREATE INDEX "Payment_status_createdAt_idx" ON "Payment"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RefundItem_paymentId_key" ON "RefundItem"("paymentId");

-- CreateIndex
CREATE INDEX "RefundItem_status_createdAt_idx" ON "RefundItem"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StatementCycle_workflowId_key" ON "StatementCycle"("workflowId");

-- CreateIndex
CREATE INDEX "StatementCycle_status_idx" ON "StatementCycle"("status");

-- CreateIndex
CREATE UNIQUE INDEX "StatementNotice_statementId_kind_seq_key" ON "StatementNotice"("statementId", "kind", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPlan_idempotencyKey_key" ON "PaymentPlan"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PaymentPlan_statementId_status_idx" ON "PaymentPlan"("statementId", "status");

-- CreateIndex
CREATE INDEX "PaymentPlanInstallment_status_idx" ON "PaymentPlanInstallment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPlanInstallment_planId_number_key" ON "PaymentPlanInstallment"("planId", "number");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundItem" ADD CONSTRAINT "RefundItem_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundItem" ADD CONSTRAINT "RefundItem_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementCycle" ADD CONSTRAINT "StatementCycle_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementNotice" ADD CONSTRAINT "StatementNotice_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PatientStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlanInstallment" ADD CONSTRAINT "PaymentPlanInstallment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PaymentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


