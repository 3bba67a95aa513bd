/**
 * The one error shape of every API answer that is not a success:
 *   { "error": { "status": 422, "code": "INVALID_REPORT", "message": "…" }, ...details }
 * `message` is one line (Chinese, then English); details such as `findings` sit beside `error`.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_JSON'
  | 'NO_TOKEN'
  | 'BAD_TOKEN'
  | 'FORBIDDEN'
  | 'AGENCY_REMOVED'
  | 'NOT_FOUND'
  | 'TOO_LARGE'
  | 'INVALID_REPORT'
  | 'NOT_A_REPORT'
  | 'CONFLICT'
  | 'CANNOT_RENDER'
  | 'INTERNAL';

export interface ApiError {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function apiError(
  status: ApiError['status'],
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ApiError {
  return details ? { status, code, message, details } : { status, code, message };
}

export function errorBody(error: ApiError): Record<string, unknown> {
  return {
    error: { status: error.status, code: error.code, message: error.message.replace(/\s*\n\s*/g, ' ') },
    ...error.details,
  };
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value && 'message' in value;
}
