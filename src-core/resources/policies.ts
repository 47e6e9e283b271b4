/**
 * The Content-Security-Policy headers files are served with, the same on the central server and on a desktop
 * client, so that a package runs alike from either.
 *
 * A package's pages run scripts and forms, but in a sandbox without `allow-same-origin`: an opaque origin that
 * cannot read the application's storage (its tokens), cookies or pages, nor call the API as the user. They may load
 * their own files from the host and nothing from elsewhere (nothing leaves the school's network), and may not open
 * windows or navigate the application.
 */
export const PACKAGE_CSP = [
  'sandbox allow-scripts allow-forms',
  "default-src 'self' data: blob:",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:",
  "style-src 'self' 'unsafe-inline' data:",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** A file other than a PDF (a picture, a sound, a video, a package's zip) opened as a page runs nothing. */
export const FILE_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
