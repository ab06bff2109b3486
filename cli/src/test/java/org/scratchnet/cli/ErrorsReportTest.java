package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one-line report that parsed and plain (no-option) runs share. */
class ErrorsReportTest {
    @Test
    void userErrorsKeepTheirExitCodeOthersGetOneAndMessagesStayOnOneLine() {
        StringWriter sw = new StringWriter();
        PrintWriter err = new PrintWriter(sw, true);
        assertThat(Errors.report(new Errors.UserException("bad table", 3), err)).isEqualTo(3);
        assertThat(Errors.report(new IllegalStateException("two\nlines"), err)).isEqualTo(1);
        assertThat(Errors.report(new IllegalArgumentException(), err)).isEqualTo(1);
        assertThat(sw.toString()).isEqualTo("error: bad table" + System.lineSeparator() + "error: two lines"
                + System.lineSeparator() + "error: IllegalArgumentException" + System.lineSeparator());
    }
}
