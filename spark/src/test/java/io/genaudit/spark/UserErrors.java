package io.genaudit.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs a command expected to fail with a user error: exit 2, no stack trace; returns what it printed on stderr. */
final class UserErrors {
    private UserErrors() {
    }

    static String of(Callable<Integer> command) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = command.call();
        } finally {
            System.setErr(err);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        err.print(text);
        assertEquals(2, code, text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        return text;
    }
}
