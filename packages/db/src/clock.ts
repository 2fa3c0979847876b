/** Current time as an ISO timestamp; one place so stored times share a format. */
export function nowIso(): string {
  return new Date().toISOString();
}
