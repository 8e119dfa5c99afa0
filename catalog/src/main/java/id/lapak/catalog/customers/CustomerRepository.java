package id.lapak.catalog.customers;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries need no tenant condition: Hibernate adds it from {@code @TenantId}, and PostgreSQL enforces it again. */
interface CustomerRepository extends JpaRepository<Customer, UUID> {

    /**
     * Active customers whose name or e-mail contains {@code text}, or whose phone digits contain {@code digits} (or
     * {@code altDigits}: the same number written with the country code), optionally with a tag ({@code ",vip,"}).
     */
    @Query("""
            select c from Customer c
            where c.status = id.lapak.catalog.customers.Customer.Status.ACTIVE
              and (:text = '' or lower(c.name) like :text or lower(c.email) like :text
                   or (:digits <> '' and (c.phoneDigits like :digits or c.phoneDigits like :altDigits)))
              and (:tag = '' or c.tags like :tag)
            """)
    Page<Customer> search(String text, String digits, String altDigits, String tag, Pageable pageable);
}
