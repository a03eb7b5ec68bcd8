/**
 * Vexilla's bucketing server: configs, change streams, bucketing API, OFREP, events and EdgeDB.
 */
@NullMarked
package dev.vexilla.server;

import org.jspecify.annotations.NullMarked;
