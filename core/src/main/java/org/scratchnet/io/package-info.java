/**
 * Model files: {@link org.scratchnet.io.ModelFile} saves and loads a
 * {@link org.scratchnet.io.SavedModel} (network, loss, normalization, class and feature names)
 * as one {@code .safetensors} file, with a small strict JSON reader/writer for its header.
 * Every load problem is a one-line {@link org.scratchnet.io.ModelFormatException}.
 * {@link org.scratchnet.io.AtomicWrite} is the one all-or-nothing file write, shared by model
 * files and the apps' outputs (metrics, predictions, plots).
 *
 * <p>May import {@code tensor}, {@code activation}, {@code init}, {@code layer}, {@code loss},
 * {@code optim}, {@code model} and {@code data}; never {@code train}.
 */
package org.scratchnet.io;
