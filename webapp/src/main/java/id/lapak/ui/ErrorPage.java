package id.lapak.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The friendly page every error route shows: a title, a sentence, a way back. Never a stack trace. */
abstract class ErrorPage extends VerticalLayout {

    private final H1 title = new H1();
    private final Paragraph text = new Paragraph();

    ErrorPage() {
        setId("error-page");
        addClassName("lapak-error-page");
        title.setId("error-title");
        text.setId("error-text");
        add(title, text, new Anchor("", getTranslation("error.home")));
    }

    void show(String titleKey, String textKey, Object... params) {
        title.setText(getTranslation(titleKey));
        text.setText(getTranslation(textKey, params));
    }
}
