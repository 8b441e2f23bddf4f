const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Mar 18, 2027" from an ISO day. */
export const friendlyDate = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`));
