package com.careregistry.testsupport;

/**
 * The fixed ports the tests' own servers listen on (GreenMail's SMTP), moved by
 * {@code CCR_TEST_PORT_OFFSET} (0 unless set), so that two checkouts can run their suites side by
 * side on one machine, as {@code CCR_TEST_DB_SUFFIX} does for their databases.
 */
public final class TestPorts {

    private TestPorts() {
    }

    /** {@code port} moved by the offset. */
    public static int port(int port) {
        String offset = System.getenv("CCR_TEST_PORT_OFFSET");
        return offset == null || offset.isBlank() ? port : port + Integer.parseInt(offset.trim());
    }
}
