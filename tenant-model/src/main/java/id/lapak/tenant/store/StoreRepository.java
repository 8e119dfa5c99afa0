package id.lapak.tenant.store;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Queries need no tenant condition: Hibernate adds it from {@code @TenantId}, and PostgreSQL enforces it again. */
interface StoreRepository extends JpaRepository<Store, UUID> {

    @Query("""
            select s from Store s
            where (:search = '' or lower(s.name) like :search or lower(s.city) like :search)
            """)
    Page<Store> search(String search, Pageable pageable);

    @Query("""
            select s from Store s
            where s.id in :ids and (:search = '' or lower(s.name) like :search or lower(s.city) like :search)
            """)
    Page<Store> searchWithin(Collection<UUID> ids, String search, Pageable pageable);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

    long countByActive(boolean active);
}
