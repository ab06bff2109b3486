package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPlotsTest {
    @TempDir
    Path tmp;

    @Test
    void demoWritesItsFiguresAndAnAsciiBoundary() throws Exception {
        Object[] r = DemoCommandTest.run("demo", "--epochs", "50", "--plots", tmp.toString(), "--ascii");
        assertThat(r[0]).isEqualTo(0);
        String out = (String) r[1];
        assertThat(out).contains("plots: wrote loss.png, accuracy.png, data.png, boundary.png, predictions.png to " + tmp);
        for (String name : new String[] {"data.png", "boundary.png", "loss.png", "accuracy.png"}) {
            BufferedImage img = ImageIO.read(tmp.resolve(name).toFile());
            assertThat(img).as(name).isNotNull();
            assertThat(img.getWidth()).isGreaterThanOrEqualTo(560);
        }
        assertThat(ImageIO.read(tmp.resolve("boundary.png").toFile()).getWidth()).isEqualTo(640);
        // 24 rows of 64 characters: regions, class digits and X for mistakes
        assertThat(out).containsPattern("(?m)^[.\\-01X]{64}$");
        assertThat(out).doesNotContain("\r").doesNotContain("\u001b");
        byte[] boundary = Files.readAllBytes(tmp.resolve("boundary.png"));
        Path again = tmp.resolve("again");
        DemoCommandTest.run("demo", "--epochs", "50", "--plots", again.toString(), "--quiet");
        assertThat(Files.readAllBytes(again.resolve("boundary.png"))).isEqualTo(boundary);
    }
}
