package id.lapak.catalog.items;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hibernate adds the tenant condition from {@code @TenantId}; PostgreSQL enforces it again. */
interface ItemRepository extends JpaRepository<Item, UUID> {

    @Query("""
            select i from Item i
            where i.deleted = false
              and (:search = '' or lower(i.name) like :search or exists (
                    select 1 from Variant v where v.itemId = i.id and v.deleted = false
                      and (lower(v.sku) like :search or v.barcode = :exact)))
              and (:anyCategory = true or i.categoryId = :categoryId
                   or i.categoryId in (select c.id from Category c where c.parentId = :categoryId))
              and (:anyActive = true or i.active = :active)
            """)
    Page<Item> search(
            String search,
            String exact,
            boolean anyCategory,
            UUID categoryId,
            boolean anyActive,
            boolean active,
            Pageable pageable);

    boolean existsByCategoryIdAndDeletedFalse(UUID categoryId);

    @Query("select i from Item i where i.deleted = false and lower(i.name) in :names")
    List<Item> findByNames(Collection<String> names);

    @Query("select i from Item i where i.deleted = false order by i.name, i.id")
    Page<Item> allInOrder(Pageable pageable);

    boolean existsByTaxCategoryIdAndDeletedFalse(UUID taxCategoryId);
}
