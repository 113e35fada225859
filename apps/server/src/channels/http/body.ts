// Request bodies in the three encodings the platforms take: URL-encoded forms (Weibo), JSON (WeChat,
// portal) and multipart uploads (Weibo pictures, WeChat material).
export type RequestBody =
  | { kind: 'form'; fields: Readonly<Record<string, string>> }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; form: FormData };

export interface EncodedBody {
  contentType: string;
  data: Buffer;
}

export async function encodeBody(body: RequestBody): Promise<EncodedBody> {
  switch (body.kind) {
    case 'form':
      return {
        contentType: 'application/x-www-form-urlencoded; charset=utf-8',
        data: Buffer.from(new URLSearchParams(body.fields).toString()),
      };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        data: Buffer.from(JSON.stringify(body.value)),
      };
    case 'multipart': {
      // The WHATWG Request serialises FormData with a boundary of its own choosing; reading it back
      // gives bytes with a known length, which the exchange needs for Content-Length.
      const req = new Request('http://localhost/', { method: 'POST', body: body.form });
      return {
        contentType: req.headers.get('content-type') ?? 'multipart/form-data',
        data: Buffer.from(await req.arrayBuffer()),
      };
    }
  }
}

/** A file part for a multipart form. */
export function filePart(data: Buffer, contentType: string): Blob {
  return new Blob([new Uint8Array(data)], { type: contentType });
}
