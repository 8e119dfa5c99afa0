package id.lapak.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * A chart drawn in the browser by Apache ECharts, loaded at runtime from its webjar (no frontend build): the server
 * sends the chart's option as JSON; values show on hover and the legend hides series. The figures themselves come
 * from the server, so a chart says what the tables and exports say.
 */
public class EChart extends Div {

    /** Served by Spring Boot from the {@code org.webjars.npm:echarts} jar. */
    public static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final String DRAW = """
            const el = this;
            const option = JSON.parse($0);
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
