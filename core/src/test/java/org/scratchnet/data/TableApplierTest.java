package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

/** Reading new files by a model's column rules: names, order, positions, unseen categories, fills. */
class TableApplierTest {
    private final List<String> notes = new ArrayList<>();

    /** Rules of a table "id,age,color,y" trained with id dropped: age (fill 35), color [blue, red] (fill red). */
    private static ColumnRules rules() {
        return new ColumnRules("y", 3, 4, true, List.of(
                new ColumnRules.Column("age", 1, ColumnRules.Kind.NUMBER, List.of(), "35"),
                new ColumnRules.Column("color", 2, ColumnRules.Kind.CATEGORY, List.of("blue", "red"), "red")), null);
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndExtraOnesNoted() {
        Tensor a = TableApplier.parseFeatures("p.csv", "id,age,color,y\n1,20,blue,a\n2,30,red,b\n", rules(), notes::add);
        Tensor b = TableApplier.parseFeatures("q.csv", "color,extra,age\nblue,9,20\nred,9,30\n", rules(), notes::add);
        // x (2, 3): age, color=blue, color=red
        assertThat(a.toArray2d()).isEqualTo(new float[][] {{20, 1, 0}, {30, 0, 1}});
        assertThat(b.toArray2d()).isEqualTo(a.toArray2d());
        assertThat(notes).containsExactly("p.csv: ignoring column(s) the model does not use: id",
                "q.csv: ignoring column(s) the model does not use: extra");
    }

    @Test
    void missingCellsTakeTheStoredFillAndUnseenCategoriesAreZeros() {
        Tensor x = TableApplier.parseFeatures("p.csv", "age,color\n,purple\nNA,\n", rules(), notes::add);
        assertThat(x.toArray2d()).isEqualTo(new float[][] {{35, 0, 0}, {35, 0, 1}});
        assertThat(notes).containsExactly("column 'color': 1 row(s) hold a category not seen in training (e.g. "
                + "'purple'); its one-hot inputs are all 0", "3 missing feature value(s) filled with the values stored at training");
    }

    @Test
    void aMissingFeatureColumnIsNamed() {
        assertThatThrownBy(() -> TableApplier.parseFeatures("p.csv", "age,colour\n1,red\n", rules(), notes::add))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("p.csv:1: expected a column named 'color' (a feature of the model), found columns: age, colour");
    }

    @Test
    void withoutHeaderColumnsGoByPositionCheckedByWidth() {
        // the training layout (id, age, color, y) or the features alone (age, color)
        Tensor full = TableApplier.parseFeatures("p.csv", "7,20,blue,a\n8,30,red,b\n", rules(), notes::add);
        Tensor only = TableApplier.parseFeatures("p.csv", "20,blue\n30,red\n", rules(), notes::add, false);
        assertThat(full.toArray2d()).isEqualTo(new float[][] {{20, 1, 0}, {30, 0, 1}});
        assertThat(only.toArray2d()).isEqualTo(full.toArray2d());
        assertThatThrownBy(() -> TableApplier.parseFeatures("p.csv", "1,20,blue\n", rules(), notes::add))
                .hasMessageStartingWith("p.csv:1: expected 4 columns (as the training file, label 'y' at index 3) or 2"
                        + " (the features alone), found 3");
    }

    @Test
    void labelledFilesFindTheLabelByNameAndSkipRowsWithoutOne() {
        TabularData t = TableApplier.parseLabelled("e.csv", "y,color,age\nb,red,1\n,blue,2\na,blue,3\n", rules(),
                Task.CLASSIFICATION, List.of("a", "b"), notes::add);
        assertThat(t.dataset().x().toArray2d()).isEqualTo(new float[][] {{1, 0, 1}, {3, 1, 0}});
        assertThat(t.dataset().y().toArray2d()).isEqualTo(new float[][] {{1}, {0}});
        assertThat(notes).containsExactly("skipped 1 row(s) whose label 'y' is missing");
        assertThatThrownBy(() -> TableApplier.parseLabelled("e.csv", "color,age\nred,1\n", rules(), Task.CLASSIFICATION,
                List.of("a", "b"), notes::add)).hasMessage("e.csv:1: expected the label column 'y', found columns: color, age");
        assertThatThrownBy(() -> TableApplier.parseLabelled("e.csv", "y,color,age\nc,red,1\n", rules(),
                Task.CLASSIFICATION, List.of("a", "b"), notes::add))
                .hasMessage("e.csv:2:1: expected one of the model's classes [a, b] in column 'y', found 'c'");
    }

    @Test
    void rulesRoundTripThroughTheirTreeAndRejectBadOnes() {
        ColumnRules r = rules().withTarget(new TargetScale(152.5f, 77.25f));
        assertThat(ColumnRules.fromTree(r.toTree())).isEqualTo(r);
        assertThat(r.encodedWidth()).isEqualTo(3);
        Map<String, Object> bad = r.toTree();
        bad.put("header", "yes");
        assertThatThrownBy(() -> ColumnRules.fromTree(bad)).hasMessage("columns.header: expected true or false");
        Map<String, Object> noFeatures = rules().toTree();
        noFeatures.put("features", "age");
        assertThatThrownBy(() -> ColumnRules.fromTree(noFeatures)).hasMessage("columns.features: expected a JSON array");
        Map<String, Object> wrongIndex = rules().toTree();
        wrongIndex.put("label_index", 1);
        assertThatThrownBy(() -> ColumnRules.fromTree(wrongIndex)).hasMessageContaining("column 'age' has index 1");
        assertThatThrownBy(() -> new ColumnRules.Column("c", 0, ColumnRules.Kind.CATEGORY, List.of(), "x"))
                .hasMessageContaining("empty vocabulary");
        assertThatThrownBy(() -> new ColumnRules.Column("n", 0, ColumnRules.Kind.NUMBER, List.of(), "red"))
                .hasMessageContaining("expected a number");
    }

    @Test
    void targetScaleMapsBothWays() {
        TargetScale s = TargetScale.fit(Tensor.of(new float[] {100, 200, 300}, 3, 1));
        assertThat(s.mean()).isEqualTo(200f);
        assertThat(s.std()).isEqualTo((float) Math.sqrt(20000.0 / 3));
        Tensor z = s.scale(Tensor.of(new float[] {200, 300}, 2, 1));
        assertThat(z.data()[0]).isEqualTo(0f);
        assertThat(s.unscale(z).data()[1]).isCloseTo(300f, org.assertj.core.api.Assertions.within(1e-4f));
        assertThat(TargetScale.fit(Tensor.of(new float[] {5, 5}, 2, 1)).std()).isEqualTo(1f);
        assertThatThrownBy(() -> new TargetScale(0, 0)).hasMessageContaining("std > 0");
    }
}
