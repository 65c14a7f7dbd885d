export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as-is (for malformed bodies); otherwise `body` is JSON-encoded. */
  raw?: string;
}

/** A thin fetch wrapper for the tests: real HTTP, JSON in and out, nothing mocked. */
export class Http {
  constructor(readonly baseUrl: string) {}

  get<T = any>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = any>(
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, body, options);
  }

  put<T = any>(
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    return this.request<T>('PUT', path, body, options);
  }

  patch<T = any>(
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    return this.request<T>('PATCH', path, body, options);
  }

  delete<T = any>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json') && text)
      parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
}
