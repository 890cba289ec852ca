/** The shape every bridge request and fallible boundary call returns. */
export type Result<T, E = { code: string; message: string }> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
