package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary cache gives back exactly what parsing gives, and is rebuilt when stale or damaged. */
class TableCacheTest {
    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private Path table(String name, int rows, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("id,a,color,b,label\n");
        for (int i = 0; i < rows; i++) {
            s.append("r").append(i).append(',').append(String.format(Locale.ROOT, "%.5f", r.nextGaussian())).append(',')
                    .append(r.nextBoolean() ? "red" : "blue").append(',').append(r.nextInt(9) == 0 ? "NA" : r.nextInt(100))
                    .append(',').append(r.nextBoolean() ? "yes" : "no").append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s.toString());
        return p;
    }

    private Dataset load(Path csv, Path cacheDir) {
        notes.clear();
        TableReader t = TableReader.read(csv, new TableOptions().drop(List.of("id")).impute(Imputation.MEDIAN),
                new LoadOptions().cache(cacheDir), notes::add);
        return t.dataset(t.fit(null), n -> { });
    }

    @Test
    void aSecondReadComesFromTheCacheAndEqualsTheParse() throws Exception {
        Path csv = table("t.csv", 3000, 1);
        Path cache = dir.resolve("cache");
        Dataset parsed = load(csv, null);
        Dataset first = load(csv, cache);
        assertThat(notes).contains("cached the parsed table in " + TableCache.file(cache, csv));
        Dataset second = load(csv, cache);
        assertThat(notes).noneMatch(n -> n.contains("cache"));
        for (Dataset d : List.of(first, second)) {
            assertThat(d.x().data()).containsExactly(parsed.x().data());
            assertThat(d.y().data()).containsExactly(parsed.y().data());
            assertThat(d.classNames()).isEqualTo(parsed.classNames());
        }
    }

    @Test
    void aChangedFileOrOtherColumnsMakeTheCacheStale() throws Exception {
        Path csv = table("t.csv", 500, 2);
        load(csv, dir);
        Files.writeString(csv, Files.readString(csv).replace("\nr7,", "\nr7x,"));
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 5000));
        Dataset d = load(csv, dir);
        assertThat(notes).anyMatch(n -> n.contains("is stale")).anyMatch(n -> n.startsWith("cached the parsed table"));
        assertThat(d.x().data()).containsExactly(load(csv, null).x().data());
        // other columns read (the id column no longer dropped) are another key
        notes.clear();
        TableReader.read(csv, new TableOptions().impute(Imputation.MEDIAN), new LoadOptions().cache(dir), notes::add);
        assertThat(notes).anyMatch(n -> n.contains("is stale"));
    }

    @Test
    void aDamagedCacheIsRebuiltWithANote() throws Exception {
        Path csv = table("t.csv", 800, 3);
        Dataset parsed = load(csv, null);
        load(csv, dir);
        Path cache = TableCache.file(dir, csv);
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length - 100)); // cut short
        assertThat(load(csv, dir).x().data()).containsExactly(parsed.x().data());
        assertThat(notes.get(0)).isEqualTo("cache " + cache + " is damaged (cut short): rebuilding it");
        bytes = Files.readAllBytes(cache);
        bytes[20] ^= 0x55; // inside the description: the checksum no longer matches
        Files.write(cache, bytes);
        assertThat(load(csv, dir).x().data()).containsExactly(parsed.x().data());
        assertThat(notes.get(0)).isEqualTo("cache " + cache + " is damaged (checksum mismatch): rebuilding it");
        assertThat(load(csv, dir).x().data()).containsExactly(parsed.x().data());
        assertThat(notes).noneMatch(n -> n.contains("cache"));
    }
}
