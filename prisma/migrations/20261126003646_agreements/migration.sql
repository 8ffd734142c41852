-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'ARCHIVED', 'VOID');

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "offerId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "versionDocumentHash" TEXT NOT NULL,
    "dealSnapshot" JSONB NOT NULL,
    "parties" JSONB NOT NULL,
    "currency" TEXT NOT NULL,
    "unit" INTEGER NOT NULL,
    "priceBase" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "schedule" JSONB NOT NULL,
    "terms" JSONB,
    "totalAmount" DECIMAL(65,30) NOT NULL,
    "offerNumber" INTEGER NOT NULL,
    "acceptedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "archivedAt" TIMESTAMPTZ(3),
    "hash" TEXT,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSignatory" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "side" "Side" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "organisationName" TEXT NOT NULL,
    "organisationNameZh" TEXT NOT NULL,

    CONSTRAINT "AgreementSignatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSignature" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "signatoryId" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AgreementSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_offerId_key" ON "Agreement"("offerId");

-- CreateIndex
CREATE INDEX "Agreement_status_startYear_endYear_idx" ON "Agreement"("status", "startYear", "endYear");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_dealId_number_key" ON "Agreement"("dealId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignatory_agreementId_userId_key" ON "AgreementSignatory"("agreementId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignature_signatoryId_key" ON "AgreementSignature"("signatoryId");

-- CreateIndex
CREATE INDEX "AgreementSignature_agreementId_idx" ON "AgreementSignature"("agreementId");

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignatory" ADD CONSTRAINT "AgreementSignatory_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSignature" ADD CONSTRAINT "AgreementSignature_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "AgreementSignatory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An agreement says what it said when drafted: its content never changes, its status leaves DRAFT
-- once (to ARCHIVED with its hash and time once every signatory has signed, or to VOID), and an
-- archived or void agreement is frozen. Agreements are never deleted. (A superuser can still
-- disable the trigger; the stored hash, re-checked whenever the agreement is opened, shows any row
-- changed that way.)
CREATE FUNCTION "agreement_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Agreement is immutable: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'DRAFT' THEN
    RAISE EXCEPTION 'Agreement % is % and frozen: UPDATE refused', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW."dealId", NEW.number, NEW."offerId", NEW."versionId", NEW."versionDocumentHash", NEW."dealSnapshot"::text,
      NEW.parties::text, NEW.currency, NEW.unit, NEW."priceBase", NEW."startYear", NEW."endYear", NEW.schedule::text,
      NEW.terms::text, NEW."totalAmount", NEW."offerNumber", NEW."acceptedById", NEW."createdAt")
     IS DISTINCT FROM
     (OLD.id, OLD."dealId", OLD.number, OLD."offerId", OLD."versionId", OLD."versionDocumentHash", OLD."dealSnapshot"::text,
      OLD.parties::text, OLD.currency, OLD.unit, OLD."priceBase", OLD."startYear", OLD."endYear", OLD.schedule::text,
      OLD.terms::text, OLD."totalAmount", OLD."offerNumber", OLD."acceptedById", OLD."createdAt") THEN
    RAISE EXCEPTION 'Agreement content is fixed when drafted: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'ARCHIVED' THEN
    IF NEW.hash IS NULL OR NEW."archivedAt" IS NULL THEN
      RAISE EXCEPTION 'Agreement %: archiving needs the hash and the time', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM "AgreementSignatory" s WHERE s."agreementId" = NEW.id
               AND NOT EXISTS (SELECT 1 FROM "AgreementSignature" g WHERE g."signatoryId" = s.id)) THEN
      RAISE EXCEPTION 'Agreement %: not every signatory has signed', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW.hash IS NOT NULL OR NEW."archivedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'Agreement %: only an archived agreement has a hash', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Agreement_frozen" BEFORE UPDATE OR DELETE ON "Agreement"
  FOR EACH ROW EXECUTE FUNCTION "agreement_frozen"();

-- Signatories are fixed when the agreement is drafted, signatures once given: neither ever
-- changes or goes away, and both are added only while the agreement is a draft.
CREATE TRIGGER "AgreementSignatory_immutable" BEFORE UPDATE OR DELETE ON "AgreementSignatory"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "AgreementSignature_immutable" BEFORE UPDATE OR DELETE ON "AgreementSignature"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();

CREATE FUNCTION "agreement_is_draft"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Agreement" WHERE id = NEW."agreementId" AND status = 'DRAFT') THEN
    RAISE EXCEPTION 'Agreement % is not a draft: % refused on %', NEW."agreementId", TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AgreementSignatory_only_on_draft" BEFORE INSERT ON "AgreementSignatory"
  FOR EACH ROW EXECUTE FUNCTION "agreement_is_draft"();
CREATE TRIGGER "AgreementSignature_only_on_draft" BEFORE INSERT ON "AgreementSignature"
  FOR EACH ROW EXECUTE FUNCTION "agreement_is_draft"();

CREATE FUNCTION "agreement_no_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "Agreement_no_truncate" BEFORE TRUNCATE ON "Agreement"
  FOR EACH STATEMENT EXECUTE FUNCTION "agreement_no_truncate"();
CREATE TRIGGER "AgreementSignatory_no_truncate" BEFORE TRUNCATE ON "AgreementSignatory"
  FOR EACH STATEMENT EXECUTE FUNCTION "agreement_no_truncate"();
CREATE TRIGGER "AgreementSignature_no_truncate" BEFORE TRUNCATE ON "AgreementSignature"
  FOR EACH STATEMENT EXECUTE FUNCTION "agreement_no_truncate"();
