/**
 * {@code train}, {@code predict}, {@code evaluate} and {@code sweep}: networks on any CSV or
 * built-in dataset, saved as .safetensors model files. {@link org.scratchnet.cli.train.DataSpec}
 * parses every {@code --data SPEC}; {@link org.scratchnet.cli.train.Network} builds networks and
 * infers output activation and loss from the task. Depends on core and org.scratchnet.cli.
 */
package org.scratchnet.cli.train;
