/**
 * The server's upstream relay mode: {@link dev.vexilla.server.relay.UpstreamMirror} mirrors configs from an
 * upstream CDN (another Vexilla server, ConfigCat's CDN or DevCycle's CDN) and
 * {@link dev.vexilla.server.relay.UpstreamEventForwarder} forwards accepted event batches to the upstream's events
 * API. Both are configured by {@link dev.vexilla.server.relay.RelayOptions}; only the SDK keys listed there are
 * relayed, so a relay is never an open proxy.
 */
@NullMarked
package dev.vexilla.server.relay;

import org.jspecify.annotations.NullMarked;
