-- AlterTable: evidence spans (quoted text with offsets) for each code, shown to coders.
ALTER TABLE "CodeAssignment" ADD COLUMN     "evidence" JSONB NOT NULL DEFAULT '[]';
