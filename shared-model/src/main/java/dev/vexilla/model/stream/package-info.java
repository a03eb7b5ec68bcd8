/**
 * The config change stream's wire message ({@link dev.vexilla.model.stream.ChangeMessage}): what a server sends on
 * {@code GET /v1/stream} when a config changes, in Vexilla's form and in DevCycle's envelope, and what both providers
 * read. One definition, used by the server to write and by the clients to read.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.vexilla.model.stream;

import org.jspecify.annotations.NullMarked;
