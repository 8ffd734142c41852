-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "periods" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "template" TEXT;
