-- CreateTable
CREATE TABLE "MonitoringImport" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "side" "Side" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "importedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringImport_agreementId_createdAt_idx" ON "MonitoringImport"("agreementId", "createdAt");

-- AddForeignKey
ALTER TABLE "MonitoringImport" ADD CONSTRAINT "MonitoringImport_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringImport" ADD CONSTRAINT "MonitoringImport_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "EvidenceFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An imported file is evidence of what a lab sent: never changed, never removed.
CREATE TRIGGER "MonitoringImport_immutable" BEFORE UPDATE OR DELETE ON "MonitoringImport"
  FOR EACH ROW EXECUTE FUNCTION "immutable_row"();
CREATE TRIGGER "MonitoringImport_no_truncate" BEFORE TRUNCATE ON "MonitoringImport"
  FOR EACH STATEMENT EXECUTE FUNCTION "fund_no_truncate"();
CREATE TRIGGER "MonitoringImport_archived" BEFORE INSERT ON "MonitoringImport" FOR EACH ROW EXECUTE FUNCTION "fund_agreement_archived"();
