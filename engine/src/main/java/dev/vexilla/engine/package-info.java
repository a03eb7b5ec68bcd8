/**
 * The flag models Vexilla evaluates, one package each: {@code configcat} (ConfigCat config JSON v6) and
 * {@code devcycle} (DevCycle config v2). Each parses and compiles a config into an immutable snapshot that
 * evaluates without locks. No provider or server type is used here.
 */
@NullMarked
package dev.vexilla.engine;

import org.jspecify.annotations.NullMarked;
