package id.lapak.catalog.customers;

import id.lapak.catalog.mail.MailOutbox;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customers of the current tenant. The security boundary: everyone in the shop (admins, managers, cashiers) reads
 * customers; admins and managers create and edit them; only merchant admins merge, export and erase. Audit entries
 * name the fields that changed but never their values: the audit chain cannot be erased, a customer can.
 */
@Service
public class CustomerService {

    private static final Set<String> SORTABLE = Set.of("name", "email", "createdAt", "updatedAt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final MailOutbox outbox;

    CustomerService(CustomerRepository customers, JdbcClient jdbc, AuditLog auditLog, Clock clock, MailOutbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Searches name, e-mail and phone (a phone typed with a leading 0 also finds it written with +62). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')")
    public Page<CustomerDetails> find(String search, String tag, Pageable pageable) {
        TenantContext.requireTenant();
        String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        String text = term.isEmpty() ? "" : "%" + escape(term) + "%";
        String digits = term.replaceAll("[^0-9]", "");
        boolean looksLikePhone = digits.length() >= 3 && term.matches("^[+0-9 ()./-]+$");
        String digitPattern = looksLikePhone ? "%" + digits + "%" : "";
        String altPattern = looksLikePhone && digits.startsWith("0") ? "%62" + digits.substring(1) + "%" : digitPattern;
        String tagPattern =
                tag == null || tag.isBlank() ? "" : "%," + escape(tag.strip().toLowerCase(Locale.ROOT)) + ",%";
        return customers
                .search(text, digitPattern, altPattern, tagPattern, safePageable(pageable))
                .map(Customer::details);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')")
    public CustomerDetails get(UUID id) {
        return load(id).details();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public CustomerDetails create(CustomerForm form) {
        TenantContext.requireTenant();
        validate(form);
        Customer customer = customers.saveAndFlush(new Customer(UUID.randomUUID(), form, now()));
        auditLog.record(AuditEvent.of("customer.created", "Customer", customer.getId())
                .detail("fields", filled(customer.details())));
        return customer.details();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public CustomerDetails update(UUID id, long expectedVersion, CustomerForm form) {
        Customer customer = active(id);
        if (customer.getVersion() != expectedVersion) {
            throw new StaleCustomerException();
        }
        validate(form);
        CustomerDetails before = customer.details();
        customer.apply(form, now());
        customers.saveAndFlush(customer);
        CustomerDetails after = customer.details();
        auditLog.record(AuditEvent.of("customer.updated", "Customer", id).detail("fields", changed(before, after)));
        return after;
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId}: the survivor keeps its own fields and gains what it lacked,
     * the duplicate's purchases move over, and the duplicate remains only as a pointer to the survivor (so a device
     * that still knows the old id records its sales on the survivor).
     */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public CustomerDetails merge(UUID survivorId, UUID duplicateId) {
        UUID tenantId = TenantContext.requireTenant();
        if (Objects.equals(survivorId, duplicateId)) {
            throw new InvalidCustomerException(List.of(new CustomerProblem("duplicate", "customer.error.merge.same")));
        }
        Customer survivor = active(survivorId);
        Customer duplicate = active(duplicateId);
        Instant now = now();
        survivor.absorb(duplicate, now);
        duplicate.mergedInto(survivorId, now);
        customers.saveAndFlush(duplicate);
        customers.saveAndFlush(survivor);
        int moved = jdbc.sql("update customer_purchase set customer_id = ? where tenant_id = ? and customer_id = ?")
                .params(survivorId, tenantId, duplicateId)
                .update();
        // Earlier merges into the duplicate now point straight at the survivor.
        jdbc.sql("update customer set merged_into = ? where tenant_id = ? and merged_into = ? and id <> ?")
                .params(survivorId, tenantId, duplicateId, duplicateId)
                .update();
        auditLog.record(AuditEvent.of("customer.merged", "Customer", survivorId)
                .detail("duplicate", duplicateId)
                .detail("purchasesMoved", moved));
        return survivor.details();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')")
    public List<CustomerFigures> figures(UUID id) {
        UUID tenantId = TenantContext.requireTenant();
        load(id);
        return jdbc.sql("""
                        select currency,
                               coalesce(sum(amount_minor), 0) as total,
                               count(*) filter (where kind = 'SALE') as visits,
                               max(occurred_at) filter (where kind = 'SALE') as last_visit,
                               coalesce(sum(amount_minor) filter (where kind = 'SALE'), 0) as gross
                        from customer_purchase
                        where tenant_id = ? and customer_id = ?
                        group by currency
                        order by currency""")
                .params(tenantId, id)
                .query((rs, n) -> {
                    long visits = rs.getLong("visits");
                    long gross = rs.getLong("gross");
                    var last = rs.getTimestamp("last_visit");
                    return new CustomerFigures(
                            rs.getString("currency"),
                            rs.getLong("total"),
                            visits,
                            last == null ? null : last.toInstant(),
                            visits == 0 ? 0 : Math.round((double) gross / visits));
                })
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')")
    public Page<CustomerPurchase> purchases(UUID id, Pageable pageable) {
        UUID tenantId = TenantContext.requireTenant();
        load(id);
        Pageable page = pageable == null
                ? PageRequest.of(0, 50)
                : PageRequest.of(pageable.getPageNumber(), Math.min(Math.max(pageable.getPageSize(), 1), 500));
        List<CustomerPurchase> rows = jdbc.sql("""
                        select * from customer_purchase where tenant_id = ? and customer_id = ?
                        order by occurred_at desc, id limit ? offset ?""")
                .params(tenantId, id, page.getPageSize(), page.getOffset())
                .query((rs, n) -> purchase(rs))
                .list();
        long total = jdbc.sql("select count(*) from customer_purchase where tenant_id = ? and customer_id = ?")
                .params(tenantId, id)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, page, total);
    }

    /**
     * Personal data rights: everything Lapak holds about one customer, as JSON (the record, consent and every
     * purchase). Audited, because handing out personal data is itself an event.
     */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public String exportJson(UUID id) {
        UUID tenantId = TenantContext.requireTenant();
        CustomerDetails customer = load(id).details();
        List<CustomerPurchase> purchases = jdbc.sql("""
                        select * from customer_purchase where tenant_id = ? and customer_id = ?
                        order by occurred_at, id""")
                .params(tenantId, id)
                .query((rs, n) -> purchase(rs))
                .list();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "lapak-customer-export-v1");
        out.put("exportedAt", now().toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", customer.id().toString());
        record.put("name", customer.name());
        record.put("phone", customer.phone());
        record.put("email", customer.email());
        record.put("notes", customer.notes());
        record.put("tags", List.copyOf(customer.tags()));
        record.put("marketingConsent", customer.marketingConsent());
        record.put("marketingConsentAt", text(customer.marketingConsentAt()));
        record.put("erased", customer.erased());
        record.put("erasedAt", text(customer.erasedAt()));
        record.put("createdAt", text(customer.createdAt()));
        record.put("updatedAt", text(customer.updatedAt()));
        out.put("customer", record);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CustomerPurchase p : purchases) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", p.kind().name());
            row.put("saleId", p.saleId().toString());
            row.put("storeId", p.storeId().toString());
            row.put("currency", p.currency());
            row.put("amountMinor", p.amountMinor());
            row.put("itemCount", p.itemCount());
            row.put("occurredAt", text(p.occurredAt()));
            rows.add(row);
        }
        out.put("purchases", rows);
        auditLog.record(AuditEvent.of("customer.exported", "Customer", id).detail("purchases", purchases.size()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    /**
     * Personal data rights: removes every personal field for good. The purchases stay (the merchant's books need
     * them) but point at a record that no longer says who it was.
     */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public CustomerDetails erase(UUID id, String reason) {
        TenantContext.requireTenant();
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidCustomerException(
                    List.of(new CustomerProblem("reason", "customer.error.reason.required")));
        }
        Customer customer = active(id);
        String email = customer.details().email();
        customer.erase(now());
        customers.saveAndFlush(customer);
        // Receipts sent (or waiting) to the customer keep no trace of the address either.
        outbox.forgetRecipient(email);
        auditLog.record(AuditEvent.of("customer.erased", "Customer", id).detail("reason", reason.strip()));
        return customer.details();
    }

    private Customer load(UUID id) {
        TenantContext.requireTenant();
        if (id == null) {
            throw new CustomerNotFoundException(null);
        }
        Customer customer = customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
        if (customer.getStatus() == Customer.Status.MERGED) {
            throw new CustomerNotFoundException(id);
        }
        return customer;
    }

    private Customer active(UUID id) {
        Customer customer = load(id);
        if (customer.getStatus() != Customer.Status.ACTIVE) {
            throw new CustomerNotFoundException(id);
        }
        return customer;
    }

    private static void validate(CustomerForm form) {
        if (form == null) {
            throw new InvalidCustomerException(List.of(new CustomerProblem("name", "customer.error.name.required")));
        }
        List<CustomerProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidCustomerException(problems);
        }
    }

    private static String filled(CustomerDetails c) {
        List<String> fields = new ArrayList<>();
        fields.add("name");
        if (c.phone() != null) {
            fields.add("phone");
        }
        if (c.email() != null) {
            fields.add("email");
        }
        if (c.notes() != null) {
            fields.add("notes");
        }
        if (!c.tags().isEmpty()) {
            fields.add("tags");
        }
        if (c.marketingConsent()) {
            fields.add("marketingConsent");
        }
        return String.join(",", fields);
    }

    private static String changed(CustomerDetails before, CustomerDetails after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            fields.add("name");
        }
        if (!Objects.equals(before.phone(), after.phone())) {
            fields.add("phone");
        }
        if (!Objects.equals(before.email(), after.email())) {
            fields.add("email");
        }
        if (!Objects.equals(before.notes(), after.notes())) {
            fields.add("notes");
        }
        if (!Objects.equals(before.tags(), after.tags())) {
            fields.add("tags");
        }
        if (before.marketingConsent() != after.marketingConsent()) {
            fields.add(after.marketingConsent() ? "marketingConsent:given" : "marketingConsent:withdrawn");
        }
        return String.join(",", fields);
    }

    static CustomerPurchase purchase(ResultSet rs) throws SQLException {
        return new CustomerPurchase(
                rs.getObject("id", UUID.class),
                CustomerPurchase.Kind.valueOf(rs.getString("kind")),
                rs.getObject("sale_id", UUID.class),
                rs.getObject("store_id", UUID.class),
                rs.getObject("device_id", UUID.class),
                rs.getString("currency"),
                rs.getLong("amount_minor"),
                rs.getInt("item_count"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Pageable safePageable(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        int size = Math.min(Math.max(requested.getPageSize(), 1), 500);
        Sort sort = Sort.by(requested.getSort().stream()
                .filter(o -> SORTABLE.contains(o.getProperty()))
                .toList());
        return PageRequest.of(requested.getPageNumber(), size, sort.isSorted() ? sort : Sort.by("name"));
    }
}
