import { parseJson, replyOrThrow } from './client.ts';

export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * POSTs a file with XMLHttpRequest, because fetch reports no upload progress.
 * Resolves with the JSON reply; rejects with ApiError like `unwrap`.
 */
export function uploadWithProgress<T>(
  url: string,
  body: Blob,
  opts: { contentType: string; onProgress(p: UploadProgress): void; onSent?(): void },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', opts.contentType);
    xhr.upload.onprogress = (e) =>
      opts.onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : body.size });
    xhr.upload.onload = () => opts.onSent?.();
    xhr.onload = () => {
      try {
        resolve(replyOrThrow<T>(xhr.status, parseJson(xhr.responseText)));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new Error('Network error'));
    xhr.onabort = () => reject(new Error('Aborted'));
    xhr.send(body);
  });
}
