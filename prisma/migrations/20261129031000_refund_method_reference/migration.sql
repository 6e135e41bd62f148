-- How a biller paid a refund back (card, check, cash, other) and its reference (the check number,
-- the card refund's receipt): empty for refunds completed before these were asked.
-- (Briefly on main as 20261129020000, before a later migration: IF NOT EXISTS lets a database
-- that applied it under that name apply this one too.)
ALTER TABLE "RefundItem" ADD COLUMN IF NOT EXISTS "method" TEXT;
ALTER TABLE "RefundItem" ADD COLUMN IF NOT EXISTS "reference" TEXT;
