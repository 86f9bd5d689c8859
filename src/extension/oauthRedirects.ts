import * as vscode from 'vscode';

/** The user cancelled a sign-in while it waited for the browser: nothing to report. */
export class SignInCancelled extends Error {
  constructor() {
    super('Sign in with Gong was cancelled.');
  }
}

/**
 * The redirect back from Gong's consent page. VS Code routes `vscode://publisher.gongsql/oauth`
 * (in a browser VS Code: its own callback URL, from asExternalUri) to this handler.
 */
export class OAuthRedirects implements vscode.UriHandler {
  private pending: { state: string; resolve: (code: string) => void; reject: (e: Error) => void } | undefined;

  handleUri(uri: vscode.Uri): void {
    const query = new URLSearchParams(uri.query);
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    if (query.get('state') !== pending.state) return pending.reject(new Error('The sign-in answer does not match the request (state). Sign in again.'));
    if (query.get('error')) return pending.reject(new Error(query.get('error') === 'access_denied' ? 'Gong access was denied on the consent page. Sign in again to allow it.' : `Gong sign-in failed: ${query.get('error')}`));
    const code = query.get('code');
    if (!code) return pending.reject(new Error('Gong sent no authorization code. Sign in again.'));
    pending.resolve(code);
  }

  /** Ends the wait for `state`, if it is still the one pending. */
  cancel(state: string): void {
    if (this.pending?.state !== state) return;
    const { reject } = this.pending;
    this.pending = undefined;
    reject(new SignInCancelled());
  }

  wait(state: string, timeoutMs = 5 * 60_000): Promise<string> {
    this.pending?.reject(new Error('A newer sign-in started.'));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new Error('No answer from Gong within 5 minutes. Sign in again.'));
      }, timeoutMs);
      this.pending = { state, resolve: (c) => { clearTimeout(timer); resolve(c); }, reject: (e) => { clearTimeout(timer); reject(e); } };
    });
  }
}

