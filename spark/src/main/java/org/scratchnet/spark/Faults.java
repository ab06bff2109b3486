package org.scratchnet.spark;

import org.apache.spark.TaskContext;

/**
 * A planted failure for the retry test: the first attempt of partition 0's task at one chosen
 * step throws, as a lost executor or a flaky disk would; Spark's retry then runs it again.
 * Off (step 0) unless a test asks for it.
 */
final class Faults {
    private Faults() {
    }

    static void maybeFail(long atStep, long step, int partition) {
        TaskContext tc = TaskContext.get();
        if (atStep > 0 && step == atStep && partition == 0 && tc != null && tc.attemptNumber() == 0
                && tc.stageAttemptNumber() == 0) {
            throw new IllegalStateException("planted failure at step " + step + " (first attempt only)");
        }
    }
}
