/**
 * Workspace documents are shallow (a deal's extra CRM fields are plain values). A file nested deeper
 * than this is refused before it is parsed, so a hostile or damaged file can never overflow the
 * stack in JSON.parse, a migration or a copy.
 */
export const MAX_NESTING_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, counting only brackets outside strings; stops early past `limit`. */
export function jsonTextDepthExceeds(text: string, limit = MAX_NESTING_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The same limit for a value in memory (a document that arrived over IPC), without recursion. */
export function valueDepthExceeds(value: unknown, limit = MAX_NESTING_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
