/**
 * JMH benchmarks of the engine's kernels at the shapes of the MNIST tutorial's network
 * (784 → 256 → 10, batch 64). Not part of the default build: {@code mvn -Pbench ...}.
 */
package org.scratchnet.bench;
