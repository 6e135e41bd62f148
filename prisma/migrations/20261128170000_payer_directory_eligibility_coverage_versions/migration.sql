-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "coverageVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "documentedAt" TIMESTAMP(3),
ADD COLUMN     "financialClass" TEXT NOT NULL DEFAULT 'insurance',
ADD COLUMN     "plannedServices" JSONB,
ADD COLUMN     "scheduled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "secondaryMemberId" TEXT,
ADD COLUMN     "secondaryPayerId" TEXT,
ALTER COLUMN "documentation" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "addressLine1" TEXT,
ADD COLUMN     "addressLine2" TEXT,
ADD COLUMN     "city" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "state" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Payer" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "appealLimitDays" INTEGER NOT NULL DEFAULT 180,
ADD COLUMN     "claimRoute" TEXT NOT NULL DEFAULT 'clearinghouse',
ADD COLUMN     "followUpDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "priorAuthorization" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "remittanceRoute" TEXT NOT NULL DEFAULT 'clearinghouse-era',
ADD COLUMN     "timelyFilingDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "PriorAuthorization" ADD COLUMN     "timing" TEXT NOT NULL DEFAULT 'retro';

-- CreateTable
CREATE TABLE "PatientVersion" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" TEXT NOT NULL,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "changedBy" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageVersion" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payerId" TEXT,
    "memberId" TEXT,
    "changedBy" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityCheck" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "dateOfService" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "planBegin" DATE,
    "planEnd" DATE,
    "copayCents" INTEGER,
    "coinsuranceBps" INTEGER,
    "deductibleCents" INTEGER,
    "deductibleMetCents" INTEGER,
    "deductibleRemainingCents" INTEGER,
    "outOfPocketMaxCents" INTEGER,
    "outOfPocketMetCents" INTEGER,
    "reason" TEXT,
    "response" JSONB NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatientVersion_patientId_version_key" ON "PatientVersion"("patientId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CoverageVersion_encounterId_version_key" ON "CoverageVersion"("encounterId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "EligibilityCheck_idempotencyKey_key" ON "EligibilityCheck"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EligibilityCheck_encounterId_checkedAt_idx" ON "EligibilityCheck"("encounterId", "checkedAt");

-- AddForeignKey
ALTER TABLE "PatientVersion" ADD CONSTRAINT "PatientVersion_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageVersion" ADD CONSTRAINT "CoverageVersion_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Patients and encounters stored before this migration get their first version from what is
-- on file now (the best record there is). Later corrections add versions.
INSERT INTO "PatientVersion" ("id", "patientId", "version", "firstName", "lastName", "dateOfBirth", "sex", "changedBy", "reason")
SELECT gen_random_uuid()::text, p."id", 1, p."firstName", p."lastName", p."dateOfBirth", p."sex", 'intake', 'as on file before demographics were versioned'
FROM "Patient" AS p;
INSERT INTO "CoverageVersion" ("id", "encounterId", "version", "kind", "payerId", "memberId", "changedBy", "reason")
SELECT gen_random_uuid()::text, e."id", 1, 'insurance', e."payerId", e."memberId", 'intake', 'as on file before coverage was versioned'
FROM "Encounter" AS e;
