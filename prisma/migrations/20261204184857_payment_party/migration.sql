-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "partyId" TEXT;

-- A reversal undoes exactly the payment it names, its organisation too (docs/decisions/0110).
CREATE OR REPLACE FUNCTION "payment_reversal_matches"() RETURNS trigger
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
     OR original."partyId" IS DISTINCT FROM NEW."partyId"
     OR original.amount <> NEW.amount OR original.direction = NEW.direction
     OR NEW."reversalReason" IS NULL OR btrim(NEW."reversalReason") = '' THEN
    RAISE EXCEPTION 'Payment %: a reversal must undo exactly the payment it names, with a reason', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_partyId_not_blank" CHECK ("partyId" IS NULL OR btrim("partyId") <> '');
