-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('SENT', 'ACCEPTED', 'REJECTED', 'COUNTERED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "fromSide" "Side" NOT NULL,
    "toSide" "Side" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "versionId" UUID NOT NULL,
    "schedule" JSONB NOT NULL,
    "terms" JSONB,
    "validUntil" TIMESTAMPTZ(3) NOT NULL,
    "boundCheck" JSONB NOT NULL,
    "answersOfferId" UUID,
    "status" "OfferStatus" NOT NULL DEFAULT 'SENT',
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    "answerReason" TEXT,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Offer_answersOfferId_key" ON "Offer"("answersOfferId");

-- CreateIndex
CREATE INDEX "Offer_dealId_createdAt_idx" ON "Offer"("dealId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_dealId_number_key" ON "Offer"("dealId", "number");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An offer's content never changes once sent, and it is answered at most once: only the status
-- and answer columns may change, and only away from SENT. Offers are never deleted.
CREATE FUNCTION "offer_sent_is_final"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Offer is immutable: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'SENT' THEN
    RAISE EXCEPTION 'Offer % was answered already (%)', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW."dealId", NEW.number, NEW."fromSide", NEW."toSide", NEW."createdById", NEW."createdAt", NEW."versionId",
      NEW.schedule::text, NEW.terms::text, NEW."validUntil", NEW."boundCheck"::text, NEW."answersOfferId")
     IS DISTINCT FROM
     (OLD."dealId", OLD.number, OLD."fromSide", OLD."toSide", OLD."createdById", OLD."createdAt", OLD."versionId",
      OLD.schedule::text, OLD.terms::text, OLD."validUntil", OLD."boundCheck"::text, OLD."answersOfferId") THEN
    RAISE EXCEPTION 'Offer is immutable once sent: only its answer may be recorded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Offer_sent_is_final" BEFORE UPDATE OR DELETE ON "Offer"
  FOR EACH ROW EXECUTE FUNCTION "offer_sent_is_final"();
