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

    /** Rewrites {@code csv} with {@code text} and gives it back the modification time it had. */
    private static void rewriteKeepingTime(Path csv, String text) throws Exception {
        FileTime before = Files.getLastModifiedTime(csv);
        Files.writeString(csv, text);
        Files.setLastModifiedTime(csv, before);
    }

    private void assertStaleAndFresh(Path csv, Path cacheDir, String what) {
        Dataset d = load(csv, cacheDir);
        assertThat(notes).as(what).anyMatch(n -> n.contains("is stale"));
        Dataset parsed = load(csv, null);
        assertThat(d.x().data()).as(what).containsExactly(parsed.x().data());
        assertThat(d.y().data()).as(what).containsExactly(parsed.y().data());
    }

    @Test
    void eachPartOfTheKeyOnItsOwnMakesTheCacheStale() throws Exception {
        Path csv = table("t.csv", 300, 4);
        String text = Files.readString(csv);

        // the same size, another modification time (a digit changed in place)
        load(csv, dir);
        Files.writeString(csv, text.replace("\nr5,", "\nr6,"));
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 7000));
        assertStaleAndFresh(csv, dir, "mtime");

        // another size, the same modification time (a row dropped)
        String shorter = Files.readString(csv);
        shorter = shorter.substring(0, shorter.lastIndexOf('\n', shorter.length() - 2) + 1);
        rewriteKeepingTime(csv, shorter);
        assertStaleAndFresh(csv, dir, "size");

        // the same size and time, other header names (the columns are found by name)
        String renamed = Files.readString(csv).replaceFirst("id,a,color,b,label", "id,b,color,a,label");
        rewriteKeepingTime(csv, renamed);
        assertStaleAndFresh(csv, dir, "header");

        // the same size, time and header, another separator
        String semicolons = Files.readString(csv).replace(',', ';');
        rewriteKeepingTime(csv, semicolons);
        assertStaleAndFresh(csv, dir, "separator");

        // a row limit is another key too
        notes.clear();
        TableReader.read(csv, new TableOptions().drop(List.of("id")).impute(Imputation.MEDIAN),
                new LoadOptions().cache(dir).maxRows(10), notes::add);
        assertThat(notes).anyMatch(n -> n.contains("is stale"));
    }

    @Test
    void twoFilesOfOneNameInTwoFoldersDoNotShareACache() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Path cache = dir.resolve("cache");
        Path first = table("t.csv", 200, 5);
        Files.move(first, a.resolve("t.csv"));
        first = a.resolve("t.csv");
        String other = Files.readString(first).replace("red", "tan").replace("blue", "gray");
        Path second = b.resolve("t.csv");
        Files.writeString(second, other); // same length, same name
        Files.setLastModifiedTime(second, Files.getLastModifiedTime(first));
        load(first, cache);
        assertStaleAndFresh(second, cache, "path");
    }

    @Test
    void withoutAHeaderAnotherColumnCountMakesTheCacheStale() throws Exception {
        // same size, same time, no header: 3 columns, then 2
        StringBuilder three = new StringBuilder(), two = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            three.append(i % 10).append(',').append((i + 3) % 10).append(',').append(i % 2).append('\n');
            two.append(i % 10).append((i + 3) % 10).append(',').append(i % 2).append(i % 2).append('\n');
        }
        Path csv = dir.resolve("plain.csv");
        Files.writeString(csv, three);
        TableOptions o = new TableOptions().header(false);
        notes.clear();
        TableReader.read(csv, o, new LoadOptions().cache(dir), notes::add);
        rewriteKeepingTime(csv, two.toString());
        notes.clear();
        TableReader t = TableReader.read(csv, o, new LoadOptions().cache(dir), notes::add);
        assertThat(notes).anyMatch(n -> n.contains("is stale"));
        assertThat(t.dataset(t.fit(null), n -> { }).x().cols()).isEqualTo(1);
    }
}
