/** The input, select or button a person would call by this label: its aria-label, or a <label> naming it. */
export function fieldByLabel(root: ParentNode, label: string): HTMLElement | null {
  for (const element of root.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
    if (element.getAttribute('aria-label') === label) return element;
  }
  for (const element of root.querySelectorAll<HTMLLabelElement>('label')) {
    if (element.textContent?.trim() === label && element.htmlFor) return root instanceof Document ? root.getElementById(element.htmlFor) : null;
  }
  return null;
}

/** Focuses a field once it is on screen (the view may still be rendering); gives up after about a second. */
export function focusWhenShown(label: string, attempts = 60): void {
  const field = fieldByLabel(document, label);
  if (field) {
    field.scrollIntoView({ block: 'center' });
    field.focus();
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusWhenShown(label, attempts - 1));
}
