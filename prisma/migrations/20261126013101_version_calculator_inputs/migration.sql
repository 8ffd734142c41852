-- AlterTable
ALTER TABLE "ScenarioVersion" ADD COLUMN     "calculatorInputs" JSONB;
