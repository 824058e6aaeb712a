package org.lumaflow.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.cli.Options;
import org.lumaflow.cli.UsageException;

/** {@link Options}: values, numbers and positionals, and the usage errors naming the option. */
class OptionsTest {

    @Test
    void valuesNumbersAndPositionals() throws Exception {
        List<String> argv = List.of("in.mp4", "--rate", "2.5");
        assertEquals("2.5", Options.value(argv, 2, "--rate"));
        assertEquals(2.5, Options.nonNegative("2.5", "--rate"), 0);
        assertEquals(0, Options.nonNegative("0", "--rate"), 0);
        assertEquals("in.mp4", Options.positional("in.mp4"));
        assertEquals("-", Options.positional("-"), "standard input/output stays a positional");
    }

    @Test
    void usageErrorsNameTheOption() {
        assertEquals("option --rate needs a value",
                assertThrows(UsageException.class, () -> Options.value(List.of("--rate"), 1, "--rate")).getMessage());
        assertEquals("bad --rate '-1': expected a number >= 0",
                assertThrows(UsageException.class, () -> Options.nonNegative("-1", "--rate")).getMessage());
        assertEquals("bad --rate 'NaN': expected a number >= 0",
                assertThrows(UsageException.class, () -> Options.nonNegative("NaN", "--rate")).getMessage());
        assertEquals("bad --rate 'fast': expected a number >= 0",
                assertThrows(UsageException.class, () -> Options.nonNegative("fast", "--rate")).getMessage());
        assertEquals("unknown option -x",
                assertThrows(UsageException.class, () -> Options.positional("-x")).getMessage());
    }
}
