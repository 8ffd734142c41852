-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "scheme" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SecurityEventWindow" (
    "id" BIGSERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SecurityEventWindow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "SecurityEventWindow_windowStart_idx" ON "SecurityEventWindow"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityEventWindow_action_source_windowStart_key" ON "SecurityEventWindow"("action", "source", "windowStart");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A revoked session stays revoked, and a session never moves to another user
-- (docs/decisions/0061-revocable-sessions.md).
CREATE FUNCTION "AuthSession_stays_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW."userId" <> OLD."userId" OR NEW."createdAt" <> OLD."createdAt" THEN
    RAISE EXCEPTION 'AuthSession: a session''s id, user and start are fixed';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" OR NEW."revokedReason" IS DISTINCT FROM OLD."revokedReason") THEN
    RAISE EXCEPTION 'AuthSession: a revoked session stays revoked';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "AuthSession_stays_revoked" BEFORE UPDATE ON "AuthSession" FOR EACH ROW EXECUTE FUNCTION "AuthSession_stays_revoked"();
