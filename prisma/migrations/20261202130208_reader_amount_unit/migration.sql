-- CreateEnum
CREATE TYPE "AmountUnit" AS ENUM ('thousand', 'wan', 'yi');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "amountUnit" "AmountUnit" NOT NULL DEFAULT 'wan';
