package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Schedule specs: parsing, the description and spec round trip, and one-line errors. */
class LrSchedulesTest {
    @Test
    void parsesTheThreeFormsAndGivesTheirSpecBack() {
        for (String spec : new String[] {"step:10:0.5", "cosine", "plateau:5:0.1", "step:1:2", "plateau:0:0.5"}) {
            LrSchedule s = LrSchedules.parse(spec);
            assertThat(s.spec()).isEqualTo(spec);
            assertThat(LrSchedules.parse(s.spec()).describe()).isEqualTo(s.describe());
        }
        assertThat(LrSchedules.parse(" Step:4:0.25 ").spec()).isEqualTo("step:4:0.25");
        assertThat(LrSchedules.parse("COSINE").spec()).isEqualTo("cosine");
    }

    @Test
    void describeSaysWhatHappens() {
        assertThat(LrSchedules.parse("step:10:0.5").describe()).isEqualTo("step: lr x0.5 every 10 epochs");
        assertThat(LrSchedules.parse("step:1:0.9").describe()).isEqualTo("step: lr x0.9 every 1 epoch");
        assertThat(LrSchedules.parse("cosine").describe()).isEqualTo("cosine: lr from its base to 0 over the run's epochs");
        assertThat(LrSchedules.parse("plateau:5:0.1").describe())
                .isEqualTo("plateau: lr x0.1 after 6 epochs without improvement");
        assertThat(LrSchedules.parse("plateau:0:0.1").describe())
                .isEqualTo("plateau: lr x0.1 after 1 epoch without improvement");
    }

    @Test
    void stepAndCosineAreFunctionsOfTheEpochNumber() {
        LrSchedule step = LrSchedules.parse("step:2:0.5");
        assertThat(step.next(1, 9, 1.0, 123, 0)).isEqualTo(1.0);
        assertThat(step.next(2, 9, 1.0, 123, 0)).isEqualTo(0.5);
        assertThat(step.next(5, 9, 1.0, 123, 0)).isEqualTo(0.25);
        LrSchedule cos = LrSchedules.parse("cosine");
        assertThat(cos.next(2, 4, 1.0, 123, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(cos.next(4, 4, 1.0, 123, 0)).isZero();
        cos.reset(); // stateless: nothing to forget
        assertThat(cos.next(1, 4, 2.0, 123, 0)).isCloseTo(2 * (1 + Math.cos(Math.PI / 4)) / 2,
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void plateauLowersOnlyAfterMoreThanPatienceBadEpochsAndNotBelowAChangeOf1e8() {
        LrSchedule p = LrSchedules.parse("plateau:1:0.5");
        assertThat(p.next(1, 10, 1, 1, 1.0)).isEqualTo(1);
        assertThat(p.next(2, 10, 1, 1, 0.99995)).isEqualTo(1); // within 1e-4 relative: not better
        assertThat(p.next(3, 10, 1, 1, 1.0)).isEqualTo(0.5);
        assertThat(p.next(4, 10, 1, 0.5, 2.0)).isEqualTo(0.5); // the count started again
        assertThat(p.next(5, 10, 1, 0.5, 0.9)).isEqualTo(0.5); // better: the count restarts
        assertThat(p.next(6, 10, 1, 0.5, 0.9)).isEqualTo(0.5);
        assertThat(p.next(7, 10, 1, 0.5, 0.9)).isEqualTo(0.25);
        LrSchedule tiny = LrSchedules.parse("plateau:0:0.5");
        tiny.next(1, 10, 1, 1, 1.0);
        assertThat(tiny.next(2, 10, 1, 1.5e-8, 1.0)).isEqualTo(1.5e-8); // a change of 7.5e-9 is skipped
        assertThat(tiny.next(3, 10, 1, 3e-8, 1.0)).isEqualTo(1.5e-8);
        assertThat(tiny.next(4, 10, 1, 2e-8, 1.0)).isEqualTo(2e-8); // a change of exactly 1e-8 is skipped too
        // exactly at the threshold is not an improvement (strictly below best·(1 − 1e-4) is)
        LrSchedule edge = LrSchedules.parse("plateau:0:0.5");
        edge.next(1, 10, 1, 1, 1.0);
        assertThat(edge.next(2, 10, 1, 1, 1.0 * (1 - 1e-4))).isEqualTo(0.5);
    }

    @Test
    void badSpecsNameTheSpecAndTheAcceptedForms() {
        String forms = " (accepted: step:EVERY:FACTOR, cosine, plateau:PATIENCE:FACTOR)";
        assertThatThrownBy(() -> LrSchedules.parse("linear")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning-rate schedule 'linear': unknown schedule 'linear'" + forms);
        assertThatThrownBy(() -> LrSchedules.parse(null))
                .hasMessage("learning-rate schedule 'null': unknown schedule ''" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:10"))
                .hasMessage("learning-rate schedule 'step:10': expected step:EVERY:FACTOR, e.g. step:10:0.5" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:10:0.5:1")).hasMessageContaining("expected step:EVERY:FACTOR");
        assertThatThrownBy(() -> LrSchedules.parse("cosine:10"))
                .hasMessage("learning-rate schedule 'cosine:10': expected just 'cosine'" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("plateau:5"))
                .hasMessage("learning-rate schedule 'plateau:5': expected plateau:PATIENCE:FACTOR, e.g. plateau:5:0.1" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:0:0.5"))
                .hasMessage("learning-rate schedule 'step:0:0.5': EVERY must be a whole number >= 1, found 0" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:x:0.5"))
                .hasMessage("learning-rate schedule 'step:x:0.5': EVERY must be a whole number >= 1, found 'x'" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("plateau:-1:0.5"))
                .hasMessage("learning-rate schedule 'plateau:-1:0.5': PATIENCE must be a whole number >= 0, found -1" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:2:0"))
                .hasMessage("learning-rate schedule 'step:2:0': FACTOR must be a number > 0, found '0'" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("step:2:abc")).hasMessageContaining("FACTOR must be a number > 0, found 'abc'");
        assertThatThrownBy(() -> LrSchedules.parse("step:2:Infinity")).hasMessageContaining("FACTOR must be a number > 0");
        assertThatThrownBy(() -> LrSchedules.parse("step:2:NaN")).hasMessageContaining("FACTOR must be a number > 0");
        assertThatThrownBy(() -> LrSchedules.parse("plateau:2:1"))
                .hasMessage("learning-rate schedule 'plateau:2:1': FACTOR must be a number in (0, 1), found '1'" + forms);
        assertThatThrownBy(() -> LrSchedules.parse("plateau:2:0")).hasMessageContaining("FACTOR must be a number in (0, 1)");
        // allowed edges
        assertThat(LrSchedules.parse("step:2:1").spec()).isEqualTo("step:2:1");
        assertThat(LrSchedules.parse("plateau:2:0.999").spec()).isEqualTo("plateau:2:0.999");
    }
}
