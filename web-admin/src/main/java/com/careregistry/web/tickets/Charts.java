package com.careregistry.web.tickets;

import com.careregistry.core.ticket.DeskStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * The dashboard's charts, worked out here and drawn on the server as SVG by fragments/charts.html:
 * where the axis lines, the bars or dots and the labels go in a 660 wide box whose plot runs from
 * x 40 to 650 and from y 170 (the bottom of the axis) up 150. A bar chart's axis runs from 0 to a
 * round number ({@link DeskStats#axisTop}) with its half between; a column may stack several
 * values (breaches of two kinds). A rating chart's axis runs from 1 to 5 stars, with a dot for each
 * week that had ratings and a line between neighbouring dots, so a week without is a gap. Each
 * chart also carries its numbers as rows of a table, the text alternative shown under it.
 */
public final class Charts {

    static final int LEFT = 48;
    static final int WIDTH = 600;
    static final int BOTTOM = 170;
    static final int HEIGHT = 150;

    private Charts() {
    }

    /** A line across the plot at a value of the axis, and the value written left of it. */
    public record Tick(String label, int y) {
    }

    /** One rectangle of a column; {@code kind} is its CSS class (empty for the single kind). */
    public record Part(String kind, int x, int y, int width, int height, String title) {
    }

    /** A column drawn: its rectangles from the bottom up, its label under the axis (or none), its count above (or none). */
    public record Bar(List<Part> parts, String label, int labelX, String count, int countY) {
    }

    /** A row of a chart's table: what it is about (a day, a week, a wait), then its numbers. */
    public record Row(String what, List<String> values) {
    }

    /**
     * A column to draw: the label under the axis ({@code null}: none, to leave room), its name in
     * the table, its values stacked from the bottom, and the title (tooltip) of each.
     */
    public record Column(String label, String name, List<Long> values, List<String> titles) {
        static Column of(String label, String name, long value, String title) {
            return new Column(label, name, List.of(value), List.of(title));
        }
    }

    /** A bar chart; {@code empty} when every value is 0, when the page says so instead of drawing it. */
    public record BarChart(List<Tick> ticks, List<Bar> bars, List<String> headings, List<Row> rows, boolean empty) {
    }

    /** A week's dot on the rating chart. */
    public record Dot(int x, int y, String title) {
    }

    /** The line between two neighbouring weeks' dots. */
    public record Segment(int x1, int y1, int x2, int y2) {
    }

    /** What is written under a week: its date and how many ratings it had. */
    public record Label(int x, String date, String count) {
    }

    /** The rating chart; {@code empty} when no week had a rating. */
    public record LineChart(List<Tick> ticks, List<Dot> dots, List<Segment> segments, List<Label> labels, List<String> headings,
                            List<Row> rows, boolean empty) {
    }

    /**
     * Columns side by side over the plot's width, each 7/10 of its slot; the values of a column
     * stacked with the CSS classes {@code kinds} (one per value); with {@code counts}, each
     * column's total written above it.
     */
    static BarChart bars(List<Column> columns, List<String> kinds, List<String> headings, boolean counts) {
        long max = columns.stream().mapToLong(column -> column.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        long top = DeskStats.axisTop(max);
        List<Tick> ticks = List.of(new Tick("0", BOTTOM), new Tick(String.valueOf(top / 2), (int) (BOTTOM - top / 2 * HEIGHT / top)),
                new Tick(String.valueOf(top), BOTTOM - HEIGHT));
        int slot = WIDTH / Math.max(1, columns.size());
        int width = slot * 7 / 10;
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int x = LEFT + i * slot;
            int y = BOTTOM;
            long total = 0;
            List<Part> parts = new ArrayList<>();
            for (int v = 0; v < column.values().size(); v++) {
                total += column.values().get(v);
                int h = (int) (column.values().get(v) * HEIGHT / top);
                y -= h;
                parts.add(new Part(kinds.get(v), x, y, width, h, column.titles().get(v)));
            }
            bars.add(new Bar(parts, column.label(), x + width / 2, counts ? String.valueOf(total) : null, y - 4));
            rows.add(new Row(column.name(), column.values().stream().map(String::valueOf).toList()));
        }
        return new BarChart(ticks, bars, headings, rows, max == 0);
    }

    /** A week to draw on the rating chart: its date, its average (none: a gap), how many ratings, and its dot's title. */
    record Week(String date, String name, Optional<Double> average, long ratings, String title) {
    }

    /** The rating chart: an axis of 1 to 5 stars, a dot per week with ratings, lines between neighbours. */
    static LineChart ratings(List<Week> weeks, List<String> headings, DoubleFunction<String> format) {
        List<Tick> ticks = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            ticks.add(new Tick(String.valueOf(stars), starsY(stars)));
        }
        int slot = WIDTH / Math.max(1, weeks.size());
        List<Dot> dots = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Dot previous = null;
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            int x = LEFT + i * slot + slot * 7 / 20;
            labels.add(new Label(x, week.date(), String.valueOf(week.ratings())));
            rows.add(new Row(week.name(), List.of(week.average().map(format::apply).orElse("—"), String.valueOf(week.ratings()))));
            if (week.average().isEmpty()) {
                previous = null;
                continue;
            }
            Dot dot = new Dot(x, starsY(week.average().get()), week.title());
            if (previous != null) {
                segments.add(new Segment(previous.x(), previous.y(), dot.x(), dot.y()));
            }
            dots.add(dot);
            previous = dot;
        }
        return new LineChart(ticks, dots, segments, labels, headings, rows, dots.isEmpty());
    }

    private static int starsY(double stars) {
        return (int) Math.round(BOTTOM - (stars - 1) * HEIGHT / 4);
    }
}
