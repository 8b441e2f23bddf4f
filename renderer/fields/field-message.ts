/**
 * The sentence under a field. A message that names its own fields ("the slow-case time (P90, 20 days)
 * must be more than …") stands alone; a bare predicate ("must be greater than 0") gets the field's label.
 */
export function fieldMessage(label: string, message: string): string {
  if (/^the /.test(message)) return `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return `${label} ${message}`;
}
