package org.scratchnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

/** Axes named after the data's columns, and loss curves on a log axis when they span two decades. */
class PlotNamesTest {
    @Test
    void regressionAxesNameTheTargetAndSayWhenStandardized() {
        Tensor p = Tensor.of(new float[] {1, 2, 3}, 3, 1), y = Tensor.of(new float[] {1, 2, 4}, 3, 1);
        JFreeChart c = PredictionPlot.chart(p, y, false, new PlotNames(List.of(), "price", false, true));
        assertThat(c.getXYPlot().getDomainAxis().getLabel()).isEqualTo("actual price (standardized)");
        assertThat(c.getXYPlot().getRangeAxis().getLabel()).isEqualTo("predicted price (standardized)");
        assertThat(PredictionPlot.chart(p, y, false).getXYPlot().getDomainAxis().getLabel()).isEqualTo("actual value");
        PlotNames n = new PlotNames(List.of("size", "weight"), null, true, false);
        assertThat(n.feature(1)).isEqualTo("weight (standardized)");
        assertThat(PlotNames.DEFAULT.feature(2)).isEqualTo("x3");
    }

    @Test
    void lossCurvesSwitchToALogAxisWhenTheLossSpansTwoDecades() {
        double[] none = {Double.NaN, Double.NaN};
        JFreeChart wide = CurvePlot.chart("loss", "loss", new double[] {10, 1, 0.1}, none, false);
        JFreeChart narrow = CurvePlot.chart("loss", "loss", new double[] {10, 1, 0.2}, none, false);
        assertThat(wide.getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(wide.getXYPlot().getRangeAxis().getLabel()).isEqualTo("loss (log scale)");
        assertThat(narrow.getXYPlot().getRangeAxis()).isInstanceOf(NumberAxis.class);
        assertThat(CurvePlot.spansTwoDecades(new double[] {5, 0.01}, new double[] {0})).isFalse(); // a 0 loss: no log
        assertThat(CurvePlot.spansTwoDecades(new double[] {1}, new double[] {100})).isTrue();
    }
}
