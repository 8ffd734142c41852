-- CreateTable
CREATE TABLE "AgreementAmendment" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "effectiveFrom" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "proposedById" UUID NOT NULL,
    "proposedByName" TEXT NOT NULL,
    "proposedBySide" "Side" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AgreementAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementAmendmentSignature" (
    "id" UUID NOT NULL,
    "amendmentId" UUID NOT NULL,
    "signatoryId" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AgreementAmendmentSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementAmendment_agreementId_number_key" ON "AgreementAmendment"("agreementId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AgreementAmendmentSignature_amendmentId_signatoryId_key" ON "AgreementAmendmentSignature"("amendmentId", "signatoryId");

-- AddForeignKey
ALTER TABLE "AgreementAmendment" ADD CONSTRAINT "AgreementAmendment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAmendmentSignature" ADD CONSTRAINT "AgreementAmendmentSignature_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "AgreementAmendment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementAmendmentSignature" ADD CONSTRAINT "AgreementAmendmentSignature_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "AgreementSignatory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Amendments (docs/decisions/0089) ------------------------------------------------------------

-- Only a signed agreement is amended.
CREATE TRIGGER "AgreementAmendment_archived" BEFORE INSERT ON "AgreementAmendment" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();

-- Appended, never overwriting: an amendment is inserted pending (signedAt NULL); the only change
-- is its signing, once, with nothing else altered; a signed one is frozen; none is deleted, so a
-- proposal that was not signed stays on the record as one that never took effect.
CREATE FUNCTION "agreement_amendment_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."signedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'AgreementAmendment %: an amendment is proposed unsigned', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'AgreementAmendment % is part of the record: DELETE refused', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."signedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'AgreementAmendment % is signed and immutable: UPDATE refused', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."signedAt" IS NULL
     OR (NEW.id, NEW."agreementId", NEW.number, NEW.changes::text, NEW."effectiveFrom", NEW.reason, NEW."proposedById",
         NEW."proposedByName", NEW."proposedBySide", NEW."createdAt")
        IS DISTINCT FROM
        (OLD.id, OLD."agreementId", OLD.number, OLD.changes::text, OLD."effectiveFrom", OLD.reason, OLD."proposedById",
         OLD."proposedByName", OLD."proposedBySide", OLD."createdAt") THEN
    RAISE EXCEPTION 'AgreementAmendment %: only its signing may change a pending amendment', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Signed means signed by every signatory of the agreement.
  IF EXISTS (SELECT 1 FROM "AgreementSignatory" s WHERE s."agreementId" = OLD."agreementId"
             AND NOT EXISTS (SELECT 1 FROM "AgreementAmendmentSignature" a WHERE a."amendmentId" = OLD.id AND a."signatoryId" = s.id)) THEN
    RAISE EXCEPTION 'AgreementAmendment %: a signatory has not signed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AgreementAmendment_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "AgreementAmendment"
  FOR EACH ROW EXECUTE FUNCTION "agreement_amendment_frozen"();

-- A signature is a signatory of the same agreement signing a pending amendment; never changed or removed.
CREATE FUNCTION "agreement_amendment_signature_valid"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "AgreementAmendment" a JOIN "AgreementSignatory" s ON s."agreementId" = a."agreementId"
                 WHERE a.id = NEW."amendmentId" AND s.id = NEW."signatoryId" AND a."signedAt" IS NULL) THEN
    RAISE EXCEPTION 'AgreementAmendmentSignature %: not a pending amendment of the signatory''s agreement', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AgreementAmendmentSignature_valid" BEFORE INSERT ON "AgreementAmendmentSignature"
  FOR EACH ROW EXECUTE FUNCTION "agreement_amendment_signature_valid"();
CREATE TRIGGER "AgreementAmendmentSignature_immutable" BEFORE UPDATE OR DELETE ON "AgreementAmendmentSignature"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "AgreementAmendment_no_truncate" BEFORE TRUNCATE ON "AgreementAmendment"
  FOR EACH STATEMENT EXECUTE FUNCTION "agreement_no_truncate"();
CREATE TRIGGER "AgreementAmendmentSignature_no_truncate" BEFORE TRUNCATE ON "AgreementAmendmentSignature"
  FOR EACH STATEMENT EXECUTE FUNCTION "agreement_no_truncate"();
