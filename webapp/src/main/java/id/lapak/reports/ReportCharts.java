package id.lapak.reports;

import id.lapak.reports.ReportService.Line;
import id.lapak.tenant.money.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** The ECharts options of the dashboard's and reports' charts, built from the same figures as their tables. */
final class ReportCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportCharts() {}

    static BigDecimal major(Money money) {
        return new BigDecimal(money.toPlainString());
    }

    /** Net sales per hour, this period beside the previous one. */
    static String hours(List<Line> current, List<Line> previous, String currentName, String previousName) {
        Map<String, Object> option = base();
        option.put("legend", Map.of("data", List.of(currentName, previousName)));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        current.stream().map(Line::label).toList()));
        option.put("yAxis", Map.of("type", "value"));
        option.put(
                "series",
                List.of(
                        Map.of("name", currentName, "type", "bar", "data", values(current)),
                        Map.of("name", previousName, "type", "bar", "data", values(previous))));
        return json(option);
    }

    /** Day lines labelled with a short local date ("27 Nov", "27 Des"), for chart axes. */
    static List<Line> shortDays(List<Line> days, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", locale);
        return days.stream()
                .map(l -> new Line(l.key(), LocalDate.parse(l.key()).format(format), l.figures()))
                .toList();
    }

    /** Net sales and transactions per day. */
    static String days(List<Line> days, String netName, String transactionsName) {
        Map<String, Object> option = base();
        option.put("legend", Map.of("data", List.of(netName, transactionsName)));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        days.stream().map(Line::label).toList()));
        option.put("yAxis", List.of(Map.of("type", "value"), Map.of("type", "value")));
        option.put(
                "series",
                List.of(
                        Map.of("name", netName, "type", "line", "smooth", true, "data", values(days)),
                        Map.of(
                                "name",
                                transactionsName,
                                "type",
                                "bar",
                                "yAxisIndex",
                                1,
                                "data",
                                days.stream()
                                        .map(l -> l.figures().transactions())
                                        .toList())));
        return json(option);
    }

    /** The share of each payment method in total collected. */
    static String mix(List<Line> methods, Function<String, String> names) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        List<Map<String, Object>> data = new ArrayList<>();
        for (Line l : methods) {
            data.add(Map.of(
                    "name", names.apply(l.key()), "value", major(l.figures().collected())));
        }
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data)));
        return json(option);
    }

    /** Transactions by weekday and hour. */
    static String heatmap(Map<DayOfWeek, List<Line>> cells, Locale locale) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("position", "top"));
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add("%02d".formatted(h));
        }
        List<String> days = new ArrayList<>();
        List<List<Long>> data = new ArrayList<>();
        long max = 1;
        int y = 0;
        for (Map.Entry<DayOfWeek, List<Line>> day : cells.entrySet()) {
            days.add(day.getKey().getDisplayName(TextStyle.SHORT, locale));
            for (int h = 0; h < 24; h++) {
                long n = day.getValue().get(h).figures().transactions();
                max = Math.max(max, n);
                data.add(List.of((long) h, (long) y, n));
            }
            y++;
        }
        option.put("grid", Map.of("left", 50, "right", 20, "top", 10, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", hours));
        option.put("yAxis", Map.of("type", "category", "data", days));
        option.put(
                "visualMap",
                Map.of(
                        "min",
                        0,
                        "max",
                        max,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "calculable",
                        true));
        option.put("series", List.of(Map.of("type", "heatmap", "data", data)));
        return json(option);
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 60, "right", 40, "top", 40, "bottom", 30));
        return option;
    }

    private static List<BigDecimal> values(List<Line> lines) {
        return lines.stream().map(l -> major(l.figures().collected())).toList();
    }

    private static String json(Map<String, Object> option) {
        return JSON.writeValueAsString(option);
    }
}
