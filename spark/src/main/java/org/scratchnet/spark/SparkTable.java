package org.scratchnet.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.storage.StorageLevel;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TableLabels;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;

/**
 * A Spark table as training data: picks the feature and label columns by name, learns the
 * column rules (kinds, one-hot vocabularies, fill values, class names, target scaling) and the
 * standardizer in one distributed pass ({@link ColumnStats}, combined in a fixed order), then
 * converts each partition once into a cached {@link Block} of floats. No row reaches the driver.
 */
public final class SparkTable {
    private final Dataset<Row> selected;
    private final RowEncoder encoder;
    private final long rows;
    private final List<String> notes;

    private SparkTable(Dataset<Row> selected, RowEncoder encoder, long rows, List<String> notes) {
        this.selected = selected;
        this.encoder = encoder;
        this.rows = rows;
        this.notes = notes;
    }

    /** Learns the rules of {@code df} for {@code spec}; notes (skipped columns and rows) go to {@code notes}. */
    public static SparkTable prepare(Dataset<Row> df, TableSpec spec, Consumer<String> notes) {
        StructType schema = df.schema();
        List<String> names = List.of(schema.fieldNames());
        int label = names.indexOf(spec.label());
        if (label < 0) {
            throw SparkInputException.data("--label '" + spec.label() + "': expected a column named one of "
                    + names + ", found none named so");
        }
        for (String c : concat(spec.features(), spec.drop(), spec.categorical())) {
            if (!names.contains(c)) {
                throw SparkInputException.data("expected a column named '" + c + "' (from --features, --drop or"
                        + " --categorical), found columns: " + String.join(", ", names));
            }
        }
        List<String> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String c : spec.features() != null ? spec.features() : names) {
            if (c.equals(spec.label()) || spec.drop().contains(c)) {
                if (spec.features() != null && c.equals(spec.label())) {
                    throw SparkInputException.usage("--features: '" + c + "' is the label column");
                }
                continue;
            }
            DataType t = schema.apply(c).dataType();
            String kind = kind(t, spec.categorical().contains(c));
            if (kind == null || (spec.features() == null && isDateTime(t))) {
                if (spec.features() != null) {
                    throw SparkInputException.data("column '" + c + "' holds " + t.simpleString()
                            + " values: expected numbers, text, booleans or dates");
                }
                skipped.add(c + " (" + t.simpleString() + ")");
                continue;
            }
            chosen.add(c);
        }
        if (!skipped.isEmpty()) {
            notes.accept("left out column(s) " + String.join(", ", skipped) + ": name them in --features to use them");
        }
        if (chosen.isEmpty()) {
            throw SparkInputException.data("expected at least one feature column besides the label '" + spec.label()
                    + "', found none (columns: " + String.join(", ", names) + ")");
        }
        boolean[] number = new boolean[chosen.size()];
        Column[] cols = new Column[chosen.size() + 1];
        for (int f = 0; f < chosen.size(); f++) {
            number[f] = "number".equals(kind(schema.apply(chosen.get(f)).dataType(),
                    spec.categorical().contains(chosen.get(f))));
            cols[f] = functions.col(quote(chosen.get(f)));
        }
        cols[chosen.size()] = functions.col(quote(spec.label()));
        Dataset<Row> selected = df.select(cols);
        ColumnStats stats = statistics(selected, number);
        List<String> noteList = new ArrayList<>();
        RowEncoder enc = Rules.fit(selected, spec, chosen, number, names, stats, noteList::add);
        noteList.forEach(notes);
        return new SparkTable(selected, enc, stats.rows - stats.labelMissing, noteList);
    }

    /** The pass over all rows that learns the column statistics. */
    private static ColumnStats statistics(Dataset<Row> selected, boolean[] number) {
        int p = selected.javaRDD().getNumPartitions();
        JavaRDD<OrderedSum<ColumnStats>> parts = selected.javaRDD().mapPartitionsWithIndex((index, it) -> {
            ColumnStats s = new ColumnStats(number.length);
            while (it.hasNext()) {
                RowEncoder.observe(it.next(), number, s);
            }
            OrderedSum<ColumnStats> one = new OrderedSum<>(p, ColumnStats::combine);
            one.add(index, s);
            return List.of(one).iterator();
        }, true);
        OrderedSum<ColumnStats> total = parts.treeAggregate(new OrderedSum<>(p, ColumnStats::combine),
                OrderedSum::merge, OrderedSum::merge);
        ColumnStats s = total.total();
        return s != null ? s : new ColumnStats(number.length);
    }

    /** The rows as cached float blocks, one per partition (computed when first used). */
    public JavaRDD<Block> blocks() {
        RowEncoder enc = encoder;
        JavaRDD<Block> b = selected.javaRDD().mapPartitionsWithIndex(
                (index, it) -> List.of(enc.encode(index, it)).iterator(), true);
        return b.persist(StorageLevel.MEMORY_ONLY());
    }

    /**
     * Another table (validation, test) encoded by these rules, as cached blocks: its columns are
     * found by name; a missing one is an error naming it.
     */
    public JavaRDD<Block> encode(Dataset<Row> other, String option) {
        List<String> names = List.of(other.schema().fieldNames());
        List<String> want = new ArrayList<>();
        rules().features().forEach(c -> want.add(c.name()));
        want.add(rules().label());
        Column[] cols = new Column[want.size()];
        for (int i = 0; i < cols.length; i++) {
            if (!names.contains(want.get(i))) {
                throw SparkInputException.data(option + ": expected a column named '" + want.get(i)
                        + "', found columns: " + String.join(", ", names));
            }
            cols[i] = functions.col(quote(want.get(i)));
        }
        RowEncoder enc = encoder;
        return other.select(cols).javaRDD().mapPartitionsWithIndex(
                (index, it) -> List.of(enc.encode(index, it)).iterator(), true).persist(StorageLevel.MEMORY_ONLY());
    }

    public ColumnRules rules() {
        return encoder.rules();
    }

    public Task task() {
        return encoder.task;
    }

    public List<String> classNames() {
        return encoder.classNames;
    }

    public Standardizer standardizer() {
        return encoder.standardizer();
    }

    /** Rows with a label (those training uses). */
    public long rows() {
        return rows;
    }

    /** K: outputs of the network (1 for two classes and for regression). */
    public int outputs() {
        return encoder.targetWidth;
    }

    public List<String> notes() {
        return notes;
    }

    /** "number", "text", or null for a type that cannot be a feature. */
    static String kind(DataType t, boolean categorical) {
        if (t == DataTypes.ByteType || t == DataTypes.ShortType || t == DataTypes.IntegerType
                || t == DataTypes.LongType || t == DataTypes.FloatType || t == DataTypes.DoubleType
                || t instanceof DecimalType) {
            return categorical ? "text" : "number";
        }
        if (t == DataTypes.StringType || t == DataTypes.BooleanType || isDateTime(t)) {
            return "text";
        }
        return null;
    }

    static boolean isDateTime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
    }

    /** A column name as Spark's col() reads it literally (dots and spaces included). */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    /** Shortest decimal text of a float that the column rules read back as the same number. */
    static String numberText(double v) {
        return new BigDecimal(Float.toString((float) v)).toPlainString();
    }
}
