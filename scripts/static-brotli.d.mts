import type { IncomingMessage, ServerResponse } from 'node:http';

export function acceptsBrotli(header: string | string[] | undefined): boolean;
export function staticBrotli(appDir: string, headers: { key: string; value: string }[]): (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
