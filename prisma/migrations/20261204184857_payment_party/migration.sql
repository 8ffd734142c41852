-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "partyId" TEXT;

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_partyId_not_blank" CHECK ("partyId" IS NULL OR btrim("partyId") <> '');

-- A reversal undoes the payment it names for the same organisation (docs/decisions/0110), beside
-- payment_reversal_matches, which checks the rest of what a reversal must repeat.
CREATE FUNCTION "payment_reversal_same_party"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."reversesId" IS NOT NULL
     AND EXISTS (SELECT 1 FROM "Payment" WHERE id = NEW."reversesId" AND "partyId" IS DISTINCT FROM NEW."partyId") THEN
    RAISE EXCEPTION 'Payment %: a reversal must undo exactly the payment it names, for the same organisation', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Payment_reversal_same_party" BEFORE INSERT ON "Payment" FOR EACH ROW EXECUTE FUNCTION "payment_reversal_same_party"();
