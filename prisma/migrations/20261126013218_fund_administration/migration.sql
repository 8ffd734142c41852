-- CreateEnum
CREATE TYPE "MonitoringSource" AS ENUM ('MANUAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "ResolutionMethod" AS ENUM ('ACCEPT', 'AVERAGE', 'RETEST');

-- CreateEnum
CREATE TYPE "Funder" AS ENUM ('CENTRAL', 'DOWNSTREAM', 'UPSTREAM');

-- CreateEnum
CREATE TYPE "PaymentDirection" AS ENUM ('TO_UPSTREAM', 'FROM_UPSTREAM');

-- CreateEnum
CREATE TYPE "SettlementStatus" AS ENUM ('DRAFT', 'CONFIRMED');

-- CreateTable
CREATE TABLE "MonitoringValue" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "laboratory" TEXT NOT NULL,
    "sampledFrom" DATE NOT NULL,
    "sampledTo" DATE NOT NULL,
    "source" "MonitoringSource" NOT NULL,
    "importId" UUID,
    "fileName" TEXT,
    "enteredById" UUID NOT NULL,
    "enteredByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorTolerance" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "indicator" TEXT NOT NULL,
    "absolute" DECIMAL(65,30),
    "relative" DECIMAL(65,30),
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndicatorTolerance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeResolution" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "method" "ResolutionMethod" NOT NULL,
    "basisValueIds" UUID[],
    "value" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "acceptedValueId" UUID,
    "laboratory" TEXT,
    "sampledFrom" DATE,
    "sampledTo" DATE,
    "evidenceSha256" TEXT,
    "evidenceFileName" TEXT,
    "resolvedById" UUID NOT NULL,
    "resolvedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisputeResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingShare" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "funder" "Funder" NOT NULL,
    "share" DECIMAL(65,30) NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FundingShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "SettlementStatus" NOT NULL DEFAULT 'DRAFT',
    "payment" TEXT NOT NULL,
    "unit" INTEGER NOT NULL,
    "due" DECIMAL(24,2) NOT NULL,
    "advances" DECIMAL(24,2) NOT NULL,
    "balance" DECIMAL(24,2) NOT NULL,
    "funders" JSONB NOT NULL,
    "shares" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "formulas" JSONB NOT NULL,
    "trace" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "runById" UUID NOT NULL,
    "runAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "settlementId" UUID,
    "funder" "Funder" NOT NULL,
    "direction" "PaymentDirection" NOT NULL,
    "amount" DECIMAL(24,2) NOT NULL,
    "paidOn" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "overpaymentNote" TEXT,
    "overpayment" DECIMAL(24,2),
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringValue_agreementId_year_indicator_idx" ON "MonitoringValue"("agreementId", "year", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorTolerance_agreementId_indicator_key" ON "IndicatorTolerance"("agreementId", "indicator");

-- CreateIndex
CREATE INDEX "DisputeResolution_agreementId_year_indicator_idx" ON "DisputeResolution"("agreementId", "year", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "FundingShare_agreementId_funder_key" ON "FundingShare"("agreementId", "funder");

-- CreateIndex
CREATE UNIQUE INDEX "Settlement_agreementId_year_key" ON "Settlement"("agreementId", "year");

-- CreateIndex
CREATE INDEX "Payment_agreementId_year_idx" ON "Payment"("agreementId", "year");

-- AddForeignKey
ALTER TABLE "MonitoringValue" ADD CONSTRAINT "MonitoringValue_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorTolerance" ADD CONSTRAINT "IndicatorTolerance_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeResolution" ADD CONSTRAINT "DisputeResolution_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeResolution" ADD CONSTRAINT "DisputeResolution_evidenceSha256_fkey" FOREIGN KEY ("evidenceSha256") REFERENCES "EvidenceFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingShare" ADD CONSTRAINT "FundingShare_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Fund administration (docs/decisions/0016-fund-administration.md) ----------------------------

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "FundingShare" ADD CONSTRAINT "FundingShare_share_fraction" CHECK ("share" >= 0 AND "share" <= 1);
ALTER TABLE "IndicatorTolerance" ADD CONSTRAINT "IndicatorTolerance_not_negative" CHECK (("absolute" IS NULL OR "absolute" >= 0) AND ("relative" IS NULL OR "relative" >= 0));

CREATE FUNCTION "fund_no_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Monitoring results, dispute resolutions and payments are never changed or removed: a correction
-- is a new row (a newer result of the same side, a payment the other way).
CREATE TRIGGER "MonitoringValue_immutable" BEFORE UPDATE OR DELETE ON "MonitoringValue"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "DisputeResolution_immutable" BEFORE UPDATE OR DELETE ON "DisputeResolution"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "Payment_immutable" BEFORE UPDATE OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "MonitoringValue_no_truncate" BEFORE TRUNCATE ON "MonitoringValue"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();
CREATE TRIGGER "DisputeResolution_no_truncate" BEFORE TRUNCATE ON "DisputeResolution"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();
CREATE TRIGGER "Payment_no_truncate" BEFORE TRUNCATE ON "Payment"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();
CREATE TRIGGER "Settlement_no_truncate" BEFORE TRUNCATE ON "Settlement"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();

-- Only a signed (archived) agreement is administered.
CREATE FUNCTION "fund_agreement_archived"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Agreement" WHERE id = NEW."agreementId" AND status = 'ARCHIVED') THEN
    RAISE EXCEPTION 'Agreement % is not signed and archived: % refused on %', NEW."agreementId", TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- A confirmed year is final: no result, resolution or tolerance-dependent input may be added to it.
CREATE FUNCTION "fund_year_open"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Settlement" WHERE "agreementId" = NEW."agreementId" AND year = NEW.year AND status = 'CONFIRMED') THEN
    RAISE EXCEPTION 'Agreement %: % is settled and final: % refused on %', NEW."agreementId", NEW.year, TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "MonitoringValue_archived" BEFORE INSERT ON "MonitoringValue" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();
CREATE TRIGGER "MonitoringValue_year_open" BEFORE INSERT ON "MonitoringValue" FOR EACH ROW EXECUTE FUNCTION "fund_year_open"();
CREATE TRIGGER "DisputeResolution_archived" BEFORE INSERT ON "DisputeResolution" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();
CREATE TRIGGER "DisputeResolution_year_open" BEFORE INSERT ON "DisputeResolution" FOR EACH ROW EXECUTE FUNCTION "fund_year_open"();
CREATE TRIGGER "Settlement_archived" BEFORE INSERT ON "Settlement" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();
CREATE TRIGGER "Payment_archived" BEFORE INSERT ON "Payment" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();

-- A settlement is a draft until confirmed: re-running replaces the draft's content; confirming
-- changes nothing but the status and who confirmed when; a confirmed settlement is frozen.
CREATE FUNCTION "settlement_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'CONFIRMED' THEN
      RAISE EXCEPTION 'Settlement % is confirmed and immutable: DELETE refused', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'CONFIRMED' THEN
    RAISE EXCEPTION 'Settlement % is confirmed and immutable: UPDATE refused', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW."agreementId" <> OLD."agreementId" OR NEW.year <> OLD.year THEN
    RAISE EXCEPTION 'Settlement %: its agreement and year are fixed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'CONFIRMED' THEN
    IF NEW."confirmedById" IS NULL OR NEW."confirmedAt" IS NULL THEN
      RAISE EXCEPTION 'Settlement %: confirming needs who and when', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.payment, NEW.unit, NEW.due, NEW.advances, NEW.balance, NEW.funders::text, NEW.shares::text, NEW.inputs::text,
        NEW.formulas::text, NEW.trace::text, NEW.fingerprint, NEW."runById", NEW."runAt")
       IS DISTINCT FROM
       (OLD.payment, OLD.unit, OLD.due, OLD.advances, OLD.balance, OLD.funders::text, OLD.shares::text, OLD.inputs::text,
        OLD.formulas::text, OLD.trace::text, OLD.fingerprint, OLD."runById", OLD."runAt") THEN
      RAISE EXCEPTION 'Settlement %: confirming cannot change what was run', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW."confirmedById" IS NOT NULL OR NEW."confirmedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'Settlement %: only a confirmed settlement names who confirmed it', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Settlement_frozen" BEFORE UPDATE OR DELETE ON "Settlement"
  FOR EACH ROW EXECUTE FUNCTION "settlement_frozen"();

-- A payment against a settlement needs it confirmed, of the same agreement and year.
CREATE FUNCTION "payment_settlement_confirmed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."settlementId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Settlement" WHERE id = NEW."settlementId" AND status = 'CONFIRMED' AND "agreementId" = NEW."agreementId" AND year = NEW.year) THEN
    RAISE EXCEPTION 'Payment: settlement % is not a confirmed settlement of this agreement and year', NEW."settlementId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Payment_settlement_confirmed" BEFORE INSERT ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION "payment_settlement_confirmed"();
