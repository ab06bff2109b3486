package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void activationsAndLossesWritePngs() throws Exception {
        for (String what : new String[] {"activations", "losses"}) {
            Path f = tmp.resolve(what + ".png");
            Object[] r = DemoCommandTest.run("plot", what, "--out", f.toString());
            assertThat(r[0]).isEqualTo(0);
            assertThat((String) r[1]).contains("wrote " + f);
            BufferedImage img = ImageIO.read(f.toFile());
            assertThat(img.getWidth()).isEqualTo(1200);
            assertThat(img.getHeight()).isEqualTo(760);
        }
        byte[] first = Files.readAllBytes(tmp.resolve("losses.png"));
        DemoCommandTest.run("plot", "losses", "--out", tmp.resolve("losses.png").toString());
        assertThat(Files.readAllBytes(tmp.resolve("losses.png"))).isEqualTo(first);
    }

    @Test
    void badOutputNameIsUsageError() {
        Object[] r = DemoCommandTest.run("plot", "losses", "--out", tmp.resolve("x.jpg").toString());
        assertThat(r[0]).isEqualTo(2);
        assertThat(((String) r[2]).trim()).startsWith("error: --out must name a .png file");
    }
}
