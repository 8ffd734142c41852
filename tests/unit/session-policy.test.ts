import { describe, expect, it } from 'vitest';
import { sessionAbsoluteSeconds, sessionIdleSeconds, sessionRefreshSeconds, sessionState } from '../../lib/domain/session-policy';

describe('sessionState', () => {
  const signedIn = 1_800_000_000;
  it('is valid right after sign-in and asks for a refresh after a minute of use', () => {
    expect(sessionState({ authTime: signedIn, lastSeen: signedIn }, signedIn + 10)).toBe('valid');
    expect(sessionState({ authTime: signedIn, lastSeen: signedIn }, signedIn + sessionRefreshSeconds + 1)).toBe('refresh');
  });
  it('ends after the idle time without a request', () => {
    expect(sessionState({ authTime: signedIn, lastSeen: signedIn }, signedIn + sessionIdleSeconds + 1)).toBe('idle');
  });
  it('ends after the absolute time however active', () => {
    const now = signedIn + sessionAbsoluteSeconds + 1;
    expect(sessionState({ authTime: signedIn, lastSeen: now - 5 }, now)).toBe('expired');
  });
  it('does not trust a token without its times', () => {
    expect(sessionState({}, signedIn)).toBe('expired');
    expect(sessionState({ authTime: '1', lastSeen: signedIn }, signedIn)).toBe('expired');
  });
});
