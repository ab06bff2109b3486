/**
 * {@code scratchnet example NAME}: the classic tutorials as picocli subcommands, each with the
 * tutorial's data, network, hyperparameters and printed lines. Every example follows one flow:
 * build data → build model → train with the core Trainer and listeners → print results.
 * Depends on core and org.scratchnet.cli helpers (Checks, EpochLog); nothing depends on it
 * except ExampleCommand's registry and DemoCommand.
 */
package org.scratchnet.cli.examples;
