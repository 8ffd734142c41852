-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "reversalReason" TEXT,
ADD COLUMN     "reversesId" UUID;

-- CreateTable
CREATE TABLE "MonitoringEntryClosure" (
    "agreementId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "closedById" UUID NOT NULL,
    "closedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringEntryClosure_pkey" PRIMARY KEY ("agreementId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reversesId_key" ON "Payment"("reversesId");

-- AddForeignKey
ALTER TABLE "MonitoringEntryClosure" ADD CONSTRAINT "MonitoringEntryClosure_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A closure of a year's entry is a fact of the record: never changed or removed (docs/decisions/0067).
CREATE TRIGGER "MonitoringEntryClosure_immutable" BEFORE UPDATE OR DELETE ON "MonitoringEntryClosure"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "MonitoringEntryClosure_no_truncate" BEFORE TRUNCATE ON "MonitoringEntryClosure"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();
CREATE TRIGGER "MonitoringEntryClosure_archived" BEFORE INSERT ON "MonitoringEntryClosure" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();

-- A reversal undoes exactly the payment it names: the same agreement, year, funder and amount,
-- the other way, with a reason; a reversal itself is not reversed (record the payment again).
CREATE FUNCTION "payment_reversal_matches"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  original "Payment"%ROWTYPE;
BEGIN
  IF NEW."reversesId" IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO original FROM "Payment" WHERE id = NEW."reversesId";
  IF original.id IS NULL OR original."reversesId" IS NOT NULL
     OR original."agreementId" <> NEW."agreementId" OR original.year <> NEW.year OR original.funder <> NEW.funder
     OR original.amount <> NEW.amount OR original.direction = NEW.direction
     OR NEW."reversalReason" IS NULL OR btrim(NEW."reversalReason") = '' THEN
    RAISE EXCEPTION 'Payment %: a reversal must undo exactly the payment it names, with a reason', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Payment_reversal_matches" BEFORE INSERT ON "Payment" FOR EACH ROW EXECUTE FUNCTION "payment_reversal_matches"();
