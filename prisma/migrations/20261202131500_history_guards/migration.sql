-- What SECURITY.md says the database refuses, it refuses (docs/decisions/0058-history-guards.md).
-- Row triggers do not fire on TRUNCATE, so each protected table also gets a statement-level
-- BEFORE TRUNCATE trigger; TRUNCATE … CASCADE fires the triggers of every table it would empty.
CREATE FUNCTION "history_no_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ScenarioVersion_no_truncate" BEFORE TRUNCATE ON "ScenarioVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_no_truncate"();
CREATE TRIGGER "VersionEvidence_no_truncate" BEFORE TRUNCATE ON "VersionEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_no_truncate"();
CREATE TRIGGER "EvidenceFile_no_truncate" BEFORE TRUNCATE ON "EvidenceFile"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_no_truncate"();
CREATE TRIGGER "Offer_no_truncate" BEFORE TRUNCATE ON "Offer"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_no_truncate"();

-- A comment on a version is part of the negotiation's record: never changed, never removed.
CREATE TRIGGER "Comment_immutable" BEFORE UPDATE OR DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "Comment_no_truncate" BEFORE TRUNCATE ON "Comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_no_truncate"();

-- A scenario's deal and side say whose proposal its versions are: fixed once it has one.
CREATE FUNCTION "scenario_owner_fixed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."dealId" IS DISTINCT FROM OLD."dealId" OR NEW."side" IS DISTINCT FROM OLD."side")
     AND EXISTS (SELECT 1 FROM "ScenarioVersion" WHERE "scenarioId" = OLD."id") THEN
    RAISE EXCEPTION 'Scenario % has versions: its deal and side are fixed, UPDATE refused', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Scenario_owner_fixed" BEFORE UPDATE ON "Scenario"
  FOR EACH ROW EXECUTE FUNCTION "scenario_owner_fixed"();
