// Element Plus forms validate through async-validator, which logs every failed rule unless this global exists.
Object.assign(globalThis, { ASYNC_VALIDATOR_NO_WARNING: true });
