/**
 * The seeded random-number generator and the weight initializers.
 *
 * <p>One seed, given once, drives every initializer and every shuffle: {@link org.scratchnet.init.Rng}
 * is a deterministic xoshiro256** generator with pure-Java Gaussian sampling (StrictMath), so
 * the same seed gives the same bits on every JVM and machine.
 *
 * <p>May import {@code org.scratchnet.tensor} only.
 */
package org.scratchnet.init;
