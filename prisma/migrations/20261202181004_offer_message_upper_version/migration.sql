-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "message" TEXT,
ADD COLUMN     "termsMonitoring" JSONB,
ADD COLUMN     "upperVersionId" UUID;
