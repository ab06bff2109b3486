package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optimizers by name: defaults, config round trips and the one-line errors. */
class OptimizersTest {
    @Test
    void namesAndDefaults() {
        assertThat(Optimizers.NAMES).containsExactly("sgd", "adam", "adamw", "rmsprop");
        assertThat(Optimizers.defaultLearningRate("sgd")).isEqualTo(0.5f);
        assertThat(Optimizers.defaultLearningRate("adam")).isEqualTo(0.01f);
        assertThat(Optimizers.defaultLearningRate("adamw")).isEqualTo(0.01f);
        assertThat(Optimizers.defaultLearningRate("RMSprop")).isEqualTo(0.01f);
        for (String name : Optimizers.NAMES) {
            Optimizer o = Optimizers.create(name, null);
            assertThat(o.name()).isEqualTo(name);
            assertThat(o.learningRate()).isEqualTo(Optimizers.defaultLearningRate(name));
            assertThat(List.copyOf(o.config().keySet())).isEqualTo(Optimizers.keys(name));
        }
    }

    @Test
    void defaultConfigsAreTorchDefaults() {
        assertThat(Optimizers.create("sgd", Map.of()).config()).containsExactly(Map.entry("lr", 0.5),
                Map.entry("momentum", 0.0), Map.entry("nesterov", false), Map.entry("weight_decay", 0.0),
                Map.entry("clip_norm", 0.0));
        assertThat(Optimizers.create("adam", Map.of()).config()).containsExactly(Map.entry("lr", 0.01),
                Map.entry("beta1", 0.9), Map.entry("beta2", 0.999), Map.entry("eps", 1e-8),
                Map.entry("weight_decay", 0.0), Map.entry("clip_norm", 0.0));
        assertThat(Optimizers.create("adamw", Map.of()).config()).containsEntry("weight_decay", 0.01);
        assertThat(new AdamW(0.1f).config()).containsEntry("weight_decay", 0.01);
        assertThat(Optimizers.create("rmsprop", Map.of()).config()).containsExactly(Map.entry("lr", 0.01),
                Map.entry("alpha", 0.99), Map.entry("eps", 1e-8), Map.entry("momentum", 0.0),
                Map.entry("centered", false), Map.entry("weight_decay", 0.0), Map.entry("clip_norm", 0.0));
    }

    @Test
    void configRoundTripsThroughCreate() {
        List<Optimizer> all = List.of(new Sgd(0.3f, 0.9f, 1e-4f, true).clipGradNorm(5f),
                new Adam(0.001f, 0.85f, 0.95f, 1e-7f, 0.02f), new AdamW(0.003f, 0.9f, 0.98f, 1e-6f, 0.1f),
                new RmsProp(0.02f, 0.9f, 1e-5f, 0.3f, 0.001f, true).clipGradNorm(0.5f));
        for (Optimizer o : all) {
            Map<String, Object> cfg = o.config();
            Optimizer copy = Optimizers.create(o.name(), cfg);
            assertThat(copy.getClass()).isEqualTo(o.getClass());
            assertThat(copy.config()).isEqualTo(cfg);
            assertThat(copy.describe()).isEqualTo(o.describe());
            assertThat(copy.clipNorm()).isEqualTo(o.clipNorm());
        }
        // a rate a schedule annealed to 0 rebuilds too, though constructors take only positive rates
        Optimizer annealed = new AdamW(0.01f);
        annealed.setLearningRate(0f);
        Optimizer back = Optimizers.create("adamw", annealed.config());
        assertThat(back.learningRate()).isZero();
        assertThat(back.config()).isEqualTo(annealed.config());
        assertThat(Optimizers.create("adamw", Map.of("lr", 0.2)).learningRate()).isEqualTo(0.2f);
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("lr", -0.1)))
                .hasMessage("optimizer sgd: learning rate must be a positive number, got -0.1");
        // flags given as false stay false
        assertThat(Optimizers.create("sgd", Map.of("momentum", 0.9, "nesterov", false)).config())
                .containsEntry("nesterov", false);
        assertThat(Optimizers.create("rmsprop", Map.of("centered", false)).config()).containsEntry("centered", false);
        assertThat(new Sgd(1f).clipGradNorm(2f).clipNorm()).isEqualTo(2f);
        // floats print as their shortest decimal, so a JSON file shows 0.1, not 0.10000000149011612
        assertThat(new Sgd(0.1f).config().get("lr")).isEqualTo(0.1);
        assertThat(Optimizer.json(0.3f)).isEqualTo(0.3);
        // any Number works, and the current rate is what config reports
        Optimizer s = Optimizers.create("sgd", Map.of("lr", 1, "momentum", 0.5f));
        s.setLearningRate(0.25f);
        assertThat(s.config()).containsEntry("lr", 0.25).containsEntry("momentum", 0.5);
    }

    @Test
    void describeNamesTheSettings() {
        assertThat(new Sgd(0.5f).describe()).isEqualTo("sgd(lr=0.5, momentum=0.0, weight_decay=0.0)");
        assertThat(new Sgd(0.5f, 0.9f, 0f, true).describe())
                .isEqualTo("sgd(lr=0.5, momentum=0.9, nesterov, weight_decay=0.0)");
        assertThat(new Adam(0.01f).describe()).isEqualTo("adam(lr=0.01, betas=(0.9, 0.999), eps=1.0E-8)");
        assertThat(new Adam(0.01f, 0.9f, 0.999f, 1e-8f, 0.1f).describe())
                .isEqualTo("adam(lr=0.01, betas=(0.9, 0.999), eps=1.0E-8, weight_decay=0.1)");
        assertThat(new AdamW(0.01f).describe())
                .isEqualTo("adamw(lr=0.01, betas=(0.9, 0.999), eps=1.0E-8, weight_decay=0.01)");
        assertThat(new RmsProp(0.01f).describe())
                .isEqualTo("rmsprop(lr=0.01, alpha=0.99, eps=1.0E-8, momentum=0.0, weight_decay=0.0)");
        assertThat(new RmsProp(0.01f, 0.9f, 1e-8f, 0.5f, 0f, true).describe())
                .isEqualTo("rmsprop(lr=0.01, alpha=0.9, eps=1.0E-8, momentum=0.5, centered, weight_decay=0.0)");
    }

    @Test
    void badNamesKeysAndValuesGiveOneLineErrors() {
        assertThatThrownBy(() -> Optimizers.create("adagrad", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown optimizer 'adagrad' (valid: sgd, adam, adamw, rmsprop)");
        assertThatThrownBy(() -> Optimizers.create(null, Map.of()))
                .hasMessage("unknown optimizer 'null' (valid: sgd, adam, adamw, rmsprop)");
        assertThatThrownBy(() -> Optimizers.defaultLearningRate("sdg")).hasMessageContaining("unknown optimizer 'sdg'");
        assertThatThrownBy(() -> Optimizers.create("adam", Map.of("momentum", 0.9)))
                .hasMessage("optimizer adam: unknown config key 'momentum'"
                        + " (valid: lr, beta1, beta2, eps, weight_decay, clip_norm)");
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("momentum", "0.9")))
                .hasMessage("optimizer sgd: 'momentum' must be a number, found String \"0.9\"");
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("nesterov", 1)))
                .hasMessage("optimizer sgd: 'nesterov' must be true or false, found Integer 1");
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("lr", 1e300)))
                .hasMessage("optimizer sgd: 'lr' is out of float range, found 1.0E300");
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("lr", Double.POSITIVE_INFINITY)))
                .hasMessage("optimizer sgd: learning rate must be a positive number, got Infinity");
        assertThatThrownBy(() -> Optimizers.create("sgd", Map.of("nesterov", true)))
                .hasMessage("optimizer sgd: nesterov momentum needs momentum > 0, got momentum 0");
        assertThatThrownBy(() -> Optimizers.create("rmsprop", Map.of("clip_norm", -1)))
                .hasMessage("optimizer rmsprop: clip norm must be >= 0, got -1.0");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("beta2", 1.0);
        assertThatThrownBy(() -> Optimizers.create("adamw", bad))
                .hasMessage("optimizer adamw: AdamW betas must be in [0, 1), got 0.9, 1.0");
    }

    @Test
    void constructorsCheckEveryHyperparameter() {
        assertThatThrownBy(() -> new Sgd(0.1f, 1f, 0f)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Sgd(0.1f, -0.1f, 0f)).hasMessage("momentum must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> new Sgd(0.1f, Float.NaN, 0f)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> new Sgd(0.1f, 0f, -1f)).hasMessage("weight decay must be >= 0, got -1.0");
        assertThatThrownBy(() -> new Sgd(0.1f, 0f, Float.POSITIVE_INFINITY)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new Adam(0.1f, 1f, 0.9f, 1e-8f, 0f)).hasMessage("Adam betas must be in [0, 1), got 1.0, 0.9");
        assertThatThrownBy(() -> new Adam(0.1f, -0.1f, 0.9f, 1e-8f, 0f)).hasMessageContaining("betas");
        assertThatThrownBy(() -> new Adam(0.1f, 0.9f, -0.1f, 1e-8f, 0f)).hasMessageContaining("betas");
        assertThatThrownBy(() -> new Adam(0.1f, 0.9f, 0.999f, 0f, 0f)).hasMessage("Adam epsilon must be > 0, got 0.0");
        assertThatThrownBy(() -> new Adam(0.1f, 0.9f, 0.999f, Float.POSITIVE_INFINITY, 0f)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new AdamW(0.1f, 0.9f, 0.999f, 1e-8f, -0.01f)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new AdamW(0.1f, 0.9f, 0.999f, 1e-8f, Float.NaN)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new RmsProp(0.1f, 1f, 1e-8f, 0f, 0f, false)).hasMessage("RMSprop alpha must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new RmsProp(0.1f, -0.5f, 1e-8f, 0f, 0f, false)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, 0f, 0f, 0f, false)).hasMessage("RMSprop epsilon must be > 0, got 0.0");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, Float.POSITIVE_INFINITY, 0f, 0f, false)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, 1e-8f, 1f, 0f, false)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, 1e-8f, -1f, 0f, false)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, 1e-8f, 0f, -1f, false)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new RmsProp(0.1f, 0.9f, 1e-8f, 0f, Float.NaN, false)).hasMessageContaining("weight decay");
        assertThatThrownBy(() -> new Sgd(Float.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Sgd(Float.POSITIVE_INFINITY)).hasMessageContaining("learning rate");
        Optimizer o = new Sgd(0.1f);
        assertThatThrownBy(() -> o.setLearningRate(-0.1f)).hasMessage("learning rate must be >= 0 and finite, got -0.1");
        assertThatThrownBy(() -> o.setLearningRate(Float.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> o.setLearningRate(Float.POSITIVE_INFINITY)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> o.clipGradNorm(Float.NaN)).hasMessageContaining("clip norm");
        o.setLearningRate(0f);
        assertThat(o.learningRate()).isZero();
        // boundaries that are allowed
        new Sgd(0.1f, 0f, 0f);
        new Adam(0.1f, 0f, 0f, 1e-8f, 0f);
        new RmsProp(0.1f, 0f, 1e-8f, 0f, 0f, false);
    }
}
