/**
 * JMH benchmarks of Vexilla's engine and providers beside their peers, in groups that share scenarios and
 * benchmark method names so that results line up in one table.
 *
 * <ul>
 *   <li>Raw engines over config JSON v6: subclasses of {@link dev.vexilla.bench.ConfigV6EngineBench}
 *       ({@code s1_bool} to {@code s5_allFlags100}); {@link dev.vexilla.bench.HashMapRaw} is the floor.
 *   <li>OpenFeature clients: subclasses of {@link dev.vexilla.bench.OpenFeatureBench} ({@code s1_bool} to
 *       {@code s4_tenRules}); {@link dev.vexilla.bench.BaselineOpenFeature} is the SDK floor.
 *   <li>Parsing a 10,000-flag config: subclasses of {@link dev.vexilla.bench.ParseBench} ({@code parse10k}).
 *   <li>Providers asking a bucketing server on loopback (state {@link dev.vexilla.bench.LoopbackBench}): latency in
 *       subclasses of {@link dev.vexilla.bench.CloudBench} ({@code s1_bool} to {@code s4_tenRules}), throughput at
 *       one and eight threads in subclasses of {@link dev.vexilla.bench.ScalingBench}.
 * </ul>
 *
 * <p>JMH needs public, non-final state classes with public benchmark methods, so the classes here are public and
 * open by necessity; none of this is API.
 */
@NullMarked
package dev.vexilla.bench;

import org.jspecify.annotations.NullMarked;
