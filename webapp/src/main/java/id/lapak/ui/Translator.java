package id.lapak.ui;

/** A page's translation function ({@code Component::getTranslation}), so wording rules can be tested alone. */
@FunctionalInterface
public interface Translator {

    String translate(String key, Object... params);
}
