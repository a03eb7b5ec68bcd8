/**
 * Internals of the cloud provider: the HTTP transport, the two protocol dialects, health tracking, the result cache,
 * the change-stream reader and the track queue. Not API, may change without notice.
 */
@NullMarked
package dev.vexilla.cloud.internal;

import org.jspecify.annotations.NullMarked;
