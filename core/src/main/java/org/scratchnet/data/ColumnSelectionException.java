package org.scratchnet.data;

/**
 * A column list (features, drop, categorical, label) names a column the table does not have, or
 * contradicts itself. The message is one line naming the option and listing the header.
 */
public final class ColumnSelectionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ColumnSelectionException(String message) {
        super(message);
    }
}
