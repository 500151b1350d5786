package com.careregistry.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A list of values in a statement ({@code id IN (?,?,?)}) as placeholders, never as literals: the
 * statement's text then depends only on how many there are, so the driver and the server see a few
 * statements again and again rather than a new one every time.
 */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code ?,?,?}: one placeholder for each of {@code count} values. */
    public static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    public static String marks(Collection<?> values) {
        return marks(values.size());
    }

    /**
     * {@code (…) UNION ALL (…)}: the parenthesized {@code query}, one per key, {@code count} times; as
     * with the marks, the text depends only on how many (one index dive per chat's or queue's head).
     */
    public static String unionAll(String query, int count) {
        return String.join(" UNION ALL ", Collections.nCopies(count, query));
    }

    /** The statement's arguments: {@code before}, then {@code values}, then {@code after}. */
    public static Object[] args(List<?> before, Collection<?> values, Object... after) {
        List<Object> all = new ArrayList<>(before.size() + values.size() + after.length);
        all.addAll(before);
        all.addAll(values);
        Collections.addAll(all, after);
        return all.toArray();
    }
}
