-- CreateTable
CREATE TABLE "DealEvidence" (
    "dealId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealEvidence_pkey" PRIMARY KEY ("dealId","sha256")
);

-- AddForeignKey
ALTER TABLE "DealEvidence" ADD CONSTRAINT "DealEvidence_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvidence" ADD CONSTRAINT "DealEvidence_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "EvidenceFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence belongs to a deal (docs/decisions/0057-evidence-belongs-to-a-deal.md). The files each deal
-- already has: those uploaded in it (its audit trail), those its versions cite, and the re-test
-- evidence of its agreements' disputes.
INSERT INTO "DealEvidence" ("dealId", "sha256")
SELECT DISTINCT a."dealId", a."objectId"
  FROM "AuditEvent" a JOIN "EvidenceFile" f ON f."sha256" = a."objectId"
 WHERE a."action" = 'evidence.uploaded' AND a."objectType" = 'evidence_file' AND a."dealId" IS NOT NULL
UNION
SELECT DISTINCT s."dealId", e."sha256"
  FROM "VersionEvidence" e JOIN "ScenarioVersion" v ON v."id" = e."versionId" JOIN "Scenario" s ON s."id" = v."scenarioId"
UNION
SELECT DISTINCT g."dealId", r."evidenceSha256"
  FROM "DisputeResolution" r JOIN "Agreement" g ON g."id" = r."agreementId"
 WHERE r."evidenceSha256" IS NOT NULL;

CREATE FUNCTION "deal_evidence_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "DealEvidence_immutable" BEFORE UPDATE OR DELETE ON "DealEvidence"
  FOR EACH ROW EXECUTE FUNCTION "deal_evidence_append_only"();
CREATE TRIGGER "DealEvidence_no_truncate" BEFORE TRUNCATE ON "DealEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "deal_evidence_append_only"();

-- A version cites only a file uploaded in its own deal, whichever path the row comes by.
CREATE FUNCTION "version_evidence_in_deal"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "ScenarioVersion" v JOIN "Scenario" s ON s."id" = v."scenarioId"
      JOIN "DealEvidence" d ON d."dealId" = s."dealId" AND d."sha256" = NEW."sha256"
     WHERE v."id" = NEW."versionId"
  ) THEN
    RAISE EXCEPTION 'VersionEvidence: file % was not uploaded in the deal of version %', NEW."sha256", NEW."versionId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "VersionEvidence_in_deal" BEFORE INSERT ON "VersionEvidence"
  FOR EACH ROW EXECUTE FUNCTION "version_evidence_in_deal"();
