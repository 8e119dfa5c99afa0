package id.lapak.device.config;

import id.lapak.device.DeviceChanges;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceService;
import id.lapak.device.auth.DeviceStateCache;
import id.lapak.device.keys.InjectedReaderKey;
import id.lapak.device.keys.ReaderKeyService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.CurrencyUnits;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreScope;
import id.lapak.tenant.store.StoreService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Device configuration: the layers the portal edits and the effective document a device pulls. The rendered
 * document is cached per device and dropped on the same change signals that guard authentication, so an
 * unchanged configuration is answered from memory.
 */
@Service
public class DeviceConfigService {

    /** The platform defaults' own "last changed", part of the version so a release with new defaults bumps it. */
    static final Instant PLATFORM_DEFAULTS_CHANGED = Instant.parse("2026-11-25T00:00:00Z");

    private record Layer(Map<String, JsonNode> settings, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DeviceRegistry registry;
    private final DeviceService devices;
    private final StoreService stores;
    private final DeviceChanges changes;
    private final ReaderKeyService readerKeys;
    private final Clock clock;
    private final AuditLog auditLog;
    private final ObjectProvider<CatalogVersionSource> catalogVersions;
    private final Map<UUID, RenderedConfig> rendered = new ConcurrentHashMap<>();
    /** Bumped on every change signal: a document rendered across a change is not cached. */
    private final AtomicLong generation = new AtomicLong();

    DeviceConfigService(
            JdbcClient jdbc,
            JsonMapper json,
            DeviceRegistry registry,
            DeviceService devices,
            StoreService stores,
            DeviceChanges changes,
            DeviceStateCache states,
            ReaderKeyService readerKeys,
            Clock clock,
            AuditLog auditLog,
            ObjectProvider<CatalogVersionSource> catalogVersions) {
        this.auditLog = auditLog;
        this.catalogVersions = catalogVersions;
        this.readerKeys = readerKeys;
        this.jdbc = jdbc;
        this.json = json;
        this.registry = registry;
        this.devices = devices;
        this.stores = stores;
        this.changes = changes;
        this.clock = clock;
        states.follow(this::onChange);
    }

    /** The configuration of the authenticated device (device API): from memory when nothing changed. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DEVICE')")
    public RenderedConfig forDevice(UUID deviceId) {
        UUID tenant = TenantContext.requireTenant();
        RenderedConfig cached = rendered.get(deviceId);
        if (cached != null && cached.tenantId().equals(tenant)) {
            return cached;
        }
        long before = generation.get();
        DeviceDetails device = registry.get(deviceId);
        RenderedConfig fresh = render(device, stores.getForDevice(device.storeId()));
        if (generation.get() == before) {
            rendered.put(deviceId, fresh);
        }
        return fresh;
    }

    /** The cached document for a device if it is still current; no database access (the 304 path). */
    public Optional<RenderedConfig> cached(UUID deviceId, UUID tenantId) {
        RenderedConfig cached = rendered.get(deviceId);
        return cached != null && cached.tenantId().equals(tenantId) ? Optional.of(cached) : Optional.empty();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Map<String, JsonNode> layer(ConfigScope scope, UUID scopeId) {
        requireEditable(scope, scopeId, false);
        return load(scope, scopeId).map(Layer::settings).orElse(Map.of());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public void setLayer(ConfigScope scope, UUID scopeId, Map<String, JsonNode> settings) {
        UUID tenant = TenantContext.requireTenant();
        requireEditable(scope, scopeId, true);
        ConfigSettings.validate(settings);
        Map<String, JsonNode> before = load(scope, scopeId).map(Layer::settings).orElse(Map.of());
        ObjectNode document = json.createObjectNode();
        settings.forEach(document::set);
        jdbc.sql("""
                        insert into device_config_layer (tenant_id, scope, scope_id, settings, version, updated_at,
                                                         updated_by)
                        values (?, ?, ?, cast(? as jsonb), 1, ?, ?)
                        on conflict (tenant_id, scope, scope_id) do update
                        set settings = excluded.settings, version = device_config_layer.version + 1,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(
                        tenant,
                        scope.name(),
                        scopeId,
                        json.writeValueAsString(document),
                        Timestamp.from(Instant.now(clock)),
                        CurrentUser.require().username())
                .update();
        changes.tenantChanged(tenant);
        AuditEvent event = AuditEvent.of("device.settings_changed", "DeviceConfigLayer", scope + ":" + scopeId);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(settings.keySet());
        for (String key : keys) {
            event = event.change(key, text(before.get(key)), text(settings.get(key)));
        }
        auditLog.record(event);
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.toString();
    }

    /** Every setting's effective value for a device and the layer it came from (portal). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public List<EffectiveValue> effective(UUID deviceId) {
        DeviceDetails device = devices.get(deviceId);
        return effectiveValues(device);
    }

    /** The effective configuration document of a device, as the device would receive it (portal preview). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public String preview(UUID deviceId) {
        DeviceDetails device = devices.get(deviceId);
        return new String(render(device, stores.get(device.storeId())).body(), StandardCharsets.UTF_8);
    }

    /**
     * The effective value of one setting for each of the current tenant's given devices, reading every layer of the
     * tenant once (background checks over a whole fleet; no person is signed in).
     */
    @Transactional(readOnly = true)
    public Map<UUID, JsonNode> effectiveForAll(Collection<DeviceDetails> fleet, String key) {
        UUID tenant = TenantContext.requireTenant();
        ConfigSettings.Setting setting = ConfigSettings.ALL.get(key);
        if (setting == null) {
            throw new InvalidConfigException(key, "is not a known setting");
        }
        Map<ConfigScope, Map<UUID, Map<String, JsonNode>>> layers = new EnumMap<>(ConfigScope.class);
        jdbc.sql("select scope, scope_id, settings::text from device_config_layer where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> {
                    Map<String, JsonNode> settings = new LinkedHashMap<>();
                    json.readTree(rs.getString(3)).properties().forEach(e -> settings.put(e.getKey(), e.getValue()));
                    layers.computeIfAbsent(ConfigScope.valueOf(rs.getString(1)), s -> new HashMap<>())
                            .put(rs.getObject(2, UUID.class), settings);
                    return null;
                })
                .list();
        Map<UUID, JsonNode> values = new HashMap<>();
        for (DeviceDetails device : fleet) {
            Map<ConfigScope, Map<String, JsonNode>> own = new LinkedHashMap<>();
            for (var scope : List.of(ConfigScope.TENANT, ConfigScope.STORE, ConfigScope.DEVICE)) {
                UUID scopeId = scope == ConfigScope.TENANT
                        ? device.tenantId()
                        : scope == ConfigScope.STORE ? device.storeId() : device.id();
                Map<String, JsonNode> layer =
                        layers.getOrDefault(scope, Map.of()).get(scopeId);
                if (layer != null) {
                    own.put(scope, layer);
                }
            }
            values.put(device.id(), resolve(setting, own).value());
        }
        return values;
    }

    private List<EffectiveValue> effectiveValues(DeviceDetails device) {
        Map<ConfigScope, Map<String, JsonNode>> layers = new LinkedHashMap<>();
        load(ConfigScope.TENANT, device.tenantId()).ifPresent(l -> layers.put(ConfigScope.TENANT, l.settings()));
        load(ConfigScope.STORE, device.storeId()).ifPresent(l -> layers.put(ConfigScope.STORE, l.settings()));
        load(ConfigScope.DEVICE, device.id()).ifPresent(l -> layers.put(ConfigScope.DEVICE, l.settings()));
        List<EffectiveValue> values = new ArrayList<>();
        for (var setting : ConfigSettings.ALL.values()) {
            values.add(resolve(setting, layers));
        }
        return values;
    }

    /** The narrowest layer that sets the key wins; with none, the platform default. */
    private static EffectiveValue resolve(
            ConfigSettings.Setting setting, Map<ConfigScope, Map<String, JsonNode>> layers) {
        JsonNode value = setting.platformDefault();
        ConfigScope source = ConfigScope.PLATFORM;
        for (var layer : layers.entrySet()) {
            JsonNode override = layer.getValue().get(setting.key());
            if (override != null) {
                value = override;
                source = layer.getKey();
            }
        }
        return new EffectiveValue(setting.key(), value, source);
    }

    private RenderedConfig render(DeviceDetails device, StoreDetails store) {
        Instant changed = PLATFORM_DEFAULTS_CHANGED;
        for (var scope : List.of(ConfigScope.TENANT, ConfigScope.STORE, ConfigScope.DEVICE)) {
            UUID scopeId = scope == ConfigScope.TENANT
                    ? device.tenantId()
                    : scope == ConfigScope.STORE ? device.storeId() : device.id();
            Optional<Layer> layer = load(scope, scopeId);
            if (layer.isPresent() && layer.get().updatedAt().isAfter(changed)) {
                changed = layer.get().updatedAt();
            }
        }
        Optional<InjectedReaderKey> readerKey = readerKeys.current(device.id());
        Instant keyChanged = readerKey.map(InjectedReaderKey::injectedAt).orElse(null);
        CatalogVersionSource source = catalogVersions.getIfAvailable();
        CatalogVersionSource.CatalogVersion catalog =
                source == null ? new CatalogVersionSource.CatalogVersion(0, null) : source.current(device.tenantId());
        for (Instant candidate :
                new Instant[] {store.updatedAt(), device.configChangedAt(), keyChanged, catalog.changedAt()}) {
            if (candidate != null && candidate.isAfter(changed)) {
                changed = candidate;
            }
        }
        long version = changed.toEpochMilli();

        ObjectNode root = json.createObjectNode();
        root.put("version", version);
        ObjectNode deviceNode = root.putObject("device");
        deviceNode.put("id", device.id().toString());
        deviceNode.put("name", device.name());
        ObjectNode storeNode = root.putObject("store");
        storeNode.put("id", store.id().toString());
        storeNode.put("name", store.name());
        storeNode.put("address", store.address());
        storeNode.put("city", store.city());
        storeNode.put("timeZone", store.timeZone().getId());
        storeNode.put("currency", store.currency().getCurrencyCode());
        storeNode.put("fractionDigits", CurrencyUnits.fractionDigits(store.currency()));
        ObjectNode tax = storeNode.putObject("tax");
        tax.put("registered", store.taxRegistered());
        tax.put("rate", store.taxRate().toPlainString());
        tax.put("pricesIncludeTax", store.pricesIncludeTax());
        List<EffectiveValue> values = effectiveValues(device);
        for (EffectiveValue value : values) {
            put(root, value.key(), value.value());
        }
        ObjectNode keyNode = root.putObject("readerKey");
        if (readerKey.isPresent()) {
            keyNode.put("status", "INJECTED");
            keyNode.put("algorithm", readerKey.get().algorithm().name());
            keyNode.put("bdkVersion", readerKey.get().bdkVersion());
            keyNode.put("initialKeyId", readerKey.get().initialKeyId());
            keyNode.put("injectedAt", readerKey.get().injectedAt().toString());
        } else {
            keyNode.put("status", "NOT_PROVISIONED");
        }
        root.putObject("catalog").put("version", catalog.version());
        byte[] body = json.writeValueAsBytes(root);
        return new RenderedConfig(
                device.id(), device.tenantId(), body, etag(body), version, PaymentTerms.of(device, store, values));
    }

    private static void put(ObjectNode root, String dottedKey, JsonNode value) {
        String[] path = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        node.set(path[path.length - 1], value);
    }

    private Optional<Layer> load(ConfigScope scope, UUID scopeId) {
        return jdbc.sql("""
                        select settings::text, updated_at from device_config_layer
                        where tenant_id = ? and scope = ? and scope_id = ?""")
                .params(TenantContext.requireTenant(), scope.name(), scopeId)
                .query((rs, n) -> {
                    JsonNode node = json.readTree(rs.getString(1));
                    Map<String, JsonNode> settings = new LinkedHashMap<>();
                    node.properties().forEach(e -> settings.put(e.getKey(), e.getValue()));
                    return new Layer(settings, rs.getTimestamp(2).toInstant());
                })
                .optional();
    }

    /** Tenant layer: merchant admins only. Store layer: admins, or managers of that store. Device: via its store. */
    private void requireEditable(ConfigScope scope, UUID scopeId, boolean write) {
        UUID tenant = TenantContext.requireTenant();
        LapakUser user = CurrentUser.require();
        switch (scope) {
            case TENANT -> {
                if (!tenant.equals(scopeId) || write && !user.has(Role.MERCHANT_ADMIN)) {
                    throw new AccessDeniedException("Only a merchant admin changes the tenant's device settings");
                }
            }
            case STORE -> {
                StoreScope.of(user).require(scopeId);
                stores.get(scopeId);
            }
            case DEVICE -> devices.get(scopeId);
            case PLATFORM -> throw new AccessDeniedException("Platform defaults are part of the release");
        }
    }

    private void onChange(String payload) {
        generation.incrementAndGet();
        if (payload.startsWith("device:")) {
            rendered.remove(UUID.fromString(payload.substring("device:".length())));
        } else if (payload.startsWith("tenant:")) {
            UUID tenant = UUID.fromString(payload.substring("tenant:".length()));
            rendered.values().removeIf(r -> r.tenantId().equals(tenant));
        } else {
            rendered.clear();
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
