import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl } from '../../src/openbanking/authorize-url.js';

describe('buildAuthorizeUrl', () => {
  const p = {
    baseUrl: 'https://testapi.openbanking.or.kr',
    clientId: 'abc-123',
    redirectUri: 'http://localhost:8080/callback',
    scope: 'login inquiry',
    state: '12345678901234567890123456789012',
  };

  it('builds the §3.1 minimal call with %20 between scopes', () => {
    expect(buildAuthorizeUrl(p)).toBe(
      'https://testapi.openbanking.or.kr/oauth/2.0/authorize?response_type=code&client_id=abc-123' +
        '&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback&scope=login%20inquiry&state=12345678901234567890123456789012&auth_type=0',
    );
  });

  it('keeps a path prefix, drops a trailing slash and encodes a literal plus', () => {
    const url = buildAuthorizeUrl({ ...p, baseUrl: 'http://127.0.0.1:9000/sandbox/', state: 'a+b c', authType: '2' });
    expect(url.startsWith('http://127.0.0.1:9000/sandbox/oauth/2.0/authorize?')).toBe(true);
    const q = new URL(url).searchParams;
    expect(q.get('state')).toBe('a+b c');
    expect(q.get('auth_type')).toBe('2');
    expect(url).not.toContain('+');
  });
});
