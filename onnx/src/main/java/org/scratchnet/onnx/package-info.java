/**
 * ONNX export and import. {@link org.scratchnet.onnx.OnnxExport} writes a saved model as an ONNX
 * graph (its standardizer as {@code Sub}/{@code Div} at the input, its output head included, so
 * ONNX Runtime gives what {@code predict} gives); {@link org.scratchnet.onnx.OnnxImport} reads a
 * chain-shaped ONNX graph of the supported operators back into a {@link org.scratchnet.io.SavedModel}.
 * Every problem with a file is a one-line {@link org.scratchnet.onnx.OnnxFormatException}.
 *
 * <p>Depends on core and on the generated ONNX protobuf classes; core never imports this package.
 */
package org.scratchnet.onnx;
