-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "memberId" TEXT,
ADD COLUMN     "submissionHash" TEXT;

-- Encounters stored before this migration keep the member id their patient has now (the best
-- record there is). New encounters store the one they were submitted with.
UPDATE "Encounter" AS e SET "memberId" = p."memberId" FROM "Patient" AS p WHERE p."id" = e."patientId";
