package id.lapak.device;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import id.lapak.tenant.store.StoreService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's devices as the portal manages them. Merchant admins manage every device; store managers see and
 * manage the devices of their own stores (but cannot move them elsewhere or retire them); cashiers and support get
 * nothing here.
 */
@Service
public class DeviceService {

    private static final Set<String> SORTABLE = Set.of("name", "lastSeenAt", "pairedAt", "status", "model");
    public static final int NAME_MAX = 100;
    public static final int REASON_MAX = 500;

    private final DeviceRepository devices;
    private final DeviceTimeline timeline;
    private final DeviceChanges changes;
    private final StoreService stores;
    private final Clock clock;
    private final AuditLog auditLog;

    DeviceService(
            DeviceRepository devices,
            DeviceTimeline timeline,
            DeviceChanges changes,
            StoreService stores,
            Clock clock,
            AuditLog auditLog) {
        this.auditLog = auditLog;
        this.devices = devices;
        this.timeline = timeline;
        this.changes = changes;
        this.stores = stores;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<DeviceDetails> find(String search, UUID storeId, Pageable pageable) {
        TenantContext.requireTenant();
        String pattern =
                search == null || search.isBlank() ? "" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        LapakUser user = CurrentUser.require();
        Pageable safe = safe(pageable);
        StoreScope scope = StoreScope.of(user);
        Page<Device> page = scope.isAll()
                ? devices.search(pattern, storeId, safe)
                : scope.isEmpty() ? Page.empty(safe) : devices.searchWithin(scope.storeIds(), pattern, storeId, safe);
        return page.map(Device::details);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public DeviceDetails get(UUID id) {
        return visible(id).details();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public List<DeviceTimeline.Entry> timeline(UUID id, int limit) {
        visible(id);
        return timeline.latest(id, Math.min(Math.max(limit, 1), 500));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public DeviceDetails rename(UUID id, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > NAME_MAX) {
            throw new IllegalArgumentException("device.error.name");
        }
        Device device = visible(id);
        String before = device.details().name();
        device.rename(clean, Instant.now(clock));
        audit(id, "RENAMED", clean);
        auditLog.record(AuditEvent.of("device.renamed", "Device", id).change("name", before, clean));
        return device.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public DeviceDetails move(UUID id, UUID storeId) {
        Device device = visible(id);
        // Resolves only a store of this tenant that is active, or fails as not found.
        var store = stores.get(storeId);
        if (!store.active()) {
            throw new DeviceStateException("device.error.storeInactive");
        }
        UUID before = device.getStoreId();
        device.moveTo(storeId, Instant.now(clock));
        audit(id, "MOVED", store.name());
        auditLog.record(AuditEvent.of("device.moved", "Device", id)
                .change("storeId", before, storeId)
                .detail("store", store.name()));
        return device.details();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public DeviceDetails revoke(UUID id, String reason) {
        Device device = visible(id);
        DeviceStatus before = device.details().status();
        device.revoke(reason(reason), Instant.now(clock));
        audit(id, "REVOKED", reason(reason));
        auditLog.record(AuditEvent.of("device.revoked", "Device", id)
                .change("status", before, device.details().status())
                .detail("reason", reason(reason)));
        return device.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public DeviceDetails retire(UUID id, String reason) {
        Device device = visible(id);
        DeviceStatus before = device.details().status();
        device.retire(reason(reason), Instant.now(clock));
        audit(id, "RETIRED", reason(reason));
        auditLog.record(AuditEvent.of("device.retired", "Device", id)
                .change("status", before, device.details().status())
                .detail("reason", reason(reason)));
        return device.details();
    }

    private void audit(UUID deviceId, String kind, String detail) {
        timeline.record(deviceId, kind, detail, CurrentUser.require().username());
        changes.deviceChanged(deviceId);
    }

    private static String reason(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > REASON_MAX) {
            throw new IllegalArgumentException("device.error.reason");
        }
        return clean;
    }

    /** A device id from outside resolves only within the tenant and, for a store manager, their stores. */
    private Device visible(UUID id) {
        TenantContext.requireTenant();
        LapakUser user = CurrentUser.require();
        Device device = id == null ? null : devices.findById(id).orElse(null);
        if (device == null || !StoreScope.of(user).allows(device.getStoreId())) {
            throw new DeviceNotFoundException(id);
        }
        return device;
    }

    static void requireStoreAccess(LapakUser user, UUID storeId) {
        if (!StoreScope.of(user).allows(storeId)) {
            throw new AccessDeniedException("Not a store of this user");
        }
    }

    private static Pageable safe(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        Sort sort = Sort.by(requested.getSort().stream()
                .filter(o -> SORTABLE.contains(o.getProperty()))
                .toList());
        return PageRequest.of(
                requested.getPageNumber(),
                Math.min(Math.max(requested.getPageSize(), 1), 500),
                sort.isSorted() ? sort : Sort.by("name"));
    }
}
