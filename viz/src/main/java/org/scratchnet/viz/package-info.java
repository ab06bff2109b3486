/**
 * Figures as PNG files: the data, the decision boundary, training curves, predictions,
 * confusion matrices, bitmap grids, and the activation and loss functions.
 *
 * <p>Rendered headless with JFreeChart (charts) and plain Java2D (bitmap grids). Output is
 * deterministic: fixed pixel sizes, fixed fonts and rendering hints, no timestamps in the
 * files, so the same model and data give byte-identical PNGs. Files are written atomically
 * (temp file, then rename) by {@link org.scratchnet.viz.PngOutput}.
 *
 * <p>Depends on core (read-only use of models, data and history); core must never import
 * this package, and nothing here imports the CLI.
 */
package org.scratchnet.viz;
