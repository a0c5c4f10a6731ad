/**
 * What an uploaded file really is. First bytes only claim a format; a photo is proven by decoding it and a PDF
 * by its trailer, so that "PNG magic followed by garbage" or "JPEG magic followed by HTML" is refused instead of
 * stored and later served under a type it is not. Out of scope: what a valid file contains (a PDF's scripts;
 * those are defused by how attachments are served).
 */
package io.kefu.media;
