package id.lapak.device.auth;

import com.zaxxer.hikari.HikariDataSource;
import id.lapak.device.DeviceChanges;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * What each request needs to know about its device (status, tenant status), kept in memory so a request costs no
 * database round trip, and kept current on every node by PostgreSQL {@code LISTEN}: a revocation, retirement or
 * tenant suspension commits together with its {@code NOTIFY}, and every node drops the affected entries when it
 * hears it. While a node has no listening connection it trusts no cached entry and asks the database each time.
 */
@Component
public class DeviceStateCache implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeviceStateCache.class);

    /** A device as a request sees it. */
    public record State(UUID deviceId, UUID tenantId, UUID storeId, DeviceStatus status, boolean tenantActive) {}

    private final DeviceRegistry registry;
    private final DataSource dataSource;
    private final DeviceChanges changes;
    private final Map<UUID, State> states = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private Thread listener;

    DeviceStateCache(DeviceRegistry registry, DataSource dataSource, DeviceChanges changes) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.changes = changes;
    }

    @Override
    public void afterPropertiesSet() {
        changes.addLocalListener(this::onChange);
        listener = Thread.ofPlatform().daemon().name("device-state-listener").start(this::listen);
    }

    public Optional<State> state(UUID deviceId) {
        if (!listening.get()) {
            return load(deviceId);
        }
        State cached = states.get(deviceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<State> loaded = load(deviceId);
        loaded.ifPresent(s -> states.put(deviceId, s));
        return loaded;
    }

    /** Other caches (e.g. effective configurations) drop their entries on the same signals. */
    public void follow(Consumer<String> follower) {
        followers.add(follower);
    }

    boolean isListening() {
        return listening.get();
    }

    private Optional<State> load(UUID deviceId) {
        return registry.credentials(deviceId)
                .map(c -> new State(c.deviceId(), c.tenantId(), c.storeId(), c.status(), c.tenantActive()));
    }

    void onChange(String payload) {
        if (payload.startsWith("device:")) {
            states.remove(UUID.fromString(payload.substring("device:".length())));
        } else if (payload.startsWith("tenant:")) {
            UUID tenant = UUID.fromString(payload.substring("tenant:".length()));
            states.values().removeIf(s -> s.tenantId().equals(tenant));
        } else {
            states.clear();
        }
        followers.forEach(f -> f.accept(payload));
    }

    private void listen() {
        while (running) {
            try (Connection connection = listeningConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + DeviceChanges.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                // Anything may have changed while no one was listening.
                onChange("all");
                listening.set(true);
                log.debug("Listening for device changes");
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            onChange(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Device change listener lost its connection ({}); checking the database per request "
                                    + "until it is back",
                            e.getMessage());
                }
            } finally {
                listening.set(false);
                states.clear();
            }
            if (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Its own connection, outside the pool: a listening session must never be handed to other work. */
    private Connection listeningConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var hikari = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        throw new SQLException("Listening for device changes needs a HikariCP data source");
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(3000);
        }
    }
}
