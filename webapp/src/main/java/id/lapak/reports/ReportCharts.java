package id.lapak.reports;

import id.lapak.reports.ReportService.Line;
import id.lapak.tenant.money.Money;
import id.lapak.ui.EChart;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ECharts options of the dashboard's and reports' charts, built from the same figures as their tables, with the
 * numbers in the reader's language: tooltips show each value as the tables write it ({@code lapakText}), axes the
 * browser computes follow the same notation ({@code lapakNumbers}, drawn by {@link EChart}).
 */
final class ReportCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportCharts() {}

    static BigDecimal major(Money money) {
        return new BigDecimal(money.toPlainString());
    }

    /** Net sales per hour, this period beside the previous one. */
    static String hours(
            List<Line> current, List<Line> previous, String currentName, String previousName, Locale locale) {
        Map<String, Object> option = base(locale, current, previous);
        option.put("legend", Map.of("data", List.of(currentName, previousName)));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        current.stream().map(Line::label).toList()));
        option.put("yAxis", Map.of("type", "value", "lapakFormat", "money"));
        option.put(
                "series",
                List.of(money(currentName, "bar", current, locale), money(previousName, "bar", previous, locale)));
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
    static String days(List<Line> days, String netName, String transactionsName, Locale locale) {
        Map<String, Object> option = base(locale, days);
        option.put("legend", Map.of("data", List.of(netName, transactionsName)));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        days.stream().map(Line::label).toList()));
        option.put(
                "yAxis",
                List.of(
                        Map.of("type", "value", "lapakFormat", "money"),
                        Map.of("type", "value", "lapakFormat", "count")));
        Map<String, Object> net = money(netName, "line", days, locale);
        net.put("smooth", true);
        Map<String, Object> transactions = new LinkedHashMap<>();
        transactions.put("name", transactionsName);
        transactions.put("type", "bar");
        transactions.put("yAxisIndex", 1);
        transactions.put(
                "data", days.stream().map(l -> l.figures().transactions()).toList());
        transactions.put(
                "lapakText",
                days.stream()
                        .map(l -> count(l.figures().transactions(), locale))
                        .toList());
        option.put("series", List.of(net, transactions));
        return json(option);
    }

    /** The share of each payment method in total collected. */
    static String mix(List<Line> methods, Function<String, String> names, Locale locale) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("lapakNumbers", EChart.numbers(currency(methods), locale));
        option.put("tooltip", Map.of("trigger", "item", "confine", true));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        List<Map<String, Object>> data = new ArrayList<>();
        for (Line l : methods) {
            data.add(Map.of(
                    "name", names.apply(l.key()), "value", major(l.figures().collected())));
        }
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "pie",
                        "radius",
                        List.of("40%", "70%"),
                        "center",
                        List.of("50%", "45%"),
                        // Names are in the legend and the tooltip: labels around a narrow ring were cut.
                        "label",
                        Map.of("show", false),
                        "data",
                        data,
                        "lapakText",
                        methods.stream()
                                .map(l -> l.figures().collected().format(locale))
                                .toList())));
        return json(option);
    }

    /** Transactions by weekday and hour. */
    static String heatmap(Map<DayOfWeek, List<Line>> cells, String transactionsName, Locale locale) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("lapakNumbers", EChart.numbers(Currency.getInstance("IDR"), locale));
        option.put("tooltip", Map.of("position", "top", "confine", true));
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add("%02d".formatted(h));
        }
        List<String> days = new ArrayList<>();
        List<List<Long>> data = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long max = 1;
        int y = 0;
        for (Map.Entry<DayOfWeek, List<Line>> day : cells.entrySet()) {
            days.add(day.getKey().getDisplayName(TextStyle.SHORT, locale));
            for (int h = 0; h < 24; h++) {
                long n = day.getValue().get(h).figures().transactions();
                max = Math.max(max, n);
                data.add(List.of((long) h, (long) y, n));
                texts.add(count(n, locale));
            }
            y++;
        }
        option.put("grid", Map.of("left", 50, "right", 20, "top", 10, "bottom", 85));
        option.put("xAxis", Map.of("type", "category", "data", hours));
        option.put("yAxis", Map.of("type", "category", "data", days));
        option.put(
                "visualMap",
                Map.of(
                        "lapakFormat",
                        "count",
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
        option.put(
                "series",
                List.of(Map.of("name", transactionsName, "type", "heatmap", "data", data, "lapakText", texts)));
        return json(option);
    }

    /** A chart over an axis with the reader's numbers; the grid leaves room for amounts such as "Rp 12.500.000". */
    @SafeVarargs
    private static Map<String, Object> base(Locale locale, List<Line>... lines) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put(
                "lapakNumbers",
                EChart.numbers(
                        currency(Arrays.stream(lines).flatMap(List::stream).toList()), locale));
        option.put("tooltip", Map.of("trigger", "axis", "confine", true));
        option.put("grid", Map.of("left", 10, "right", 20, "top", 40, "bottom", 30, "containLabel", true));
        return option;
    }

    /** A series of the lines' totals collected, with each value as the reader reads it for the tooltip. */
    private static Map<String, Object> money(String name, String type, List<Line> lines, Locale locale) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", type);
        series.put(
                "data", lines.stream().map(l -> major(l.figures().collected())).toList());
        series.put(
                "lapakText",
                lines.stream().map(l -> l.figures().collected().format(locale)).toList());
        return series;
    }

    /** The lines' currency (the rupiah for none: an empty chart shows no amount). */
    private static Currency currency(List<Line> lines) {
        return lines.isEmpty()
                ? Currency.getInstance("IDR")
                : lines.getFirst().figures().currency();
    }

    private static String count(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    private static String json(Map<String, Object> option) {
        return JSON.writeValueAsString(option);
    }
}
