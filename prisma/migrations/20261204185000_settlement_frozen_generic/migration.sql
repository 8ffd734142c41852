-- One generic guard for rows that are drafts until confirmed (docs/decisions/0110), in place of the
-- settlement trigger whose column list every new column had to repeat (fund_administration, then
-- settlement_parties). The row is compared as a whole (to_jsonb), so a column added later is
-- frozen with the rest without a new migration.
--
-- Arguments: TG_ARGV[0] the columns that are fixed from the start, comma-separated;
-- TG_ARGV[1] the columns confirming sets besides "status", comma-separated. A row whose "status" is
-- 'CONFIRMED' is neither updated nor deleted; confirming sets the status and those columns (all of
-- them, none null) and nothing else; a row not confirmed has them null.
CREATE FUNCTION "refuse_update_once_confirmed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  fixed text[] := string_to_array(TG_ARGV[0], ',');
  confirming text[] := string_to_array(TG_ARGV[1], ',');
  old_row jsonb := to_jsonb(OLD);
  new_row jsonb;
  name text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF old_row->>'status' = 'CONFIRMED' THEN
      RAISE EXCEPTION '% % is confirmed and immutable: DELETE refused', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  new_row := to_jsonb(NEW);
  IF old_row->>'status' = 'CONFIRMED' THEN
    RAISE EXCEPTION '% % is confirmed and immutable: UPDATE refused', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOREACH name IN ARRAY fixed LOOP
    IF new_row->name IS DISTINCT FROM old_row->name THEN
      RAISE EXCEPTION '% %: its % is fixed', TG_TABLE_NAME, OLD.id, name USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
  IF new_row->>'status' = 'CONFIRMED' THEN
    FOREACH name IN ARRAY confirming LOOP
      IF new_row->>name IS NULL THEN
        RAISE EXCEPTION '% %: confirming needs %', TG_TABLE_NAME, OLD.id, name USING ERRCODE = 'check_violation';
      END IF;
    END LOOP;
    IF (new_row - 'status' - confirming) IS DISTINCT FROM (old_row - 'status' - confirming) THEN
      RAISE EXCEPTION '% %: confirming cannot change what was run', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    FOREACH name IN ARRAY confirming LOOP
      IF new_row->>name IS NOT NULL THEN
        RAISE EXCEPTION '% %: only a confirmed row names %', TG_TABLE_NAME, OLD.id, name USING ERRCODE = 'check_violation';
      END IF;
    END LOOP;
  END IF;
  RETURN NEW;
END;
$$;

DROP TRIGGER "Settlement_frozen" ON "Settlement";
DROP FUNCTION "settlement_frozen"();
CREATE TRIGGER "Settlement_frozen" BEFORE UPDATE OR DELETE ON "Settlement"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_once_confirmed"('id,agreementId,year', 'confirmedById,confirmedAt');
