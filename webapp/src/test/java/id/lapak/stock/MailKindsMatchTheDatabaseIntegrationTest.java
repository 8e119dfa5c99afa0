package id.lapak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.catalog.mail.MailKind;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several features add kinds of mail, each in its own migration: the outbox's check constraint must accept every
 * kind the code can send (the last migration to redeclare it wins).
 */
@IntegrationTest
class MailKindsMatchTheDatabaseIntegrationTest {

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOutboxAcceptsEveryMailKind() {
        String check = platform.call(
                "test: outbox constraint",
                () -> jdbc.sql("""
                select pg_get_constraintdef(oid) from pg_constraint where conname = 'mail_outbox_kind_check'""").query(String.class).single());
        assertThat(Arrays.stream(MailKind.values())
                        .map(kind -> "'" + kind.name() + "'")
                        .toList())
                .allMatch(check::contains);
    }
}
