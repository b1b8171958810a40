// Sizes every front door agrees on, kept apart from the contract so a caller that needs only these
// (the payload guard of a one-channel router) does not load every channel's schemas.

/** Largest payload a renderer may send in one call (attachments travel by path, not bytes). */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024
/**
 * The largest file the window may attach: its base64 text (4 characters per 3 bytes) plus the rest
 * of the call must fit MAX_PAYLOAD_BYTES, so the window and the router always agree.
 */
export const MAX_WINDOW_ATTACHMENT_BYTES = Math.floor(((MAX_PAYLOAD_BYTES - 64 * 1024) * 3) / 4)
