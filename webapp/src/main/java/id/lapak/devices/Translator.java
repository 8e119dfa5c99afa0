package id.lapak.devices;

/** A page's translation function ({@code Component::getTranslation}), so wording rules can be tested alone. */
@FunctionalInterface
interface Translator {

    String translate(String key, Object... params);
}
