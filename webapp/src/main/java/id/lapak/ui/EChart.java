package id.lapak.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import id.lapak.tenant.money.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * A chart drawn in the browser by Apache ECharts, loaded at runtime from its webjar (no frontend build): the server
 * sends the chart's option as JSON; values show on hover and the legend hides series. The figures themselves come
 * from the server, so a chart says what the tables and exports say.
 */
public class EChart extends Div {

    /** Served by Spring Boot from the {@code org.webjars.npm:echarts} jar. */
    public static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    /**
     * The numbers in the reader's language: an option's {@code lapakNumbers} (see {@link #numbers}) formats the axes
     * and the visual map whose {@code lapakFormat} is {@code money}, {@code count} or {@code number}; tooltips show
     * a series' {@code lapakText} (its values already formatted on the server), else its {@code lapakFormat}.
     */
    private static final String NUMBERS = """
            const numbers = option.lapakNumbers;
            if (numbers) {
              delete option.lapakNumbers;
              const group = (v, digits) => {
                const [whole, part] = Math.abs(v).toFixed(digits).split('.');
                return (v < 0 ? '-' : '') + whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, numbers.grouping)
                    + (part ? numbers.decimal + part : '');
              };
              const formats = {
                money: v => (v < 0 ? '-' : '') + numbers.prefix + group(Math.abs(v), numbers.digits),
                count: v => group(v, 0),
                number: v => group(v, Number.isInteger(v) ? 0 : 2)
              };
              [].concat(option.xAxis || [], option.yAxis || []).forEach(axis => {
                if (formats[axis.lapakFormat]) {
                  axis.axisLabel = Object.assign({}, axis.axisLabel, {formatter: formats[axis.lapakFormat]});
                }
              });
              if (option.visualMap && formats[option.visualMap.lapakFormat]) {
                option.visualMap.formatter = formats[option.visualMap.lapakFormat];
              }
              const series = [].concat(option.series || []);
              const esc = s => String(s).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
              const text = p => {
                const s = series[p.seriesIndex] || {};
                if (s.lapakText && s.lapakText[p.dataIndex] != null) { return s.lapakText[p.dataIndex]; }
                const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
                return formats[s.lapakFormat] && typeof v === 'number' ? formats[s.lapakFormat](v) : v;
              };
              const item = (p, name) => p.marker + esc(name) + (name ? ': ' : '') + '<b>' + esc(text(p)) + '</b>';
              option.tooltip = Object.assign({}, option.tooltip, {formatter: params => {
                if (Array.isArray(params)) {
                  return esc(params.length ? params[0].axisValueLabel : '')
                      + params.map(p => '<br>' + item(p, p.seriesName)).join('');
                }
                if (params.seriesType === 'pie') {
                  return item(params, params.name) + ' (' + group(params.percent, 1) + '%)';
                }
                if (params.seriesType === 'heatmap') {
                  return esc([].concat(option.yAxis)[0].data[params.value[1]] + ' '
                      + [].concat(option.xAxis)[0].data[params.value[0]] + ':00')
                      + '<br>' + item(params, params.seriesName);
                }
                return item(params, params.seriesName);
              }});
            }
            """;

    private static final String DRAW = """
            const el = this;
            const option = JSON.parse($0);
            """ + NUMBERS + """
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 50); return; }
              const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
              chart.setOption(option, true);
              if (!el.lapakResize) {
                el.lapakResize = new ResizeObserver(() => chart.resize());
                el.lapakResize.observe(el);
              }
            };
            draw();""";

    private String option = "{}";

    /**
     * An option's {@code lapakNumbers}: how amounts of {@code currency} and counts are written in {@code locale}, by
     * the one money rule ({@link Money#notation}), so the axes the browser computes read as the tables do.
     */
    public static Map<String, Object> numbers(Currency currency, Locale locale) {
        Money.Notation notation = Money.notation(currency, locale);
        return Map.of(
                "prefix", notation.prefix(),
                "grouping", String.valueOf(notation.grouping()),
                "decimal", String.valueOf(notation.decimal()),
                "digits", notation.fractionDigits());
    }

    public EChart(String id, String height) {
        setId(id);
        setWidthFull();
        setHeight(height);
        addClassName("lapak-chart");
    }

    /** Draws (or redraws) the chart with an ECharts option given as JSON. */
    public void setOption(String optionJson) {
        this.option = optionJson;
        getElement().executeJs(DRAW, optionJson);
    }

    public String option() {
        return option;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().executeJs(DRAW, option);
    }
}
