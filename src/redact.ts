// A last line of defence: every secret this process learns (client secret, access/refresh tokens, authorization codes)
// is registered here, and every sink — stdout and stderr (src/app/io.ts guards the streams), error messages as they
// are built (src/errors.ts), the database's error columns — passes text through redactSecrets, so a token a server
// echoes back can never reach a terminal, a log, a JSON result or the disk.

const secrets = new Set<string>();

export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) secrets.add(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('****');
  // Belt and braces for values that never passed through registerSecret. Each pattern runs only when its fixed part
  // occurs: stdout passes through here too, and a million-row export should not pay four regex scans per block.
  if (out.includes('_token') || out.includes('client_secret') || out.includes('code')) {
    out = out
      .replace(/\b(access_token|refresh_token|client_secret|code)=([^&\s"']+)/g, '$1=****')
      .replace(/("(?:access_token|refresh_token|client_secret|code)"\s*:\s*")[^"]*"/g, '$1****"');
  }
  if (out.includes('Bearer')) out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1****');
  if (out.includes('eyJ')) out = out.replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '****');
  return out;
}
