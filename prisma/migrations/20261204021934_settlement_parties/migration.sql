-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN     "parties" JSONB;

-- Confirming a settlement cannot change its split by party either (docs/decisions/0098).
CREATE OR REPLACE FUNCTION "settlement_frozen"() RETURNS trigger
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
        NEW.formulas::text, NEW.trace::text, NEW.parties::text, NEW.fingerprint, NEW."runById", NEW."runAt")
       IS DISTINCT FROM
       (OLD.payment, OLD.unit, OLD.due, OLD.advances, OLD.balance, OLD.funders::text, OLD.shares::text, OLD.inputs::text,
        OLD.formulas::text, OLD.trace::text, OLD.parties::text, OLD.fingerprint, OLD."runById", OLD."runAt") THEN
      RAISE EXCEPTION 'Settlement %: confirming cannot change what was run', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW."confirmedById" IS NOT NULL OR NEW."confirmedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'Settlement %: only a confirmed settlement names who confirmed it', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
