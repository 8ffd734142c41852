-- CreateTable
CREATE TABLE "Scenario" (
    "id" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "side" "Side" NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "forkedFromVersionId" UUID,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioVersion" (
    "id" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "document" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "documentHash" TEXT NOT NULL,

    CONSTRAINT "ScenarioVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "VersionEvidence" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "VersionEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "target" TEXT,
    "body" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "side" "Side" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scenario_dealId_side_idx" ON "Scenario"("dealId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioVersion_scenarioId_number_key" ON "ScenarioVersion"("scenarioId", "number");

-- CreateIndex
CREATE INDEX "VersionEvidence_versionId_idx" ON "VersionEvidence"("versionId");

-- CreateIndex
CREATE INDEX "Comment_versionId_createdAt_idx" ON "Comment"("versionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioVersion" ADD CONSTRAINT "ScenarioVersion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionEvidence" ADD CONSTRAINT "VersionEvidence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ScenarioVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionEvidence" ADD CONSTRAINT "VersionEvidence_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "EvidenceFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ScenarioVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A saved version, its evidence links and evidence files never change: an offer or agreement
-- must be traceable to exactly what it assumed.
CREATE FUNCTION "immutable_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ScenarioVersion_immutable" BEFORE UPDATE OR DELETE ON "ScenarioVersion"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "VersionEvidence_immutable" BEFORE UPDATE OR DELETE ON "VersionEvidence"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "EvidenceFile_immutable" BEFORE UPDATE OR DELETE ON "EvidenceFile"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
