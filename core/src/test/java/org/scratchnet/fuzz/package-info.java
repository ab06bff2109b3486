/**
 * Seeded mutation fuzzing of the file readers: {@link org.scratchnet.fuzz.ByteMutator} damages
 * valid files (bit flips, truncation, inserted/duplicated/deleted bytes, huge numbers spliced into
 * text, forged integers in binary headers) and {@link org.scratchnet.fuzz.MutationFuzzer} checks
 * that every variant either loads into something valid or fails with the reader's own one-line
 * exception: never another exception, never a hang, never a huge allocation.
 *
 * <p>Runs are reproducible from the seed; {@code -Dscratchnet.fuzz.seed=S} and
 * {@code -Dscratchnet.fuzz.variants=N} run a different or longer campaign.
 */
package org.scratchnet.fuzz;
