package org.scratchnet.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the columns of a table become the network's inputs, learned on the training rows and kept
 * in the model file so that evaluation and prediction read new files the same way: which source
 * columns are features (by name, and by position for files without a header), which are numbers
 * and which are categories (one-hot, with their vocabulary), the value that fills a missing cell,
 * the label column's name and, for regression, the target's scaling.
 *
 * <p>A feature column of kind {@link Kind#CATEGORY} with vocabulary {@code [v1..vC]} becomes C
 * inputs {@code name=v1 .. name=vC} (one-hot; a value outside the vocabulary gives all zeros, as
 * scikit-learn's {@code OneHotEncoder(handle_unknown="ignore")}); a {@link Kind#NUMBER} column is one
 * input. The encoded width D is the sum.
 *
 * <p>{@link #toTree()} and {@link #fromTree} convert to and from a JSON-ready tree (maps, lists,
 * strings, numbers), so the data package needs no JSON library; the model file stores the tree
 * under its {@code columns} key (docs/model-format.md).
 *
 * @param label       name of the label column at training (column1.. for files without a header)
 * @param labelIndex  0-based position of the label column in the training file
 * @param sourceWidth number of columns in the training file
 * @param header      whether the training file had a header row (else columns match by position)
 * @param features    the feature columns in input order
 * @param target      the regression target's scaling, or null (classification, or unscaled)
 */
public record ColumnRules(String label, int labelIndex, int sourceWidth, boolean header, List<Column> features,
        TargetScale target) {
    /** What a feature column holds. */
    public enum Kind {
        NUMBER, CATEGORY;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One source feature column.
     *
     * @param name       header name (or column1.. without a header)
     * @param index      0-based position in the training file
     * @param kind       number or category
     * @param categories sorted vocabulary of a category column (empty for numbers)
     * @param fill       value put in a missing cell: a number's mean or median, a category's most
     *                   frequent value (as text)
     */
    public record Column(String name, int index, Kind kind, List<String> categories, String fill) {
        public Column {
            categories = List.copyOf(categories);
            if (kind == Kind.CATEGORY && categories.isEmpty()) {
                throw new IllegalArgumentException("category column '" + name + "' has an empty vocabulary");
            }
            if (kind == Kind.NUMBER && !CsvParser.isNumber(fill)) {
                throw new IllegalArgumentException("number column '" + name + "' has fill value '" + fill
                        + "', expected a number");
            }
        }

        /** Inputs this column becomes: 1 for a number, the vocabulary size for a category. */
        public int width() {
            return kind == Kind.NUMBER ? 1 : categories.size();
        }
    }

    public ColumnRules {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("column rules need at least one feature column");
        }
    }

    /** The same rules with {@code scale} as the target scaling. */
    public ColumnRules withTarget(TargetScale scale) {
        return new ColumnRules(label, labelIndex, sourceWidth, header, features, scale);
    }

    /** D, the network's input width. */
    public int encodedWidth() {
        int d = 0;
        for (Column c : features) {
            d += c.width();
        }
        return d;
    }

    /** D input names: a number column's name, or {@code name=value} per category. */
    public List<String> encodedNames() {
        List<String> names = new ArrayList<>();
        for (Column c : features) {
            if (c.kind() == Kind.NUMBER) {
                names.add(c.name());
            } else {
                c.categories().forEach(v -> names.add(c.name() + "=" + v));
            }
        }
        return names;
    }

    /** D flags: true where the input is a number column (standardized), false for one-hot inputs. */
    public boolean[] numericInputs() {
        boolean[] mask = new boolean[encodedWidth()];
        int j = 0;
        for (Column c : features) {
            for (int k = 0; k < c.width(); k++) {
                mask[j++] = c.kind() == Kind.NUMBER;
            }
        }
        return mask;
    }

    /** A JSON-ready tree of these rules (the model file's {@code columns} value). */
    public Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("label_index", labelIndex);
        m.put("source_width", sourceWidth);
        m.put("header", header);
        List<Object> cols = new ArrayList<>();
        for (Column c : features) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", c.name());
            e.put("index", c.index());
            e.put("kind", c.kind().id());
            if (c.kind() == Kind.CATEGORY) {
                e.put("categories", c.categories());
                e.put("fill", c.fill());
            } else {
                e.put("fill", new BigDecimal(c.fill()));
            }
            cols.add(e);
        }
        m.put("features", cols);
        if (target != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("mean", target.mean());
            t.put("std", target.std());
            m.put("target_scaling", t);
        }
        return m;
    }

    /**
     * Rules from a tree as {@link #toTree()} makes it (JSON numbers as BigDecimal or any Number).
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static ColumnRules fromTree(Object tree) {
        Map<?, ?> m = map(tree, "columns");
        List<Column> cols = new ArrayList<>();
        int i = 0;
        for (Object o : list(m.get("features"), "columns.features")) {
            String at = "columns.features[" + i++ + "]";
            Map<?, ?> e = map(o, at);
            Kind kind;
            String k = string(e.get("kind"), at + ".kind");
            if (k.equals("number")) {
                kind = Kind.NUMBER;
            } else if (k.equals("category")) {
                kind = Kind.CATEGORY;
            } else {
                throw new IllegalArgumentException(at + ".kind: expected \"number\" or \"category\", found \"" + k + "\"");
            }
            List<String> cats = new ArrayList<>();
            if (kind == Kind.CATEGORY) {
                int j = 0;
                for (Object c : list(e.get("categories"), at + ".categories")) {
                    cats.add(string(c, at + ".categories[" + j++ + "]"));
                }
            }
            Object fill = e.get("fill");
            String fillText = kind == Kind.NUMBER ? number(fill, at + ".fill").toPlainString() : string(fill, at + ".fill");
            cols.add(new Column(string(e.get("name"), at + ".name"), index(e.get("index"), at + ".index"), kind, cats,
                    fillText));
        }
        TargetScale target = null;
        if (m.get("target_scaling") != null) {
            Map<?, ?> t = map(m.get("target_scaling"), "columns.target_scaling");
            target = new TargetScale(number(t.get("mean"), "columns.target_scaling.mean").floatValue(),
                    number(t.get("std"), "columns.target_scaling.std").floatValue());
        }
        if (!(m.get("header") instanceof Boolean header)) {
            throw new IllegalArgumentException("columns.header: expected true or false");
        }
        ColumnRules rules = new ColumnRules(string(m.get("label"), "columns.label"),
                index(m.get("label_index"), "columns.label_index"), index(m.get("source_width"), "columns.source_width"),
                header, cols, target);
        for (Column c : rules.features) {
            if (c.index() >= rules.sourceWidth || c.index() == rules.labelIndex) {
                throw new IllegalArgumentException("columns.features: column '" + c.name() + "' has index " + c.index()
                        + ", expected below source_width " + rules.sourceWidth + " and not the label's");
            }
        }
        return rules;
    }

    private static Map<?, ?> map(Object o, String at) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(at + ": expected a JSON object");
    }

    private static List<?> list(Object o, String at) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(at + ": expected a JSON array");
    }

    private static String string(Object o, String at) {
        if (o instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(at + ": expected a string");
    }

    private static BigDecimal number(Object o, String at) {
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalArgumentException(at + ": expected a number");
    }

    private static int index(Object o, String at) {
        BigDecimal b = number(o, at);
        try {
            int v = b.intValueExact();
            if (v >= 0) {
                return v;
            }
        } catch (ArithmeticException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(at + ": expected an integer >= 0, found " + b);
    }
}
