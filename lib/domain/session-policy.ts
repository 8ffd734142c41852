/** A session ends after 30 minutes without a request, and 12 hours after sign-in in any case. */
export const sessionIdleSeconds = 30 * 60;
export const sessionAbsoluteSeconds = 12 * 60 * 60;
/** The cookie's last-seen time is rewritten at most this often, not on every request. */
export const sessionRefreshSeconds = 60;

export type SessionState = 'valid' | 'refresh' | 'idle' | 'expired';

export function sessionState(token: Record<string, unknown>, nowSeconds: number): SessionState {
  // A token without the times (from before they were recorded, or forged) is not trusted.
  if (typeof token.authTime !== 'number' || typeof token.lastSeen !== 'number') return 'expired';
  if (nowSeconds - token.authTime > sessionAbsoluteSeconds) return 'expired';
  if (nowSeconds - token.lastSeen > sessionIdleSeconds) return 'idle';
  return nowSeconds - token.lastSeen > sessionRefreshSeconds ? 'refresh' : 'valid';
}
