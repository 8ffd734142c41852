'use client';

import { useSyncExternalStore } from 'react';

/**
 * A part of the page's code fetched when the reader first needs it, not with the page (the
 * engines that check a draft in the browser, docs/decisions/0099): `request` fetches it once, again
 * after a failed fetch, and `useLoaded` re-renders a component when it has come (null until then).
 */
export function lazyModule<T>(load: () => Promise<T>): { request: () => void; useLoaded: () => T | null } {
  let loaded: T | null = null;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const request = () => {
    loading ??= load().then(
      (value) => {
        loaded = value;
        for (const listener of listeners) listener();
      },
      () => {
        loading = null;
      },
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    request,
    useLoaded: () =>
      useSyncExternalStore(
        subscribe,
        () => loaded,
        () => null,
      ),
  };
}
