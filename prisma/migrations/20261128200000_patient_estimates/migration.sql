-- CreateTable
CREATE TABLE "PatientEstimate" (
    "id" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "inputsHash" TEXT NOT NULL,
    "payerId" TEXT,
    "eligibilityCheckId" TEXT,
    "servicesSource" TEXT NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "patientEstimateCents" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatientEstimate_encounterId_inputsHash_key" ON "PatientEstimate"("encounterId", "inputsHash");

-- AddForeignKey
ALTER TABLE "PatientEstimate" ADD CONSTRAINT "PatientEstimate_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
