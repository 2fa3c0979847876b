import { isUtf8 } from 'node:buffer';

/** Why the input is not a UTF-8 text file. */
export type NotText = 'utf16' | 'workbook' | 'invalid_utf8' | 'nul';

/** The user-facing message for each kind of non-text input. */
export const NOT_TEXT_MESSAGE: Record<NotText, string> = {
  utf16: 'the file is saved as UTF-16 text; save it as "CSV UTF-8" and import it again',
  workbook: 'this is an Excel workbook, not a CSV file; save it as "CSV UTF-8" and import it again',
  invalid_utf8:
    'this line has bytes that are not UTF-8 text: the file is not a text file or uses another encoding; save it as "CSV UTF-8"',
  nul: 'this line contains a NUL byte, so the file is not a text file; save it as "CSV UTF-8"',
};

/**
 * Length of the longest prefix of `b` made of whole, valid UTF-8 sequences, and
 * whether what follows is only an unfinished sequence (the rest of it may be in
 * the next chunk). Follows the WHATWG decoder: no overlongs, surrogates or
 * code points above U+10FFFF.
 */
export function scanUtf8(b: Uint8Array): { valid: number; incomplete: boolean } {
  if (isUtf8(b)) return { valid: b.length, incomplete: false };
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return { valid: i, incomplete: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return { valid: i, incomplete: true };
      const d = b[i + k]!;
      if (d < lo || d > hi) return { valid: i, incomplete: false };
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return { valid: b.length, incomplete: false };
}

function sniff(b: Uint8Array): NotText | null {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'utf16';
  // .xlsx is a zip ("PK\3\4"), .xls an OLE compound file: the usual wrong upload.
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'workbook';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'workbook';
  return null;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Turns the raw input into text chunk by chunk. It stops at the first byte
 * that makes the input not UTF-8 text, after handing out the valid text before
 * it, so the reader can tell on which line the bad byte sits.
 */
export class TextSource {
  /** Bytes taken from the input so far. */
  bytesRead = 0;
  /** Set when the input turned out not to be UTF-8 text. */
  failure: NotText | null = null;
  /** Whether the text handed out so far ends with a line break (or is empty). */
  endsAtLineBreak = true;

  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);
  private started = false;
  private done = false;
  private exhausted = false;

  constructor(input: AsyncIterable<Uint8Array | string>) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  /** The next piece of text, or null at the end of the input or at the first non-text byte. */
  async next(): Promise<string | null> {
    while (!this.done) {
      const step = await this.iterator.next();
      let text: string;
      if (step.done === true) {
        this.done = true;
        this.exhausted = true;
        text = this.acceptBytes(new Uint8Array(0), true);
      } else if (typeof step.value === 'string') {
        text = this.acceptString(step.value);
      } else {
        text = this.acceptBytes(step.value, false);
      }
      if (text !== '') return text;
    }
    return null;
  }

  /** Lets the input release what it holds when reading stops early. */
  async close(): Promise<void> {
    this.done = true;
    if (!this.exhausted) {
      this.exhausted = true;
      await this.iterator.return?.();
    }
  }

  private fail(reason: NotText): void {
    this.failure = reason;
    this.done = true;
  }

  private acceptBytes(chunk: Uint8Array, atEnd: boolean): string {
    this.bytesRead += chunk.length;
    let buf = concat(this.carry, chunk);
    this.carry = new Uint8Array(0);
    if (!this.started) {
      // The signature checks need the first four bytes, which may come in pieces.
      if (buf.length < 4 && !atEnd) {
        this.carry = buf;
        return '';
      }
      this.started = true;
      const reason = sniff(buf);
      if (reason !== null) {
        this.fail(reason);
        return '';
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const { valid, incomplete } = scanUtf8(buf);
    if (valid < buf.length) {
      if (incomplete && !atEnd) this.carry = buf.slice(valid);
      else this.fail('invalid_utf8');
    }
    return this.emit(this.decoder.decode(buf.subarray(0, valid)));
  }

  private acceptString(chunk: string): string {
    // Bytes held back before this string must stand on their own: a character
    // left unfinished there can no longer be completed.
    const before = this.carry.length > 0 ? this.acceptBytes(new Uint8Array(0), true) : '';
    if (this.done) return before;
    this.bytesRead += Buffer.byteLength(chunk);
    if (!this.started) {
      this.started = true;
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
    }
    return before + this.emit(chunk);
  }

  private emit(text: string): string {
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      this.fail('nul');
      text = text.slice(0, nul);
    }
    if (text.length > 0) {
      const last = text[text.length - 1];
      this.endsAtLineBreak = last === '\n' || last === '\r';
    }
    return text;
  }
}
