// Errors of sandbox operations that the control API turns into 4xx answers.
export class ConflictError extends Error {}
export class InputError extends Error {}
