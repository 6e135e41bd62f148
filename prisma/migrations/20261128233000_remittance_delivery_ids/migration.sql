-- The clearinghouse delivery ids a remittance was read from: the mailbox lists every remittance of a
-- claim at each read, and a re-read of a delivery already seen is not a second delivery.
ALTER TABLE "Remittance" ADD COLUMN "deliveryIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
