/**
 * Checks of what a release publishes: the metadata of every deployable pom and the manifests of the built jars. They
 * run as integration tests ({@code *IT}, failsafe), after every module of the reactor has been packaged.
 */
@NullMarked
package dev.vexilla.contract.publishing;

import org.jspecify.annotations.NullMarked;
