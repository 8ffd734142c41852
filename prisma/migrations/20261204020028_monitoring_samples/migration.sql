-- Dated samples of a monitoring result and of a dispute resolution (docs/decisions/0097): a list
-- [{ "on": "YYYY-MM-DD", "value": "2.1" | "<0.01" }], or null for one value. Both tables stay
-- append-only: their "immutable_row" triggers refuse an UPDATE of any column, this one included.

-- AlterTable
ALTER TABLE "DisputeResolution" ADD COLUMN     "samples" JSONB;

-- AlterTable
ALTER TABLE "MonitoringValue" ADD COLUMN     "samples" JSONB;

ALTER TABLE "MonitoringValue" ADD CONSTRAINT "MonitoringValue_samples_list" CHECK ("samples" IS NULL OR (jsonb_typeof("samples") = 'array' AND jsonb_array_length("samples") > 0));
ALTER TABLE "DisputeResolution" ADD CONSTRAINT "DisputeResolution_samples_list" CHECK ("samples" IS NULL OR (jsonb_typeof("samples") = 'array' AND jsonb_array_length("samples") > 0));
