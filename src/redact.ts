// A last line of defence: every secret this process learns is registered here, and all text written to stderr by the
// error boundary or --verbose passes through redactSecrets, so a token can never reach a terminal or a log.

const secrets = new Set<string>();

export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) secrets.add(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('****');
  // Belt and braces for values that never passed through registerSecret.
  return out
    .replace(/\b(access_token|refresh_token|client_secret|code)=([^&\s"']+)/g, '$1=****')
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1****')
    .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '****');
}
