/**
 * DevCycle's own Java server SDK ({@code com.devcycle:java-server-sdk}: the local WASM client, the cloud client and
 * its OpenFeature provider) pointed at a real Vexilla server, checked against {@code LocalProvider} on the same
 * DevCycle config v2.
 */
@NullMarked
package dev.vexilla.contract.devcycle;

import org.jspecify.annotations.NullMarked;
