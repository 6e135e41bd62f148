-- Statement notices are sent to the patient through the clinic's messaging (signed webhook):
-- when it was accepted, how many attempts it took, and a refusal for good.
ALTER TABLE "StatementNotice" ADD COLUMN "deliveredAt" TIMESTAMP(3);
ALTER TABLE "StatementNotice" ADD COLUMN "deliveryAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "StatementNotice" ADD COLUMN "deliveryRefusal" TEXT;
