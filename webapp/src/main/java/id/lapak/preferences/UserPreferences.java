package id.lapak.preferences;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers each person's language across sessions and devices. */
@Service
public class UserPreferences {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("id"));

    private final JdbcClient jdbc;

    UserPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Locale> language(String subject) {
        return jdbc.sql("select locale from user_preference where subject = ?")
                .param(subject)
                .query(String.class)
                .optional()
                .map(Locale::of);
    }

    @Transactional
    public void setLanguage(String subject, Locale locale) {
        if (LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(locale.getLanguage()))) {
            throw new IllegalArgumentException("Unsupported language: " + locale.getLanguage());
        }
        jdbc.sql("""
                        insert into user_preference (subject, locale, updated_at) values (?, ?, ?)
                        on conflict (subject) do update set locale = excluded.locale, updated_at = excluded.updated_at
                        """)
                .params(subject, locale.getLanguage(), Timestamp.from(Instant.now()))
                .update();
    }
}
