import 'server-only';
import type { Side } from '@/lib/domain/actor';
import { anchorOn, itemAt } from '@/lib/domain/comment-anchor';
import type { ScenarioComment } from '@/lib/contracts/scenarios';
import { db } from '@/lib/server/db';
import type { Tx } from '@/lib/server/transaction';

interface StoredComment {
  id: string;
  versionId: string;
  target: string | null;
  body: string;
  authorId: string;
  side: Side;
  createdAt: Date;
}

/** A stored comment as the page of version `here` shows it, given the version it was written on. */
export function threadComment(comment: StoredComment, author: string, written: { number: number; document: unknown }, here: { id: string; document: unknown }): ScenarioComment {
  const item = itemAt(written.document, comment.target);
  return {
    id: comment.id,
    versionId: comment.versionId,
    versionNumber: written.number,
    target: comment.target,
    item: item && { code: item.code, label: item.label },
    here: comment.versionId === here.id ? (item ? comment.target : null) : anchorOn(here.document, written.document, comment.target),
    body: comment.body,
    author,
    side: comment.side,
    createdAt: comment.createdAt.toISOString(),
  };
}

/**
 * The thread of a scenario, every version's comments oldest first, as the page of version `here`
 * shows it. The caller has checked the reader's access to the deal.
 */
export async function commentThread(scenarioId: string, here: { id: string; document: unknown }, tx?: Tx): Promise<ScenarioComment[]> {
  const client = tx ?? db();
  const comments = await client.comment.findMany({ where: { version: { scenarioId } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  if (comments.length === 0) return [];
  // Only the versions the thread was written on, and their documents only where a comment is about a line.
  const writtenOn = [...new Set(comments.map((c) => c.versionId))];
  const withItems = new Set(comments.filter((c) => c.target && c.versionId !== here.id).map((c) => c.versionId));
  const [versions, documents, authors] = await Promise.all([
    client.scenarioVersion.findMany({ where: { id: { in: writtenOn } }, select: { id: true, number: true } }),
    client.scenarioVersion.findMany({ where: { id: { in: [...withItems] } }, select: { id: true, document: true } }),
    client.user.findMany({ where: { id: { in: [...new Set(comments.map((c) => c.authorId))] } }, select: { id: true, name: true } }),
  ]);
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const written = new Map<string, unknown>(documents.map((v) => [v.id, v.document]));
  written.set(here.id, here.document);
  const names = new Map(authors.map((u) => [u.id, u.name]));
  return comments.map((c) => threadComment(c, names.get(c.authorId) ?? '—', { number: numbers.get(c.versionId) ?? 0, document: written.get(c.versionId) }, here));
}
