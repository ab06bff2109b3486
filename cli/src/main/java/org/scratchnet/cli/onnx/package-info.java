/**
 * The {@code export} and {@code import} commands: scratchnet model files to and from ONNX, through
 * the {@code onnx} module.
 */
package org.scratchnet.cli.onnx;
