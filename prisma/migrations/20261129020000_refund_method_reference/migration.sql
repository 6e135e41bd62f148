-- How a biller paid a refund back (card, check, cash, other) and its reference (the check number,
-- the card refund's receipt): empty for refunds completed before these were asked.
ALTER TABLE "RefundItem" ADD COLUMN "method" TEXT;
ALTER TABLE "RefundItem" ADD COLUMN "reference" TEXT;
