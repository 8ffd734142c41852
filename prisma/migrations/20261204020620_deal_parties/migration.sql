-- CreateEnum
CREATE TYPE "PartySide" AS ENUM ('UPSTREAM', 'DOWNSTREAM', 'FUNDER');

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "partyQuantityUnit" TEXT;

-- CreateTable
CREATE TABLE "DealParty" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "side" "PartySide" NOT NULL,
    "funder" "Funder",
    "share" DECIMAL(65,30),
    "quantity" DECIMAL(65,30),
    "position" INTEGER NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealParty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DealParty_organisationId_idx" ON "DealParty"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "DealParty_dealId_side_organisationId_key" ON "DealParty"("dealId", "side", "organisationId");

-- AddForeignKey
ALTER TABLE "DealParty" ADD CONSTRAINT "DealParty_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealParty" ADD CONSTRAINT "DealParty_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
