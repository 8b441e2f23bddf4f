import type { z } from 'zod';
import type { Problem } from '../result.ts';
import { formatPath } from './problem-path.ts';

/** Turns zod's issues into problems a sales leader can act on: a path and a plain sentence. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = issue.path as PropertyKey[];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'is not a known field (check the spelling)' }));
      case 'too_big':
        return [{ path: formatPath(path), message: boundMessage('at most', issue.maximum, issue.origin, issue.inclusive) }];
      case 'too_small':
        return [{ path: formatPath(path), message: boundMessage('at least', issue.minimum, issue.origin, issue.inclusive) }];
      case 'invalid_type':
        return [{ path: formatPath(path), message: /received undefined$/.test(issue.message) ? `is missing (expected ${article(issue.expected)})` : `must be ${article(issue.expected)}` }];
      default:
        return [{ path: formatPath(path), message: issue.message }];
    }
  });
}

function boundMessage(word: string, rawBound: number | bigint, origin: string, inclusive: boolean | undefined): string {
  // Large bounds read with separators, as everywhere in the app ("at least 1,000").
  const bound = Number(rawBound) >= 1000 && Number.isInteger(Number(rawBound)) ? Number(rawBound).toLocaleString('en-US') : String(rawBound);
  if (origin === 'array') return Number(rawBound) === 1 && word === 'at least' ? 'must not be empty' : `must have ${word} ${bound} ${Number(rawBound) === 1 ? 'item' : 'items'}`;
  if (origin === 'string') {
    if (word === 'at least' && Number(rawBound) === 1) return 'must not be empty';
    return `must be ${word} ${bound} ${Number(rawBound) === 1 ? 'character' : 'characters'} long`;
  }
  if (inclusive === false) return `must be ${word === 'at most' ? 'below' : 'above'} ${bound}`;
  return `must be ${word} ${bound}`;
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  return `a ${expected}`;
}
