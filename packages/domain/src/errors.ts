/** Domain errors; one mapper in the API turns them into the SPEC's error envelope. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad_request', message, details);
  }
}
export class Unauthorized extends DomainError {
  constructor(message = 'Log in first') {
    super(401, 'unauthorized', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = 'You may not do this') {
    super(403, 'forbidden', message);
  }
}
export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found`);
  }
}
export class Conflict extends DomainError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}
export class PayloadTooLarge extends DomainError {
  constructor(message = 'The request body is too large') {
    super(413, 'payload_too_large', message);
  }
}
export interface ImportErrorDetail {
  line: number;
  column: string | null;
  message: string;
}
export class InvalidImport extends DomainError {
  constructor(
    message: string,
    details: ImportErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(422, 'invalid_import', message, details);
  }
}
export class TooManyRequests extends DomainError {
  constructor(message: string) {
    super(429, 'too_many_requests', message);
  }
}
/**
 * A pilot whose participant data were erased or reduced at its retention date (SPEC §8): what
 * needs per-person rows can no longer be answered. 409, not 500 or an empty reply that reads as
 * "no effect".
 */
export class PersonalDataGone extends DomainError {
  constructor(message: string, details?: unknown) {
    super(409, 'personal_data_gone', message, details);
  }
}
